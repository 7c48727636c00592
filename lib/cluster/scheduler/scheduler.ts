// kube-scheduler's scheduleOne: filter nodes (stopping once enough feasible ones are found, as
// percentageOfNodesToScore does), score them, break ties with the seeded RNG, bind. A pod that
// fits nowhere stays Pending with FailedScheduling (#24) until a cluster event retries it.
import { involved } from '../apiserver/apiserver';
import { objectKey } from '../apiserver/store';
import type { SimContext } from '../context';
import { setCondition } from '../controllers/podutil';
import type { Node, Pod } from '../types';
import { podRequests, type NodeUsage } from './cache';
import { fitErrorMessage, runFilters, score, type FilterFailure } from './framework';

/** numFeasibleNodesToFind with the adaptive percentageOfNodesToScore. */
export function feasibleNodesToFind(total: number): number {
  if (total < 100) return total;
  const percentage = Math.max(5, 50 - Math.floor(total / 125));
  return Math.max(100, Math.floor((total * percentage) / 100));
}

export interface SchedulingInputs {
  nodes(): Node[];
  /** The scheduler cache's usage of each node, aligned with nodes(). */
  nodeUsages(): NodeUsage[];
  usageOf(node: string): NodeUsage;
}

/** Nodes with no taints and no cordon pass every filter but resources for a pod with no selectors. */
function onlyResourcesMatter(node: Node): boolean {
  return !node.spec.unschedulable && node.spec.taints.length === 0;
}

type Decision = { node: string } | { failures: FilterFailure[]; total: number };

function decide(ctx: SimContext, inputs: SchedulingInputs, pod: Pod): Decision {
  const { requested, nonZero } = podRequests(pod);
  const pinned = pod.spec.affinityNodeName ? ctx.store.get('Node', pod.spec.affinityNodeName) : undefined;
  const nodes = pinned ? [pinned] : inputs.nodes();
  const usages = pinned ? [inputs.usageOf(pinned.metadata.name)] : inputs.nodeUsages();
  const plain = Object.keys(pod.spec.nodeSelector).length === 0;
  const total = pinned ? inputs.nodes().length : nodes.length;
  const wanted = feasibleNodesToFind(nodes.length);
  const start = pinned ? 0 : ctx.state.nextStartNodeIndex % Math.max(1, nodes.length);
  const failures: FilterFailure[] = [];
  let best = -1;
  let bestNode: string | undefined;
  let ties = 0;
  let feasible = 0;
  let processed = 0;
  for (; processed < nodes.length && feasible < wanted; processed++) {
    const index = (start + processed) % nodes.length;
    const node = nodes[index];
    const usage = usages[index];
    if (plain && onlyResourcesMatter(node)) {
      const allocatable = node.status.allocatable;
      const fits = usage.pods < allocatable.pods &&
        (requested.cpu === 0 || usage.requested.cpu + requested.cpu <= allocatable.cpu) &&
        (requested.memory === 0 || usage.requested.memory + requested.memory <= allocatable.memory);
      if (!fits) {
        failures.push(runFilters(pod, node, usage, requested)!);
        continue;
      }
    } else {
      const failure = runFilters(pod, node, usage, requested);
      if (failure) {
        failures.push(failure);
        continue;
      }
    }
    feasible++;
    const value = score(node, usage, nonZero);
    if (value > best) {
      best = value;
      bestNode = node.metadata.name;
      ties = 1;
    } else if (value === best && ctx.rng.int(++ties) === 0) {
      bestNode = node.metadata.name;
    }
  }
  if (!pinned && nodes.length > 0) ctx.state.nextStartNodeIndex = (start + processed) % nodes.length;
  if (bestNode) return { node: bestNode };
  if (pinned) {
    const unpinned = total - 1;
    for (let i = 0; i < unpinned; i++) failures.push({ reasons: ["node(s) didn't match Pod's node affinity/selector"], unresolvable: true });
  }
  return { failures, total };
}

export function scheduleOne(ctx: SimContext, inputs: SchedulingInputs, key: string): void {
  const pod = ctx.store.get('Pod', key);
  if (!pod || pod.spec.nodeName || pod.metadata.deletionTimestamp !== undefined) return;
  const now = ctx.clock.now();
  const decision = decide(ctx, inputs, pod);
  if ('node' in decision) {
    const bound = ctx.api.update(pod, 'spec', (target) => {
      target.spec.nodeName = decision.node;
      setCondition(target.status.conditions, 'PodScheduled', 'True', now);
    }, true);
    if (!bound.ok) return;
    ctx.state.unschedulable = ctx.state.unschedulable.filter((pending) => pending !== key);
    ctx.api.record(involved(pod), 'Normal', 'Scheduled', `Successfully assigned ${key} to ${decision.node}`, 'default-scheduler');
    return;
  }
  const message = fitErrorMessage(decision.total, decision.failures);
  ctx.api.record(involved(pod), 'Warning', 'FailedScheduling', message, 'default-scheduler');
  ctx.api.update(pod, 'status', (target) => {
    setCondition(target.status.conditions, 'PodScheduled', 'False', now, 'Unschedulable', message);
  });
  if (!ctx.state.unschedulable.includes(key)) ctx.state.unschedulable.push(key);
}

/** A cluster event that may make room: retry every pod that failed (MoveAllToActiveOrBackoffQueue). */
export function retryUnschedulable(ctx: SimContext): void {
  for (const key of ctx.state.unschedulable) ctx.queues.scheduling.add(key);
  ctx.state.unschedulable = [];
}

export function queuePendingPods(ctx: SimContext): void {
  for (const pod of ctx.store.list('Pod')) {
    if (!pod.spec.nodeName && pod.metadata.deletionTimestamp === undefined) {
      ctx.queues.scheduling.add(objectKey(pod.metadata.namespace, pod.metadata.name));
    }
  }
}
