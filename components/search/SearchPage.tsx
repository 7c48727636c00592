'use client';

import { useRouter, useSearchParams } from 'next/navigation';
import { useMemo, useState } from 'react';
import { searchConfig, type SearchRecord } from '@/lib/search';
import { goToResult, openInPlace } from './goToResult';
import { loadSearchEngine } from './loadSearchEngine';
import { SearchResultsList } from './SearchResultsList';
import { searchPageUrl, searchView, suggestionLabels } from './searchView';
import { SearchStatus } from './SearchStatus';
import { useSearchEngine } from './useSearchEngine';

function Suggestions({ title, records, onOpen }: { title: string; records: readonly SearchRecord[]; onOpen: (url: string) => void }) {
  if (!records.length) return null;
  return (
    <section className="search-suggestions" aria-label={title}>
      <h2>{title}</h2>
      <ul>
        {records.map((r) => (
          <li key={r.url}>
            <a href={r.url} onClick={openInPlace(r.url, onOpen)}>
              {r.title}
            </a>
            : {r.text}
          </li>
        ))}
      </ul>
    </section>
  );
}

/** The /search page: the query lives in the URL (?q=), so a search can be shared or bookmarked. */
export function SearchPage() {
  const router = useRouter();
  const q = useSearchParams().get('q') ?? '';
  const [text, setText] = useState(q);
  const [exact, setExact] = useState(false);
  const [seenQ, setSeenQ] = useState(q);
  const { state, retry } = useSearchEngine(loadSearchEngine);

  // Back, forward or a link to another ?q= while on this page: show that search. The URL this
  // page writes itself as the reader types is the trimmed text, which must not reset the field.
  if (q !== seenQ) {
    setSeenQ(q);
    if (q !== text.trim()) {
      setText(q);
      setExact(false);
    }
  }

  const view = useMemo(
    () => (state.status === 'ready' ? searchView(state.engine, text, searchConfig.limits.page, exact) : undefined),
    [state, text, exact],
  );

  const update = (next: string) => {
    setText(next);
    setExact(false);
    // Keeps the URL shareable without a navigation per keystroke.
    window.history.replaceState(null, '', next.trim() ? searchPageUrl(next) : '/search');
  };

  const open = (url: string) => goToResult(url, router.push);
  return (
    <>
      <form role="search" className="search-page-form" onSubmit={(event) => event.preventDefault()}>
        <label htmlFor="search-page-input" className="sr-only">
          Search the notes
        </label>
        <input
          id="search-page-input"
          type="search"
          name="q"
          className="search-page-input"
          placeholder="Search the notes"
          autoComplete="off"
          value={text}
          maxLength={searchConfig.maxQueryLength}
          onChange={(event) => update(event.target.value)}
        />
      </form>
      <SearchStatus
        text={
          <>
            {state.status === 'loading' && 'Loading search…'}
            {view?.kind === 'results' && `${view.count} result${view.count === 1 ? '' : 's'} for “${view.query.text}”.`}
            {view?.kind === 'nothing' && `No results for “${view.query.text}”.`}
          </>
        }
        view={view}
        state={state}
        retry={retry}
        searchExactly={() => setExact(true)}
      />
      {view?.kind === 'results' && <SearchResultsList groups={view.groups} onOpen={open} />}
      {view?.kind === 'nothing' && (
        <>
          <Suggestions
            title={view.closeMatches ? suggestionLabels.close : suggestionLabels.start}
            records={view.suggestions}
            onOpen={open}
          />
          <Suggestions title={suggestionLabels.chapters} records={view.chapters} onOpen={open} />
        </>
      )}
      {view?.kind === 'start' && <Suggestions title={suggestionLabels.start} records={view.suggestions} onOpen={open} />}
    </>
  );
}
