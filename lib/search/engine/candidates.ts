import type { FieldScope, Vocabulary } from '../query/vocabulary';
import type { ScopedTerm } from './fuseQuery';

/** A superset of the records where the term can match in `scope`; undefined when it could match almost anywhere. */
function recordsForTerm(term: ScopedTerm, scope: FieldScope, vocabulary: Vocabulary): readonly number[] | undefined {
  const words = term.text.split(' ');
  // In a phrase every word but the last is whole; the last may still be being typed.
  const last = words.pop()!;
  const lists = words.map((word) => vocabulary.recordsWithWord(word, scope));
  const lastList = term.match === 'word' ? vocabulary.recordsWithWord(last, scope) : vocabulary.recordsWithPrefix(last, scope);
  if (lastList) lists.push(lastList);
  // A record holding the phrase holds each of its words, so the shortest list is enough.
  return lists.length ? lists.reduce((a, b) => (a.length <= b.length ? a : b)) : undefined;
}

function union(terms: readonly ScopedTerm[], scope: FieldScope, vocabulary: Vocabulary, recordCount: number): number[] | undefined {
  const found = new Uint8Array(recordCount);
  for (const term of terms) {
    const records = recordsForTerm(term, scope, vocabulary);
    if (!records) return undefined;
    for (const index of records) found[index] = 1;
  }
  const indices: number[] = [];
  found.forEach((isFound, index) => {
    if (isFound) indices.push(index);
  });
  return indices;
}

/**
 * The records fuse.js needs to score, ascending: those where a term that is not boost-only can
 * match. When every such term is common ("pod", "node fails") a record that only mentions it in
 * passing is no answer, so only records with it in their names count, unless none has.
 * Undefined when a term could match almost anywhere (a prefix that over a thousand words of
 * the notes start with): then every record is scored.
 */
export function candidateRecords(terms: readonly ScopedTerm[], vocabulary: Vocabulary, recordCount: number): number[] | undefined {
  const narrowing = terms.filter((t) => !t.boostOnly);
  if (narrowing.some((t) => t.role === 'telling')) return union(narrowing, 'all', vocabulary, recordCount);
  const named = union(narrowing, 'names', vocabulary, recordCount);
  return named?.length ? named : union(narrowing, 'all', vocabulary, recordCount);
}
