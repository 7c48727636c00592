// The work queue's AddAfter for the controllers that wait on time: the ReplicaSet controller
// for minReadySeconds, the deployment controller for its progress deadline, and the API server's
// own reconcilers for their next 10s round. A requeue is a
// plain-data timer on the virtual clock (so snapshots keep it), remembered per key so a sync
// that runs often schedules one timer, not one per sync.
import type { SimContext } from '../engine/context';

export type RequeueQueue = 'deployment' | 'replicaset' | 'apiServer';

const requeueId = (queue: RequeueQueue, key: string) => `${queue} ${key}`;

/** Queues `key` again after `delayMs` of simulated time (an earlier pending requeue already covers it). */
export function enqueueAfter(ctx: SimContext, queue: RequeueQueue, key: string, delayMs: number): void {
  const id = requeueId(queue, key);
  const now = ctx.clock.now();
  const due = now + Math.max(0, delayMs);
  const pending = ctx.state.requeues[id];
  if (pending !== undefined && pending > now && pending <= due) return;
  ctx.state.requeues[id] = due;
  ctx.schedule({ owner: 'controller', queue, key }, due - now);
}

/** A requeue timer fired: the key goes back on its queue (the controller manager must lead to sync it). */
export function requeueDue(ctx: SimContext, queue: RequeueQueue, key: string): void {
  const id = requeueId(queue, key);
  if ((ctx.state.requeues[id] ?? Infinity) <= ctx.clock.now()) delete ctx.state.requeues[id];
  ctx.queues[queue].add(key);
}
