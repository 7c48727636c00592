'use client';

import { useEffect, useState } from 'react';
import type { Quiz } from '@/lib/quiz';
import { ErrorBoundary } from '../errors/ErrorBoundary';
import { QuizRunner } from './QuizRunner';
import { useQuizServices } from './services';

/** Fetches a chapter's quiz (a static JSON file) and starts it. Loaded lazily by ChapterQuiz. */
export function QuizLoader({ slug, openQuestion }: { slug: string; openQuestion?: string }) {
  const { fetchQuiz } = useQuizServices();
  const [state, setState] = useState<{ quiz: Quiz } | { error: true } | undefined>();
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let cancelled = false;
    fetchQuiz(slug).then(
      (quiz) => !cancelled && setState({ quiz }),
      () => !cancelled && setState({ error: true }),
    );
    return () => {
      cancelled = true;
    };
  }, [fetchQuiz, slug, attempt]);

  if (!state)
    return (
      <p className="quiz-hint" role="status">
        Loading the quiz…
      </p>
    );
  if ('error' in state) {
    return (
      <div className="quiz-problem" role="alert">
        <p>The quiz could not be loaded. Check your connection and try again.</p>
        <button
          type="button"
          className="button"
          onClick={() => {
            setState(undefined);
            setAttempt((n) => n + 1);
          }}
        >
          Try again
        </button>
      </div>
    );
  }
  return (
    <ErrorBoundary what="quiz">
      <QuizRunner quiz={state.quiz} openQuestion={openQuestion} />
    </ErrorBoundary>
  );
}
