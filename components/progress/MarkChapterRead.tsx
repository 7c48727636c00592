'use client';

import { useEffect, useRef } from 'react';
import { useNearViewport } from './useNearViewport';

/**
 * Marks the chapter read when the reader reaches its end. The progress store (and zod) load only
 * then, so the first load carries nothing but this component.
 */
export function MarkChapterRead({ slug }: { slug: string }) {
  const ref = useRef<HTMLDivElement>(null);
  const reached = useNearViewport(ref);
  useEffect(() => {
    if (!reached) return;
    void Promise.all([import('@/lib/progress/browser'), import('@/lib/progress/model')]).then(([{ getProgressStore }, { markChapterRead }]) =>
      getProgressStore().update((p, now) => markChapterRead(p, slug, now)),
    );
  }, [reached, slug]);
  return <div ref={ref} className="chapter-end-marker" aria-hidden="true" />;
}
