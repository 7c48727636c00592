import type { recordKinds } from './indexing/records';

/** What a record is: a chapter section or a glossary entry (see recordKinds). */
export type SearchRecordKind = (typeof recordKinds)[number];

/** One searchable unit, exactly as stored in the index file. */
export interface SearchRecord {
  kind: SearchRecordKind;
  /** The chapter title for a section, the term for a glossary entry. */
  title: string;
  /** The section heading; null for a chapter's introduction and for glossary entries. */
  section: string | null;
  /** Where choosing the record goes, with the heading's anchor: `/chapters/<slug>#<id>`, `/glossary#<id>`. */
  url: string;
  /** Plain text of the record: what is searched and what snippets are cut from. */
  text: string;
  /** Other names the record answers to (glossary aliases). */
  keywords: string[];
}

/** The static file the browser fetches the first time search opens. */
export interface SearchIndexFile {
  version: number;
  records: SearchRecord[];
}

/** A span of text with the [start, end) ranges to highlight. */
export interface MarkedText {
  text: string;
  marks: [number, number][];
}

/** One searched-for term after normalisation, spelling correction and alias expansion. */
export interface QueryTerm {
  /** Lower-case words separated by single spaces. */
  text: string;
  /** `prefix`: at the start of a word (covers plurals and other endings); `word`: the whole word (very short words). */
  match: 'prefix' | 'word';
  /**
   * What the term does for the ranking:
   * - `telling`: what the reader asked about; the records that match it are the results.
   * - `common`: a word found in so many records that it cannot pick any ("node", "pod"). When
   *   the query also has a telling term it only ranks up records whose names contain it.
   * - `related`: a name a glossary entry lists for itself ("kubeconfig" for kubectl); it ranks
   *   up records named after that entry, but does not bring in records of its own.
   */
  role: 'telling' | 'common' | 'related';
}

export interface SpellingCorrection {
  from: string;
  to: string;
}

export interface PreparedQuery {
  /** The query as searched: trimmed and cut to the maximum length. */
  text: string;
  terms: QueryTerm[];
  corrections: SpellingCorrection[];
}

export interface SearchHit {
  record: SearchRecord;
  /** fuse.js score: 0 is a perfect match, 1 no match at all. */
  score: number;
  title: MarkedText;
  section: MarkedText | null;
  snippet: MarkedText;
}

export interface SearchResponse {
  query: PreparedQuery;
  hits: SearchHit[];
}

/** Hits of one chapter (or of the glossary), in the order of their best hit. */
export interface HitGroup {
  label: string;
  hits: SearchHit[];
}
