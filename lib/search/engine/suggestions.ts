import Fuse, { type IFuseOptions } from 'fuse.js';
import { searchConfig } from '../config';
import type { SearchRecord } from '../types';

const looseMatch: IFuseOptions<SearchRecord> = { keys: ['title', 'keywords'], threshold: 0.5, ignoreLocation: true };
const cache = new WeakMap<readonly SearchRecord[], Fuse<SearchRecord>>();

/**
 * Glossary entries whose name is loosely like the query (fuse.js bitap with a much looser
 * threshold than search itself), for a search that found nothing. Before anything is typed:
 * the starting points in searchConfig.
 */
export function suggestTerms(glossary: readonly SearchRecord[], query: string, limit: number): SearchRecord[] {
  const text = query.trim().slice(0, searchConfig.maxQueryLength);
  if (!text) {
    const starters = searchConfig.starterTerms.map((id) => glossary.find((r) => r.url === `/glossary#${id}`));
    return starters.filter((r): r is SearchRecord => r !== undefined).slice(0, limit);
  }
  let fuse = cache.get(glossary);
  if (!fuse) cache.set(glossary, (fuse = new Fuse([...glossary], looseMatch)));
  return fuse.search(text, { limit }).map((r) => r.item);
}
