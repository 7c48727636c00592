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

/** Which nodes a DaemonSet counts: DESIRED, and the nodes that keep a pod but count in no field. */
interface NodeVerdicts {
  runs: Set<string>;
  /**
   * Nodes that should not get a new daemon pod but keep the one they have (NoSchedule taints the
   * pod does not tolerate, like a silent node's unreachable:NoSchedule). Their pods count in no
   * status field (#75).
   */
  keeps: Set<string>;
}

/**
 * The verdicts per DaemonSet, kept per node list (a new list whenever nodes come, go or are
 * restored). A change to the DaemonSet judges every node again; a change to a node judges that
 * node only, so a zone of failing nodes costs a look per node, not a recount of all of them.
 */
const verdictsByNodeList = new WeakMap<readonly Node[], Map<string, NodeVerdicts>>();

/** What to judge again: every node, these nodes, or none. */
type Recount = 'all' | Set<string> | undefined;

function judge(verdicts: NodeVerdicts, ds: DaemonSet, tolerations: Toleration[], node: Node): void {
  const name = node.metadata.name;
  verdicts.runs.delete(name);
  verdicts.keeps.delete(name);
  if (shouldRun(ds, tolerations, node)) verdicts.runs.add(name);
  else if (shouldContinueRunning(ds, tolerations, node)) verdicts.keeps.add(name);
}

function nodeVerdicts(ctx: SimContext, ds: DaemonSet, tolerations: Toleration[], recount: Recount): NodeVerdicts {
  const nodes = ctx.nodes();
  let byDaemonSet = verdictsByNodeList.get(nodes);
  if (!byDaemonSet) verdictsByNodeList.set(nodes, (byDaemonSet = new Map()));
  let verdicts = byDaemonSet.get(ds.metadata.uid);
  if (!verdicts || recount === 'all') {
    verdicts = { runs: new Set(), keeps: new Set() };
    for (const node of nodes) judge(verdicts, ds, tolerations, node);
    byDaemonSet.set(ds.metadata.uid, verdicts);
  } else if (recount) {
    for (const name of recount) {
      const node = ctx.listers.get('Node', name);
      if (node) judge(verdicts, ds, tolerations, node);
    }
  }
  return verdicts;
}

/**
 * Status as updateDaemonSetStatus computes it: only nodes that should run the pod count, so the
 * pod a NotReady node keeps is in none of DESIRED, CURRENT, READY, UP-TO-DATE or AVAILABLE (#75).
 */
function updateStatus(ctx: SimContext, ds: DaemonSet, tolerations: Toleration[], recount: Recount): void {
  const verdicts = nodeVerdicts(ctx, ds, tolerations, recount);
  const desired = verdicts.runs.size;
  const counts = ctx.podCounts(ds.metadata.uid);
  let current = counts.boundActive;
  let ready = counts.boundActiveReady;
  for (const name of verdicts.keeps) {
    const kept = ctx.activePodsOnNode(ds.metadata.uid, name);
    current -= kept.active;
    ready -= kept.ready;
  }
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
  const touched = new Map<DaemonSet, { tolerations: Toleration[]; recount: Recount }>();
  const entryFor = (ds: DaemonSet) => {
    let entry = touched.get(ds);
    if (!entry) touched.set(ds, (entry = { tolerations: daemonTolerations(ds), recount: undefined }));
    return entry;
  };
  for (const item of items) {
    if (item.kind === 'DaemonSet') {
      const ds = ctx.listers.get('DaemonSet', item.daemonSet);
      if (!ds) continue;
      const entry = entryFor(ds);
      entry.recount = 'all';
      for (const node of ctx.nodes()) syncNode(ctx, ds, entry.tolerations, node);
    } else if (item.kind === 'Node') {
      const node = ctx.listers.get('Node', item.node);
      for (const ds of ctx.listers.list('DaemonSet')) {
        const entry = entryFor(ds);
        if (entry.recount === undefined) entry.recount = new Set([item.node]);
        else if (entry.recount !== 'all') entry.recount.add(item.node);
        if (node) syncNode(ctx, ds, entry.tolerations, node);
      }
    } else {
      const ds = ctx.listers.get('DaemonSet', item.daemonSet);
      const node = ctx.listers.get('Node', item.node);
      if (!ds) continue;
      const { tolerations } = entryFor(ds);
      if (node) syncNode(ctx, ds, tolerations, node);
    }
  }
  for (const [ds, { tolerations, recount }] of touched) updateStatus(ctx, ds, tolerations, recount);
}
