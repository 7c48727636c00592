import Fuse from 'fuse.js';
import { searchConfig } from '../config';
import { everydayWords, relatedNames, synonyms, termNames } from '../query/aliases';
import { isHangul } from '../query/normalize';
import { prepareQuery, type PrepareOptions, type QueryContext } from '../query/prepareQuery';
import { buildVocabulary } from '../query/vocabulary';
import type { PreparedQuery, SearchHit, SearchRecord, SearchResponse } from '../types';
import { toSearchDocument } from './documents';
import { buildFieldIndex } from './fieldIndex';
import { markText, snippetOf, termMatcher } from './highlight';
import { createRanker } from './rank';
import { suggestChapters, suggestTerms } from './suggestions';

export interface SearchEngine {
  readonly records: readonly SearchRecord[];
  /** The best records for what a reader typed, best first. Any input is safe and bounded in time. */
  search(query: string, options?: { limit?: number } & PrepareOptions): SearchResponse;
  /** Glossary entries loosely like a query that found nothing; for an empty query, where to start. */
  suggest(query: string, limit?: number): SearchRecord[];
  /** Chapters loosely like a query that found nothing, or the first chapters of the course. */
  suggestChapters(query: string, limit?: number): SearchRecord[];
}

function toHit(record: SearchRecord, score: number, matcher: RegExp | null, query: PreparedQuery): SearchHit {
  // A reader searching in Korean sees the Korean name and definition where there are some.
  const korean = record.koText !== undefined && query.terms.some((t) => isHangul(t.text));
  // "containerd" is "containerd" in Korean too: no need to say it twice.
  const koName = record.koNames?.[0]?.toLowerCase() === record.title.toLowerCase() ? undefined : record.koNames?.[0];
  return {
    record,
    score,
    title: markText(korean && koName ? `${record.title} (${koName})` : record.title, matcher),
    section: record.section === null ? null : markText(record.section, matcher),
    snippet: snippetOf(korean ? `${record.koText}` : record.text, matcher),
  };
}

/** Words of headings and names that fuse.js may match a badly misspelt query word to. */
function nameWordsOf(documents: ReturnType<typeof toSearchDocument>[]): string[] {
  const words = new Set<string>();
  for (const d of documents)
    for (const w of [...d.fields.name, ...d.fields.keywords])
      if (w.length >= searchConfig.fuzzyNameMinLength && /^[a-z]+$/.test(w)) words.add(w);
  return [...words];
}

/** Indexes the records (field index, vocabulary, aliases) once, for many searches. */
export function createSearchEngine(records: readonly SearchRecord[]): SearchEngine {
  const documents = records.map(toSearchDocument);
  const glossary = records.filter((r) => r.kind === 'glossary');
  const index = buildFieldIndex(documents);
  const context: QueryContext = {
    vocabulary: buildVocabulary(
      documents.map((d) => {
        const names = [...d.fields.name, ...d.fields.keywords, ...d.fields.chapter, ...d.fields.part];
        return { names, all: [...names, ...d.fields.body] };
      }),
    ),
    hasTerm: (term) => index.postings(term) !== undefined,
    hasPhrase: (terms) => index.phrasePostings(terms) !== undefined,
    termsStartingWith: index.termsStartingWith,
    synonyms: synonyms(),
    related: relatedNames(glossary),
    everyday: everydayWords(),
    names: termNames(glossary),
    nameWords: new Fuse(nameWordsOf(documents), { includeScore: true, threshold: searchConfig.fuzzyNameThreshold }),
  };
  const rank = createRanker(index, documents, records);

  return {
    records,
    search(text, { limit = searchConfig.limits.palette, exact } = {}) {
      const query = prepareQuery(text, context, { exact });
      if (!query.concepts.length) return { query, hits: [] };
      const matcher = termMatcher(query.terms);
      const hits = rank(query, limit).map((r) => toHit(records[r.doc], 1 / (1 + r.relevance), matcher, query));
      return { query, hits };
    },
    suggest: (query, limit = searchConfig.limits.suggestions) => suggestTerms(glossary, query, limit),
    suggestChapters: (query, limit = searchConfig.limits.chapters) => suggestChapters(records, query, limit),
  };
}
