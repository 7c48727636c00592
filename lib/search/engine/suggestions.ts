import Fuse, { type IFuseOptions } from 'fuse.js';
import { searchConfig } from '../config';
import type { SearchRecord } from '../types';

// Chapter titles are long: a loose threshold matches some letters of any query in each of them.
const looseMatch = (threshold: number): IFuseOptions<SearchRecord> => ({
  keys: ['title', 'keywords', 'koNames'],
  threshold,
  ignoreLocation: true,
});
const thresholds = { terms: 0.5, chapters: 0.3 } as const;
const cache = new WeakMap<readonly SearchRecord[], Fuse<SearchRecord>>();

function looseSearch(records: readonly SearchRecord[], text: string, limit: number, threshold: number): SearchRecord[] {
  let fuse = cache.get(records);
  if (!fuse) cache.set(records, (fuse = new Fuse([...records], looseMatch(threshold))));
  return fuse.search(text, { limit }).map((r) => r.item);
}

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
  return looseSearch(glossary, text, limit, thresholds.terms);
}

const introductions = new WeakMap<readonly SearchRecord[], SearchRecord[]>();

/** Chapters (their introductions) loosely like the query; when none is, the first chapter of each part, so a dead end still offers a way in. */
export function suggestChapters(records: readonly SearchRecord[], query: string, limit: number): SearchRecord[] {
  let chapters = introductions.get(records);
  if (!chapters) introductions.set(records, (chapters = records.filter((r) => r.kind === 'section' && r.section === null)));
  const text = query.trim().slice(0, searchConfig.maxQueryLength);
  const close = text ? looseSearch(chapters, text, limit, thresholds.chapters) : [];
  if (close.length) return close;
  const firstOfPart = chapters.filter((c, i) => i === 0 || chapters[i - 1].part !== c.part);
  return (firstOfPart.length >= limit ? firstOfPart : chapters).slice(0, limit);
}
