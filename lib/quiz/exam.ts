import { z } from 'zod';
import { hashSeed, seededRandom, shuffle } from './random';

/**
 * A timed exam drawn from the chapter quizzes: which questions, in which order, from a seed, so
 * the same seed (it sits in the URL) gives two people the same exam, variants included. Like the
 * CKA, it mixes recall with hands-on tasks graded on the cluster's end state (the `command`
 * questions: fix a Pending pod, drain a node past a budget, recover a failed node's pods) and
 * prediction questions whose simulation variant comes from the seed.
 */
export const examPolicy = Object.freeze({
  sizes: [10, 20, 40] as const,
  minutes: [15, 30, 60] as const,
  defaultSize: 20,
  defaultMinutes: 30,
  /** At least this share of the exam is hands-on tasks, and as much again predictions, when the parts have them. */
  handsOnShare: 0.15,
  predictionShare: 0.15,
});

export interface CatalogueChapter {
  slug: string;
  part: string;
  questions: readonly { id: string; type: string }[];
}

export interface ExamItem {
  slug: string;
  questionId: string;
  type: string;
  part: string;
}

export interface ExamSpec {
  seed: number;
  parts: string[];
  size: number;
  minutes: number;
}

const csv = z
  .string()
  .transform((s) => s.split(',').filter(Boolean))
  .pipe(z.array(z.string().regex(/^[a-z0-9-]+$/)));

/** The exam's settings as the URL carries them (?seed=…&parts=a,b&n=20&t=30). */
export const examSearchSchema = z.object({
  seed: z.coerce.number().int().min(0).max(0xffffffff),
  parts: csv.optional(),
  n: z.coerce
    .number()
    .int()
    .refine((n) => (examPolicy.sizes as readonly number[]).includes(n))
    .optional(),
  t: z.coerce
    .number()
    .int()
    .refine((n) => (examPolicy.minutes as readonly number[]).includes(n))
    .optional(),
});

/** Reads a spec from the URL's query; undefined (start from the form) when it is missing or malformed. */
export function examSpecFromSearch(search: string, allParts: readonly string[]): ExamSpec | undefined {
  const params = Object.fromEntries(new URLSearchParams(search));
  const parsed = examSearchSchema.safeParse(params);
  if (!parsed.success) return undefined;
  const parts = (parsed.data.parts ?? [...allParts]).filter((p) => allParts.includes(p));
  if (parts.length === 0) return undefined;
  return {
    seed: parsed.data.seed,
    parts,
    size: parsed.data.n ?? examPolicy.defaultSize,
    minutes: parsed.data.t ?? examPolicy.defaultMinutes,
  };
}

export function examSearch(spec: ExamSpec): string {
  return `?${new URLSearchParams({ seed: String(spec.seed), parts: spec.parts.join(','), n: String(spec.size), t: String(spec.minutes) })}`;
}

/**
 * The exam's questions: hands-on tasks and predictions first reserved up to their shares, the rest
 * drawn from everything else in the chosen parts, then shuffled so no chapter comes in a block.
 */
export function buildExam(spec: ExamSpec, catalogue: readonly CatalogueChapter[]): ExamItem[] {
  const random = seededRandom(hashSeed(spec.seed, 'exam', spec.parts.join(',')));
  const pool = shuffle(
    catalogue
      .filter((c) => spec.parts.includes(c.part))
      .flatMap((c) => c.questions.map((q) => ({ slug: c.slug, questionId: q.id, type: q.type, part: c.part }))),
    random,
  );
  const size = Math.min(spec.size, pool.length);
  const reserve = (type: string, share: number) => pool.filter((q) => q.type === type).slice(0, Math.max(1, Math.round(size * share)));
  const chosen = [...reserve('command', examPolicy.handsOnShare), ...reserve('prediction', examPolicy.predictionShare)].slice(0, size);
  for (const q of pool) {
    if (chosen.length >= size) break;
    if (!chosen.includes(q)) chosen.push(q);
  }
  return shuffle(chosen, random);
}

/** The seed each exam question is prepared with: fixed by the exam seed, different for every exam. */
export const examQuestionSeed = (spec: ExamSpec) => hashSeed(spec.seed, 'exam-questions');
