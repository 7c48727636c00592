import { groupHits, type HitGroup, type PreparedQuery, type SearchEngine, type SearchRecord } from '@/lib/search';

/** What a search box shows for some text: where to start, results, or nothing found. */
export type SearchView =
  | { kind: 'start'; suggestions: SearchRecord[] }
  | { kind: 'results'; query: PreparedQuery; groups: HitGroup[]; count: number }
  | { kind: 'nothing'; query: PreparedQuery; suggestions: SearchRecord[]; closeMatches: boolean };

export function searchView(engine: SearchEngine, text: string, limit: number): SearchView {
  if (!text.trim()) return { kind: 'start', suggestions: engine.suggest('') };
  const { query, hits } = engine.search(text, { limit });
  if (!hits.length) {
    const close = engine.suggest(text);
    return { kind: 'nothing', query, suggestions: close.length ? close : engine.suggest(''), closeMatches: close.length > 0 };
  }
  return { kind: 'results', query, groups: groupHits(hits), count: hits.length };
}

/** "Showing results for kubelet" when a typo was corrected. */
export function correctionNote(query: PreparedQuery): string | undefined {
  if (!query.corrections.length) return undefined;
  return query.corrections.map((c) => c.to).join(', ');
}

export const searchPageUrl = (text: string) => `/search?q=${encodeURIComponent(text.trim())}`;

export const suggestionLabels = { start: 'Start with a glossary term', close: 'Glossary terms you might mean' } as const;
