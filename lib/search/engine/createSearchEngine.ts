import Fuse from 'fuse.js';
import { searchConfig } from '../config';
import { relatedNames, synonyms, termNames } from '../query/aliases';
import { prepareQuery, type QueryContext } from '../query/prepareQuery';
import { buildVocabulary } from '../query/vocabulary';
import type { SearchHit, SearchRecord, SearchResponse } from '../types';
import { documentWords, toSearchDocument, type SearchDocument } from './documents';
import { candidateRecords } from './candidates';
import { scopeTerms, toFuseExpression } from './fuseQuery';
import { markText, snippetOf, termMatcher } from './highlight';
import { suggestTerms } from './suggestions';

export interface SearchEngine {
  readonly records: readonly SearchRecord[];
  /** The best records for what a reader typed, best first. Any input is safe and bounded in time. */
  search(query: string, options?: { limit?: number }): SearchResponse;
  /** Glossary entries loosely like a query that found nothing; for an empty query, where to start. */
  suggest(query: string, limit?: number): SearchRecord[];
}

function toHit(record: SearchRecord, score: number, matcher: RegExp | null): SearchHit {
  return {
    record,
    score,
    title: markText(record.title, matcher),
    section: record.section === null ? null : markText(record.section, matcher),
    snippet: snippetOf(record.text, matcher),
  };
}

/** Indexes the records (normalised copies, vocabulary, aliases, the Fuse index) once, for many searches. */
export function createSearchEngine(records: readonly SearchRecord[]): SearchEngine {
  const documents = records.map(toSearchDocument);
  const glossary = records.filter((r) => r.kind === 'glossary');
  const context: QueryContext = {
    vocabulary: buildVocabulary(documents.map(documentWords)),
    synonyms: synonyms(),
    related: relatedNames(glossary),
    names: termNames(glossary),
  };
  const { fuseOptions } = searchConfig;
  const fullIndex = Fuse.createIndex<SearchDocument>(fuseOptions.keys, documents, { fieldNormWeight: fuseOptions.fieldNormWeight });
  const everything = new Fuse(documents, fuseOptions, fullIndex);

  /** A Fuse over just these records (sharing the full index's entries): most queries can only match a few. */
  const fuseOver = (candidates: number[] | undefined) => {
    if (!candidates) return everything;
    const subset = Fuse.parseIndex<SearchDocument>({ keys: fullIndex.keys, records: candidates.map((i) => fullIndex.records[i]) });
    return new Fuse(documents, fuseOptions, subset);
  };

  return {
    records,
    search(query, { limit = searchConfig.limits.palette } = {}) {
      const prepared = prepareQuery(query, context);
      if (!prepared.terms.length) return { query: prepared, hits: [] };
      const terms = scopeTerms(prepared.terms);
      const matcher = termMatcher(terms);
      const results = fuseOver(candidateRecords(terms, context.vocabulary, records.length)).search(toFuseExpression(terms), { limit });
      return { query: prepared, hits: results.map((r) => toHit(records[r.refIndex], r.score ?? 1, matcher)) };
    },
    suggest: (query, limit = searchConfig.limits.suggestions) => suggestTerms(glossary, query, limit),
  };
}
