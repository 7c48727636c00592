import { searchConfig } from '../config';
import { stem } from '../query/normalize';
import { fieldNames, type SearchDocument } from './documents';

/** The records holding one term, with its BM25F weight in each: field counts times field weights, length-normalised. */
export interface Postings {
  docs: Int32Array;
  /** Σ over fields of weight × count / (1 − b + b × length / average length). */
  weighted: Float32Array;
  /** Bit i set: the term is in field i (fieldNames order). */
  fieldMask: Uint8Array;
}

/**
 * An inverted index of stemmed terms for BM25F scoring, plus every record's terms in order (all
 * fields, a break between them) for phrase and proximity checks. Built once when the index
 * loads; a search then only reads it.
 */
export interface FieldIndex {
  readonly size: number;
  postings(term: string): Postings | undefined;
  /** Inverse document frequency for a term held by `df` of the records. */
  idf(df: number): number;
  /** The record's terms as ids, fields separated by -1; and each field's start. */
  tokens(doc: number): Int32Array;
  termId(term: string): number | undefined;
  /** The records holding these terms in a row within one field, weighted like a single term's. */
  phrasePostings(terms: readonly string[]): Postings | undefined;
  /** Stemmed terms that start with `prefix`, most widely used first, at most `limit`. */
  termsStartingWith(prefix: string, limit: number): string[];
}

const fieldBreak = -1;
const phraseCacheLimit = 500;
const prefixScanLimit = 2000;

export function buildFieldIndex(documents: readonly SearchDocument[]): FieldIndex {
  const { fields: settings } = searchConfig.bm25;
  const fieldCount = fieldNames.length;
  const norms = new Float32Array(documents.length * fieldCount);
  const ids = new Map<string, number>();
  const idOf = (term: string) => {
    let id = ids.get(term);
    if (id === undefined) ids.set(term, (id = ids.size));
    return id;
  };
  const stemmed = documents.map((d) => fieldNames.map((f) => d.fields[f].map(stem)));
  const averages = fieldNames.map((_, f) =>
    Math.max(1, stemmed.reduce((sum, doc) => sum + doc[f].length, 0) / Math.max(1, documents.length)),
  );

  const lists = new Map<string, { docs: number[]; weighted: number[]; mask: number[] }>();
  const tokens: Int32Array[] = [];
  stemmed.forEach((doc, d) => {
    const counts = new Map<string, { weighted: number; mask: number }>();
    const sequence: number[] = [];
    doc.forEach((words, f) => {
      const { weight, b } = settings[fieldNames[f]];
      const norm = weight / (1 - b + (b * words.length) / averages[f]);
      norms[d * fieldCount + f] = norm;
      for (const word of words) {
        const entry = counts.get(word) ?? { weighted: 0, mask: 0 };
        entry.weighted += norm;
        entry.mask |= 1 << f;
        counts.set(word, entry);
        sequence.push(idOf(word));
      }
      sequence.push(fieldBreak);
    });
    tokens.push(Int32Array.from(sequence));
    for (const [word, { weighted, mask }] of counts) {
      const list = lists.get(word) ?? { docs: [], weighted: [], mask: [] };
      list.docs.push(d);
      list.weighted.push(weighted);
      list.mask.push(mask);
      lists.set(word, list);
    }
  });
  const index = new Map<string, Postings>();
  for (const [word, list] of lists) {
    index.set(word, {
      docs: Int32Array.from(list.docs),
      weighted: Float32Array.from(list.weighted),
      fieldMask: Uint8Array.from(list.mask),
    });
  }
  const sorted = [...index.keys()].sort();
  const n = documents.length;
  const phrases = new Map<string, Postings | undefined>();

  /** Scans the records of the rarest word for the terms in a row, counting per field. */
  const findPhrase = (terms: readonly string[]): Postings | undefined => {
    const wanted = terms.map((t) => ids.get(t));
    if (wanted.some((id) => id === undefined)) return undefined;
    const rarest = terms.map((t) => index.get(t)!).reduce((a, b) => (a.docs.length <= b.docs.length ? a : b));
    const docs: number[] = [];
    const weighted: number[] = [];
    const masks: number[] = [];
    for (const d of rarest.docs) {
      const sequence = tokens[d];
      let field = 0;
      let sum = 0;
      let mask = 0;
      for (let i = 0; i < sequence.length; i++) {
        if (sequence[i] === fieldBreak) {
          field++;
          continue;
        }
        let k = 0;
        while (k < wanted.length && sequence[i + k] === wanted[k]) k++;
        if (k === wanted.length) {
          sum += norms[d * fieldCount + field];
          mask |= 1 << field;
        }
      }
      if (sum > 0) {
        docs.push(d);
        weighted.push(sum);
        masks.push(mask);
      }
    }
    return docs.length
      ? { docs: Int32Array.from(docs), weighted: Float32Array.from(weighted), fieldMask: Uint8Array.from(masks) }
      : undefined;
  };

  return {
    size: n,
    postings: (term) => index.get(term),
    // BM25's idf, floored above zero so a word in most records still counts a little.
    idf: (df) => Math.log(1 + (n - df + 0.5) / (df + 0.5)),
    tokens: (doc) => tokens[doc],
    termId: (term) => ids.get(term),
    phrasePostings(terms) {
      const key = terms.join(' ');
      if (!phrases.has(key)) {
        if (phrases.size >= phraseCacheLimit) phrases.clear();
        phrases.set(key, findPhrase(terms));
      }
      return phrases.get(key);
    },
    termsStartingWith(prefix, limit) {
      let lo = 0;
      let hi = sorted.length;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (sorted[mid] < prefix) lo = mid + 1;
        else hi = mid;
      }
      const found: string[] = [];
      // Bounded: a two-letter prefix of a large corpus starts thousands of words.
      for (let i = lo; i < sorted.length && sorted[i].startsWith(prefix) && found.length < prefixScanLimit; i++) found.push(sorted[i]);
      return found.sort((a, b) => index.get(b)!.docs.length - index.get(a)!.docs.length).slice(0, limit);
    },
  };
}
