import type { SearchHit, SearchRecord } from '@/lib/search';
import { searchPageUrl, suggestionLabels, type SearchView } from './searchView';

/** One choosable row of the palette, in keyboard order. */
export type PaletteOption =
  | { kind: 'hit'; url: string; hit: SearchHit }
  | { kind: 'suggestion'; url: string; record: SearchRecord }
  | { kind: 'all-results'; url: string; text: string };

export interface OptionGroup {
  label: string;
  options: PaletteOption[];
}

const suggestionGroup = (label: string, records: readonly SearchRecord[]): OptionGroup[] =>
  records.length ? [{ label, options: records.map((record): PaletteOption => ({ kind: 'suggestion', url: record.url, record })) }] : [];

/**
 * The palette's rows for a view, grouped as shown: results by chapter, then "all results"; or
 * suggested glossary terms, and after a search that found nothing, chapters too.
 */
export function paletteGroups(view: SearchView, text: string): OptionGroup[] {
  if (view.kind === 'results') {
    return [
      ...view.groups.map((g) => ({
        label: g.label,
        options: g.hits.map((hit): PaletteOption => ({ kind: 'hit', url: hit.record.url, hit })),
      })),
      { label: 'More', options: [{ kind: 'all-results', url: searchPageUrl(text), text: text.trim() }] },
    ];
  }
  if (view.kind === 'start') return suggestionGroup(suggestionLabels.start, view.suggestions);
  return [
    ...suggestionGroup(view.closeMatches ? suggestionLabels.close : suggestionLabels.start, view.suggestions),
    ...suggestionGroup(suggestionLabels.chapters, view.chapters),
  ];
}
