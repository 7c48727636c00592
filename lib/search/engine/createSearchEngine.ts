import Fuse from 'fuse.js';
import { searchConfig } from '../config';
import { buildAliasMap, termNames } from '../query/aliases';
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
  /** Glossary entries worth suggesting for a query that found nothing, or before anything is typed. */
  suggest(query: string, limit?: number): SearchRecord[];
}

/** Indexes the records (normalised copies, vocabulary, aliases, the Fuse index) once, for many searches. */
export function createSearchEngine(records: readonly SearchRecord[]): SearchEngine {
  const documents = records.map(toSearchDocument);
  const glossary = records.filter((r) => r.kind === 'glossary');
  const context: QueryContext = {
    vocabulary: buildVocabulary(documents.map(documentWords)),
    aliases: buildAliasMap(glossary),
    names: termNames(glossary),
  };
  const { keys, fieldNormWeight } = searchConfig.fuseOptions;
  const fullIndex = Fuse.createIndex<SearchDocument>(keys!, documents, { fieldNormWeight });
  const everything = new Fuse(documents, searchConfig.fuseOptions, fullIndex);

  /** A Fuse over just these records (sharing the full index's entries): most queries can only match a few. */
  const fuseOver = (candidates: number[] | undefined) => {
    if (!candidates) return everything;
    const records = candidates.map((i) => fullIndex.records[i]);
    return new Fuse(documents, searchConfig.fuseOptions, Fuse.parseIndex<SearchDocument>({ keys: fullIndex.keys, records }));
  };

  return {
    records,
    search(query, { limit = searchConfig.limits.palette } = {}) {
      const prepared = prepareQuery(query, context);
      if (!prepared.terms.length) return { query: prepared, hits: [] };
      const terms = scopeTerms(prepared.terms);
      const matcher = termMatcher(terms);
      const hits = fuseOver(candidateRecords(terms, context.vocabulary))
        .search(toFuseExpression(terms), { limit }).map(({ refIndex, score = 1 }): SearchHit => {
        const record = records[refIndex];
        return {
          record,
          score,
          title: markText(record.title, matcher),
          section: record.section === null ? null : markText(record.section, matcher),
          snippet: snippetOf(record.text, matcher),
        };
      });
      return { query: prepared, hits };
    },
    suggest: (query, limit = searchConfig.limits.suggestions) => suggestTerms(glossary, query, limit),
  };
}
