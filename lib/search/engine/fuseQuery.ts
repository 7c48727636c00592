import type { Expression } from 'fuse.js';
import type { FieldScope } from '../query/vocabulary';
import type { QueryTerm } from '../types';
import type { SearchDocument } from './documents';

/** A term with the fields it is looked for in. */
export interface ScopedTerm extends QueryTerm {
  scope: FieldScope;
}

const keysInScope: Record<FieldScope, readonly (keyof SearchDocument)[]> = {
  all: ['name', 'keywords', 'chapter', 'body'],
  names: ['name', 'keywords', 'chapter'],
};

/**
 * A common word ("node", "pod") is only looked for in names when the query also has a rarer
 * word: in the body it would match most of the notes and rank nothing. A word the notes do not
 * contain is matched fuzzily, and only in names: bitap over long text is slow and finds noise.
 */
export function scopeTerms(terms: readonly QueryTerm[]): ScopedTerm[] {
  const hasTellingTerm = terms.some((t) => !t.common && t.match !== 'fuzzy');
  return terms.map((term) => ({
    ...term,
    scope: term.match === 'fuzzy' || (term.common && hasTellingTerm) ? 'names' : 'all',
  }));
}

/**
 * The fuse.js extended-search pattern for a term. Fields are normalised with a space at each end
 * and between words (see normalizeText), so the include pattern '" term"' is "a word starting
 * with term" and '" term "' is the whole word. A fuzzy term is a plain (bitap) pattern.
 */
function pattern(term: QueryTerm): string {
  if (term.match === 'prefix') return `'" ${term.text}"`;
  if (term.match === 'word') return `'" ${term.text} "`;
  return term.text;
}

/**
 * One fuse.js logical query for the whole search: any term in any of its fields ($or). Fuse
 * multiplies the scores of every field that matched, so a record matching more terms, in
 * higher-weighted and shorter fields, ranks first.
 */
export function toFuseExpression(terms: readonly ScopedTerm[]): Expression {
  return { $or: terms.flatMap((term) => keysInScope[term.scope].map((key) => ({ [key]: pattern(term) }))) };
}
