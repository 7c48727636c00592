import Fuse, { type IFuseOptions } from 'fuse.js';
import { searchConfig } from '../config';
import type { SearchRecord } from '../types';

const looseMatch: IFuseOptions<SearchRecord> = { keys: ['title', 'keywords'], threshold: 0.5, ignoreLocation: true };
const cache = new WeakMap<readonly SearchRecord[], Fuse<SearchRecord>>();

/**
 * Glossary entries to offer when a search finds nothing: the ones whose name is loosely like the
 * query (a much looser match than search itself), else the starting points in searchConfig.
 */
export function suggestTerms(glossary: readonly SearchRecord[], query: string, limit: number): SearchRecord[] {
  const text = query.trim().slice(0, searchConfig.maxQueryLength);
  if (text) {
    let fuse = cache.get(glossary);
    if (!fuse) cache.set(glossary, (fuse = new Fuse([...glossary], looseMatch)));
    const close = fuse.search(text, { limit }).map((r) => r.item);
    if (close.length) return close;
  }
  const starters = searchConfig.starterTerms.map((id) => glossary.find((r) => r.url === `/glossary#${id}`));
  return starters.filter((r): r is SearchRecord => r !== undefined).slice(0, limit);
}
