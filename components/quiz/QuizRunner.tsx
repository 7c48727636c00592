'use client';

import { useReducer, useState } from 'react';
import { recordAnswer, recordQuizAttempt, cardKey } from '@/lib/progress';
import { newSeed, selectCurrent, selectCurrentResult, sessionReducer, startSession } from '@/lib/quiz';
import type { Quiz } from '@/lib/quiz';
import { ProgressNotices } from '../progress/ProgressNotices';
import { QuestionCard } from './QuestionCard';
import { QuizSummary } from './QuizSummary';
import { useProgress, useQuizServices } from './services';
import './quiz-questions.css';

/**
 * Takes the reader through one attempt, one question at a time. Every graded answer updates its
 * review card; the finished attempt is recorded with its score.
 */
export function QuizRunner({ quiz }: { quiz: Quiz }) {
  const services = useQuizServices();
  const { store, progress } = useProgress();
  const [session, dispatch] = useReducer(sessionReducer, undefined, () => startSession(quiz, newSeed(services.random)));
  const [moved, setMoved] = useState(false);

  if (session.phase === 'summary') {
    return (
      <div className="quiz-runner">
        <ProgressNotices store={store} />
        <QuizSummary
          session={session}
          best={progress.quizzes[quiz.slug]?.best}
          onRetry={() => {
            dispatch({ type: 'retry', seed: newSeed(services.random) });
            setMoved(true);
          }}
        />
      </div>
    );
  }

  const prepared = selectCurrent(session);
  const result = selectCurrentResult(session);
  const last = session.index === session.questions.length - 1;

  return (
    <div className="quiz-runner">
      <ProgressNotices store={store} />
      <div className="quiz-progress" aria-hidden="true">
        <span style={{ width: `${(session.results.filter(Boolean).length / session.questions.length) * 100}%` }} />
      </div>
      <QuestionCard
        key={`${session.seed}-${session.index}`}
        prepared={prepared}
        label={`Question ${session.index + 1} of ${session.questions.length}`}
        graded={result}
        focusOnMount={moved}
        onGraded={(graded) => {
          dispatch({ type: 'graded', index: session.index, result: graded });
          store.update((p, now) => recordAnswer(p, cardKey(quiz.slug, prepared.question.id), graded.correct, now));
          // The attempt counts once every question is graded, even if the reader never opens the score.
          const results = session.results.map((r, i) => (i === session.index ? graded : r));
          if (results.every(Boolean)) {
            const score = { correct: results.filter((r) => r?.correct).length, total: results.length };
            store.update((p, now) => recordQuizAttempt(p, quiz.slug, score, quiz.passRatio, now));
          }
        }}
        next={{
          label: last ? 'See your score' : 'Next question',
          onClick: () => {
            dispatch({ type: 'next' });
            setMoved(true);
          },
        }}
      />
    </div>
  );
}
