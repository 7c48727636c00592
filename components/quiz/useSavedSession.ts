'use client';

import { useEffect, useReducer } from 'react';
import { attemptKey, restoreAttempt, snapshotOf } from '@/lib/quiz';
import { newSeed } from '@/lib/quiz';
import type { Quiz } from '@/lib/quiz';
import { selectIndexOf, sessionReducer, startSession, type QuizSession } from '@/lib/quiz';
import { useQuizServices } from './services';

/**
 * The attempt's state, saved after every change and restored on the next visit, so a reload
 * resumes at the same question. A finished attempt is forgotten: the next visit starts afresh.
 * `openQuestion` (from a `#quiz-<id>` link) moves to that question once the session exists.
 */
export function useSavedSession(quiz: Quiz, openQuestion: string | undefined) {
  const services = useQuizServices();
  const storage = services.attemptStorage?.();
  const [session, dispatch] = useReducer(sessionReducer, undefined, (): QuizSession => {
    let saved: QuizSession | undefined;
    try {
      saved = restoreAttempt(storage?.getItem(attemptKey(quiz.slug)) ?? null, quiz);
    } catch {
      saved = undefined;
    }
    const s = saved ?? startSession(quiz, newSeed(services.random));
    const at = openQuestion ? selectIndexOf(s, openQuestion) : -1;
    return at >= 0 ? { ...s, index: at } : s;
  });

  // Only a new link moves the reader; answering must not pull them back, so the session is not a dependency.
  // biome-ignore lint/correctness/useExhaustiveDependencies: see above
  useEffect(() => {
    if (!openQuestion) return;
    const at = selectIndexOf(session, openQuestion);
    if (at >= 0) dispatch({ type: 'goto', index: at });
  }, [openQuestion]);

  useEffect(() => {
    if (!storage) return;
    try {
      if (session.phase === 'summary') storage.removeItem(attemptKey(quiz.slug));
      else storage.setItem(attemptKey(quiz.slug), JSON.stringify(snapshotOf(session)));
    } catch {
      // Full or blocked storage: the attempt still works, it just will not survive a reload.
    }
  }, [session, storage, quiz.slug]);

  return [session, dispatch] as const;
}
