import { z } from 'zod';
import { labPolicy } from '../policy';
import { playgroundSetupSchema } from '../playground/schema';

/**
 * A lab's state is its log: the scenario, the seed, the simulator version and the timed list of
 * what the reader did. The model is deterministic, so replaying the log rebuilds the cluster, the
 * terminal, the timeline and the checks exactly. Times are the cluster clock, in ms.
 */
export type LabEvent =
  /** A command line: typed, clicked (a node, an etcd member) or a clock button (`sim advance 1m`). */
  | { k: 'run'; at: number; cmd: string }
  /** The session looked at the cluster and something changed: a timeline entry or a check. */
  | { k: 'tick'; at: number }
  /** A jump (`sim advance`) finished after `ms` of simulated time. */
  | { k: 'jumpDone'; at: number; ms: number }
  /** The reader paused in the middle of a jump. */
  | { k: 'cancel'; at: number }
  /** Ctrl+L. */
  | { k: 'clear'; at: number };

/**
 * Bumped whenever the simulator's behaviour changes what a log replays to: a saved lab or a link
 * made with another version is replayed only when the reader agrees.
 */
export const labModelVersion = '2026.12.5';

const at = z.number().int().min(0);
export const labEventSchema = z.discriminatedUnion('k', [
  z.strictObject({ k: z.literal('run'), at, cmd: z.string().min(1).max(labPolicy.logCommandMaxChars) }),
  z.strictObject({ k: z.literal('tick'), at }),
  z.strictObject({ k: z.literal('jumpDone'), at, ms: z.number().int().min(0) }),
  z.strictObject({ k: z.literal('cancel'), at }),
  z.strictObject({ k: z.literal('clear'), at }),
]) satisfies z.ZodType<LabEvent>;

/** A log as it is saved and shared. */
export const labLogSchema = z.strictObject({
  v: z.literal(1),
  model: z.string().min(1).max(40),
  lab: z.string().regex(/^[a-z0-9-]+$/),
  seed: z.union([z.number().int(), z.string().max(80)]),
  events: z
    .array(labEventSchema)
    .max(labPolicy.logMaxEvents)
    .refine((events) => events.every((e, i) => i === 0 || e.at >= events[i - 1].at), 'events must be in time order'),
  /** The clock when the log was written: time that passed after the last event. */
  now: at,
  /** The cluster's state hash at `now`, so a replay can tell whether it reached the same cluster. */
  hash: z.string().max(32).optional(),
  /** A playground's log: the cluster shape and start the reader chose (a chapter lab's scenario holds its own). */
  setup: playgroundSetupSchema.optional(),
});
export type LabLog = z.infer<typeof labLogSchema>;
