// The default scheduling profile: filter plugins in kube-scheduler's order (#23), the reasons
// they give (#24, #64) and the score plugins with their weights (#50, #65). CycleState holds
// what PreFilter computed once per scheduling cycle, so no filter scans pods per node.
import { taintKeys } from '../api/taints';
import type { Node, Pod, Resources, Taint } from '../api/types';
import type { SimContext } from '../engine/context';
import { podPriority, podRequests, type SchedulerCache } from './cache';
import { interPodAffinityFilter, interPodAffinityPreFilter, type InterPodAffinityState } from './interpodaffinity';
import { nodeAffinityMatches } from './nodeaffinity';
import { spreadFilter, spreadPreFilter, type SpreadFilterState } from './podtopologyspread';
import { tolerated, untoleratedTaint } from './tainttoleration';

/** Each plugin's ErrReason text, as FitError prints it. */
export const reasons = {
  unschedulable: 'node(s) were unschedulable',
  nodeAffinity: "node(s) didn't match Pod's node affinity/selector",
  untoleratedTaint: (key: string, value: string | undefined) => `node(s) had untolerated taint {${key}: ${value ?? ''}}`,
  tooManyPods: 'Too many pods',
  insufficient: (resource: 'cpu' | 'memory') => `Insufficient ${resource}`,
  spreadConstraints: "node(s) didn't match pod topology spread constraints",
  spreadMissingLabel: "node(s) didn't match pod topology spread constraints (missing required label)",
  podAffinity: "node(s) didn't match pod affinity rules",
  podAntiAffinity: "node(s) didn't match pod anti-affinity rules",
  existingAntiAffinity: "node(s) didn't satisfy existing pods anti-affinity rules",
  noVictims: 'No preemption victims found for incoming pod',
  preemptionNotHelpful: 'Preemption is not helpful for scheduling',
  preemptionNever: 'not eligible due to preemptionPolicy=Never.',
  terminatingOnNominated: 'not eligible due to a terminating pod on the nominated node.',
} as const;

/** Default-profile score weights (pkg/scheduler/apis/config/v1 default_plugins.go): policy as data. */
export const scoreWeights = {
  TaintToleration: 3,
  NodeAffinity: 2,
  NodeResourcesFit: 1,
  PodTopologySpread: 2,
  InterPodAffinity: 2,
  NodeResourcesBalancedAllocation: 1,
} as const;

export interface FilterFailure {
  reasons: string[];
  /** UnschedulableAndUnresolvable: preemption could not help on this node. */
  unresolvable: boolean;
}

/** What a node holds for the filters: its bound pods' requests and count. */
export interface NodeLoad {
  requested: Resources;
  pods: number;
}

/** What PreFilter computed for one pod, shared by every node's filters and by preemption. */
export interface CycleState {
  pod: Pod;
  priority: number;
  requested: Resources;
  nonZero: Resources;
  interPod: InterPodAffinityState | undefined;
  spread: SpreadFilterState | undefined;
  /** Per node: the requests of pods nominated there with at least this pod's priority. */
  nominated: Map<string, { cpu: number; memory: number; pods: number }> | undefined;
}

export function preFilter(ctx: SimContext, cache: SchedulerCache, pod: Pod, nodes: readonly Node[]): CycleState {
  const { requested, nonZero } = podRequests(pod);
  const priority = podPriority(pod);
  let nominated: CycleState['nominated'];
  for (const [key, nomination] of cache.nominations) {
    if (nomination.priority < priority || key === keyOfPod(pod)) continue;
    nominated ??= new Map();
    const held = nominated.get(nomination.node) ?? { cpu: 0, memory: 0, pods: 0 };
    held.cpu += nomination.cpu;
    held.memory += nomination.memory;
    held.pods++;
    nominated.set(nomination.node, held);
  }
  return {
    pod,
    priority,
    requested,
    nonZero,
    interPod: interPodAffinityPreFilter(ctx, cache, pod),
    spread: spreadPreFilter(ctx, cache, pod, nodes),
    nominated,
  };
}

const keyOfPod = (pod: Pod) => (pod.metadata.namespace ? `${pod.metadata.namespace}/${pod.metadata.name}` : pod.metadata.name);

/** Whether only the resource check can rule a node out for this cycle (the fast path of decide). */
export function onlyResourcesFilter(state: CycleState): boolean {
  const { pod } = state;
  if (state.interPod || state.spread || state.nominated || pod.spec.affinity?.nodeAffinity) return false;
  for (const _ in pod.spec.nodeSelector) return false;
  return true;
}

type Filter = (state: CycleState, node: Node, load: NodeLoad) => FilterFailure | undefined;

const unresolvable = (reason: string): FilterFailure => ({ reasons: [reason], unresolvable: true });
const unschedulable = (reason: string): FilterFailure => ({ reasons: [reason], unresolvable: false });

const taintFailures = new WeakMap<Taint, { key: string; value: string | undefined; failure: FilterFailure }>();

