// The default scheduling profile, trimmed: filter plugins in kube-scheduler's order (#23), the
// reasons they give (#24), and the two NodeResources scores.
import { taintKeys } from '../api/taints';
import type { Node, Pod, Resources, Taint } from '../api/types';
import type { NodeUsage } from './cache';

export interface FilterFailure {
  reasons: string[];
  /** UnschedulableAndUnresolvable: preemption could not help on this node. */
  unresolvable: boolean;
}

function tolerated(pod: Pod, taint: Taint): boolean {
  for (const toleration of pod.spec.tolerations) {
    if (toleration.effect && toleration.effect !== taint.effect) continue;
    if (toleration.key && toleration.key !== taint.key) continue;
    if (toleration.operator === 'Exists' || (toleration.value ?? '') === (taint.value ?? '')) return true;
  }
  return false;
}

type Filter = (pod: Pod, node: Node, usage: NodeUsage, request: Resources) => FilterFailure | undefined;

const filters: readonly Filter[] = [
  function nodeUnschedulable(pod, node) {
    if (!node.spec.unschedulable) return undefined;
    if (tolerated(pod, { key: taintKeys.unschedulable, effect: 'NoSchedule' })) return undefined;
    return { reasons: ['node(s) were unschedulable'], unresolvable: true };
  },
  function nodeName(pod, node) {
    if (!pod.spec.affinityNodeName || pod.spec.affinityNodeName === node.metadata.name) return undefined;
    return { reasons: ["node(s) didn't match Pod's node affinity/selector"], unresolvable: true };
  },
  function taintToleration(pod, node) {
    for (const taint of node.spec.taints) {
      if (taint.effect === 'PreferNoSchedule' || tolerated(pod, taint)) continue;
      return { reasons: [`node(s) had untolerated taint {${taint.key}: ${taint.value ?? ''}}`], unresolvable: true };
    }
    return undefined;
  },
  function nodeAffinity(pod, node) {
    for (const key in pod.spec.nodeSelector) {
      if (node.metadata.labels[key] !== pod.spec.nodeSelector[key]) {
        return { reasons: ["node(s) didn't match Pod's node affinity/selector"], unresolvable: true };
      }
    }
    return undefined;
  },
  function nodeResourcesFit(_pod, node, usage, request) {
    const allocatable = node.status.allocatable;
    const reasons: string[] = [];
    if (usage.pods + 1 > allocatable.pods) reasons.push('Too many pods');
    if (request.cpu > 0 && usage.requested.cpu + request.cpu > allocatable.cpu) reasons.push('Insufficient cpu');
    if (request.memory > 0 && usage.requested.memory + request.memory > allocatable.memory) reasons.push('Insufficient memory');
    return reasons.length > 0 ? { reasons, unresolvable: false } : undefined;
  },
];

export function runFilters(pod: Pod, node: Node, usage: NodeUsage, request: Resources): FilterFailure | undefined {
  for (const filter of filters) {
    const failure = filter(pod, node, usage, request);
    if (failure) return failure;
  }
  return undefined;
}

/** NodeResourcesFit (LeastAllocated) + NodeResourcesBalancedAllocation, weight 1 each. */
export function score(node: Node, usage: NodeUsage, nonZero: Resources): number {
  const allocatable = node.status.allocatable;
  return scoreOf(allocatable.cpu, allocatable.memory, usage.nonZero.cpu + nonZero.cpu, usage.nonZero.memory + nonZero.memory);
}

/** The same score from plain numbers: allocatable, and the node's non-zero requests with the pod's. */
export function scoreOf(allocatableCpu: number, allocatableMemory: number, cpu: number, memory: number): number {
  const leastCpu = cpu > allocatableCpu ? 0 : Math.floor(((allocatableCpu - cpu) * 100) / allocatableCpu);
  const leastMemory = memory > allocatableMemory ? 0 : Math.floor(((allocatableMemory - memory) * 100) / allocatableMemory);
  const leastAllocated = Math.floor((leastCpu + leastMemory) / 2);
  const cpuFraction = Math.min(1, cpu / allocatableCpu);
  const memoryFraction = Math.min(1, memory / allocatableMemory);
  const balanced = Math.floor((1 - Math.abs(cpuFraction - memoryFraction) / 2) * 100);
  return leastAllocated + balanced;
}

/** FitError.Error(): "0/4 nodes are available: 1 node(s) had ..., 3 Insufficient cpu." plus the preemption part. */
export function fitErrorMessage(total: number, failures: FilterFailure[]): string {
  const histogram = new Map<string, number>();
  let unresolvable = 0;
  for (const failure of failures) {
    for (const reason of failure.reasons) histogram.set(reason, (histogram.get(reason) ?? 0) + 1);
    if (failure.unresolvable) unresolvable++;
  }
  const reasons = [...histogram].map(([reason, count]) => `${count} ${reason}`).sort();
  const preemption = [
    ...(unresolvable > 0 ? [`${unresolvable} Preemption is not helpful for scheduling`] : []),
    ...(failures.length - unresolvable > 0 ? [`${failures.length - unresolvable} No preemption victims found for incoming pod`] : []),
  ].sort();
  const head = `0/${total} nodes are available: ${reasons.join(', ')}.`;
  return preemption.length > 0 ? `${head} preemption: 0/${total} nodes are available: ${preemption.join(', ')}.` : head;
}
