import { progressPolicy } from './policy';
import type { Progress } from './schema';
import { reviewCard } from './scheduler';

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

/** Every answered question becomes (or updates) a review card: right is Good, wrong is Again. */
export function recordAnswer(p: Progress, key: string, correct: boolean, now: number): Progress {
  return { ...p, cards: { ...p.cards, [key]: reviewCard(p.cards[key], correct, now) } };
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
