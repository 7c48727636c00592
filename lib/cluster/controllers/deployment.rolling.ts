// RollingUpdate, after pkg/controller/deployment/rolling.go: scale the new ReplicaSet up within
// replicas + maxSurge, then the old ones down while at least replicas - maxUnavailable stay
// available (old pods that are not available go first: they serve nobody). One step per sync;
// the ReplicaSets' status changes bring the next.
import type { SimContext } from '../engine/context';
import type { Deployment, ReplicaSet } from '../api/types';
import { syncRolloutStatus } from './deployment.progress';
import {
  activeOf,
  allOf,
  cleanupDeployment,
  newReplicaSetReplicas,
  replicaSetsAndSyncRevision,
  scaleReplicaSet,
  type RolloutSets,
} from './deployment.sync';
import { byCreation, deploymentComplete, maxUnavailableOf, sumAvailable, sumSpecReplicas } from './deployment.util';

/** reconcileNewReplicaSet: returns whether the new ReplicaSet was scaled. */
function reconcileNewReplicaSet(ctx: SimContext, deployment: Deployment, all: ReplicaSet[], newRS: ReplicaSet): boolean {
  const desired = deployment.spec.replicas;
  if (newRS.spec.replicas === desired) return false;
  if (newRS.spec.replicas > desired) return scaleReplicaSet(ctx, deployment, newRS, desired);
  return scaleReplicaSet(ctx, deployment, newRS, newReplicaSetReplicas(deployment, all, newRS.spec.replicas));
}

/** cleanupUnhealthyReplicas: scale old ReplicaSets down by their unavailable pods, oldest first, up to `max`. */
function cleanupUnhealthyReplicas(ctx: SimContext, deployment: Deployment, oldRSs: ReplicaSet[], max: number): number {
  let total = 0;
  for (const rs of [...oldRSs].sort(byCreation)) {
    if (total >= max) break;
    if (rs.spec.replicas === 0 || rs.spec.replicas === rs.status.availableReplicas) continue;
    const count = Math.min(max - total, rs.spec.replicas - rs.status.availableReplicas);
    scaleReplicaSet(ctx, deployment, rs, rs.spec.replicas - count);
    total += count;
  }
  return total;
}

/** scaleDownOldReplicaSetsForRollingUpdate: what is available above the minimum, from the oldest ReplicaSets. */
function scaleDownOld(ctx: SimContext, deployment: Deployment, all: ReplicaSet[], oldRSs: ReplicaSet[]): number {
  const minAvailable = deployment.spec.replicas - maxUnavailableOf(deployment);
  const available = sumAvailable(all);
  if (available <= minAvailable) return 0;
  const toScaleDown = available - minAvailable;
  let total = 0;
  for (const rs of [...oldRSs].sort(byCreation)) {
    if (total >= toScaleDown) break;
    if (rs.spec.replicas === 0) continue;
    const count = Math.min(rs.spec.replicas, toScaleDown - total);
    scaleReplicaSet(ctx, deployment, rs, rs.spec.replicas - count);
    total += count;
  }
  return total;
}

/** reconcileOldReplicaSets: returns whether any old ReplicaSet was scaled down. */
function reconcileOldReplicaSets(ctx: SimContext, deployment: Deployment, sets: RolloutSets, newRS: ReplicaSet): boolean {
  const oldRSs = activeOf(sets.oldRSs);
  if (sumSpecReplicas(oldRSs) === 0) return false;
  const all = allOf(sets);
  const minAvailable = deployment.spec.replicas - maxUnavailableOf(deployment);
  const newUnavailable = newRS.spec.replicas - newRS.status.availableReplicas;
  const maxScaledDown = sumSpecReplicas(all) - minAvailable - newUnavailable;
  if (maxScaledDown <= 0) return false;
  const cleaned = cleanupUnhealthyReplicas(ctx, deployment, oldRSs, maxScaledDown);
  const scaled = scaleDownOld(ctx, deployment, all, oldRSs);
  return cleaned + scaled > 0;
}

export function rolloutRolling(ctx: SimContext, deployment: Deployment, owned: ReplicaSet[]): void {
  const sets = replicaSetsAndSyncRevision(ctx, deployment, owned, true);
  const { newRS } = sets;
  if (!newRS) return;
  if (reconcileNewReplicaSet(ctx, deployment, allOf(sets), newRS) || reconcileOldReplicaSets(ctx, deployment, sets, newRS)) {
    syncRolloutStatus(ctx, deployment, sets);
    return;
  }
  if (deploymentComplete(deployment, deployment.status)) cleanupDeployment(ctx, deployment, sets.oldRSs);
  syncRolloutStatus(ctx, deployment, sets);
}
