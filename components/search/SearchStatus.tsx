import type { ReactNode } from 'react';
import { correctionNote, type SearchView } from './searchView';
import type { EngineState } from './useSearchEngine';

/**
 * The polite status line under a search field (its `text`, then the spelling correction the query
 * used, if any, with a button to search the words as typed), and the error with a retry button
 * when the index could not load. Shared by the palette and the /search page.
 */
export function SearchStatus({
  text,
  view,
  state,
  retry,
  searchExactly,
}: {
  text: ReactNode;
  view: SearchView | undefined;
  state: EngineState;
  retry: () => void;
  /** Searches the typed words without correcting them. */
  searchExactly: () => void;
}) {
  const query = view && view.kind !== 'start' ? view.query : undefined;
  const correction = query && correctionNote(query);
  return (
    <>
      <p className="search-status" role="status">
        {text}
        {query && correction && (
          <span className="search-correction">
            {' '}
            Showing results for “{correction}”. Search instead for{' '}
            <button type="button" className="search-instead" onClick={searchExactly}>
              “{query.text}”
            </button>
          </span>
        )}
      </p>
      {state.status === 'failed' && (
        <div className="search-error" role="alert">
          <p>{state.message}</p>
          <button type="button" className="button" onClick={retry}>
            Try again
          </button>
        </div>
      )}
    </>
  );
}
