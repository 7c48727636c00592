import { normalizeText } from './normalize';

/**
 * Names a reader may type for something the notes call differently, as data. Most come from the
 * glossary's `aliases` when the index loads (see buildAliasMap); these few are listed here so
 * that old names keep working even if a glossary entry changes.
 */
export const builtinAliases: Readonly<Record<string, readonly string[]>> = Object.freeze({
  k8s: ['kubernetes'],
  master: ['control plane'],
  minion: ['node', 'worker node'],
  ns: ['namespace'],
  po: ['pod'],
});

/** Normalised phrase -> the normalised names it stands for. */
export type AliasMap = ReadonlyMap<string, readonly string[]>;

export interface NamedThing {
  title: string;
  keywords: readonly string[];
}

const trimmed = (text: string) => normalizeText(text).trim();
const parenthesised = /\(([^)]*)\)/g;

/**
 * Maps every alias of every glossary term to the term's name. A title's parenthesised part is an
 * alias too: "CRI (Container Runtime Interface)" makes "container runtime interface" mean "cri".
 */
export function buildAliasMap(terms: readonly NamedThing[]): AliasMap {
  const map = new Map<string, string[]>();
  const add = (alias: string, target: string) => {
    if (!alias || !target || alias === target) return;
    const targets = map.get(alias) ?? [];
    if (!targets.includes(target)) targets.push(target);
    map.set(alias, targets);
  };
  for (const [alias, targets] of Object.entries(builtinAliases)) for (const t of targets) add(alias, t);
  for (const term of terms) {
    const name = trimmed(term.title.replace(parenthesised, ' '));
    for (const [, inner] of term.title.matchAll(parenthesised)) add(trimmed(inner), name);
    for (const alias of term.keywords) add(trimmed(alias), name);
  }
  return map;
}

/** The glossary's names, normalised: multi-word ones are searched as phrases. */
export function termNames(terms: readonly NamedThing[]): ReadonlySet<string> {
  return new Set(terms.map((t) => trimmed(t.title.replace(parenthesised, ' '))).filter(Boolean));
}
