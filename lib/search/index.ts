// The public API of lib/search for the browser and Node alike. Build-time indexing, which reads
// content files, has its own entry: lib/search/node.ts.
export type {
  HitGroup,
  MarkedText,
  PreparedQuery,
  QueryTerm,
  SearchHit,
  SearchIndexFile,
  SearchRecord,
  SearchRecordKind,
  SearchResponse,
  SpellingCorrection,
} from './types';
export { searchConfig } from './config';
export { errorMessages } from './errorMessages';
export { createSearchEngine, type SearchEngine } from './engine/createSearchEngine';
export { groupHits, glossaryGroupLabel } from './engine/groupHits';
export { fetchSearchIndex, parseSearchIndex, SearchIndexError } from './file/parseSearchIndex';
