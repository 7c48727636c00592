import { z } from 'zod';
import { quizErrors } from './errors';
import { quizPolicy } from './policy';
import { placeholdersIn, stringsIn } from './template';

/**
 * One place for every quiz schema: the YAML files in content/quizzes are checked with these at
 * build time, and the JSON the browser fetches is checked with them again. Types are inferred.
 */

const id = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be lower-case words joined by hyphens');
const text = z.string().trim().min(1);
const sectionLink = z
  .string()
  .regex(/^(\/chapters\/[a-z0-9-]+)?#[a-z0-9-]+$/, 'must be "#heading-id" (this chapter) or "/chapters/slug#heading-id"');
/** A duration, or a placeholder filled with one from params. */
export const durationSchema = z
  .string()
  .regex(/^((\d+(ms|s|m|h))+|\{\{\s*[a-zA-Z][a-zA-Z0-9]*\s*\}\})$/, 'must be a duration such as 30s, 6m or 1m30s');
const script = z.string().trim().min(1, 'write at least one command');
const count = z.number().int().min(0);

// Simulation: what a reader's command must achieve, and what a prediction asks about.

const podFilter = z.strictObject({
  /** Pod name; `*` matches any characters ("web-*"). */
  name: z.string().optional(),
  node: z.string().optional(),
  /** The STATUS word `kubectl get pods` prints: Running, Pending, Terminating... */
  status: z.string().optional(),
  namespace: z.string().default('default'),
});

const countSpec = z.union([count, z.strictObject({ atLeast: count.optional(), atMost: count.optional() })]);

export const goalCheckSchema = z.discriminatedUnion('expect', [
  z.strictObject({
    expect: z.literal('node'),
    name: text,
    exists: z.boolean().optional(),
    /** The STATUS word of `kubectl get nodes`: Ready, NotReady, Ready,SchedulingDisabled. */
    status: z.string().optional(),
    schedulable: z.boolean().optional(),
    /** A taint that must be present: `key`, `key:Effect` or `key=value:Effect`. */
    taint: z.string().optional(),
    /** A taint that must be absent, same forms as `taint`. */
    noTaint: z.string().optional(),
    /** A label that must be set: `key=value`. */
    label: z
      .string()
      .regex(/^[^=]+=.*$/, 'must look like key=value')
      .optional(),
  }),
  z.strictObject({
    expect: z.literal('pod'),
    name: text,
    namespace: z.string().default('default'),
    exists: z.boolean().optional(),
    status: z.string().optional(),
    node: z.string().optional(),
  }),
  z.strictObject({ expect: z.literal('pods'), where: podFilter, count: countSpec }),
  z.strictObject({
    expect: z.literal('deployment'),
    name: text,
    namespace: z.string().default('default'),
    exists: z.boolean().optional(),
    replicas: count.optional(),
    ready: count.optional(),
    available: count.optional(),
  }),
]);
export type GoalCheck = z.infer<typeof goalCheckSchema>;
export type PodFilter = z.infer<typeof podFilter>;
export type CountSpec = z.infer<typeof countSpec>;

const choices = z.array(text).min(2);
export const predictionQuerySchema = z.discriminatedUnion('query', [
  z.strictObject({ query: z.literal('podStatus'), name: text, namespace: z.string().default('default'), choices }),
  z.strictObject({ query: z.literal('nodeStatus'), name: text, choices }),
  z.strictObject({ query: z.literal('podCount'), where: podFilter }),
  z.strictObject({ query: z.literal('deploymentReady'), name: text, namespace: z.string().default('default') }),
]);
export type PredictionQuery = z.infer<typeof predictionQuerySchema>;

// Questions

const base = {
  /** Stable forever: progress and review cards are keyed by it. */
  id,
  prompt: text,
  explanation: text,
  /** The section that teaches this: "#heading-id" in the quiz's chapter or "/chapters/slug#heading-id". */
  section: sectionLink,
};

const option = z.strictObject({ text, correct: z.boolean().default(false), feedback: text.optional() });

const params = z
  .record(z.string().regex(/^[a-z][a-zA-Z0-9]*$/, 'param names are camelCase words'), z.array(z.union([text, z.number()])).min(1))
  .default({});

const simulation = {
  params,
  /** Commands (kubectl and sim) that bring a fresh cluster to the state the question starts from. */
  setup: script,
  /** A command whose output is shown with the question: the cluster "now". */
  observe: text.optional(),
  /** Manifests the setup can `kubectl apply -f`, keyed by file name; placeholders are filled. */
  files: z.record(z.string().regex(/^[\w./-]+$/, 'file names are letters, digits, dots, dashes and slashes'), z.string()).default({}),
};

export const questionSchema = z
  .discriminatedUnion('type', [
    z.strictObject({ ...base, type: z.literal('single'), options: z.array(option).min(2).max(8) }),
    z.strictObject({ ...base, type: z.literal('multiple'), options: z.array(option).min(3).max(8) }),
    z.strictObject({
      ...base,
      type: z.literal('ordering'),
      /** In the correct order; readers see them shuffled. */
      items: z.array(text).min(3).max(8),
    }),
    z.strictObject({
      ...base,
      type: z.literal('matching'),
      pairs: z
        .array(z.strictObject({ item: text, match: text }))
        .min(2)
        .max(8),
      /** Extra wrong choices offered in every select. */
      distractors: z.array(text).default([]),
    }),
    z.strictObject({
      ...base,
      ...simulation,
      type: z.literal('command'),
      /** Every check must hold after the reader's command (and `settle`) for the answer to count. */
      goal: z.array(goalCheckSchema).min(1),
      settle: durationSchema.default(quizPolicy.defaultSettle),
      /** One command that works, shown after answering; tests prove it reaches the goal. Never used to grade. */
      sample: text,
    }),
    z.strictObject({
      ...base,
      ...simulation,
      type: z.literal('prediction'),
      /** Simulated time that passes between "now" and the moment the question asks about. */
      wait: durationSchema.default('0s'),
      ask: predictionQuerySchema,
      /** A command whose output is shown after answering, at the asked moment (default: `observe`). */
      reveal: text.optional(),
    }),
  ])
  .superRefine((q, ctx) => {
    for (const issue of questionProblems(q)) ctx.addIssue({ code: 'custom', path: issue.path, message: issue.message });
  });
export type Question = z.infer<typeof questionSchema>;
export type QuestionOf<T extends Question['type']> = Extract<Question, { type: T }>;
export type SimulationQuestion = QuestionOf<'command' | 'prediction'>;

export const quizFileSchema = z
  .strictObject({
    title: text.default('Check your understanding'),
    passRatio: z.number().min(0.5).max(1).default(quizPolicy.passRatio),
    questions: z.array(questionSchema).min(quizPolicy.minQuestionsPerChapter, {
      error: (issue) => quizErrors.tooFewQuestions(Array.isArray(issue.input) ? issue.input.length : 0, quizPolicy.minQuestionsPerChapter),
    }),
  })
  .superRefine((quiz, ctx) => {
    const seen = new Set<string>();
    quiz.questions.forEach((q, i) => {
      if (seen.has(q.id)) ctx.addIssue({ code: 'custom', path: ['questions', i, 'id'], message: quizErrors.duplicateQuestionId(q.id) });
      seen.add(q.id);
    });
  });
export type QuizFile = z.infer<typeof quizFileSchema>;

/** A quiz as the site uses it: the file's content plus the chapter it belongs to. */
export const quizSchema = quizFileSchema.safeExtend({ slug: id, chapterTitle: text });
export type Quiz = z.infer<typeof quizSchema>;

interface Problem {
  path: (string | number)[];
  message: string;
}

/** Rules a single field cannot express: how many options are correct, no duplicates, declared params. */
function questionProblems(q: Question): Problem[] {
  const problems: Problem[] = [];
  const duplicates = (values: string[], field: string) =>
    values.forEach((v, i) => {
      if (values.indexOf(v) !== i) problems.push({ path: [field, i], message: quizErrors.duplicateText(v) });
    });

  if (q.type === 'single' || q.type === 'multiple') {
    duplicates(
      q.options.map((o) => o.text),
      'options',
    );
    const correct = q.options.filter((o) => o.correct).length;
    if (q.type === 'single' && correct !== 1) problems.push({ path: ['options'], message: quizErrors.exactlyOneCorrect(correct) });
    if (q.type === 'multiple' && correct === 0) problems.push({ path: ['options'], message: quizErrors.atLeastOneCorrect });
    if (q.type === 'multiple' && correct === q.options.length) problems.push({ path: ['options'], message: quizErrors.atLeastOneWrong });
  }
  if (q.type === 'ordering') duplicates(q.items, 'items');
  if (q.type === 'matching') {
    duplicates(
      q.pairs.map((p) => p.item),
      'pairs',
    );
    duplicates([...new Set(q.pairs.map((p) => p.match)), ...q.distractors], 'distractors');
  }
  if (q.type === 'command' || q.type === 'prediction') {
    const declared = new Set(['seed', ...Object.keys(q.params)]);
    const { id: _id, type: _type, params: _params, ...fields } = q;
    for (const [field, value] of Object.entries(fields)) {
      for (const name of new Set(stringsIn(value).flatMap(placeholdersIn))) {
        if (!declared.has(name)) problems.push({ path: [field], message: quizErrors.unknownVariable(name) });
      }
    }
    const variants = Object.values(q.params).reduce((n, values) => n * values.length, 1);
    if (variants > quizPolicy.maxVariants)
      problems.push({ path: ['params'], message: quizErrors.tooManyVariants(variants, quizPolicy.maxVariants) });
  }
  return problems;
}
