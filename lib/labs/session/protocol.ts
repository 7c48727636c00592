import { z } from 'zod';
import type { CommandResult } from '@/lib/cluster';
import { labEventSchema, labLogSchema, type LabLog } from '../log/events';
import { labPolicy } from '../policy';
import type { LabScenario } from '../schema';
import type { LabSessionEvent, LabSessionShown, LabSessionState } from './context';

/**
 * What the page and the lab's worker say to each other. The worker owns the cluster and the
 * session; the page sends the reader's events and asks questions that need the cluster (a watch,
 * a shell probe, a link with its state hash); the worker posts what the panel shows, as plain
 * data, each time it changes. Every message the worker receives is checked here.
 */

const speed = z.union(labPolicy.speeds.map((s) => z.literal(s)) as [z.ZodLiteral<1>, z.ZodLiteral<10>, z.ZodLiteral<60>]);
const id = z.number().int().min(0);

export const labSessionEventSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('PLAY') }),
  z.strictObject({ type: z.literal('PAUSE') }),
  z.strictObject({ type: z.literal('SET_SPEED'), speed }),
  z.strictObject({ type: z.literal('JUMP'), duration: z.string().max(40) }),
  z.strictObject({ type: z.literal('FRAME'), elapsedMs: z.number().min(0), draw: z.boolean().optional() }),
  z.strictObject({ type: z.literal('DRAW') }),
  z.strictObject({ type: z.literal('CANCEL_JUMP') }),
  z.strictObject({ type: z.literal('RUN'), command: z.string().max(labPolicy.logCommandMaxChars) }),
  z.strictObject({ type: z.literal('TOGGLE_NODE'), node: z.string().max(253) }),
  z.strictObject({ type: z.literal('TOGGLE_ETCD_MEMBER'), member: z.string().max(253) }),
  z.strictObject({ type: z.literal('REWIND'), entryId: z.number().int() }),
  z.strictObject({ type: z.literal('REDO'), entryId: z.number().int() }),
  z.strictObject({ type: z.literal('SWITCH_BRANCH') }),
  z.strictObject({ type: z.literal('RESET') }),
  z.strictObject({ type: z.literal('SHOW_HINT') }),
  z.strictObject({ type: z.literal('SHOW_SOLUTION') }),
  z.strictObject({ type: z.literal('CLEAR_TERMINAL') }),
]) satisfies z.ZodType<LabSessionEvent>;

export const labResumeSchema = z.strictObject({
  events: z.array(labEventSchema).max(labPolicy.logMaxEvents),
  now: z.number().int().min(0),
  hintsShown: z.number().int().min(0).optional(),
  solutionShown: z.boolean().optional(),
});

/**
 * A scenario as the page holds it: already parsed from its file (checks carry parsed counts, so
 * the file's schema does not apply twice), checked here for the parts the worker relies on. Loose,
 * so a page that adds fields of its own (the playground) still starts.
 */
const scenarioSchema = z.custom<LabScenario>(
  (value) =>
    z
      .looseObject({
        id: z.string().regex(/^[a-z0-9-]+$/),
        cluster: z.looseObject({ seed: z.union([z.number(), z.string()]), workers: z.number().int().min(0) }),
        files: z.record(z.string(), z.string()),
        setup: z.string(),
        checks: z.array(z.looseObject({ check: z.string(), label: z.string() })),
        hints: z.array(z.string()),
      })
      .safeParse(value).success,
);

/** From the page to the worker. */
export const toLabWorkerSchema = z.discriminatedUnion('t', [
  /** The first message: which lab, from where, and whether the reader finished it before. */
  z.strictObject({
    t: z.literal('start'),
    scenario: scenarioSchema,
    resume: labResumeSchema.optional(),
    completed: z.boolean(),
  }),
  z.strictObject({ t: z.literal('send'), event: labSessionEventSchema }),
  /** Runs a command that only reads (a watch, a shell probe) and answers with its output. */
  z.strictObject({ t: z.literal('exec'), id, command: z.string().max(labPolicy.logCommandMaxChars) }),
  /** Answers with the session's log, and the state hash if asked (for a link). */
  z.strictObject({ t: z.literal('log'), id, withHash: z.boolean() }),
]);
export type ToLabWorker = z.infer<typeof toLabWorkerSchema>;

const commandResultSchema = z.strictObject({ stdout: z.string(), stderr: z.string(), exitCode: z.number().int() });

/** From the worker to the page. */
export type FromLabWorker =
  /** What changed since the last post: the state, the fields whose identity changed, and the clock. */
  | { t: 'shown'; value: LabSessionState; now: number; changes: Partial<LabSessionShown> }
  /** The reader just finished the lab: the page records it with their progress. */
  | { t: 'completed'; lab: string }
  | { t: 'exec'; id: number; result: CommandResult }
  | { t: 'log'; id: number; log: LabLog }
  /** The worker could not go on (a bug): the panel says so instead of freezing. */
  | { t: 'failed'; message: string };

/**
 * The page checks the envelope of what the worker posts (the worker is our own code, and the
 * view it posts is large and comes many times a second, so only its shape is checked).
 */
export const fromLabWorkerSchema = z.discriminatedUnion('t', [
  z.strictObject({
    t: z.literal('shown'),
    value: z.enum(['paused', 'playing', 'jumping']),
    now: z.number(),
    changes: z.record(z.string(), z.unknown()),
  }),
  z.strictObject({ t: z.literal('completed'), lab: z.string() }),
  z.strictObject({ t: z.literal('exec'), id, result: commandResultSchema }),
  z.strictObject({ t: z.literal('log'), id, log: labLogSchema }),
  z.strictObject({ t: z.literal('failed'), message: z.string() }),
]);
