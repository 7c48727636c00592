'use client';

import { useRouter } from 'next/navigation';
import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { searchConfig, type SearchEngine } from '@/lib/search';
import { goToResult } from './goToResult';
import { loadSearchEngine } from './loadSearchEngine';
import { PaletteOptionRow } from './PaletteOptionRow';
import { paletteGroups, type PaletteOption } from './paletteOptions';
import { searchView, type SearchView } from './searchView';
import { SearchStatus } from './SearchStatus';
import { useSearchEngine, type EngineState } from './useSearchEngine';
import './search-palette.css';

interface Props {
  open: boolean;
  /** Closes the palette; `returnFocus` is false when a result was chosen and focus moves to it instead. */
  onClose: (returnFocus: boolean) => void;
  /** Where the engine comes from; tests pass their own. Must be a stable function. */
  loadEngine?: () => Promise<SearchEngine>;
}

function statusText(view: SearchView | undefined, status: EngineState['status']): string {
  if (status === 'loading') return 'Loading search…';
  if (status === 'failed') return 'Search is not available.';
  if (!view || view.kind === 'start') return 'Type to search every chapter and the glossary.';
  if (view.kind === 'nothing') return `No results for “${view.query.text}”.`;
  return `${view.count} result${view.count === 1 ? '' : 's'}.`;
}

/** The command palette: a modal dialog holding a combobox (the search field) and its listbox of results. */
export default function SearchPalette({ open, onClose, loadEngine = loadSearchEngine }: Props) {
  const dialog = useRef<HTMLDialogElement>(null);
  const input = useRef<HTMLInputElement>(null);
  const router = useRouter();
  const id = useId();
  const { state, retry } = useSearchEngine(loadEngine);
  const [text, setText] = useState('');
  const [exact, setExact] = useState(false);
  const [active, setActive] = useState(0);

  useEffect(() => {
    const element = dialog.current;
    if (open && !element?.open) {
      element?.showModal();
      input.current?.focus();
      input.current?.select();
    } else if (!open && element?.open) element.close();
  }, [open]);

  const view = useMemo(
    () => (state.status === 'ready' ? searchView(state.engine, text, searchConfig.limits.palette, exact) : undefined),
    [state, text, exact],
  );
  const groups = useMemo(() => (view ? paletteGroups(view, text) : []), [view, text]);
  const options = groups.flatMap((g) => g.options);
  const optionId = (index: number) => `${id}-option-${index}`;
  const activeIndex = Math.min(active, options.length - 1);

  useEffect(() => {
    if (activeIndex >= 0) document.getElementById(optionId(activeIndex))?.scrollIntoView({ block: 'nearest' });
  });

  const choose = (option: PaletteOption) => {
    onClose(false);
    goToResult(option.url, router.push);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    const step = { ArrowDown: 1, ArrowUp: -1 }[event.key];
    if (step && options.length) {
      event.preventDefault();
      setActive((activeIndex + step + options.length) % options.length);
    } else if (event.key === 'Enter' && options[activeIndex]) {
      event.preventDefault();
      choose(options[activeIndex]);
    } else if (event.key === 'Escape') {
      // Handled here rather than left to the dialog's cancel event, which browsers may skip.
      event.preventDefault();
      onClose(true);
    }
  };

  let index = 0;
  return (
    <dialog
      ref={dialog}
      className="search-dialog"
      aria-label="Search the notes"
      onCancel={(event) => {
        event.preventDefault();
        onClose(true);
      }}
      onClick={(event) => event.target === dialog.current && onClose(true)}
    >
      <div className="search-panel">
        <div className="search-field">
          <svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" focusable="false">
            <circle cx="11" cy="11" r="6.5" fill="none" stroke="currentColor" strokeWidth="1.8" />
            <path d="m16 16 4.5 4.5" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" />
          </svg>
          <input
            ref={input}
            type="text"
            role="combobox"
            aria-label="Search the notes"
            aria-expanded={options.length > 0}
            aria-controls={`${id}-listbox`}
            aria-autocomplete="list"
            aria-activedescendant={activeIndex >= 0 ? optionId(activeIndex) : undefined}
            autoComplete="off"
            autoCapitalize="off"
            spellCheck={false}
            placeholder="Search the notes"
            value={text}
            maxLength={searchConfig.maxQueryLength}
            onChange={(event) => {
              setText(event.target.value);
              setExact(false);
              setActive(0);
            }}
            onKeyDown={onKeyDown}
          />
          <button type="button" className="search-close" onClick={() => onClose(true)}>
            <span className="sr-only">Close search</span>
            <kbd aria-hidden="true">Esc</kbd>
          </button>
        </div>
        <SearchStatus
          text={statusText(view, state.status)}
          view={view}
          state={state}
          retry={retry}
          searchExactly={() => {
            setExact(true);
            setActive(0);
            input.current?.focus();
          }}
        />
        <div id={`${id}-listbox`} role="listbox" aria-label="Results" className="search-listbox">
          {groups.map((group, g) => (
            <div key={`${g}-${group.label}`} role="group" aria-labelledby={`${id}-group-${g}`} className="search-group">
              <div id={`${id}-group-${g}`} role="presentation" className="search-group-label">
                {group.label}
              </div>
              {group.options.map((option) => {
                const i = index++;
                return (
                  <PaletteOptionRow
                    key={`${i}-${option.url}`}
                    id={optionId(i)}
                    option={option}
                    selected={i === activeIndex}
                    onChoose={choose}
                    onHover={() => setActive(i)}
                  />
                );
              })}
            </div>
          ))}
        </div>
        <p className="search-hints" aria-hidden="true">
          <span>
            <kbd>↑</kbd> <kbd>↓</kbd> move
          </span>
          <span>
            <kbd>↵</kbd> open
          </span>
          <span>
            <kbd>Esc</kbd> close
          </span>
        </p>
      </div>
    </dialog>
  );
}
