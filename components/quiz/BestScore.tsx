'use client';

import { useProgressPeek } from '../progress/useProgressPeek';

/** A quiz's best score so far, from the first-load reader. */
export function BestScore({ slug }: { slug: string }) {
  const { best, passed } = useProgressPeek();
  if (best[slug] === undefined) return <span className="quiz-best quiz-best-none">Not taken yet</span>;
  return (
    <span className={`quiz-best${passed.includes(slug) ? ' quiz-best-passed' : ''}`}>
      Best score {Math.round(best[slug] * 100)}%{passed.includes(slug) ? ', passed' : ''}
    </span>
  );
}
