'use client';

import { Link } from '@/components/Link';
import { useEffect, useRef, useState } from 'react';
import { selectMistakes, selectPassed, selectScore, type QuizSession } from '@/lib/quiz';
import { QuestionCard } from './QuestionCard';

const percent = (ratio: number) => `${Math.round(ratio * 100)}%`;

interface Props {
  session: QuizSession;
  best: number | undefined;
  onRetry: () => void;
  onRetryMissed: () => void;
  onPractise: () => void;
}

/**
 * The end of an attempt: the score, whether it passed, the mistakes to look at again, and three
 * ways on: practise the mistakes now (each missed one comes back until it is right), retry only
 * the ones missed, or retry the whole quiz.
 */
export function QuizSummary({ session, best, onRetry, onRetryMissed, onPractise }: Props) {
  const { correct, total } = selectScore(session);
  const passed = selectPassed(session);
  const mistakes = selectMistakes(session);
  const missedQuestions = new Set(mistakes.map((m) => m.prepared.question.id)).size;
  const distinct = new Set(session.questions.map((q) => q.question.id)).size;
  const [showMistakes, setShowMistakes] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);

  useEffect(() => heading.current?.focus(), []);

  const headline =
    session.kind === 'practice'
      ? `Practice done: every one of the ${distinct} questions answered right`
      : session.kind === 'retry'
        ? `You got ${correct} of the ${total} you missed`
        : `You scored ${correct} of ${total} (${percent(correct / total)})`;

  return (
    <section className="quiz-summary" aria-labelledby="quiz-summary-title">
      <h3 id="quiz-summary-title" ref={heading} tabIndex={-1} className="quiz-score">
        {headline}
      </h3>
      {session.kind === 'quiz' && (
        <p className={passed ? 'quiz-passed' : 'quiz-not-passed'}>
          {passed
            ? 'Passed. The chapter is marked in the outline.'
            : `The pass mark is ${percent(session.source.passRatio)}. Practise your mistakes now, reread those sections, and try again.`}
          {best !== undefined && ` Your best score for this quiz: ${percent(best)}.`}
        </p>
      )}
      {session.kind === 'practice' && (
        <p>
          {total > distinct && `It took ${total} answers: each miss came back at the end until you got it. `}Your review queue spaces them
          out from here.
        </p>
      )}
      <p className="quiz-hint">
        Every question you answered is now a card in your <Link href="/review">review queue</Link>; the ones you missed come back in a few
        minutes, then on later days.
      </p>
      <div className="quiz-actions">
        {mistakes.length > 0 && session.kind !== 'practice' && (
          <>
            <button type="button" className="button button-primary" onClick={onPractise}>
              Practise my mistakes now ({missedQuestions})
            </button>
            <button type="button" className="button" onClick={onRetryMissed}>
              Retry only the ones I missed
            </button>
            <button
              type="button"
              className="button"
              aria-expanded={showMistakes}
              aria-controls="quiz-mistakes"
              onClick={() => setShowMistakes((s) => !s)}
            >
              {showMistakes ? 'Hide your mistakes' : `Review your mistakes (${mistakes.length})`}
            </button>
          </>
        )}
        <button type="button" className={`button${mistakes.length === 0 ? ' button-primary' : ''}`} onClick={onRetry}>
          Retry the quiz
        </button>
      </div>
      <div id="quiz-mistakes" hidden={!showMistakes}>
        {showMistakes &&
          mistakes.map(({ prepared, result, confidence }, i) => (
            <QuestionCard
              key={`${prepared.question.id}-${i}`}
              prepared={prepared}
              graded={result}
              confidence={confidence}
              label={`Mistake ${i + 1} of ${mistakes.length}`}
            />
          ))}
      </div>
    </section>
  );
}
