'use client';

import { useProgressPeek } from './useProgressPeek';

/** Read and quiz-passed marks after a chapter's name in the sidebar; the words are for screen readers. */
export function ProgressMark({ slug }: { slug: string }) {
  const { read, passed } = useProgressPeek();
  const isRead = read.includes(slug);
  const isPassed = passed.includes(slug);
  if (!isRead && !isPassed) return null;
  return (
    <span className="progress-mark">
      {isRead && (
        <span className="progress-mark-read" title="Read">
          <span aria-hidden="true">✓</span>
          <span className="sr-only">, read</span>
        </span>
      )}
      {isPassed && (
        <span className="progress-mark-passed" title="Quiz passed">
          <span aria-hidden="true">★</span>
          <span className="sr-only">, quiz passed</span>
        </span>
      )}
    </span>
  );
}
