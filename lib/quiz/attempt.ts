import { z } from 'zod';
import { confidences } from '@/lib/progress/rating';
import type { Graded, Prepared } from './answers';
import { prepareQuestion } from './prepare';
import { hashSeed } from './random';
import type { Quiz } from './schema';
import type { QuizSession } from './session';

/**
 * An attempt in progress, saved so a reload (or a closed tab) resumes at the same question with
 * the answers so far. Only what cannot be recomputed is kept: the seed, which questions were
 * served in which order, and the results. Options and variants come back from the seed.
 */
const ints = z.array(z.number().int());
const detailSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('single'), chosen: z.number().int(), correct: z.number().int() }),
  z.strictObject({ type: z.literal('multiple'), chosen: ints, correct: ints }),
  z.strictObject({ type: z.literal('ordering'), order: ints, inPlace: z.array(z.boolean()) }),
  z.strictObject({ type: z.literal('matching'), matches: z.array(z.string()), right: z.array(z.boolean()) }),
  z.strictObject({
    type: z.literal('command'),
    command: z.string(),
    output: z.strictObject({ stdout: z.string(), stderr: z.string(), exitCode: z.number().int() }),
    results: z.array(z.strictObject({ ok: z.boolean(), expected: z.string(), actual: z.string() })),
  }),
  z.strictObject({ type: z.literal('prediction'), given: z.string(), expected: z.string(), revealed: z.string().optional() }),
]);
const gradedSchema = z.strictObject({ correct: z.boolean(), detail: detailSchema });

export const attemptSnapshotSchema = z.strictObject({
  format: z.literal('clusterbook-quiz-attempt'),
  version: z.literal(1),
  slug: z.string().min(1),
  kind: z.enum(['quiz', 'retry', 'practice']),
  seed: z.number().int().nonnegative(),
  /** Question ids in the order served; a practice queue may list one several times. */
  served: z.array(z.string().min(1)).min(1),
  index: z.number().int().nonnegative(),
  results: z.array(gradedSchema.nullable()),
  confidence: z.array(z.enum(confidences).nullable()),
});
export type AttemptSnapshot = z.infer<typeof attemptSnapshotSchema>;

/** Where an attempt is kept (sessionStorage would lose it with the tab, and a reader comes back later). */
export const attemptKey = (slug: string) => `clusterbook.quiz-attempt.${slug}`;

export function snapshotOf(s: QuizSession): AttemptSnapshot {
  return {
    format: 'clusterbook-quiz-attempt',
    version: 1,
    slug: s.source.slug,
    kind: s.kind,
    seed: s.seed,
    served: s.questions.map((p) => p.question.id),
    index: s.index,
    results: s.results.map((r) => r ?? null),
    confidence: s.confidence.map((c) => c ?? null),
  };
}

/**
 * Rebuilds a saved attempt against the quiz as it is now. Anything that no longer fits (bad JSON,
 * another quiz, a question removed since) gives undefined: the reader simply starts afresh.
 */
export function restoreAttempt(raw: string | null, quiz: Pick<Quiz, 'slug' | 'questions' | 'passRatio'>): QuizSession | undefined {
  if (!raw) return undefined;
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    return undefined;
  }
  const parsed = attemptSnapshotSchema.safeParse(json);
  if (!parsed.success) return undefined;
  const snap = parsed.data;
  const n = snap.served.length;
  if (snap.slug !== quiz.slug || snap.results.length !== n || snap.confidence.length !== n || snap.index >= n) return undefined;
  const byId = new Map(quiz.questions.map((q) => [q.id, q]));
  const seen = new Map<string, number>();
  const questions: Prepared[] = [];
  for (const id of snap.served) {
    const question = byId.get(id);
    if (!question) return undefined;
    const times = seen.get(id) ?? 0;
    seen.set(id, times + 1);
    // The same seeds the session used: the first serving from the attempt seed, repeats as in session.ts.
    questions.push(prepareQuestion(question, times === 0 ? snap.seed : hashSeed(snap.seed, id, times)));
  }
  const results = snap.results.map((r) => (r ?? undefined) as Graded | undefined);
  // A saved result must belong to its question's type, or the page would show nonsense.
  if (results.some((r, i) => r && r.detail.type !== questions[i].type)) return undefined;
  return {
    source: quiz,
    kind: snap.kind,
    seed: snap.seed,
    questions,
    index: snap.index,
    results,
    confidence: snap.confidence.map((c) => c ?? undefined),
    phase: 'question',
  };
}
