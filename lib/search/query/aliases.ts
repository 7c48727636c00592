import { normalizeText, stem } from './normalize';

/**
 * Old and short names that mean exactly the same as a name the notes use, as data. A query for
 * one searches for both, equally. (Glossary aliases are looser, "kubeconfig" for kubectl, and
 * only rank up the entry they belong to: see relatedNames.)
 */
export const synonymTable: Readonly<Record<string, readonly string[]>> = Object.freeze({
  k8s: ['kubernetes'],
  master: ['control plane'],
  minion: ['node', 'worker node'],
  ns: ['namespace'],
  po: ['pod'],
  svc: ['service'],
  vm: ['virtual machine'],
  pdb: ['poddisruptionbudget'],
});

/** phraseKey(name) -> the normalised names it stands for. */
export type AliasMap = ReadonlyMap<string, readonly string[]>;

export interface NamedThing {
  title: string;
  keywords: readonly string[];
}

/** How names and typed phrases are compared: normalised, last word stemmed, so "daemon sets" is "daemon set". */
export function phraseKey(normalizedWords: string): string {
  const words = normalizedWords.split(' ');
  words.push(stem(words.pop()!));
  return words.join(' ');
}

const normalized = (text: string) => normalizeText(text).trim();
const parenthesised = /\(([^)]*)\)/g;

/** A glossary title without its parenthesised part: "CRI (Container Runtime Interface)" -> "CRI". */
export function mainName(title: string): string {
  return title.replace(parenthesised, ' ').trim();
}

/** The other names in a glossary title: "CRI (Container Runtime Interface)" -> ["Container Runtime Interface"]. */
export function namesInParentheses(title: string): string[] {
  return [...title.matchAll(parenthesised)].map((m) => m[1].trim()).filter(Boolean);
}

function aliasMap(pairs: Iterable<[alias: string, target: string]>): AliasMap {
  const map = new Map<string, string[]>();
  for (const [alias, target] of pairs) {
    const key = phraseKey(normalized(alias));
    const name = normalized(target);
    if (!key || !name || key === phraseKey(name)) continue;
    const targets = map.get(key) ?? [];
    if (!targets.includes(name)) targets.push(name);
    map.set(key, targets);
  }
  return map;
}

export function synonyms(): AliasMap {
  return aliasMap(Object.entries(synonymTable).flatMap(([alias, targets]) => targets.map((t): [string, string] => [alias, t])));
}

/** Every alias of every glossary term (and a title's parenthesised part) -> the term's name. */
export function relatedNames(terms: readonly NamedThing[]): AliasMap {
  return aliasMap(
    terms.flatMap((term) =>
      [...namesInParentheses(term.title), ...term.keywords].map((alias): [string, string] => [alias, mainName(term.title)]),
    ),
  );
}

/** The glossary's names as phrase keys: multi-word ones typed in a query are searched as phrases. */
export function termNames(terms: readonly NamedThing[]): ReadonlySet<string> {
  return new Set(terms.map((t) => phraseKey(normalized(mainName(t.title)))).filter(Boolean));
}
