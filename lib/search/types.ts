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
  /** The title of the part of the course the chapter belongs to (sections only). */
  part?: string;
  /** Korean names: a glossary term's own, or, on a section, those of the terms that link to it. */
  koNames?: string[];
  /** A glossary term's short definition in Korean. */
  koText?: string;
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

/** A word to highlight in results, as searched: stemmed, lower case. */
export interface QueryTerm {
  text: string;
  /** `prefix`: at the start of a word (covers plurals and other endings); `word`: the whole word (very short words). */
  match: 'prefix' | 'word';
}

/**
 * One thing the reader asked about: a typed word, a name typed as several words ("control
 * plane"), or two words the notes write as one ("back up"). A record scores for a concept by its
 * best alternative: the words as typed (weight 1), an old name, a glossary name an alias stands
 * for, a completion of the word still being typed.
 */
export interface QueryConcept {
  /** Each alternative is one stemmed term, or a phrase of several that must appear in a row. */
  alternatives: { words: string[]; weight: number }[];
  weight: number;
}

export interface SpellingCorrection {
  from: string;
  to: string;
}

export interface PreparedQuery {
  /** The query as searched: trimmed and cut to the maximum length. */
  text: string;
  /** What to highlight. */
  terms: QueryTerm[];
  /** Typos corrected toward words of the notes; empty when searched exactly as typed. */
  corrections: SpellingCorrection[];
  /** Typed words the notes do not have (and that are no typo of one); they are not searched. */
  unknown: string[];
  concepts: QueryConcept[];
  /** Every word of the fixed query in order, stopwords too, stemmed: for the phrase bonus. */
  sequence: string[];
}

export interface SearchHit {
  record: SearchRecord;
  /** 0 is a perfect match, towards 1 a weak one: 1 / (1 + relevance). */
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
