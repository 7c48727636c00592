// PodGC (#21), every 20s: force-deletes Terminating pods on NotReady nodes tainted
// out-of-service, and pods bound to a Node that no longer exists (after a 40s quarantine).
import { defaults } from '../engine/config';
import type { SimContext } from '../engine/context';
import { readyStatusOf } from '../engine/state';
import { taintKeys } from '../api/taints';
import type { Pod } from '../api/types';
import { setCondition } from './podutil';

function forceDelete(ctx: SimContext, pod: Pod): void {
  const now = ctx.clock.now();
  const marked = ctx.client.update(pod, 'status', (target) => {
    setCondition(target.status.conditions, 'DisruptionTarget', 'True', now, 'DeletionByPodGC', 'PodGC: node no longer exists');
  });
  if (marked.ok) ctx.client.delete('Pod', pod.metadata.namespace, pod.metadata.name, 0);
}

export function collectPodGarbage(ctx: SimContext): void {
  const now = ctx.clock.now();
  for (const node of ctx.listers.list('Node')) {
    const outOfService = node.spec.taints.some((taint) => taint.key === taintKeys.outOfService);
    if (!outOfService || readyStatusOf(node.status.conditions) === 'True') continue;
    for (const pod of ctx.listers.podsOnNode(node.metadata.name)) {
      if (pod.metadata.deletionTimestamp !== undefined) forceDelete(ctx, pod);
    }
  }
  const seen = ctx.state.orphanSeenAt;
  const orphanNodes = [...ctx.listers.podsByNode.keys()].filter((name) => !ctx.listers.get('Node', name));
  for (const name of Object.keys(seen)) if (!orphanNodes.includes(name)) delete seen[name];
  for (const name of orphanNodes) {
    seen[name] ??= now;
    if (now - seen[name] < defaults.podGCOrphanQuarantineMs) continue;
    for (const pod of ctx.listers.podsOnNode(name)) forceDelete(ctx, pod);
    delete seen[name];
  }
}
