'use client';

import Link from 'next/link';
import { useEffect, useMemo, useState } from 'react';
import { forgetCards, recordAnswer, progressPolicy, dueCards, nextDue, parseCardKey } from '@/lib/progress';
import type { Graded, Prepared, Quiz } from '@/lib/quiz';
import { prepareQuestion, newSeed } from '@/lib/quiz';
import { QuestionCard } from '../quiz/QuestionCard';
import { useProgress, useQuizServices } from '../quiz/services';
import { ProgressNotices } from './ProgressNotices';

interface Item {
  key: string;
  chapterTitle: string;
  prepared: Prepared;
}

const when = (ms: number) => new Date(ms).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/**
 * Serves the cards due now, across chapters, one at a time. The queue is fixed when the session
 * starts, so answering a card does not reshuffle what comes next.
 */
export function ReviewSession() {
  const services = useQuizServices();
  const { store, progress } = useProgress();
  const [queue] = useState(() =>
    dueCards(store.get(), services.now())
      .slice(0, progressPolicy.reviewBatch)
      .map((c) => c.key),
  );
  const [seed] = useState(() => newSeed(services.random));
  const [quizzes, setQuizzes] = useState<Map<string, Quiz>>();
  const [index, setIndex] = useState(0);
  const [results, setResults] = useState<Record<string, Graded>>({});
  const [moved, setMoved] = useState(false);

  useEffect(() => {
    const chapters = [...new Set(queue.map((key) => parseCardKey(key).chapter))];
    void Promise.all(chapters.map((slug) => services.fetchQuiz(slug).catch(() => undefined))).then((loaded) =>
      setQuizzes(new Map(loaded.flatMap((quiz) => (quiz ? [[quiz.slug, quiz] as const] : [])))),
    );
  }, [queue, services]);

  const items = useMemo<Item[] | undefined>(() => {
    if (!quizzes) return undefined;
    return queue.flatMap((key) => {
      const { chapter, questionId } = parseCardKey(key);
      const quiz = quizzes.get(chapter);
      const question = quiz?.questions.find((q) => q.id === questionId);
      return quiz && question ? [{ key, chapterTitle: quiz.chapterTitle, prepared: prepareQuestion(question, seed) }] : [];
    });
  }, [quizzes, queue, seed]);

  // Cards whose chapter loaded but whose question was removed from the content can never be served.
  useEffect(() => {
    if (!items || !quizzes) return;
    const gone = queue.filter((key) => quizzes.has(parseCardKey(key).chapter) && !items.some((i) => i.key === key));
    if (gone.length) store.update((p) => forgetCards(p, gone));
  }, [items, quizzes, queue, store]);

  const upcoming = nextDue(progress);
  const nextReview = upcoming === undefined ? null : <p>Your next card is due {when(upcoming)}.</p>;

  if (queue.length === 0) {
    return (
      <section className="review-session" aria-labelledby="review-status">
        <ProgressNotices store={store} />
        <h2 id="review-status">Nothing is due right now</h2>
        {nextReview ?? (
          <p>
            Answer the questions of a <Link href="/quiz">chapter quiz</Link> and they will come back here for review.
          </p>
        )}
      </section>
    );
  }
  if (!items)
    return (
      <p className="quiz-hint" role="status">
        Loading your review cards…
      </p>
    );

  if (index >= items.length) {
    const right = Object.values(results).filter((r) => r.correct).length;
    return (
      <section className="review-session" aria-labelledby="review-status">
        <h2 id="review-status" tabIndex={-1} ref={(el) => el?.focus()}>
          Review finished: {right} of {items.length} right
        </h2>
        {nextReview}
        <p>
          Back to the <Link href="/quiz">quizzes</Link>.
        </p>
      </section>
    );
  }

  const item = items[index];
  return (
    <section className="review-session" aria-labelledby="review-status">
      <ProgressNotices store={store} />
      <h2 id="review-status" className="review-due">
        {items.length} {items.length === 1 ? 'card' : 'cards'} due
      </h2>
      <QuestionCard
        key={item.key}
        prepared={item.prepared}
        label={`Card ${index + 1} of ${items.length}, from ${item.chapterTitle}`}
        graded={results[item.key]}
        focusOnMount={moved}
        onGraded={(graded) => {
          setResults((r) => ({ ...r, [item.key]: graded }));
          store.update((p, now) => recordAnswer(p, item.key, graded.correct, now));
        }}
        next={{
          label: index + 1 < items.length ? 'Next card' : 'Finish the review',
          onClick: () => {
            setIndex((i) => i + 1);
            setMoved(true);
          },
        }}
      />
    </section>
  );
}
