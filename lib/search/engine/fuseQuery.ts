import type { Expression } from 'fuse.js';
import type { FieldScope } from '../query/vocabulary';
import type { QueryTerm } from '../types';
import type { SearchDocument } from './documents';

/** A term with the fields it is looked for in, and whether it only adds to the score of records other terms find. */
export interface ScopedTerm extends QueryTerm {
  scope: FieldScope;
  boostOnly: boolean;
}

const keysInScope: Record<FieldScope, readonly (keyof SearchDocument)[]> = {
  all: ['name', 'keywords', 'chapter', 'body'],
  names: ['name', 'keywords', 'chapter'],
};

/**
 * When a query has a telling word, a common word ("node" in "drain a node") only ranks up the
 * records the telling words find: on its own it would bring in most of the notes. Related names
 * do the same, and only through names.
 */
export function scopeTerms(terms: readonly QueryTerm[]): ScopedTerm[] {
  const hasTellingTerm = terms.some((t) => t.role === 'telling');
  return terms.map((term) => ({
    ...term,
    boostOnly: term.role === 'related' || (term.role === 'common' && hasTellingTerm),
    scope: term.role === 'related' ? 'names' : 'all',
  }));
}

/**
 * The fuse.js extended-search pattern for a term. Fields are normalised with a space at each end
 * and between words (see normalizeText), so the include pattern '" term"' is "a word starting
 * with term" and '" term "' is the whole word.
 */
const pattern = (term: QueryTerm) => (term.match === 'prefix' ? `'" ${term.text}"` : `'" ${term.text} "`);

/**
 * One fuse.js logical query for the whole search: any term in any of its fields ($or). Fuse
 * multiplies the scores of every field that matched, so a record matching more terms, in
 * higher-weighted and shorter fields, ranks first.
 */
export function toFuseExpression(terms: readonly ScopedTerm[]): Expression {
  return { $or: terms.flatMap((term) => keysInScope[term.scope].map((key) => ({ [key]: pattern(term) }))) };
}
