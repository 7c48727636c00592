import { createEmptyCard, fsrs, generatorParameters, Rating, type Card } from 'ts-fsrs';
import { progressPolicy } from './policy';
import type { Progress, StoredCard } from './schema';

/**
 * Spaced review with FSRS: every answered question is a card; a right answer rates it Good, a
 * wrong one Again. Time is always passed in, so tests can travel through days.
 */
const scheduler = fsrs(generatorParameters(progressPolicy.fsrs));

export const cardKey = (chapter: string, questionId: string) => `${chapter}/${questionId}`;

export function parseCardKey(key: string): { chapter: string; questionId: string } {
  const slash = key.indexOf('/');
  return { chapter: key.slice(0, slash), questionId: key.slice(slash + 1) };
}

function toFsrs(card: StoredCard): Card {
  return {
    due: new Date(card.due),
    stability: card.stability,
    difficulty: card.difficulty,
    elapsed_days: card.elapsedDays,
    scheduled_days: card.scheduledDays,
    learning_steps: card.learningSteps,
    reps: card.reps,
    lapses: card.lapses,
    state: card.state,
    last_review: card.lastReview === undefined ? undefined : new Date(card.lastReview),
  };
}

function fromFsrs(card: Card): StoredCard {
  return {
    due: card.due.getTime(),
    stability: card.stability,
    difficulty: card.difficulty,
    elapsedDays: card.elapsed_days,
    scheduledDays: card.scheduled_days,
    learningSteps: card.learning_steps,
    reps: card.reps,
    lapses: card.lapses,
    state: card.state as StoredCard['state'],
    ...(card.last_review ? { lastReview: card.last_review.getTime() } : {}),
  };
}

/** The card after one answer; a question answered for the first time gets a new card. */
export function reviewCard(card: StoredCard | undefined, correct: boolean, now: number): StoredCard {
  const at = new Date(now);
  const current = card ? toFsrs(card) : createEmptyCard(at);
  return fromFsrs(scheduler.next(current, at, correct ? Rating.Good : Rating.Again).card);
}

/** Cards due at `now`, the most overdue first. */
export function dueCards(progress: Progress, now: number): { key: string; card: StoredCard }[] {
  return Object.entries(progress.cards)
    .filter(([, card]) => card.due <= now)
    .sort(([ka, a], [kb, b]) => a.due - b.due || ka.localeCompare(kb))
    .map(([key, card]) => ({ key, card }));
}

/** When the next card falls due, if any is scheduled. */
export function nextDue(progress: Progress): number | undefined {
  const dues = Object.values(progress.cards).map((c) => c.due);
  return dues.length ? Math.min(...dues) : undefined;
}
