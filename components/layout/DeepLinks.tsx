'use client';

import { usePathname } from 'next/navigation';
import { useEffect } from 'react';

/**
 * Links to a place on a page (`#heading`, `#quiz`, `#quiz-<question-id>`) land there and stay there.
 * Labs and the quiz load late and grow the page after the browser has jumped, so the target is
 * held in view, re-aligned whenever the page changes size, until the reader scrolls, types or taps
 * (or the page has been still long enough that nothing is left to load).
 */

/** The reader's own moves end the hold: from then on the page is theirs. */
const readerMoves = ['wheel', 'touchstart', 'keydown', 'pointerdown'] as const;

/** A safety net: lazy parts load within seconds; after this long the hold lets go by itself. */
const holdLimitMs = 15_000;

/** Farther than this many viewport heights, an in-page link jumps instead of smooth-scrolling. */
const farScreens = 2;

/** A question's anchor exists only once the quiz has loaded; until then the quiz section stands in for it. */
function standIn(id: string): string | undefined {
  return id.startsWith('quiz-') ? 'quiz' : undefined;
}

function idOf(hash: string): string | undefined {
  if (hash.length < 2) return undefined;
  try {
    return decodeURIComponent(hash.slice(1));
  } catch {
    return undefined;
  }
}

/**
 * `now` aligns at once (a page just loaded); after an in-page link the browser's own smooth
 * scroll is left alone and only a later change of size re-aligns.
 */
function hold(id: string, now: boolean): () => void {
  let stopped = false;
  let skipFirstResize = !now;
  const align = () => {
    if (stopped) return;
    const fallback = standIn(id);
    const target = document.getElementById(id) ?? (fallback ? document.getElementById(fallback) : null);
    if (!target) return;
    // Where scrollIntoView puts it: below the root's scroll padding and the target's own margin.
    const padding =
      (Number.parseFloat(getComputedStyle(document.documentElement).scrollPaddingTop) || 0) +
      (Number.parseFloat(getComputedStyle(target).scrollMarginTop) || 0);
    const top = target.getBoundingClientRect().top;
    const atBottom = window.innerHeight + window.scrollY >= document.documentElement.scrollHeight - 1;
    if (Math.abs(top - padding) > 2 && !(atBottom && top > padding)) target.scrollIntoView({ block: 'start', behavior: 'instant' });
  };
  // An observer reports once on observe, before anything has changed.
  const resize = new ResizeObserver(() => {
    if (skipFirstResize) skipFirstResize = false;
    else align();
  });
  resize.observe(document.body);
  // Covers a target that is not in the page yet (a question inside the quiz).
  const mutations = new MutationObserver(() => {
    if (document.getElementById(id)) align();
  });
  mutations.observe(document.body, { childList: true, subtree: true });
  const stop = () => {
    if (stopped) return;
    stopped = true;
    resize.disconnect();
    mutations.disconnect();
    window.clearTimeout(timer);
    for (const type of readerMoves) window.removeEventListener(type, stop, true);
  };
  const timer = window.setTimeout(stop, holdLimitMs);
  for (const type of readerMoves) window.addEventListener(type, stop, { capture: true, passive: true });
  if (now) align();
  return stop;
}

/** Smooth scrolling over tens of thousands of pixels takes seconds: far targets are jumped to. */
function jumpWhenFar(event: MouseEvent) {
  if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
  const link = (event.target as Element | null)?.closest?.('a[href*="#"]');
  if (!(link instanceof HTMLAnchorElement)) return;
  const url = new URL(link.href);
  if (url.origin !== location.origin || url.pathname !== location.pathname) return;
  const id = idOf(url.hash);
  const target = id ? document.getElementById(id) : null;
  if (!target) return;
  if (Math.abs(target.getBoundingClientRect().top) < window.innerHeight * farScreens) return;
  const root = document.documentElement;
  root.style.scrollBehavior = 'auto';
  const restore = () => root.style.removeProperty('scroll-behavior');
  // Next's Link scrolls after its navigation commits, a little later than the click.
  window.setTimeout(restore, 400);
}

export function DeepLinks() {
  const pathname = usePathname();

  useEffect(() => {
    document.addEventListener('click', jumpWhenFar, true);
    return () => document.removeEventListener('click', jumpWhenFar, true);
  }, []);

  // A new page (first load or client navigation) with a hash, and every later hash change.
  useEffect(() => {
    let stop: (() => void) | undefined;
    const start = (now: boolean) => {
      stop?.();
      const id = idOf(location.hash);
      stop = id ? hold(id, now) : undefined;
    };
    const onHashChange = () => start(false);
    start(true);
    window.addEventListener('hashchange', onHashChange);
    return () => {
      window.removeEventListener('hashchange', onHashChange);
      stop?.();
    };
  }, [pathname]);

  return null;
}
