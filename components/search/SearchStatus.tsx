import type { ReactNode } from 'react';
import { correctionNote, type SearchView } from './searchView';
import type { EngineState } from './useSearchEngine';

/**
 * The polite status line under a search field (its `text`, then the spelling correction the query
 * used, if any), and the error with a retry button when the index could not load. Shared by the
 * palette and the /search page.
 */
export function SearchStatus({
  text,
  view,
  state,
  retry,
}: {
  text: ReactNode;
  view: SearchView | undefined;
  state: EngineState;
  retry: () => void;
}) {
  const correction = view && view.kind !== 'start' ? correctionNote(view.query) : undefined;
  return (
    <>
      <p className="search-status" role="status">
        {text}
        {correction && <span className="search-correction"> Showing results for “{correction}”.</span>}
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
