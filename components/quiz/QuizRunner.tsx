'use client';

import { useState } from 'react';
import { recordAnswer, recordQuizAttempt } from '@/lib/progress';
import { rateAnswer } from '@/lib/progress';
import { cardKey } from '@/lib/progress';
import { newSeed } from '@/lib/quiz';
import type { Quiz } from '@/lib/quiz';
import { selectAnswered, selectCurrent, selectCurrentResult, type QuizSession } from '@/lib/quiz';
import { ProgressNotices } from '../progress/ProgressNotices';
import { QuestionCard } from './QuestionCard';
import { QuizSummary } from './QuizSummary';
import { useProgress, useQuizServices } from './services';
import { useSavedSession } from './useSavedSession';
import './quiz-questions.css';

const kindLabel: Record<QuizSession['kind'], string> = { quiz: 'Question', retry: 'Retry', practice: 'Practice' };

/**
 * Takes the reader through one attempt, one question at a time, with Back and Skip. Every graded
 * answer updates its review card (rated with the reader's confidence); a full attempt is recorded
 * with its score. The attempt survives a reload, and `#quiz-<question-id>` opens one question.
 */
export function QuizRunner({ quiz, openQuestion }: { quiz: Quiz; openQuestion?: string }) {
  const services = useQuizServices();
  const { store, progress } = useProgress();
  const [session, dispatch] = useSavedSession(quiz, openQuestion);
  const [moved, setMoved] = useState(false);
  const restart = (type: 'retry' | 'retryMissed' | 'practise') => {
    dispatch({ type, seed: newSeed(services.random) });
    setMoved(true);
  };

  if (session.phase === 'summary') {
    return (
      <div className="quiz-runner">
        <ProgressNotices store={store} />
        <QuizSummary
          session={session}
          best={progress.quizzes[quiz.slug]?.best}
          onRetry={() => restart('retry')}
          onRetryMissed={() => restart('retryMissed')}
          onPractise={() => restart('practise')}
        />
      </div>
    );
  }

  const prepared = selectCurrent(session);
  const result = selectCurrentResult(session);
  const total = session.questions.length;
  const openLeft = session.results.filter((r, i) => !r && i !== session.index).length;
  const last = session.index === total - 1 && openLeft === 0;
  const move = (type: 'next' | 'back' | 'skip') => {
    dispatch({ type });
    setMoved(true);
  };

  return (
    <div className="quiz-runner">
      <ProgressNotices store={store} />
      <div className="quiz-progress" aria-hidden="true">
        <span style={{ width: `${(selectAnswered(session) / total) * 100}%` }} />
      </div>
      <QuestionCard
        key={`${session.kind}-${session.seed}-${session.index}`}
        prepared={prepared}
        label={`${kindLabel[session.kind]} ${session.index + 1} of ${total}`}
        graded={result}
        confidence={session.confidence[session.index]}
        focusOnMount={moved || openQuestion !== undefined}
        anchorId={`quiz-${prepared.question.id}`}
        onBack={session.index > 0 ? () => move('back') : undefined}
        onSkip={openLeft > 0 ? () => move('skip') : undefined}
        onGraded={(graded, confidence) => {
          dispatch({ type: 'graded', index: session.index, result: graded, confidence });
          store.update((p, now) => recordAnswer(p, cardKey(quiz.slug, prepared.question.id), rateAnswer(graded.correct, confidence), now));
          // The attempt counts once every question is graded, even if the reader never opens the score.
          const results = session.results.map((r, i) => (i === session.index ? graded : r));
          if (session.kind === 'quiz' && results.every(Boolean)) {
            const score = { correct: results.filter((r) => r?.correct).length, total: results.length };
            store.update((p, now) => recordQuizAttempt(p, quiz.slug, score, quiz.passRatio, now));
          }
        }}
        next={{
          label: last ? (session.kind === 'quiz' ? 'See your score' : 'Finish') : 'Next question',
          onClick: () => move('next'),
        }}
      />
    </div>
  );
}
