'use client';

import { useProgressPeek } from './useProgressPeek';

/** Read and quiz-passed marks after a chapter's name in the sidebar; the words are for screen readers. */
export function ProgressMark({ slug }: { slug: string }) {
  const { read, passed } = useProgressPeek();
  const isRead = read.includes(slug);
  const isPassed = passed.includes(slug);
  if (!isRead && !isPassed) return null;
  const words = [isRead && 'read', isPassed && 'quiz passed'].filter(Boolean).join(', ');
  return (
    <span className="progress-mark">
      {isRead && (
        <span className="progress-mark-read" title="Read" aria-hidden="true">
          ✓
        </span>
      )}
      {isPassed && (
        <span className="progress-mark-passed" title="Quiz passed" aria-hidden="true">
          ★
        </span>
      )}
      <span className="sr-only"> ({words})</span>
    </span>
  );
}
