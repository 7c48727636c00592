import { createSearchEngine, fetchSearchIndex, searchConfig, type SearchEngine } from '@/lib/search';

let pending: Promise<SearchEngine> | undefined;

/**
 * Fetches the index files (sections, glossary and quiz questions, at once) and builds the
 * engine once per page load; a failed attempt can be retried. Without the quiz file search
 * still works, on the notes alone.
 */
export function loadSearchEngine(): Promise<SearchEngine> {
  pending ??= Promise.all([
    fetchSearchIndex(),
    fetchSearchIndex(fetch, searchConfig.glossaryIndexUrl),
    fetchSearchIndex(fetch, searchConfig.quizIndexUrl).catch(() => undefined),
  ]).then(([main, glossary, quiz]) => createSearchEngine([...main.records, ...glossary.records, ...(quiz?.records ?? [])]));
  pending.catch(() => {
    pending = undefined;
  });
  return pending;
}
