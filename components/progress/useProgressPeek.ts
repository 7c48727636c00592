'use client';

import { useSyncExternalStore } from 'react';
import { progressChangedEvent, progressKey } from '@/lib/progress/keys';
import { emptyPeek, peekProgress, type ProgressPeek } from '@/lib/progress/peek';

/**
 * What the sidebar marks and the header count show, read with the tiny zod-free reader so the
 * first load stays small. Updates on saves in this tab, on other tabs' saves, and every minute
 * (cards fall due as time passes).
 */
let cache: { raw: string | null; minute: number; peek: ProgressPeek } | undefined;

function readRaw(): string | null {
  try {
    return window.localStorage.getItem(progressKey);
  } catch {
    return null;
  }
}

function snapshot(): ProgressPeek {
  const raw = readRaw();
  const now = Date.now();
  const minute = Math.floor(now / 60_000);
  if (!cache || cache.raw !== raw || cache.minute !== minute) cache = { raw, minute, peek: peekProgress(raw, now) };
  return cache.peek;
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener(progressChangedEvent, onChange);
  window.addEventListener('storage', onChange);
  const timer = window.setInterval(onChange, 60_000);
  return () => {
    window.removeEventListener(progressChangedEvent, onChange);
    window.removeEventListener('storage', onChange);
    window.clearInterval(timer);
  };
}

export function useProgressPeek(): ProgressPeek {
  return useSyncExternalStore(subscribe, snapshot, () => emptyPeek);
}
