'use client';

import { Link } from '@/components/Link';
import { useEffect, useMemo, useState } from 'react';
import { forgetCards, recordAnswer } from '@/lib/progress';
import { interleave } from '@/lib/progress';
import { progressPolicy } from '@/lib/progress';
import { rateAnswer, type Confidence } from '@/lib/progress';
import { dueCards, nextDue, parseCardKey } from '@/lib/progress';
import { mistakes } from '@/lib/progress';
import type { Graded, Prepared } from '@/lib/quiz';
import { prepareQuestion } from '@/lib/quiz';
import { hashSeed, newSeed } from '@/lib/quiz';
import type { Question, Quiz } from '@/lib/quiz';
import { QuestionCard } from '../quiz/QuestionCard';
import { useProgress, useQuizServices } from '../quiz/services';
import { ProgressNotices } from './ProgressNotices';
import type { Deck } from './reviewDeck';
import { ReviewStats } from './ReviewStats';
import '../quiz/quiz-questions.css';
import './review.css';

interface Item {
  key: string;
  chapterTitle: string;
  /** As written: a repeat is prepared from it again, so a simulation question draws a new variant. */
  question: Question;
  prepared: Prepared;
  graded?: Graded;
  confidence?: Confidence;
}

type Limit = (typeof progressPolicy.sessionLimits)[number];
const when = (ms: number) => new Date(ms).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
const minute = 60_000;

/**
 * /review: what you know, then a session. By default the cards due now from every part,
 * interleaved across chapters and question types, at most 20; or the recent mistakes at once.
 * A card missed in the session goes back to the end of the queue with a fresh variant (its next
 * learning step is minutes away), and is served early when nothing else is left, as Anki's
 * learn-ahead limit does.
 */
export function ReviewSession({ deck }: { deck: Deck }) {
  const services = useQuizServices();
  const { store, progress } = useProgress();
  const [parts, setParts] = useState<string[]>(() => deck.map((p) => p.id));
  const [limit, setLimit] = useState<Limit>(progressPolicy.reviewBatch);
  const [run, setRun] = useState<{ keys: string[]; kind: 'due' | 'mistakes'; seed: number }>();
  const now = services.now();

  const partOf = useMemo(() => new Map(deck.flatMap((p) => p.chapters.map((c) => [c.slug, p.id]))), [deck]);
  const typeOf = useMemo(
    () => new Map(deck.flatMap((p) => p.chapters.flatMap((c) => c.questions.map((q) => [`${c.slug}/${q.id}`, q.type])))),
    [deck],
  );
  // Cards of questions removed from the content (their chapter is still here) can never be served.
  useEffect(() => {
    const chapters = new Set(partOf.keys());
    const gone = Object.keys(progress.cards).filter((key) => chapters.has(parseCardKey(key).chapter) && !typeOf.has(key));
    if (gone.length) store.update((p) => forgetCards(p, gone));
  }, [progress, partOf, typeOf, store]);

  const inParts = (key: string) => parts.includes(partOf.get(parseCardKey(key).chapter) ?? '');
  const due = dueCards(progress, now)
    .map((c) => c.key)
    .filter(inParts);
  const missed = mistakes(progress).filter(inParts);
  const take = (keys: string[]) => (limit === 'all' ? keys : keys.slice(0, limit));
  const start = (kind: 'due' | 'mistakes') => {
    const keys = take(kind === 'due' ? due : missed);
    setRun({
      kind,
      seed: newSeed(services.random),
      keys: interleave(
        keys,
        (k) => parseCardKey(k).chapter,
        (k) => typeOf.get(k) ?? '',
      ),
    });
  };

  if (run) return <Sitting key={run.seed} {...run} onDone={() => setRun(undefined)} />;

  const upcoming = nextDue(progress);
  return (
    <>
      <ProgressNotices store={store} />
      <section className="review-session" aria-labelledby="review-status">
        <h2 id="review-status" className="review-due">
          {due.length === 0 ? 'Nothing is due right now' : `${due.length} ${due.length === 1 ? 'card' : 'cards'} due`}
        </h2>
        {Object.keys(progress.cards).length === 0 ? (
          <p>
            Answer the questions of a <Link href="/quiz">chapter quiz</Link> and they will come back here for review.
          </p>
        ) : (
          due.length === 0 && upcoming !== undefined && <p>Your next card is due {when(upcoming)}.</p>
        )}
        <form
          className="review-options"
          onSubmit={(e) => {
            e.preventDefault();
            start('due');
          }}
        >
          <fieldset>
            <legend>Parts</legend>
            {deck.map((part) => (
              <label key={part.id} className="review-check">
                <input
                  type="checkbox"
                  checked={parts.includes(part.id)}
                  onChange={(e) => setParts((ps) => (e.target.checked ? [...ps, part.id] : ps.filter((p) => p !== part.id)))}
                />
                {part.title}
              </label>
            ))}
          </fieldset>
          <fieldset>
            <legend>Session size</legend>
            {progressPolicy.sessionLimits.map((n) => (
              <label key={n} className="review-check">
                <input type="radio" name="review-limit" checked={limit === n} onChange={() => setLimit(n)} />
                {n === 'all' ? 'All' : n}
              </label>
            ))}
          </fieldset>
          <div className="quiz-actions">
            <button type="submit" className="button button-primary" disabled={due.length === 0}>
              {due.length === 0 ? 'No cards due' : `Start the review (${take(due).length})`}
            </button>
            {missed.length > 0 && (
              <button type="button" className="button" onClick={() => start('mistakes')}>
                Practise my mistakes now ({take(missed).length})
              </button>
            )}
          </div>
          <p className="quiz-hint">Questions from different chapters and of different types are mixed, which helps you tell ideas apart.</p>
        </form>
      </section>
      <ReviewStats progress={progress} deck={deck} now={now} />
    </>
  );
}

