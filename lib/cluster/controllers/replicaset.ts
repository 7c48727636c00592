// The ReplicaSet controller: keeps `replicas` active pods. Pods marked for deletion do not
// count (#16), so replacements start as soon as the old pods are Terminating. Like the real one
// it creates or deletes at most burstReplicas (500) pods per sync, so a huge replica count is
// worked through sync by sync (and refused by the API server once the cluster is full).
import { involved } from '../apiserver/apiserver';
import type { SimContext } from '../engine/context';
import type { ReplicaSet } from '../api/types';
import { objectKey } from '../apiserver/store';
import { podAvailable, readySince } from './deployment.util';
import { burstReplicas, createPod, mayCreatePods } from './podcontrol';
import { controllerOf, isPodActive, podFromTemplate } from './podutil';
import { enqueueAfter } from './requeue';
import { podsToDelete } from './victims';

const source = 'replicaset-controller';

export function uniquePodName(ctx: SimContext, namespace: string, prefix: string): string {
  for (;;) {
    const name = `${prefix}-${ctx.rng.suffix()}`;
    if (!ctx.listers.get('Pod', `${namespace}/${name}`)) return name;
  }
}

export function syncReplicaSet(ctx: SimContext, key: string): void {
  const rs = ctx.listers.get('ReplicaSet', key);
  if (!rs || rs.metadata.deletionTimestamp !== undefined) return;
  const diff = ctx.podCounts(rs.metadata.uid).active - rs.spec.replicas;
  if (diff < 0 && mayCreatePods(ctx, rs)) {
    const count = Math.min(-diff, burstReplicas);
    for (let i = 0; i < count; i++) {
      const name = uniquePodName(ctx, rs.metadata.namespace, rs.metadata.name);
      const draft = podFromTemplate(rs.spec.template, { name, namespace: rs.metadata.namespace, owner: rs });
      if (!createPod(ctx, rs, draft, { source, created: `Created pod: ${name}`, failed: (error) => `Error creating: ${error}` })) break;
    }
  } else if (diff > 0) {
    const active = ctx.listers.dependentsOf(rs.metadata.uid, 'Pod').filter(isPodActive);
    for (const pod of podsToDelete(active, relatedOnNodes(ctx, rs), Math.min(diff, burstReplicas), ctx.clock.now())) {
      const deleted = ctx.client.delete('Pod', pod.metadata.namespace, pod.metadata.name);
      if (deleted.ok) ctx.client.record(involved(rs), 'Normal', 'SuccessfulDelete', `Deleted pod: ${pod.metadata.name}`, source);
    }
  }
  updateStatus(ctx, rs);
}

/**
 * getIndirectlyRelatedPods, counted per node: the ReplicaSet's own active pods and those of every
 * other ReplicaSet of the same Deployment, read from the per-owner, per-node counts the watch
 * keeps (a rollout scales down one pod at a time, and a pass over both ReplicaSets' thousand
 * pods each time made it quadratic).
 */
function relatedOnNodes(ctx: SimContext, rs: ReplicaSet): (node: string) => number {
  const owner = controllerOf(rs);
  const owners = [rs.metadata.uid];
  if (owner?.kind === 'Deployment') {
    for (const sibling of ctx.listers.dependentsOf(owner.uid, 'ReplicaSet'))
      if (sibling !== rs && ctx.podCounts(sibling.metadata.uid).active > 0) owners.push(sibling.metadata.uid);
  }
  return (node) => {
    let count = 0;
    for (const uid of owners) count += ctx.activePodsOnNode(uid, node).active;
    return count;
  };
}

/**
 * With minReadySeconds, which active pods are available, and when the next ready one will be
 * (upstream requeues the ReplicaSet minReadySeconds + 1s after a pod turns ready).
 */
function availability(ctx: SimContext, rs: ReplicaSet, minReadySeconds: number): { available: number; nextAt: number | undefined } {
  const now = ctx.clock.now();
  let available = 0;
  let nextAt: number | undefined;
  for (const pod of ctx.listers.dependentsOf(rs.metadata.uid, 'Pod')) {
    if (!isPodActive(pod)) continue;
    if (podAvailable(pod, minReadySeconds, now)) available++;
    else {
      const since = readySince(pod);
      if (since !== undefined) nextAt = Math.min(nextAt ?? Infinity, since + (minReadySeconds + 1) * 1000);
    }
  }
  return { available, nextAt };
}

/** Status from the pod counts the watch keeps (the same numbers a pass over the pods gives). */
function updateStatus(ctx: SimContext, rs: ReplicaSet): void {
  const counts = ctx.podCounts(rs.metadata.uid);
  const replicas = counts.active;
  const ready = counts.activeReady;
  const minReadySeconds = rs.spec.minReadySeconds ?? 0;
  let available = ready;
  if (minReadySeconds > 0 && ready > 0) {
    const seen = availability(ctx, rs, minReadySeconds);
    available = seen.available;
    if (seen.nextAt !== undefined)
      enqueueAfter(ctx, 'replicaset', objectKey(rs.metadata.namespace, rs.metadata.name), seen.nextAt - ctx.clock.now());
  }
  const current = rs.status;
  if (current.replicas === replicas && current.readyReplicas === ready && current.availableReplicas === available) return;
  ctx.client.update(rs, 'status', (target) => {
    target.status = { replicas, readyReplicas: ready, availableReplicas: available };
  });
}
