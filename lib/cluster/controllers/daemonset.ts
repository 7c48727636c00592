// The DaemonSet controller: one pod per eligible node, pinned through node affinity and given
// the tolerations of #18 so node failure never evicts it.
import { involved } from '../apiserver/apiserver';
import type { SimContext } from '../context';
import { firstUntoleratedTaint, taintKeys } from '../taints';
import type { DaemonSet, Node, Toleration } from '../types';
import { isPodActive, isPodReady, matchesSelector, podFromTemplate } from './podutil';
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

function shouldRun(ds: DaemonSet, node: Node): boolean {
  if (!matchesSelector(node.metadata.labels, ds.spec.template.spec.nodeSelector)) return false;
  return !firstUntoleratedTaint(node.spec.taints, daemonTolerations(ds), ['NoSchedule', 'NoExecute']);
}

function syncNode(ctx: SimContext, ds: DaemonSet, node: Node): void {
  const name = node.metadata.name;
  const pods = ctx.store.podsOnNode(name).filter((pod) => pod.metadata.ownerReferences.some((ref) => ref.uid === ds.metadata.uid));
  // Unbound pods pinned to this node count too.
  const pending = ctx.store.dependentsOf(ds.metadata.uid, 'Pod').filter((pod) => !pod.spec.nodeName && pod.spec.affinityNodeName === name);
  const active = [...pods, ...pending].filter(isPodActive);
  if (shouldRun(ds, node) && active.length === 0) {
    const podName = uniquePodName(ctx, ds.metadata.namespace, ds.metadata.name);
    const draft = podFromTemplate(ds.spec.template, { name: podName, namespace: ds.metadata.namespace, owner: ds });
    draft.spec.tolerations = daemonTolerations(ds);
    draft.spec.affinityNodeName = name;
    if (ctx.api.create(draft).ok) ctx.api.record(involved(ds), 'Normal', 'SuccessfulCreate', `Created pod: ${podName}`, 'daemonset-controller');
    return;
  }
  const excess = shouldRun(ds, node) ? active.slice(1) : active;
  for (const pod of excess) {
    if (ctx.api.delete('Pod', pod.metadata.namespace, pod.metadata.name).ok) {
      ctx.api.record(involved(ds), 'Normal', 'SuccessfulDelete', `Deleted pod: ${pod.metadata.name}`, 'daemonset-controller');
    }
  }
}

function updateStatus(ctx: SimContext, ds: DaemonSet): void {
  let desired = 0;
  for (const node of ctx.store.list('Node')) if (shouldRun(ds, node)) desired++;
  const pods = ctx.store.dependentsOf(ds.metadata.uid, 'Pod').filter((pod) => pod.spec.nodeName && isPodActive(pod));
  const ready = pods.filter(isPodReady).length;
  const status = {
    desiredNumberScheduled: desired, currentNumberScheduled: pods.length, numberReady: ready, numberAvailable: ready,
    updatedNumberScheduled: pods.length,
  };
  if (JSON.stringify(status) === JSON.stringify(ds.status)) return;
  ctx.api.update(ds, 'status', (target) => {
    target.status = status;
  });
}

/** Items: "ds:KEY" (a DaemonSet changed: all nodes), "node:NAME" (all DaemonSets on one node), "pair:KEY|NAME". */
export function syncDaemonSets(ctx: SimContext, items: string[]): void {
  const touched = new Set<DaemonSet>();
  for (const item of items) {
    if (item.startsWith('ds:')) {
      const ds = ctx.store.get('DaemonSet', item.slice(3));
      if (!ds) continue;
      for (const node of ctx.store.list('Node')) syncNode(ctx, ds, node);
      touched.add(ds);
    } else if (item.startsWith('node:')) {
      const node = ctx.store.get('Node', item.slice(5));
      for (const ds of ctx.store.list('DaemonSet')) {
        if (node) syncNode(ctx, ds, node);
        touched.add(ds);
      }
    } else {
      const [key, nodeName] = item.slice(5).split('|');
      const ds = ctx.store.get('DaemonSet', key);
      const node = ctx.store.get('Node', nodeName);
      if (!ds) continue;
      if (node) syncNode(ctx, ds, node);
      touched.add(ds);
    }
  }
  for (const ds of touched) updateStatus(ctx, ds);
}
