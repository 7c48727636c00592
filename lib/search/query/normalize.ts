// The one normalisation both sides share: record fields when the index loads and queries as they
// are typed. Whatever is not a letter or a digit becomes a word break, so "kube-proxy",
// "kube_proxy", "kube proxy" and "Kube Proxy" all read "kube proxy", and no character in a query
// can act as a regex operator.

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
    // NFKD splits Hangul syllables into jamo; put them back together so "파드" stays one word of two letters.
    .normalize('NFC')
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

const hangul = /[\uac00-\ud7a3]/;
export const isHangul = (word: string) => hangul.test(word);

/**
 * Korean particles (조사) that follow a noun without a space: "파드가", "노드에서", "컨테이너를".
 * Longest first, so "에서" is taken off before "서" could be. Policy as data.
 */
const particles = [
  '에서는',
  '으로는',
  '에서',
  '으로',
  '에게',
  '한테',
  '까지',
  '부터',
  '보다',
  '처럼',
  '이란',
  '이다',
  '란',
  '은',
  '는',
  '이',
  '가',
  '을',
  '를',
  '의',
  '에',
  '로',
  '와',
  '과',
  '도',
  '만',
];

/** "노드가" -> "노드": a Hangul word without its particle, as long as two syllables are left (so "정도" stays). */
export function stripParticle(word: string): string {
  if (!isHangul(word)) return word;
  for (const particle of particles) {
    if (word.endsWith(particle) && word.length - particle.length >= 2) return word.slice(0, -particle.length);
  }
  return word;
}

const vowel = /[aeiouy]/;
/** A consonant-vowel-consonant ending ("scal", "stat"): the word lost an "e" to its suffix ("scaled" from "scale"). */
const lostE = (base: string) =>
  base.length === 4 && !vowel.test(base[3]) && vowel.test(base[2]) && !vowel.test(base[1]) && !/[wxy]/.test(base[3]);
const doubled = /([^aeiouls])\1$/;

/**
 * The form all inflections of an English word share, compared whole (never as a prefix, so "stat"
 * does not find "statefulset"): "pods" -> "pod", "policies" -> "policy", "running" -> "run",
 * "scheduling" and "schedule" -> "schedul", "eviction" -> "evict", "scaled" -> "scale". Short
 * words and words with digits stay as they are ("dns", "k8s", "cgroup2"); Hangul loses its particle.
 */
export function stem(word: string): string {
  if (isHangul(word)) return stripParticle(word);
  if (word.length <= 3 || !/^[a-z]+$/.test(word)) return word;
  let w = word;
  if (w.endsWith('ies') && w.length > 4) w = `${w.slice(0, -3)}y`;
  else if (/(ss|x|z|ch|sh)es$/.test(w)) w = w.slice(0, -2);
  else if (w.endsWith('s') && !/(ss|us|is)$/.test(w)) w = w.slice(0, -1);
  for (const suffix of ['ing', 'ed']) {
    if (!w.endsWith(suffix)) continue;
    const base = w.slice(0, -suffix.length);
    if (doubled.test(base) && base.length >= 4) w = base.slice(0, -1);
    else if (base.length >= 5) w = base;
    else if (base.length === 4) w = lostE(base) ? `${base}e` : base;
    break;
  }
  if (w.endsWith('tion') && w.length >= 7) w = w.slice(0, -3);
  if (w.endsWith('e') && w.length >= 6) w = w.slice(0, -1);
  return w;
}