/** One sitting through a fixed list of cards, with missed ones coming back at the end. */
function Sitting({ keys, kind, seed, onDone }: { keys: string[]; kind: 'due' | 'mistakes'; seed: number; onDone: () => void }) {
  const services = useQuizServices();
  const { store, progress } = useProgress();
  const [quizzes, setQuizzes] = useState<Map<string, Quiz>>();
  const [items, setItems] = useState<Item[]>();
  const [index, setIndex] = useState(0);
  const [moved, setMoved] = useState(false);

  useEffect(() => {
    const chapters = [...new Set(keys.map((key) => parseCardKey(key).chapter))];
    void Promise.all(chapters.map((slug) => services.fetchQuiz(slug).catch(() => undefined))).then((loaded) =>
      setQuizzes(new Map(loaded.flatMap((quiz) => (quiz ? [[quiz.slug, quiz] as const] : [])))),
    );
  }, [keys, services]);

  useEffect(() => {
    if (!quizzes) return;
    const found = keys.flatMap((key) => {
      const { chapter, questionId } = parseCardKey(key);
      const quiz = quizzes.get(chapter);
      const question = quiz?.questions.find((q) => q.id === questionId);
      return quiz && question ? [{ key, chapterTitle: quiz.chapterTitle, question, prepared: prepareQuestion(question, seed) }] : [];
    });
    setItems(found);
  }, [quizzes, keys, seed]);

  if (!items)
    return (
      <p className="quiz-hint" role="status">
        Loading your review cards…
      </p>
    );

  if (index >= items.length) {
    const answered = items.filter((i) => i.graded);
    const firstTry = new Map<string, boolean>();
    for (const item of answered) if (!firstTry.has(item.key)) firstTry.set(item.key, item.graded!.correct);
    const right = [...firstTry.values()].filter(Boolean).length;
    const upcoming = nextDue(progress);
    return (
      <section className="review-session" aria-labelledby="review-status">
        <h2 id="review-status" tabIndex={-1} ref={(el) => el?.focus()}>
          {kind === 'mistakes' ? 'Mistakes practised' : 'Review finished'}: {right} of {firstTry.size} right the first time
        </h2>
        {answered.length > firstTry.size && <p>Every card you missed came back until you got it: {answered.length} answers in all.</p>}
        {upcoming !== undefined && <p>Your next card is due {when(upcoming)}.</p>}
        <div className="quiz-actions">
          <button type="button" className="button button-primary" onClick={onDone}>
            Back to the review overview
          </button>
          <Link href="/quiz" className="button">
            The quizzes
          </Link>
        </div>
      </section>
    );
  }

  const item = items[index];
  const left = items.length - index;
  return (
    <section className="review-session" aria-labelledby="review-status">
      <ProgressNotices store={store} />
      <h2 id="review-status" className="review-due">
        {kind === 'mistakes' ? 'Practising your mistakes' : 'Review'}: {left} {left === 1 ? 'card' : 'cards'} to go
      </h2>
      <QuestionCard
        key={`${item.key}-${index}`}
        prepared={item.prepared}
        label={`Card ${index + 1} of ${items.length}, from ${item.chapterTitle}`}
        graded={item.graded}
        confidence={item.confidence}
        focusOnMount={moved}
        onGraded={(graded, confidence) => {
          const at = services.now();
          store.update((p, now) => recordAnswer(p, item.key, rateAnswer(graded.correct, confidence), now));
          const card = store.get().cards[item.key];
          setItems((list) => {
            const next = list!.map((it, i) => (i === index ? { ...it, graded, confidence } : it));
            // Missed, and its learning step is minutes away: serve it again in this sitting, with a new variant.
            if (!graded.correct && card && card.due - at <= progressPolicy.learnAheadMinutes * minute) {
              const repeat = prepareQuestion(item.question, hashSeed(seed, item.key, index), item.prepared);
              next.push({ key: item.key, chapterTitle: item.chapterTitle, question: item.question, prepared: repeat });
            }
            return next;
          });
        }}
        next={{
          label: index + 1 < items.length ? 'Next card' : 'Finish',
          onClick: () => {
            setIndex((i) => i + 1);
            setMoved(true);
          },
        }}
      />
    </section>
  );
}

/** The session with its deck, as the lazy loader renders it (a component without props). */
export function bindReview(deck: Deck) {
  return function BoundReview() {
    return <ReviewSession deck={deck} />;
  };
}
