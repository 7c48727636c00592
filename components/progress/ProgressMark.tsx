'use client';

import { useProgressPeek } from './useProgressPeek';

/** Read, quiz-passed and labs-done marks after a chapter's name in the sidebar; the words are for screen readers. */
export function ProgressMark({ slug, labs = [] }: { slug: string; labs?: readonly string[] }) {
  const { read, passed, labs: done } = useProgressPeek();
  const isRead = read.includes(slug);
  const isPassed = passed.includes(slug);
  const labsDone = labs.filter((id) => done.includes(id)).length;
  const allLabs = labs.length > 0 && labsDone === labs.length;
  if (!isRead && !isPassed && labsDone === 0) return null;
  const labWords = labs.length === 1 ? 'lab completed' : `${labsDone} of ${labs.length} labs completed`;
  const words = [isRead && 'read', isPassed && 'quiz passed', labsDone > 0 && labWords].filter(Boolean).join(', ');
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
      {labsDone > 0 && (
        <span className={`progress-mark-lab${allLabs ? ' is-all' : ''}`} title={labWords} aria-hidden="true">
          lab
        </span>
      )}
      <span className="sr-only"> ({words})</span>
    </span>
  );
}
