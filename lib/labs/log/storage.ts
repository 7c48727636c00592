import { z } from 'zod';
import type { LabResume, LabSessionContext } from '../session/context';
import { labLogSchema, labModelVersion, type LabLog } from './events';
import { clusterStateHash } from './hash';

/**
 * Each lab's log is kept in the browser under its own key, next to the reader's progress, and
 * replayed when the chapter opens again. Unreadable records are ignored (and replaced on the next
 * save); a record from another simulator version is offered, not replayed silently.
 */

const savedLabSchema = labLogSchema.extend({ hints: z.number().int().min(0), solution: z.boolean() });
export type SavedLab = z.infer<typeof savedLabSchema>;

export const savedLabKey = (labId: string) => `clusterbook:lab:${labId}`;

/**
 * Where a log is read from: the session itself (which holds the cluster), or the page's copy of
 * what a worker posted (which has the clock, but no cluster to hash).
 */
export type LabLogSource = Pick<LabSessionContext, 'scenario' | 'log'> & ({ cluster: LabSessionContext['cluster'] } | { now: number });

/** The log of a running session, as it is saved or shared; the hash needs the cluster. */
export function logOf(context: LabLogSource, withHash = false): LabLog {
  const cluster = 'cluster' in context ? context.cluster : undefined;
  return {
    v: 1,
    model: labModelVersion,
    lab: context.scenario.id,
    seed: context.scenario.cluster.seed,
    events: context.log,
    now: cluster ? cluster.now() : (context as { now: number }).now,
    ...(context.scenario.playground ? { setup: context.scenario.playground } : {}),
    ...(withHash && cluster ? { hash: clusterStateHash(cluster) } : {}),
  };
}

export const resumeOf = (log: LabLog, hints = 0, solution = false): LabResume => ({
  events: log.events,
  now: log.now,
  hintsShown: hints,
  solutionShown: solution,
});

export function saveLab(storage: Storage, context: LabLogSource & Pick<LabSessionContext, 'hintsShown' | 'solutionShown'>): boolean {
  const record: SavedLab = { ...logOf(context), hints: context.hintsShown, solution: context.solutionShown };
  try {
    if (record.events.length === 0 && record.hints === 0 && !record.solution) storage.removeItem(savedLabKey(record.lab));
    else storage.setItem(savedLabKey(record.lab), JSON.stringify(record));
    return true;
  } catch {
    return false;
  }
}

export function readSavedLab(storage: Storage, labId: string, seed: number | string): SavedLab | undefined {
  try {
    const text = storage.getItem(savedLabKey(labId));
    if (!text) return undefined;
    const parsed = savedLabSchema.safeParse(JSON.parse(text));
    return parsed.success && parsed.data.lab === labId && parsed.data.seed === seed ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}
