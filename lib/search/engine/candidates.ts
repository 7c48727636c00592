import type { Vocabulary } from '../query/vocabulary';
import type { ScopedTerm } from './fuseQuery';

/** A superset of the records where the term can match, from the inverted index; undefined when it could match anywhere. */
function recordsForTerm(term: ScopedTerm, vocabulary: Vocabulary): readonly number[] | undefined {
  if (term.match === 'fuzzy') return undefined;
  const words = term.text.split(' ');
  // In a phrase every word but the last is whole; the last may still be being typed.
  const last = words.pop()!;
  const lists = words.map((word) => vocabulary.recordsWithWord(word, term.scope));
  const lastList = term.match === 'word' ? vocabulary.recordsWithWord(last, term.scope) : vocabulary.recordsWithPrefix(last, term.scope);
  if (lastList) lists.push(lastList);
  // A record holding the phrase holds each of its words, so the shortest list is enough.
  return lists.length ? lists.reduce((a, b) => (a.length <= b.length ? a : b)) : undefined;
}

/**
 * The records that can match any term, ascending, so fuse.js only scores those; undefined when
 * some term could match anywhere (a fuzzy term, a very short prefix) and every record must be scored.
 */
export function candidateRecords(terms: readonly ScopedTerm[], vocabulary: Vocabulary): number[] | undefined {
  const found = new Set<number>();
  for (const term of terms) {
    const records = recordsForTerm(term, vocabulary);
    if (!records) return undefined;
    for (const index of records) found.add(index);
  }
  return [...found].sort((a, b) => a - b);
}
