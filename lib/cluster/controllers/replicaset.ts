// The ReplicaSet controller: keeps `replicas` active pods. Pods marked for deletion do not
// count (#16), so replacements start as soon as the old pods are Terminating. Like the real one
// it creates or deletes at most burstReplicas (500) pods per sync, so a huge replica count is
// worked through sync by sync (and refused by the API server once the cluster is full).
import { involved } from '../apiserver/apiserver';
import type { SimContext } from '../engine/context';
import type { Pod, ReplicaSet } from '../api/types';
import { burstReplicas, createPod, mayCreatePods } from './podcontrol';
import { isPodActive, isPodReady, podFromTemplate } from './podutil';

const source = 'replicaset-controller';

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
    for (const pod of active.sort(deletionOrder).slice(0, Math.min(diff, burstReplicas))) {
      const deleted = ctx.client.delete('Pod', pod.metadata.namespace, pod.metadata.name);
      if (deleted.ok) ctx.client.record(involved(rs), 'Normal', 'SuccessfulDelete', `Deleted pod: ${pod.metadata.name}`, source);
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
  ctx.client.update(rs, 'status', (target) => {
    target.status = { replicas, readyReplicas: ready, availableReplicas: ready };
  });
}
