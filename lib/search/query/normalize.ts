// The one normalisation both sides share: record fields when the index loads and queries as they
// are typed. Whatever is not a letter or a digit becomes a word break, so "kube-proxy",
// "kube_proxy", "kube proxy" and "Kube Proxy" all read "kube proxy", and no character in a query
// can act as a regex or fuse.js operator.

// "kubelet's" is the kubelet; "don't" is one word.
const possessive = /['’]s(?![\p{L}\p{N}])/gu;
const apostrophes = /['’]/g;
const combiningMarks = /\p{M}+/gu;
const nonWordRuns = /[^\p{L}\p{N}]+/gu;

/** Lower-case words separated by single spaces, with a space at each end so that " word" finds the start of a word. */
export function normalizeText(text: string): string {
  const words = text
    .normalize('NFKD')
    .replace(combiningMarks, '')
    .replace(possessive, '')
    .replace(apostrophes, '')
    .toLowerCase()
    .replace(nonWordRuns, ' ')
    .trim();
  return words ? ` ${words} ` : ' ';
}

/** The words of a text, normalised. */
export function wordsOf(text: string): string[] {
  const normalized = normalizeText(text).trim();
  return normalized ? normalized.split(' ') : [];
}

// Suffixes taken off query words, as data. Matching is by word prefix, so a stem only has to be a
// prefix of every form of the word: "policies" -> "polic" finds "policy"; "scheduling" ->
// "schedul" finds "scheduler"; "eviction" -> "evict" finds "evicted".
const suffixRules: readonly { suffix: string; replaceWith: string; when?: RegExp; minBase: number }[] = [
  { suffix: 'ies', replaceWith: '', minBase: 4 },
  { suffix: 'ing', replaceWith: '', minBase: 4 },
  { suffix: 'tion', replaceWith: 't', minBase: 3 },
  { suffix: 'ed', replaceWith: '', minBase: 4 },
  { suffix: 'es', replaceWith: '', when: /(ss|x|z|ch|sh)$/, minBase: 3 },
  // Not after s or u: "address" and "status" are not plurals.
  { suffix: 's', replaceWith: '', when: /[^su]$/, minBase: 3 },
  // "restore" -> "restor" finds "restoring"; short words keep it ("state" must not find "static").
  { suffix: 'e', replaceWith: '', minBase: 5 },
];
const doubledConsonant = /([^aeiouls])\1$/;

/** The part of a word all its forms share: "pods" -> "pod", "running" -> "run"; short words stay whole. */
export function stem(word: string): string {
  for (const rule of suffixRules) {
    if (!word.endsWith(rule.suffix)) continue;
    const base = word.slice(0, -rule.suffix.length);
    if (rule.when && !rule.when.test(base)) continue;
    if (base.length < rule.minBase) return word;
    return (doubledConsonant.test(base) ? base.slice(0, -1) : base) + rule.replaceWith;
  }
  return word;
}
