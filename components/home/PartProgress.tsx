'use client';

import { useProgressPeek } from '../progress/useProgressPeek';

/** How much of a part the reader has done: chapters read and quizzes passed, as words and a bar. */
export function PartProgress({ slugs, quizSlugs }: { slugs: readonly string[]; quizSlugs: readonly string[] }) {
  const { read, passed } = useProgressPeek();
  if (slugs.length === 0) return null;
  const readCount = slugs.filter((s) => read.includes(s)).length;
  const passedCount = quizSlugs.filter((s) => passed.includes(s)).length;
  const words = `${readCount} of ${slugs.length} read${quizSlugs.length > 0 ? `, ${passedCount} of ${quizSlugs.length} quizzes passed` : ''}`;
  return (
    <div className="part-progress">
      <progress className="part-progress-bar" max={slugs.length} value={readCount} aria-label={`Chapters read: ${words}`} />
      <span className="part-progress-words">{words}</span>
    </div>
  );
}
