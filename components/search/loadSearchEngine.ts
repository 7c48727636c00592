import { createSearchEngine, fetchSearchIndex, type SearchEngine } from '@/lib/search';

let pending: Promise<SearchEngine> | undefined;

/** Fetches the index and builds the engine once per page load; a failed attempt can be retried. */
export function loadSearchEngine(): Promise<SearchEngine> {
  pending ??= fetchSearchIndex().then((file) => createSearchEngine(file.records));
  pending.catch(() => {
    pending = undefined;
  });
  return pending;
}
