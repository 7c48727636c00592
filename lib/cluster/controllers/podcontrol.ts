// Creating a controller's pods, after controller_utils.go's PodControl: every create goes through
// the client and leaves an event on the owner, SuccessfulCreate or FailedCreate with the API
// server's answer. A refused create ends the sync (slowStartBatch stops at a failed batch), and
// the owner makes no further attempt until simulated time moves on, as the work queue's
// rate-limited requeue would space out the retries: one settle never hammers a refusing API.
import type { NewObject } from '../apiserver/apiserver';
import { involved } from '../apiserver/apiserver';
import type { SimContext } from '../engine/context';
import type { AnyObject } from '../api/types';

/** pkg/controller/replicaset's BurstReplicas: at most this many pods created or deleted per sync. */
export const burstReplicas = 500;

/** Whether the owner may try to create pods now (no create of its was refused at this instant). */
export function mayCreatePods(ctx: Pick<SimContext, 'state' | 'clock'>, owner: AnyObject): boolean {
  const refused = ctx.state.refusedCreates;
  const at = refused[owner.metadata.uid];
  if (at === undefined) return true;
  if (at === ctx.clock.now()) return false;
  delete refused[owner.metadata.uid];
  return true;
}

export interface CreateEvents {
  /** The component recording the events (replicaset-controller...). */
  source: string;
  created: string;
  failed: (error: string) => string;
}

/** Creates one of the owner's pods; returns whether the API server took it. */
export function createPod(ctx: SimContext, owner: AnyObject, draft: NewObject<'Pod'>, events: CreateEvents): boolean {
  const result = ctx.client.create(draft);
  if (result.ok) {
    ctx.client.record(involved(owner), 'Normal', 'SuccessfulCreate', events.created, events.source);
    return true;
  }
  ctx.client.record(involved(owner), 'Warning', 'FailedCreate', events.failed(result.error.message), events.source);
  ctx.state.refusedCreates[owner.metadata.uid] = ctx.clock.now();
  return false;
}
