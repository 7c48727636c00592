'use client';

import { useCallback, useEffect, useState } from 'react';
import type { SearchEngine } from '@/lib/search';

export type EngineState = { status: 'loading' } | { status: 'ready'; engine: SearchEngine } | { status: 'failed'; message: string };

/** The search engine from `load` (a stable function), loaded on first use; `retry` tries again after a failure. */
export function useSearchEngine(load: () => Promise<SearchEngine>): { state: EngineState; retry: () => void } {
  const [state, setState] = useState<EngineState>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let current = true;
    setState({ status: 'loading' });
    load().then(
      (engine) => current && setState({ status: 'ready', engine }),
      (error: unknown) => current && setState({ status: 'failed', message: error instanceof Error ? error.message : String(error) }),
    );
    return () => {
      current = false;
    };
  }, [load, attempt]);

  return { state, retry: useCallback(() => setAttempt((n) => n + 1), []) };
}
