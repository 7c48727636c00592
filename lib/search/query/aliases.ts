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

/**
 * Everyday verbs of learners' questions and the words the notes use for the same event, as data:
 * "who brings up new containers when one dies" is asked about containers that exit or crash.
 * They count for less than the typed word (searchConfig.expansion.weights.everyday).
 */
export const everydayTable: Readonly<Record<string, readonly string[]>> = Object.freeze({
  die: ['exit', 'crash', 'fail'],
  dies: ['exits', 'crashes', 'fails'],
  dead: ['exited', 'crashed', 'failed'],
  broken: ['fail', 'unhealthy'],
  stuck: ['pending', 'terminating', 'hang'],
  bring: ['start', 'restart', 'create'],
  brings: ['starts', 'restarts', 'creates'],
  save: ['store', 'persist'],
  remembers: ['stores', 'holds'],
  kill: ['evict', 'terminate', 'oom'],
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

/**
 * The other names in a glossary title: "CRI (Container Runtime Interface)" -> ["Container Runtime
 * Interface"]. A single word in parentheses says which of two namesakes is meant ("namespace
 * (Linux)"): it is no name of the term, so "kubernetes" must not stand for "namespace".
 */
export function namesInParentheses(title: string): string[] {
  return [...title.matchAll(parenthesised)].map((m) => m[1].trim()).filter((name) => name.includes(' '));
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

export function everydayWords(): AliasMap {
  return aliasMap(Object.entries(everydayTable).flatMap(([word, targets]) => targets.map((t): [string, string] => [word, t])));
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
