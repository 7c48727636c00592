// The DaemonSet controller: one pod per eligible node, pinned through node affinity and given
// the tolerations of #18 so node failure never evicts it.
import { involved } from '../apiserver/apiserver';
import type { SimContext } from '../engine/context';
import type { DaemonSetItem } from '../engine/queues';
import { firstUntoleratedTaint, taintKeys } from '../api/taints';
import type { DaemonSet, Node, Toleration } from '../api/types';
import { createPod, mayCreatePods } from './podcontrol';
import { isPodActive, matchesSelector, podFromTemplate } from './podutil';
import { uniquePodName } from './replicaset';

/** #18 AddOrUpdateDaemonPodTolerations. */
export const daemonPodTolerations: readonly Toleration[] = [
  { key: taintKeys.notReady, operator: 'Exists', effect: 'NoExecute' },
  { key: taintKeys.unreachable, operator: 'Exists', effect: 'NoExecute' },
  { key: taintKeys.diskPressure, operator: 'Exists', effect: 'NoSchedule' },
  { key: taintKeys.memoryPressure, operator: 'Exists', effect: 'NoSchedule' },
  { key: taintKeys.pidPressure, operator: 'Exists', effect: 'NoSchedule' },
  { key: taintKeys.unschedulable, operator: 'Exists', effect: 'NoSchedule' },
];

export function daemonTolerations(ds: DaemonSet): Toleration[] {
  const own = ds.spec.template.spec.tolerations;
  const missing = daemonPodTolerations.filter(
    (wanted) => !own.some((t) => t.key === wanted.key && t.effect === wanted.effect && t.operator === wanted.operator),
  );
  return [...own, ...missing.map((toleration) => ({ ...toleration }))];
}

/**
 * Like the real NodeShouldRunDaemonPod: a new pod needs every NoSchedule and NoExecute taint
 * tolerated, but a pod already there keeps running while its NoExecute taints are tolerated (so
 * an unreachable node's NoSchedule taint does not remove it, fact #18).
 */
function shouldRun(ds: DaemonSet, tolerations: Toleration[], node: Node): boolean {
  if (!matchesSelector(node.metadata.labels, ds.spec.template.spec.nodeSelector)) return false;
  return !firstUntoleratedTaint(node.spec.taints, tolerations, ['NoSchedule', 'NoExecute']);
}

function shouldContinueRunning(ds: DaemonSet, tolerations: Toleration[], node: Node): boolean {
  if (!matchesSelector(node.metadata.labels, ds.spec.template.spec.nodeSelector)) return false;
  return !firstUntoleratedTaint(node.spec.taints, tolerations, ['NoExecute']);
}

function syncNode(ctx: SimContext, ds: DaemonSet, tolerations: Toleration[], node: Node): void {
  const name = node.metadata.name;
  const active = ctx.listers
    .podsPinnedTo(name)
    .filter((pod) => pod.metadata.ownerReferences[0]?.uid === ds.metadata.uid && isPodActive(pod));
  const wanted = shouldRun(ds, tolerations, node);
  if (wanted && active.length === 0) {
    if (!mayCreatePods(ctx, ds)) return;
    const podName = uniquePodName(ctx, ds.metadata.namespace, ds.metadata.name);
    const draft = podFromTemplate(ds.spec.template, { name: podName, namespace: ds.metadata.namespace, owner: ds });
    draft.spec.tolerations = tolerations.map((toleration) => ({ ...toleration }));
    draft.spec.affinityNodeName = name;
    createPod(ctx, ds, draft, {
      source: 'daemonset-controller',
      created: `Created pod: ${podName}`,
      failed: (error) => `Error creating: ${error}`,
    });
    return;
  }
  const excess = shouldContinueRunning(ds, tolerations, node) ? active.slice(1) : active;
  for (const pod of excess) {
    if (ctx.client.delete('Pod', pod.metadata.namespace, pod.metadata.name).ok) {
      ctx.client.record(involved(ds), 'Normal', 'SuccessfulDelete', `Deleted pod: ${pod.metadata.name}`, 'daemonset-controller');
    }
  }
}

/** Status; the desired count is recounted over all nodes only when nodes or the DaemonSet changed. */
function updateStatus(ctx: SimContext, ds: DaemonSet, tolerations: Toleration[], recountNodes: boolean): void {
  let desired = ds.status.desiredNumberScheduled;
  if (recountNodes) {
    desired = 0;
    for (const node of ctx.nodes()) if (shouldRun(ds, tolerations, node)) desired++;
  }
  const counts = ctx.podCounts(ds.metadata.uid);
  const current = counts.boundActive;
  const ready = counts.boundActiveReady;
  const status = {
    desiredNumberScheduled: desired,
    currentNumberScheduled: current,
    numberReady: ready,
    numberAvailable: ready,
    updatedNumberScheduled: current,
  };
  const before = ds.status;
  if (
    before.desiredNumberScheduled === desired &&
    before.currentNumberScheduled === current &&
    before.numberReady === ready &&
    before.updatedNumberScheduled === current
  )
    return;
  ctx.client.update(ds, 'status', (target) => {
    target.status = status;
  });
}

/** Syncs a batch of items: a DaemonSet (all nodes), a node (all DaemonSets there), one daemon pod (its node). */
export function syncDaemonSets(ctx: SimContext, items: Iterable<DaemonSetItem>): void {
  const touched = new Map<DaemonSet, { tolerations: Toleration[]; recount: boolean }>();
  const visit = (ds: DaemonSet, recount: boolean) => {
    const entry = touched.get(ds) ?? { tolerations: daemonTolerations(ds), recount: false };
    entry.recount ||= recount;
    touched.set(ds, entry);
    return entry.tolerations;
  };
  for (const item of items) {
    if (item.kind === 'DaemonSet') {
      const ds = ctx.listers.get('DaemonSet', item.daemonSet);
      if (!ds) continue;
      const tolerations = visit(ds, true);
      for (const node of ctx.nodes()) syncNode(ctx, ds, tolerations, node);
    } else if (item.kind === 'Node') {
      const node = ctx.listers.get('Node', item.node);
      for (const ds of ctx.listers.list('DaemonSet')) {
        const tolerations = visit(ds, true);
        if (node) syncNode(ctx, ds, tolerations, node);
      }
    } else {
      const ds = ctx.listers.get('DaemonSet', item.daemonSet);
      const node = ctx.listers.get('Node', item.node);
      if (!ds) continue;
      const tolerations = visit(ds, false);
      if (node) syncNode(ctx, ds, tolerations, node);
    }
  }
  for (const [ds, { tolerations, recount }] of touched) updateStatus(ctx, ds, tolerations, recount);
}
