// How blocking kubectl commands spend simulated time: kubectl wait's IsDeleted condition (used by
// delete --wait and drain), jumping from one due timer to the next so the object is seen gone at
// the instant it goes, and the simulator's bound on a wait that real kubectl would keep up for days.
import { limits } from '../api/limits';
import type { Kind } from '../api/types';
import { objectKey } from '../apiserver/store';
import type { Engine } from '../engine/engine';

export interface Awaited {
  kind: Kind;
  namespace: string;
  name: string;
  uid: string;
}

/** Gone, or replaced by a new object of the same name (another uid), as kubectl wait's UIDMap sees it. */
export const isDeleted = (engine: Engine, target: Awaited) =>
  engine.store.get(target.kind, objectKey(target.namespace, target.name))?.metadata.uid !== target.uid;

/** The simulator's bound on an indefinite wait: the horizon, or the longest grace period plus a minute. */
export function waitHorizon(graceSeconds: readonly number[]): number {
  return Math.max(limits.kubectlWaitHorizonMs, Math.max(0, ...graceSeconds) * 1000 + 60_000);
}

/**
 * Lets simulated time pass until `done()` holds or `deadline` comes; true when done. Jumps to
 * each due timer in turn (nothing changes in between), so the cost is the work the cluster does.
 */
export function advanceUntil(engine: Engine, deadline: number, done: () => boolean): boolean {
  engine.afterChange();
  while (!done()) {
    const now = engine.clock.now();
    if (now >= deadline) return false;
    const next = engine.clock.nextDue();
    engine.advanceTo(next === undefined || next > deadline ? deadline : Math.max(next, now));
  }
  return true;
}
