/**
 * How an answer and the reader's confidence in it become an FSRS rating. The rule is data, so it
 * can be read (and changed) in one place: a right answer the reader was unsure of is Hard (it was
 * half a guess), a wrong answer is Again however it felt, and a wrong answer given with confidence
 * is a misconception, the kind of mistake that teaching has to undo rather than top up.
 */
export const confidences = ['sure', 'unsure'] as const;
export type Confidence = (typeof confidences)[number];
export type ReviewRating = 'again' | 'hard' | 'good';

/** `skipped`: the reader moved on without saying; a right answer then counts as plainly right. */
export const ratingRules = Object.freeze({
  right: { sure: 'good', unsure: 'hard', skipped: 'good' },
  wrong: { sure: 'again', unsure: 'again', skipped: 'again' },
} as const satisfies Record<'right' | 'wrong', Record<Confidence | 'skipped', ReviewRating>>);

export interface Rated {
  rating: ReviewRating;
  /** Wrong and sure: shown prominently now, and kept on the card until the reader gets it right. */
  misconception: boolean;
}

export function rateAnswer(correct: boolean, confidence: Confidence | undefined): Rated {
  return {
    rating: ratingRules[correct ? 'right' : 'wrong'][confidence ?? 'skipped'],
    misconception: !correct && confidence === 'sure',
  };
}
