// The Deployment controller (pkg/controller/deployment/deployment_controller.go syncDeployment):
// one ReplicaSet per pod template, named by its pod-template-hash and numbered by revision. A
// paused Deployment or a change of replicas only scales; otherwise the strategy rolls
// (deployment.rolling.ts, deployment.recreate.ts). Shared steps live in deployment.sync.ts,
// the Progressing condition in deployment.progress.ts, pure helpers in deployment.util.ts.
import { objectKey } from '../apiserver/store';
import type { SimContext } from '../engine/context';
import type { ReplicaSet } from '../api/types';
import { rolloutRecreate } from './deployment.recreate';
import { rolloutRolling } from './deployment.rolling';
import { calculateStatus, checkPausedConditions, isScalingEvent, syncScaleOnly, writeStatus } from './deployment.sync';
import { findNewReplicaSet, strategyOf } from './deployment.util';

export { templateHashLabel } from './deployment.util';

export function syncDeployment(ctx: SimContext, key: string): void {
  const deployment = ctx.listers.get('Deployment', key);
  if (!deployment) return;
  const owned = ctx.listers.dependentsOf(deployment.metadata.uid, 'ReplicaSet');
  if (deployment.metadata.deletionTimestamp !== undefined) {
    // syncStatusOnly
    const newRS = findNewReplicaSet(deployment, owned);
    writeStatus(ctx, deployment, calculateStatus(ctx, deployment, { newRS, oldRSs: owned.filter((rs) => rs !== newRS) }));
    return;
  }
  checkPausedConditions(ctx, deployment);
  if (deployment.spec.paused) {
    syncScaleOnly(ctx, deployment, owned);
    return;
  }
  const newRS = findNewReplicaSet(deployment, owned);
  if (isScalingEvent(deployment, { newRS, oldRSs: owned.filter((rs) => rs !== newRS) })) {
    syncScaleOnly(ctx, deployment, owned);
    return;
  }
  if (strategyOf(deployment).type === 'Recreate') rolloutRecreate(ctx, deployment, owned);
  else rolloutRolling(ctx, deployment, owned);
}

export function deploymentKeyOf(rs: ReplicaSet): string | undefined {
  const ref = rs.metadata.ownerReferences.find((owner) => owner.controller && owner.kind === 'Deployment');
  return ref ? objectKey(rs.metadata.namespace, ref.name) : undefined;
}
