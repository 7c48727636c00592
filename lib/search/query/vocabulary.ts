import { searchConfig } from '../config';
import { editDistance } from './editDistance';

/** The words of one record: those of its names (heading, aliases, chapter title) and all of them. */
export interface RecordWords {
  names: readonly string[];
  all: readonly string[];
}

/** Which fields a term is looked for in: all of them, or only the short ones that name a record. */
export type FieldScope = 'all' | 'names';

/**
 * The words of the notes and the records that use each (an inverted index): for spelling
 * correction, for telling common words from telling ones, and for narrowing a search to the
 * records that can match before fuse.js scores them.
 */
export interface Vocabulary {
  has(word: string): boolean;
  /** True when some word of the notes starts with `prefix`, e.g. while a reader is still typing it. */
  hasWordStartingWith(prefix: string): boolean;
  /** The share of records that contain a word starting with `prefix` (0 to 1); for a phrase, its rarest word's. */
  share(term: string): number;
  /** The closest word of the notes within the allowed number of typos, if any. */
  correct(word: string): string | undefined;
  /** True when one record holds every one of these words. */
  cooccur(words: readonly string[]): boolean;
  /**
   * The records (by index) with a word starting with `prefix` in `scope`, or undefined when so
   * many words start with it that checking every record is cheaper.
   */
  recordsWithPrefix(prefix: string, scope: FieldScope): number[] | undefined;
  /** The records with exactly this word in `scope`. */
  recordsWithWord(word: string, scope: FieldScope): readonly number[];
}

// Past this many words sharing a prefix (a two- or three-letter start), narrowing by the inverted
// index costs more than it saves.
const prefixScanLimit = 1000;
const cacheLimit = 1000;
const none: readonly number[] = [];

function lowerBound(sorted: readonly string[], value: string): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid] < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function allowedEdits(length: number): number {
  let edits = 0;
  for (const rule of searchConfig.spelling) if (length >= rule.minLength) edits = rule.maxEdits;
  return edits;
}

const sortedLetters = (word: string) => [...word].sort().join('');
/** Short words are corrected only for swapped letters ("ectd"): any other edit of four letters is too often another real word ("helm" is not "help"). */
const plausible = (word: string, candidate: string) =>
  word.length >= searchConfig.minSubstitutionLength || sortedLetters(word) === sortedLetters(candidate);

/** word -> indices of the records that contain it, ascending. */
function postings(records: readonly (readonly string[])[]): Map<string, number[]> {
  const map = new Map<string, number[]>();
  records.forEach((words, index) => {
    for (const word of new Set(words)) {
      const list = map.get(word);
      if (list) list.push(index);
      else map.set(word, [index]);
    }
  });
  return map;
}

export function buildVocabulary(records: readonly RecordWords[]): Vocabulary {
  const inScope: Record<FieldScope, Map<string, number[]>> = {
    all: postings(records.map((r) => r.all)),
    names: postings(records.map((r) => r.names)),
  };
  const frequency = (word: string) => inScope.all.get(word)?.length ?? 0;
  const sorted = [...inScope.all.keys()].sort();
  const byLength = new Map<number, string[]>();
  for (const word of sorted) {
    const bucket = byLength.get(word.length);
    if (bucket) bucket.push(word);
    else byLength.set(word.length, [word]);
  }
  const recordCount = Math.max(1, records.length);
  const isName = (word: string) => inScope.names.has(word);
  const corrections = new Map<string, string | undefined>();

  /** The words starting with `prefix`, or undefined when there are more than the scan limit. */
  const wordsStartingWith = (prefix: string): string[] | undefined => {
    const words: string[] = [];
    for (let i = lowerBound(sorted, prefix); i < sorted.length && sorted[i].startsWith(prefix); i++) {
      if (words.length === prefixScanLimit) return undefined;
      words.push(sorted[i]);
    }
    return words;
  };

  const prefixShare = (prefix: string): number => {
    const words = wordsStartingWith(prefix);
    // So many words start with it that it cannot tell records apart.
    if (!words) return 1;
    return Math.max(0, ...words.map(frequency)) / recordCount;
  };

  const findCorrection = (word: string): string | undefined => {
    const max = allowedEdits(word.length);
    let best: string | undefined;
    let bestDistance = max + 1;
    for (let length = word.length - max; max && length <= word.length + max; length++) {
      for (const candidate of byLength.get(length) ?? []) {
        const distance = editDistance(word, candidate, Math.min(max, bestDistance));
        if (distance > Math.min(max, bestDistance) || !plausible(word, candidate)) continue;
        // Equally close: a word that names something (a heading, a glossary term) is the likelier
        // meaning, then the word the notes use more often.
        const better =
          distance < bestDistance ||
          Number(isName(candidate)) - Number(isName(best!)) > 0 ||
          (isName(candidate) === isName(best!) && frequency(candidate) > frequency(best!));
        if (better) [best, bestDistance] = [candidate, distance];
      }
    }
    return bestDistance <= max ? best : undefined;
  };

  return {
    has: (word) => inScope.all.has(word),
    hasWordStartingWith: (prefix) => sorted[lowerBound(sorted, prefix)]?.startsWith(prefix) ?? false,
    share: (term) => Math.min(...term.split(' ').map(prefixShare)),
    correct(word) {
      if (!corrections.has(word)) {
        if (corrections.size >= cacheLimit) corrections.clear();
        corrections.set(word, findCorrection(word));
      }
      return corrections.get(word);
    },
    recordsWithPrefix(prefix, scope) {
      const words = wordsStartingWith(prefix);
      return words?.flatMap((word) => inScope[scope].get(word) ?? none);
    },
    recordsWithWord: (word, scope) => inScope[scope].get(word) ?? none,
    cooccur(words) {
      const lists = words.map((w) => new Set(inScope.all.get(w) ?? none));
      const [shortest, ...rest] = lists.sort((a, b) => a.size - b.size);
      return [...(shortest ?? [])].some((record) => rest.every((list) => list.has(record)));
    },
  };
}
