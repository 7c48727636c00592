'use client';

import { useEffect, useRef, useState } from 'react';
import type { ProgressStore } from '@/lib/progress';
import { ProgressNotices } from './ProgressNotices';
import { useNearViewport } from './useNearViewport';

/**
 * Marks the chapter read when the reader reaches its end. The progress store (and zod) load only
 * then, so the first load carries nothing but this component. On chapters without a quiz it also
 * shows what the store has to tell (data set aside, storage full), since nothing else on the page will.
 */
export function MarkChapterRead({ slug, showNotices = false }: { slug: string; showNotices?: boolean }) {
  const ref = useRef<HTMLDivElement>(null);
  const reached = useNearViewport(ref);
  const [store, setStore] = useState<ProgressStore>();
  useEffect(() => {
    if (!reached) return;
    void import('@/lib/progress').then(({ getProgressStore, markChapterRead }) => {
      const loaded = getProgressStore();
      loaded.update((p, now) => markChapterRead(p, slug, now));
      setStore(loaded);
    });
  }, [reached, slug]);
  return (
    <>
      <div ref={ref} className="chapter-end-marker" aria-hidden="true" />
      {showNotices && store && <ProgressNotices store={store} />}
    </>
  );
}
