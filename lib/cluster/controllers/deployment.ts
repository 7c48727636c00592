// The Deployment controller: one ReplicaSet per pod template (named by its pod-template-hash),
// rolled with the RollingUpdate defaults (maxSurge 25%, maxUnavailable 25%).
import { involved } from '../apiserver/apiserver';
import { objectKey } from '../apiserver/store';
import type { SimContext } from '../engine/context';
import type { Deployment, ReplicaSet } from '../api/types';
import { templateHash } from '../util/rng';
import { ownerRef } from './podutil';

export const templateHashLabel = 'pod-template-hash';

function rollingBounds(replicas: number): { maxSurge: number; maxUnavailable: number } {
  const maxSurge = Math.ceil(replicas * 0.25);
  const maxUnavailable = Math.floor(replicas * 0.25);
  return maxSurge === 0 && maxUnavailable === 0 ? { maxSurge: 0, maxUnavailable: 1 } : { maxSurge, maxUnavailable };
}

function scale(ctx: SimContext, deployment: Deployment, rs: ReplicaSet, replicas: number): void {
  const from = rs.spec.replicas;
  if (from === replicas) return;
  const result = ctx.client.update(rs, 'spec', (target) => {
    target.spec.replicas = replicas;
  });
  if (!result.ok) return;
  const direction = replicas > from ? 'up' : 'down';
  ctx.client.record(
    involved(deployment),
    'Normal',
    'ScalingReplicaSet',
    `Scaled ${direction} replica set ${rs.metadata.name} from ${from} to ${replicas}`,
    'deployment-controller',
  );
}

function createReplicaSet(ctx: SimContext, deployment: Deployment, hash: string): ReplicaSet | undefined {
  const template = structuredClone(deployment.spec.template);
  template.metadata.labels[templateHashLabel] = hash;
  const created = ctx.client.create<'ReplicaSet'>({
    kind: 'ReplicaSet',
    metadata: {
      name: `${deployment.metadata.name}-${hash}`,
      namespace: deployment.metadata.namespace,
      labels: { ...deployment.spec.template.metadata.labels, [templateHashLabel]: hash },
      ownerReferences: [ownerRef(deployment)],
    },
    spec: { replicas: 0, selector: { ...deployment.spec.selector, [templateHashLabel]: hash }, template },
    status: { replicas: 0, readyReplicas: 0, availableReplicas: 0 },
  });
  if (!created.ok) return undefined;
  return created.value;
}

export function syncDeployment(ctx: SimContext, key: string): void {
  const deployment = ctx.listers.get('Deployment', key);
  if (!deployment || deployment.metadata.deletionTimestamp !== undefined) return;
  const hash = templateHash(deployment.spec.template);
  const owned = ctx.listers.dependentsOf(deployment.metadata.uid, 'ReplicaSet');
  const desired = deployment.spec.replicas;
  const existingNew = owned.find((rs) => rs.metadata.labels[templateHashLabel] === hash);
  const old = owned.filter((rs) => rs !== existingNew);
  const { maxSurge, maxUnavailable } = rollingBounds(desired);
  const newRs = existingNew ?? createReplicaSet(ctx, deployment, hash);
  if (!newRs) return;

  if (old.every((rs) => rs.spec.replicas === 0)) {
    scale(ctx, deployment, newRs, desired);
  } else {
    const total = owned.reduce((sum, rs) => sum + rs.spec.replicas, existingNew ? 0 : newRs.spec.replicas);
    if (newRs.spec.replicas < desired) {
      const room = Math.max(0, Math.min(desired + maxSurge - total, desired - newRs.spec.replicas));
      scale(ctx, deployment, newRs, newRs.spec.replicas + room);
    }
    const available = [newRs, ...old].reduce((sum, rs) => sum + rs.status.availableReplicas, 0);
    let canRemove = Math.max(0, available - (desired - maxUnavailable));
    for (const rs of old) {
      // Old pods that are not available can always go: they serve nobody.
      const unavailable = Math.max(0, rs.spec.replicas - rs.status.availableReplicas);
      const cut = Math.min(rs.spec.replicas, unavailable + canRemove);
      canRemove -= Math.max(0, cut - unavailable);
      if (cut > 0) scale(ctx, deployment, rs, rs.spec.replicas - cut);
    }
  }
  updateStatus(ctx, deployment, newRs);
}

function updateStatus(ctx: SimContext, deployment: Deployment, newRs: ReplicaSet): void {
  const owned = ctx.listers.dependentsOf(deployment.metadata.uid, 'ReplicaSet');
  const status = {
    replicas: owned.reduce((sum, rs) => sum + rs.status.replicas, 0),
    updatedReplicas: newRs.status.replicas,
    readyReplicas: owned.reduce((sum, rs) => sum + rs.status.readyReplicas, 0),
    availableReplicas: owned.reduce((sum, rs) => sum + rs.status.availableReplicas, 0),
  };
  const current = deployment.status;
  if (
    current.replicas === status.replicas &&
    current.updatedReplicas === status.updatedReplicas &&
    current.readyReplicas === status.readyReplicas &&
    current.availableReplicas === status.availableReplicas
  )
    return;
  ctx.client.update(deployment, 'status', (target) => {
    target.status = status;
  });
}

export function deploymentKeyOf(rs: ReplicaSet): string | undefined {
  const ref = rs.metadata.ownerReferences.find((owner) => owner.controller && owner.kind === 'Deployment');
  return ref ? objectKey(rs.metadata.namespace, ref.name) : undefined;
}
