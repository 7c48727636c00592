'use client';

import { lazy, Suspense, useCallback, useEffect, useRef, useState } from 'react';
import { ErrorBoundary } from '../errors/ErrorBoundary';
import { isSearchShortcut } from './searchShortcut';

// The palette, fuse.js and the index are fetched the first time search opens, never with the page.
/** A fresh lazy component per attempt: React remembers a failed import, so a retry needs a new one. */
const loadPalette = () => lazy(() => import('./SearchPalette'));

/** The header's search button; Ctrl/Cmd+K and "/" open the same palette. */
export function SearchButton() {
  const [open, setOpen] = useState(false);
  const [everOpened, setEverOpened] = useState(false);
  const [shortcut, setShortcut] = useState('Ctrl K');
  const [Palette, setPalette] = useState(loadPalette);
  const opener = useRef<HTMLElement | null>(null);
  const button = useRef<HTMLButtonElement>(null);

  const show = useCallback(() => {
    // Focus goes back where it was on close; when nothing had it, to this button, near search.
    const focused = document.activeElement;
    opener.current = focused instanceof HTMLElement && focused !== document.body ? focused : button.current;
    setEverOpened(true);
    setOpen(true);
  }, []);

  useEffect(() => {
    // After hydration, so the server-rendered label never mismatches.
    if (/Mac|iPhone|iPad/.test(navigator.platform)) setShortcut('⌘ K');
  }, []);

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (!isSearchShortcut(event) || event.defaultPrevented) return;
      event.preventDefault();
      if (!open) show();
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [open, show]);

  const close = useCallback((returnFocus: boolean) => {
    setOpen(false);
    if (returnFocus) (opener.current?.isConnected ? opener.current : button.current)?.focus();
  }, []);

  return (
    <>
      <button
        ref={button}
        type="button"
        className="search-button"
        onClick={show}
        aria-haspopup="dialog"
        aria-keyshortcuts="Control+K Meta+K /"
      >
        <svg viewBox="0 0 24 24" width="18" height="18" aria-hidden="true" focusable="false">
          <circle cx="11" cy="11" r="6.5" fill="none" stroke="currentColor" strokeWidth="1.8" />
          <path d="m16 16 4.5 4.5" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" />
        </svg>
        <span className="search-button-label">Search</span>
        <kbd className="search-button-key" aria-hidden="true">
          {shortcut}
        </kbd>
      </button>
      {everOpened && (
        <ErrorBoundary what="search" onRetry={() => setPalette(loadPalette)}>
          <Suspense fallback={null}>
            <Palette open={open} onClose={close} />
          </Suspense>
        </ErrorBoundary>
      )}
    </>
  );
}
