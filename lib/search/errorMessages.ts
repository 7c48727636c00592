/** Every search message, defined once; the UI, the CLI and tests import these instead of repeating strings. */
export const errorMessages = {
  indexUnavailable: (status: number | string) => `The search index could not be loaded (${status}). Check your connection and try again.`,
  indexInvalid: (reason: string) =>
    `The search index is damaged and cannot be used (${reason}). Reload the page; if it persists, the site needs rebuilding.`,
  indexVersion: (found: unknown, expected: number) =>
    `The search index is from another version of the site (version ${String(found)}, expected ${expected}). Reload the page.`,
  cliUsage: 'Usage: clusterbook search "QUERY" [--json] [--exact] [--limit N]',
  cliNoQuery: 'error: no query given',
  cliBadFlag: (reason: string) => `error: ${reason}`,
  cliUnknownFlag: (flag: string) =>
    `error: unknown flag ${flag} (to search for it, put -- before the query: clusterbook search -- ${flag})`,
  cliInvalidContent: 'error: the content does not validate, so it cannot be searched; run `clusterbook check` for details',
  showingResultsFor: (corrected: string) => `Showing results for "${corrected}".`,
  searchInsteadFor: (typed: string) => `Search instead for "${typed}"`,
  noResults: (typed: string) => `No results for "${typed}".`,
  suggestTerms: 'Glossary terms you might mean',
  startTerms: 'Start with a glossary term',
  suggestChapters: 'Or browse a chapter',
} as const;
