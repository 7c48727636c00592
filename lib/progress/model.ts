import { dayKey } from './days';
import { progressPolicy } from './policy';
import type { Rated } from './rating';
import type { Progress } from './schema';
import { isReview, reviewCard } from './scheduler';

/**
 * Pure updates of the progress data: each takes the current value and the time and returns a new
 * value. The store (./store) applies them and persists the result.
 */

export function markChapterRead(p: Progress, slug: string, now: number): Progress {
  if (p.chapters[slug]) return p;
  return { ...p, chapters: { ...p.chapters, [slug]: { readAt: now } } };
}

export function recordQuizAttempt(
  p: Progress,
  slug: string,
  score: { correct: number; total: number },
  passRatio: number,
  now: number,
): Progress {
  const previous = p.quizzes[slug];
  const ratio = score.total > 0 ? score.correct / score.total : 0;
  const attempts = [...(previous?.attempts ?? []), { at: now, ...score }].slice(-progressPolicy.attemptsKept);
  const passedAt = previous?.passedAt ?? (ratio >= passRatio ? now : undefined);
  return {
    ...p,
    quizzes: {
      ...p.quizzes,
      [slug]: { attempts, best: Math.max(previous?.best ?? 0, ratio), ...(passedAt === undefined ? {} : { passedAt }) },
    },
  };
}

/**
 * Every answered question becomes (or updates) a review card, rated by ./rating. A confident
 * wrong answer flags the card as a misconception until it is answered right; the day's study log
 * counts the answer (and, for a card already in review, whether it was recalled).
 */
export function recordAnswer(p: Progress, key: string, rated: Rated, now: number): Progress {
  const previous = p.cards[key];
  const card = reviewCard(previous, rated.rating, now);
  const right = rated.rating !== 'again';
  const misconceptionAt = rated.misconception ? now : right ? undefined : previous?.misconceptionAt;
  const day = dayKey(now);
  const log = p.days[day] ?? { answered: 0, right: 0, reviews: 0, recalled: 0 };
  const wasReview = previous !== undefined && isReview(previous);
  return {
    ...p,
    cards: {
      ...p.cards,
      [key]: { ...card, ...(right ? {} : { missedAt: now }), ...(misconceptionAt === undefined ? {} : { misconceptionAt }) },
    },
    days: {
      ...p.days,
      [day]: {
        answered: log.answered + 1,
        right: log.right + (right ? 1 : 0),
        reviews: log.reviews + (wasReview ? 1 : 0),
        recalled: log.recalled + (wasReview && right ? 1 : 0),
      },
    },
  };
}

export function recordLabCompleted(p: Progress, labId: string, now: number): Progress {
  if (p.labs[labId]) return p;
  return { ...p, labs: { ...p.labs, [labId]: { completedAt: now } } };
}

/** Drops cards whose question no longer exists, so they stop being counted as due. */
export function forgetCards(p: Progress, keys: string[]): Progress {
  if (keys.length === 0) return p;
  const cards = { ...p.cards };
  for (const key of keys) delete cards[key];
  return { ...p, cards };
}

/** Keeps only the latest attempts of every quiz, to make room when storage is full. */
export function trimHistory(p: Progress, keep: number): Progress {
  return {
    ...p,
    quizzes: Object.fromEntries(Object.entries(p.quizzes).map(([slug, q]) => [slug, { ...q, attempts: q.attempts.slice(-keep) }])),
  };
}

export function summary(p: Progress): { chapters: number; quizzes: number; cards: number; labs: number } {
  return {
    chapters: Object.keys(p.chapters).length,
    quizzes: Object.keys(p.quizzes).length,
    cards: Object.keys(p.cards).length,
    labs: Object.keys(p.labs).length,
  };
}
