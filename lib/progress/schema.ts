import { z } from 'zod';
import { currentVersion } from './keys';

/**
 * One place for the progress schemas, every version ever written, so old data can be read and
 * migrated. Times are epoch milliseconds: compact, and cheap for the first-load reader to compare.
 */
const time = z.number().int().nonnegative();
const key = z.string().min(1).max(200);
const ratio = z.number().min(0).max(1);

/** Version 1, the first shape: which chapters were read and each quiz's best score. */
export const progressV1Schema = z.strictObject({
  version: z.literal(1),
  read: z.array(key),
  scores: z.record(key, ratio),
});
export type ProgressV1 = z.infer<typeof progressV1Schema>;

export const attemptSchema = z.strictObject({
  at: time,
  correct: z.number().int().nonnegative(),
  total: z.number().int().positive(),
});
export type Attempt = z.infer<typeof attemptSchema>;

/** A review card: ts-fsrs's Card with dates as epoch ms. */
export const cardSchema = z.strictObject({
  due: time,
  stability: z.number().nonnegative(),
  difficulty: z.number().nonnegative(),
  elapsedDays: z.number().nonnegative(),
  scheduledDays: z.number().nonnegative(),
  learningSteps: z.number().int().nonnegative(),
  reps: z.number().int().nonnegative(),
  lapses: z.number().int().nonnegative(),
  state: z.union([z.literal(0), z.literal(1), z.literal(2), z.literal(3)]),
  lastReview: time.optional(),
});

const v2Fields = {
  chapters: z.record(key, z.strictObject({ readAt: time })),
  quizzes: z.record(
    key,
    z.strictObject({
      attempts: z.array(attemptSchema),
      best: ratio,
      passedAt: time.optional(),
    }),
  ),
  labs: z.record(key, z.strictObject({ completedAt: time })),
};

/** Version 2: chapters read, quiz attempts, lab completions and the review schedule. */
export const progressV2Schema = z.strictObject({
  version: z.literal(2),
  ...v2Fields,
  /** Keyed "chapter-slug/question-id". */
  cards: z.record(key, cardSchema),
});
export type ProgressV2 = z.infer<typeof progressV2Schema>;

/**
 * A card that also remembers when its last answer was wrong (a mistake to practise now) and when
 * it was wrong with confidence (a misconception); both clear when the reader gets it right.
 */
export const cardV3Schema = cardSchema.extend({ missedAt: time.optional(), misconceptionAt: time.optional() });
export type StoredCard = z.infer<typeof cardV3Schema>;

/** One local calendar day ("2026-12-01") of study: what the calendar and the retention figure read. */
export const dayKeySchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date such as 2026-12-01');
export const studyDaySchema = z.strictObject({
  /** Every graded answer, in quizzes, practice, review and exams. */
  answered: z.number().int().nonnegative(),
  right: z.number().int().nonnegative(),
  /** Answers to cards that had graduated to review (FSRS state Review): the honest test of memory. */
  reviews: z.number().int().nonnegative(),
  recalled: z.number().int().nonnegative(),
});
export type StudyDay = z.infer<typeof studyDaySchema>;

/** Version 3, current: version 2 plus misconception flags on cards and a log of study days. */
export const progressV3Schema = z.strictObject({
  version: z.literal(3),
  ...v2Fields,
  cards: z.record(key, cardV3Schema),
  days: z.record(dayKeySchema, studyDaySchema),
});
export type Progress = z.infer<typeof progressV3Schema>;

/** Any version this build can read, told apart by `version`. */
export const anyProgressSchema = z.discriminatedUnion('version', [progressV1Schema, progressV2Schema, progressV3Schema]);
export type AnyProgress = z.infer<typeof anyProgressSchema>;

/** Only the version field, to tell "newer than us" from "damaged". */
export const versionProbeSchema = z.looseObject({ version: z.number().int().positive() });

export const exportFormat = 'clusterbook-progress';

/** The file written by "Export progress". */
export const exportFileSchema = z.strictObject({
  format: z.literal(exportFormat),
  version: z.number().int().positive(),
  exportedAt: z.string(),
  progress: z.unknown(),
});

/** A notice kept until the reader dismisses it (./keys noticeKey). */
export const lastingNoticeSchema = z.strictObject({ kind: z.literal('set-aside'), message: z.string().min(1) });

export function emptyProgress(): Progress {
  return { version: currentVersion as 3, chapters: {}, quizzes: {}, labs: {}, cards: {}, days: {} };
}
