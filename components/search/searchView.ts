import { errorMessages, groupHits, type HitGroup, type PreparedQuery, type SearchEngine, type SearchRecord } from '@/lib/search';

/** What a search box shows for some text: where to start, results, or nothing found (with ways on: terms and chapters). */
export type SearchView =
  | { kind: 'start'; suggestions: SearchRecord[] }
  | { kind: 'results'; query: PreparedQuery; groups: HitGroup[]; count: number }
  | { kind: 'nothing'; query: PreparedQuery; suggestions: SearchRecord[]; closeMatches: boolean; chapters: SearchRecord[] };

/** `exact`: the reader chose "search instead for" what they typed, so no spelling is corrected. */
export function searchView(engine: SearchEngine, text: string, limit: number, exact = false): SearchView {
  if (!text.trim()) return { kind: 'start', suggestions: engine.suggest('') };
  const { query, hits } = engine.search(text, { limit, exact });
  if (!hits.length) {
    const close = engine.suggest(text);
    return {
      kind: 'nothing',
      query,
      suggestions: close.length ? close : engine.suggest(''),
      closeMatches: close.length > 0,
      chapters: engine.suggestChapters(text),
    };
  }
  return { kind: 'results', query, groups: groupHits(hits), count: hits.length };
}

/** "kubelet" when "kublet" was corrected: the words searched instead of the typed ones. */
export function correctionNote(query: PreparedQuery): string | undefined {
  if (!query.corrections.length) return undefined;
  return query.corrections.map((c) => c.to).join(', ');
}

export const searchPageUrl = (text: string) => `/search?q=${encodeURIComponent(text.trim())}`;

export const suggestionLabels = {
  start: errorMessages.startTerms,
  close: errorMessages.suggestTerms,
  chapters: errorMessages.suggestChapters,
} as const;
