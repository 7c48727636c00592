'use client';

import Link from 'next/link';
import { useEffect, useRef, useState } from 'react';
import { selectMistakes, selectPassed, selectScore, type QuizSession } from '@/lib/quiz';
import { QuestionCard } from './QuestionCard';

const percent = (ratio: number) => `${Math.round(ratio * 100)}%`;

/** The end of an attempt: the score, whether it passed, the mistakes to look at again, and a retry. */
export function QuizSummary({ session, best, onRetry }: { session: QuizSession; best: number | undefined; onRetry: () => void }) {
  const { correct, total } = selectScore(session);
  const passed = selectPassed(session);
  const mistakes = selectMistakes(session);
  const [showMistakes, setShowMistakes] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);

  useEffect(() => heading.current?.focus(), []);

  return (
    <section className="quiz-summary" aria-labelledby="quiz-summary-title">
      <h3 id="quiz-summary-title" ref={heading} tabIndex={-1} className="quiz-score">
        You scored {correct} of {total} ({percent(correct / total)})
      </h3>
      <p className={passed ? 'quiz-passed' : 'quiz-not-passed'}>
        {passed
          ? 'Passed. The chapter is marked in the outline.'
          : `The pass mark is ${percent(session.source.passRatio)}. Look at your mistakes, reread those sections, and try again.`}
        {best !== undefined && ` Your best score for this quiz: ${percent(best)}.`}
      </p>
      <p className="quiz-hint">
        Every question you answered is now a card in your <Link href="/review">review queue</Link>; the ones you missed come back first.
      </p>
      <div className="quiz-actions">
        {mistakes.length > 0 && (
          <button
            type="button"
            className="button"
            aria-expanded={showMistakes}
            aria-controls="quiz-mistakes"
            onClick={() => setShowMistakes((s) => !s)}
          >
            {showMistakes ? 'Hide your mistakes' : `Review your mistakes (${mistakes.length})`}
          </button>
        )}
        <button type="button" className="button button-primary" onClick={onRetry}>
          Retry the quiz
        </button>
      </div>
      <div id="quiz-mistakes" hidden={!showMistakes}>
        {showMistakes &&
          mistakes.map(({ prepared, result }, i) => (
            <QuestionCard key={prepared.question.id} prepared={prepared} graded={result} label={`Mistake ${i + 1} of ${mistakes.length}`} />
          ))}
      </div>
    </section>
  );
}
