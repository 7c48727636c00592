// Recreate, after pkg/controller/deployment/recreate.go: every old ReplicaSet to 0 first, then wait
// until none of their pods is left (Terminating ones included), and only then create and scale
// the new ReplicaSet to the full count. The Deployment is unavailable in between, by design.
import type { SimContext } from '../engine/context';
import type { Deployment, ReplicaSet } from '../api/types';
import { syncRolloutStatus } from './deployment.progress';
import { activeOf, cleanupDeployment, replicaSetsAndSyncRevision, scaleReplicaSet } from './deployment.sync';
import { deploymentComplete } from './deployment.util';

/** oldPodsRunning: an old ReplicaSet still reports pods, or owns a pod that has not finished. */
function oldPodsRunning(ctx: SimContext, oldRSs: readonly ReplicaSet[]): boolean {
  for (const rs of oldRSs) {
    if (rs.status.replicas > 0) return true;
    if (ctx.podCounts(rs.metadata.uid).total === 0) continue;
    for (const pod of ctx.listers.dependentsOf(rs.metadata.uid, 'Pod')) {
      if (pod.status.phase !== 'Succeeded' && pod.status.phase !== 'Failed') return true;
    }
  }
  return false;
}

export function rolloutRecreate(ctx: SimContext, deployment: Deployment, owned: ReplicaSet[]): void {
  let sets = replicaSetsAndSyncRevision(ctx, deployment, owned, false);
  let scaledDown = false;
  for (const rs of activeOf(sets.oldRSs)) if (scaleReplicaSet(ctx, deployment, rs, 0)) scaledDown = true;
  if (scaledDown || oldPodsRunning(ctx, sets.oldRSs)) {
    syncRolloutStatus(ctx, deployment, sets);
    return;
  }
  if (!sets.newRS)
    sets = replicaSetsAndSyncRevision(ctx, deployment, ctx.listers.dependentsOf(deployment.metadata.uid, 'ReplicaSet'), true);
  if (sets.newRS) scaleReplicaSet(ctx, deployment, sets.newRS, deployment.spec.replicas);
  if (deploymentComplete(deployment, deployment.status)) cleanupDeployment(ctx, deployment, sets.oldRSs);
  syncRolloutStatus(ctx, deployment, sets);
}
