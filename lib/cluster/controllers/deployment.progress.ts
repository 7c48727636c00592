// The Progressing condition, after pkg/controller/deployment/progress.go: ReplicaSetUpdated while
// the rollout moves, NewReplicaSetAvailable once complete, ProgressDeadlineExceeded (False) when
// nothing moved for progressDeadlineSeconds. The deadline counts from the condition's
// lastUpdateTime, and the Deployment is requeued for the moment it would pass.
import type { SimContext } from '../engine/context';
import type { Deployment } from '../api/types';
import { objectKey } from '../apiserver/store';
import { calculateStatus, writeStatus, type RolloutSets } from './deployment.sync';
import {
  conditionMessages,
  conditionOf,
  deploymentComplete,
  hasProgressDeadline,
  newCondition,
  reasons,
  setDeploymentCondition,
} from './deployment.util';
import { enqueueAfter } from './requeue';

/** DeploymentProgressing: more updated, fewer old, more ready or more available replicas than last seen. */
function progressing(deployment: Deployment, status: Deployment['status']): boolean {
  const old = deployment.status;
  return (
    status.updatedReplicas > old.updatedReplicas ||
    status.replicas - status.updatedReplicas < old.replicas - old.updatedReplicas ||
    status.readyReplicas > old.readyReplicas ||
    status.availableReplicas > old.availableReplicas
  );
}

const deadlineMs = (deployment: Deployment) => (deployment.spec.progressDeadlineSeconds ?? 0) * 1000;

/** DeploymentTimedOut: the last progress is older than the deadline (or the deadline already passed). */
function timedOut(deployment: Deployment, status: Deployment['status'], now: number): boolean {
  const condition = conditionOf(status.conditions, 'Progressing');
  if (!condition || condition.reason === reasons.newReplicaSetAvailable) return false;
  if (condition.reason === reasons.timedOut) return true;
  return (condition.lastUpdateTime ?? condition.lastTransitionTime) + deadlineMs(deployment) < now;
}

export function syncRolloutStatus(ctx: SimContext, deployment: Deployment, sets: RolloutSets): void {
  const status = calculateStatus(ctx, deployment, sets);
  const conditions = status.conditions!;
  const now = ctx.clock.now();
  const current = conditionOf(conditions, 'Progressing');
  if (!hasProgressDeadline(deployment)) {
    if (current) conditions.splice(conditions.indexOf(current), 1);
  }
  const complete = status.replicas === status.updatedReplicas && current?.reason === reasons.newReplicaSetAvailable;
  const name = sets.newRS?.metadata.name ?? '';
  if (hasProgressDeadline(deployment) && !complete) {
    if (deploymentComplete(deployment, status)) {
      setDeploymentCondition(
        conditions,
        newCondition('Progressing', 'True', reasons.newReplicaSetAvailable, conditionMessages.complete(name), now),
      );
    } else if (progressing(deployment, status)) {
      const condition = newCondition('Progressing', 'True', reasons.replicaSetUpdated, conditionMessages.progressing(name), now);
      if (current) {
        // Progress moves lastUpdateTime on, so the deadline starts again.
        if (current.status === 'True') condition.lastTransitionTime = current.lastTransitionTime;
        conditions.splice(conditions.indexOf(current), 1);
      }
      setDeploymentCondition(conditions, condition);
    } else if (timedOut(deployment, status, now)) {
      setDeploymentCondition(conditions, newCondition('Progressing', 'False', reasons.timedOut, conditionMessages.timedOut(name), now));
    }
  }
  writeStatus(ctx, deployment, status);
  requeueStuckDeployment(ctx, deployment);
}

/** requeueStuckDeployment: sync again one second after the deadline would pass (enqueueAfter(after + 1s)). */
function requeueStuckDeployment(ctx: SimContext, deployment: Deployment): void {
  const condition = conditionOf(deployment.status.conditions, 'Progressing');
  if (!hasProgressDeadline(deployment) || !condition) return;
  if (condition.reason === reasons.newReplicaSetAvailable || condition.reason === reasons.timedOut) return;
  const after = (condition.lastUpdateTime ?? condition.lastTransitionTime) + deadlineMs(deployment) - ctx.clock.now();
  const key = objectKey(deployment.metadata.namespace, deployment.metadata.name);
  // Upstream requeues at once (rate-limited) when under a second is left: a second later is past it either way.
  enqueueAfter(ctx, 'deployment', key, Math.max(0, after) + 1000);
}
