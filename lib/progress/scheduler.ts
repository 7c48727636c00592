import { createEmptyCard, fsrs, generatorParameters, Rating, type Card } from 'ts-fsrs';
import { progressPolicy } from './policy';
import type { ReviewRating } from './rating';
import type { Progress, StoredCard } from './schema';

/**
 * Spaced review with FSRS: every answered question is a card, rated from the answer and the
 * reader's confidence (./rating). New and missed cards go through short-term learning steps
 * (minutes), so a mistake comes back in the same sitting before it is spaced out over days.
 * Time is always passed in, so tests can travel through days.
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

const fsrsRating = { again: Rating.Again, hard: Rating.Hard, good: Rating.Good } as const;

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
export function reviewCard(card: StoredCard | undefined, rating: ReviewRating, now: number): StoredCard {
  const at = new Date(now);
  const current = card ? toFsrs(card) : createEmptyCard(at);
  return fromFsrs(scheduler.next(current, at, fsrsRating[rating]).card);
}

/** FSRS states: a card in Learning (1) or Relearning (3) is a recent mistake or a new card still on its steps. */
export const isLearning = (card: StoredCard) => card.state === 1 || card.state === 3;
export const isReview = (card: StoredCard) => card.state === 2;

/** The chance the reader recalls this card at `now`, from its stability (0 for a card never reviewed). */
export function recallChance(card: StoredCard, now: number): number {
  if (card.lastReview === undefined) return 0;
  return scheduler.get_retrievability(toFsrs(card), new Date(now), false);
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