const filters: readonly Filter[] = [
  function nodeUnschedulable({ pod }, node) {
    if (!node.spec.unschedulable) return undefined;
    if (tolerated(pod, { key: taintKeys.unschedulable, effect: 'NoSchedule' })) return undefined;
    return unresolvable(reasons.unschedulable);
  },
  function nodeName({ pod }, node) {
    if (!pod.spec.affinityNodeName || pod.spec.affinityNodeName === node.metadata.name) return undefined;
    return unresolvable(reasons.nodeAffinity);
  },
  function taintToleration({ pod }, node) {
    const taint = untoleratedTaint(pod, node.spec.taints);
    if (!taint) return undefined;
    // Every pod placed while a zone is down meets its tainted nodes: one (read-only) failure per taint.
    const known = taintFailures.get(taint);
    if (known && known.key === taint.key && known.value === taint.value) return known.failure;
    const failure = unresolvable(reasons.untoleratedTaint(taint.key, taint.value));
    taintFailures.set(taint, { key: taint.key, value: taint.value, failure });
    return failure;
  },
  function nodeAffinity({ pod }, node) {
    return nodeAffinityMatches(pod, node) ? undefined : unresolvable(reasons.nodeAffinity);
  },
  function nodeResourcesFit({ requested, nominated }, node, load) {
    const allocatable = node.status.allocatable;
    const held = nominated?.get(node.metadata.name);
    const found: string[] = [];
    if (load.pods + (held?.pods ?? 0) + 1 > allocatable.pods) found.push(reasons.tooManyPods);
    if (requested.cpu > 0 && load.requested.cpu + (held?.cpu ?? 0) + requested.cpu > allocatable.cpu)
      found.push(reasons.insufficient('cpu'));
    if (requested.memory > 0 && load.requested.memory + (held?.memory ?? 0) + requested.memory > allocatable.memory) {
      found.push(reasons.insufficient('memory'));
    }
    return found.length > 0 ? { reasons: found, unresolvable: false } : undefined;
  },
  function podTopologySpread({ spread }, node) {
    if (!spread) return undefined;
    const verdict = spreadFilter(spread, node);
    if (verdict === 'missing-label') return unresolvable(reasons.spreadMissingLabel);
    return verdict === 'skew' ? unschedulable(reasons.spreadConstraints) : undefined;
  },
  function interPodAffinity({ interPod }, node) {
    if (!interPod) return undefined;
    const verdict = interPodAffinityFilter(interPod, node);
    if (verdict === 'affinity') return unresolvable(reasons.podAffinity);
    if (verdict === 'anti-affinity') return unschedulable(reasons.podAntiAffinity);
    return verdict === 'existing-anti-affinity' ? unschedulable(reasons.existingAntiAffinity) : undefined;
  },
];

export function runFilters(state: CycleState, node: Node, load: NodeLoad): FilterFailure | undefined {
  for (const filter of filters) {
    const failure = filter(state, node, load);
    if (failure) return failure;
  }
  return undefined;
}

/** NodeResourcesFit (LeastAllocated) + NodeResourcesBalancedAllocation, weight 1 each, from plain numbers. */
export function scoreOf(allocatableCpu: number, allocatableMemory: number, cpu: number, memory: number): number {
  const leastCpu = cpu > allocatableCpu ? 0 : Math.floor(((allocatableCpu - cpu) * 100) / allocatableCpu);
  const leastMemory = memory > allocatableMemory ? 0 : Math.floor(((allocatableMemory - memory) * 100) / allocatableMemory);
  const leastAllocated = Math.floor((leastCpu + leastMemory) / 2);
  const cpuFraction = Math.min(1, cpu / allocatableCpu);
  const memoryFraction = Math.min(1, memory / allocatableMemory);
  const balanced = Math.floor((1 - Math.abs(cpuFraction - memoryFraction) / 2) * 100);
  return leastAllocated * scoreWeights.NodeResourcesFit + balanced * scoreWeights.NodeResourcesBalancedAllocation;
}

/** helper.DefaultNormalizeScore: scale to 0-100 by the maximum, reversed when fewer is better. */
export function defaultNormalize(scores: Float64Array, count: number, reverse: boolean): void {
  let max = 0;
  for (let i = 0; i < count; i++) if (scores[i] > max) max = scores[i];
  for (let i = 0; i < count; i++) {
    if (max === 0) scores[i] = reverse ? 100 : 0;
    else {
      const scaled = Math.floor((100 * scores[i]) / max);
      scores[i] = reverse ? 100 - scaled : scaled;
    }
  }
}

/** The histogram FitError prints: "1 node(s) had ..., 3 Insufficient cpu", sorted as strings. */
function histogram(failures: readonly FilterFailure[]): string {
  const counts = new Map<string, number>();
  for (const failure of failures) for (const reason of failure.reasons) counts.set(reason, (counts.get(reason) ?? 0) + 1);
  return [...counts]
    .map(([reason, count]) => `${count} ${reason}`)
    .sort()
    .join(', ');
}

/** FitError.Error(): "0/4 nodes are available: <reasons>." plus the PostFilter (preemption) message when there is one. */
export function fitErrorMessage(total: number, failures: readonly FilterFailure[], postFilter?: string): string {
  const head = `0/${total} nodes are available: ${histogram(failures)}.`;
  return postFilter ? `${head} preemption: ${postFilter}` : head;
}

/** The preemption dry run's own FitError, over every node's status. */
export function preemptionFitError(total: number, statuses: readonly FilterFailure[]): string {
  return `0/${total} nodes are available: ${histogram(statuses)}.`;
}
