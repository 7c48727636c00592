// The ReplicaSet controller: keeps `replicas` active pods. Pods marked for deletion do not
// count (#16), so replacements start as soon as the old pods are Terminating.
import { involved } from '../apiserver/apiserver';
import type { SimContext } from '../engine/context';
import type { Pod, ReplicaSet } from '../api/types';
import { isPodActive, isPodReady, podFromTemplate } from './podutil';

const phaseRank: Record<string, number> = { Pending: 0, Unknown: 1, Running: 2 };

/** getPodsToDelete's ranking: unscheduled, then pending, then not ready, then the newest go first. */
function deletionOrder(a: Pod, b: Pod): number {
  const byNode = Number(Boolean(a.spec.nodeName)) - Number(Boolean(b.spec.nodeName));
  if (byNode !== 0) return byNode;
  const byPhase = (phaseRank[a.status.phase] ?? 3) - (phaseRank[b.status.phase] ?? 3);
  if (byPhase !== 0) return byPhase;
  const byReady = Number(isPodReady(a)) - Number(isPodReady(b));
  if (byReady !== 0) return byReady;
  return b.metadata.creationTimestamp - a.metadata.creationTimestamp;
}

export function uniquePodName(ctx: SimContext, namespace: string, prefix: string): string {
  for (;;) {
    const name = `${prefix}-${ctx.rng.suffix()}`;
    if (!ctx.store.get('Pod', `${namespace}/${name}`)) return name;
  }
}

export function syncReplicaSet(ctx: SimContext, key: string): void {
  const rs = ctx.store.get('ReplicaSet', key);
  if (!rs || rs.metadata.deletionTimestamp !== undefined) return;
  const diff = ctx.podCounts(rs.metadata.uid).active - rs.spec.replicas;
  if (diff < 0) {
    for (let i = 0; i < -diff; i++) {
      const name = uniquePodName(ctx, rs.metadata.namespace, rs.metadata.name);
      const created = ctx.api.create(podFromTemplate(rs.spec.template, { name, namespace: rs.metadata.namespace, owner: rs }));
      if (!created.ok) break;
      ctx.api.record(involved(rs), 'Normal', 'SuccessfulCreate', `Created pod: ${name}`, 'replicaset-controller');
    }
  } else if (diff > 0) {
    const active = ctx.store.dependentsOf(rs.metadata.uid, 'Pod').filter(isPodActive);
    for (const pod of active.sort(deletionOrder).slice(0, diff)) {
      const deleted = ctx.api.delete('Pod', pod.metadata.namespace, pod.metadata.name);
      if (deleted.ok)
        ctx.api.record(involved(rs), 'Normal', 'SuccessfulDelete', `Deleted pod: ${pod.metadata.name}`, 'replicaset-controller');
    }
  }
  updateStatus(ctx, rs);
}

/** Status from the pod counts the watch keeps (the same numbers a pass over the pods gives). */
function updateStatus(ctx: SimContext, rs: ReplicaSet): void {
  const counts = ctx.podCounts(rs.metadata.uid);
  const replicas = counts.active;
  const ready = counts.activeReady;
  const current = rs.status;
  if (current.replicas === replicas && current.readyReplicas === ready && current.availableReplicas === ready) return;
  ctx.api.update(rs, 'status', (target) => {
    target.status = { replicas, readyReplicas: ready, availableReplicas: ready };
  });
}
