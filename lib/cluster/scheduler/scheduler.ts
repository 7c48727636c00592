// kube-scheduler's scheduleOne: filter nodes (stopping once enough feasible ones are found, as
// percentageOfNodesToScore does), score them, break ties with the seeded RNG, bind. A pod that
// fits nowhere stays Pending with FailedScheduling (#24) until a cluster event retries it.
import { involved } from '../apiserver/apiserver';
import { objectKey } from '../apiserver/store';
import type { SimContext } from '../engine/context';
import { setCondition } from '../controllers/podutil';
import type { Node, Pod } from '../api/types';
import { podPriority, type NodeUsage, type SchedulerCache } from './cache';
import { postFilter } from './defaultpreemption';
import {
  type CycleState,
  defaultNormalize,
  type FilterFailure,
  fitErrorMessage,
  onlyResourcesFilter,
  preFilter,
  reasons,
  runFilters,
  scoreWeights,
} from './framework';
import { interPodAffinityPreScore, interPodAffinityScore } from './interpodaffinity';
import { hasPreferredNodeAffinity, preferredNodeAffinityScore } from './nodeaffinity';
import type { NodeTable } from './nodetable';
import { spreadScores } from './podtopologyspread';
import { intolerablePreferNoSchedule } from './tainttoleration';
import { nextState, outputBitsOf } from '../util/rng';

/** numFeasibleNodesToFind with the adaptive percentageOfNodesToScore. */
export function feasibleNodesToFind(total: number): number {
  if (total < 100) return total;
  const percentage = Math.max(5, 50 - Math.floor(total / 125));
  return Math.max(100, Math.floor((total * percentage) / 100));
}

export interface SchedulingInputs {
  nodes(): Node[];
  /** The node list with the scheduler cache's usage as flat arrays, in the order of nodes(). */
  nodeTable(): NodeTable;
  usageOf(node: string): NodeUsage;
  readonly cache: SchedulerCache;
}

export interface NodeFailure {
  slot: number;
  failure: FilterFailure;
}

type Decision = { node: string } | { failures: NodeFailure[]; total: number; state: CycleState };

/** Scratch arrays for the feasible nodes of one cycle, grown as the cluster grows. */
let feasibleSlots = new Int32Array(0);
let totals = new Float64Array(0);
let pluginScores = new Float64Array(0);
/**
 * The nodes filtered out, with why: only a cycle that finds no node reports them, so they are
 * kept in place rather than as one object per node (a failed zone's nodes fail every cycle).
 */
let failedSlots = new Int32Array(0);
const failedWhy: FilterFailure[] = [];

function scratch(n: number): void {
  if (feasibleSlots.length >= n) return;
  feasibleSlots = new Int32Array(n);
  totals = new Float64Array(n);
  pluginScores = new Float64Array(n);
  failedSlots = new Int32Array(n);
}

/** A pod pinned to one node (a DaemonSet pod): only that node is filtered and scored. */
function decidePinned(ctx: SimContext, inputs: SchedulingInputs, pod: Pod, pinned: Node | undefined): Decision {
  const table = inputs.nodeTable();
  const total = table.nodes.length;
  const state = preFilter(ctx, inputs.cache, pod, pinned ? [pinned] : []);
  // The pinned node first: the usual case (it fits) then costs nothing per other node.
  const pinnedSlot = pinned ? table.slotOf(pinned.metadata.name) : undefined;
  let pinnedFailure: FilterFailure | undefined;
  if (pinned && pinnedSlot !== undefined && table.nodes[pinnedSlot] === pinned) {
    pinnedFailure = runFilters(state, pinned, inputs.usageOf(pinned.metadata.name));
    if (!pinnedFailure) return { node: pinned.metadata.name };
  }
  const failures: NodeFailure[] = [];
  for (let slot = 0; slot < total; slot++) {
    if (pinnedFailure && slot === pinnedSlot) failures.push({ slot, failure: pinnedFailure });
    else failures.push({ slot, failure: { reasons: [reasons.nodeAffinity], unresolvable: true } });
  }
  return { failures, total, state };
}

/**
 * Score plugins beyond the resource scores, added into totals for the feasible nodes: each
 * normalised to 0-100 and weighted as the default profile does. Plugins that would give every
 * node the same score are skipped, as PreScore's Skip does, so they cannot change the choice.
 */
function addPluginScores(ctx: SimContext, inputs: SchedulingInputs, state: CycleState, table: NodeTable, count: number): void {
  const { pod } = state;
  const { nodes } = table;
  if (spreadScores(ctx, inputs.cache, pod, table, feasibleSlots, count, pluginScores)) {
    for (let f = 0; f < count; f++) totals[f] += pluginScores[f] * scoreWeights.PodTopologySpread;
  }
  if (hasPreferredNodeAffinity(pod)) {
    for (let f = 0; f < count; f++) pluginScores[f] = preferredNodeAffinityScore(pod, nodes[feasibleSlots[f]]);
    defaultNormalize(pluginScores, count, false);
    for (let f = 0; f < count; f++) totals[f] += pluginScores[f] * scoreWeights.NodeAffinity;
  }
  let tainted = false;
  for (let f = 0; f < count && !tainted; f++)
    if (table.simple[feasibleSlots[f]] === 0) tainted = nodes[feasibleSlots[f]].spec.taints.length > 0;
  if (tainted) {
    for (let f = 0; f < count; f++) pluginScores[f] = intolerablePreferNoSchedule(pod, nodes[feasibleSlots[f]].spec.taints);
    defaultNormalize(pluginScores, count, true);
    for (let f = 0; f < count; f++) totals[f] += pluginScores[f] * scoreWeights.TaintToleration;
  }
  const topology = interPodAffinityPreScore(ctx, inputs.cache, pod);
  if (topology) {
    let min = Number.POSITIVE_INFINITY;
    let max = Number.NEGATIVE_INFINITY;
    for (let f = 0; f < count; f++) {
      const value = interPodAffinityScore(topology, nodes[feasibleSlots[f]]);
      pluginScores[f] = value;
      if (value < min) min = value;
      if (value > max) max = value;
    }
    for (let f = 0; f < count; f++) {
      const normalised = max - min > 0 ? Math.trunc((100 * (pluginScores[f] - min)) / (max - min)) : 0;
      totals[f] += normalised * scoreWeights.InterPodAffinity;
    }
  }
}

function decide(ctx: SimContext, inputs: SchedulingInputs, pod: Pod): Decision {
  if (pod.spec.affinityNodeName) return decidePinned(ctx, inputs, pod, ctx.listers.get('Node', pod.spec.affinityNodeName));
  const table = inputs.nodeTable();
  const n = table.nodes.length;
  const state = preFilter(ctx, inputs.cache, pod, table.nodes);
  const { requested, nonZero } = state;
  const plain = onlyResourcesFilter(state);
  const wanted = feasibleNodesToFind(n);
  const start = ctx.state.nextStartNodeIndex % Math.max(1, n);
  const { simple, pods, allocatablePods, allocatableCpu, allocatableMemory, requestedCpu, requestedMemory } = table;
  const cpu = requested.cpu;
  const memory = requested.memory;
  scratch(n);
  let feasible = 0;
  let failed = 0;
  let processed = 0;
  const scores = table.scoresFor(nonZero.cpu, nonZero.memory);
  for (; processed < n && feasible < wanted; processed++) {
    let index = start + processed;
    if (index >= n) index -= n;
    if (plain && simple[index] === 1) {
      const fits =
        pods[index] < allocatablePods[index] &&
        (cpu === 0 || requestedCpu[index] + cpu <= allocatableCpu[index]) &&
        (memory === 0 || requestedMemory[index] + memory <= allocatableMemory[index]);
      if (!fits) {
        failedSlots[failed] = index;
        failedWhy[failed++] = runFilters(state, table.nodes[index], inputs.usageOf(table.names[index]))!;
        continue;
      }
    } else {
      const failure = runFilters(state, table.nodes[index], inputs.usageOf(table.names[index]));
      if (failure) {
        failedSlots[failed] = index;
        failedWhy[failed++] = failure;
        continue;
      }
    }
    let value = scores[index];
    if (Number.isNaN(value)) value = table.score(index);
    feasibleSlots[feasible] = index;
    totals[feasible] = value;
    feasible++;
  }
  if (n > 0) ctx.state.nextStartNodeIndex = (start + processed) % n;
  if (feasible === 0) {
    const failures: NodeFailure[] = [];
    for (let k = 0; k < failed; k++) failures.push({ slot: failedSlots[k], failure: failedWhy[k] });
    return { failures, total: n, state };
  }
  if (feasible > 1) addPluginScores(ctx, inputs, state, table, feasible);
  // selectHost: the highest total, equal totals broken by reservoir sampling (the k-th tie wins
  // with probability 1/k). The seeded RNG's state and step functions are kept in locals: a call
  // through an ES module import re-reads the binding (with a TDZ check) each time.
  let rngState = ctx.rng.state;
  const step = nextState;
  const bits = outputBitsOf;
  let best = -1;
  let bestIndex = -1;
  let ties = 0;
  for (let f = 0; f < feasible; f++) {
    const value = totals[f];
    if (value > best) {
      best = value;
      bestIndex = feasibleSlots[f];
      ties = 1;
    } else if (value === best) {
      rngState = step(rngState);
      // floor(output * k) === 0, in integers: bits / 2^32 * k < 1 (exact: bits * k stays below 2^53).
      if (bits(rngState) * ++ties < 4294967296) bestIndex = feasibleSlots[f];
    }
  }
  ctx.rng.state = rngState;
  return { node: table.names[bestIndex] };
}

export function scheduleOne(ctx: SimContext, inputs: SchedulingInputs, key: string): void {
  const pod = ctx.listers.get('Pod', key);
  if (!pod || pod.spec.nodeName || pod.metadata.deletionTimestamp !== undefined) return;
  const now = ctx.clock.now();
  const decision = decide(ctx, inputs, pod);
  if ('node' in decision) {
    const bound = ctx.client.update(
      pod,
      'spec',
      (target) => {
        target.spec.nodeName = decision.node;
        setCondition(target.status.conditions, 'PodScheduled', 'True', now);
      },
      true,
    );
    if (!bound.ok) return;
    if (ctx.state.unschedulable.includes(key)) ctx.state.unschedulable = ctx.state.unschedulable.filter((pending) => pending !== key);
    ctx.client.record(involved(pod), 'Normal', 'Scheduled', `Successfully assigned ${key} to ${decision.node}`, 'default-scheduler');
    return;
  }
  // PostFilter: DefaultPreemption, whose message (if any) FitError appends after "preemption:".
  const preemption = postFilter(ctx, inputs, decision.state, decision.failures, decision.total);
  const message = fitErrorMessage(
    decision.total,
    decision.failures.map((entry) => entry.failure),
    preemption.message,
  );
  ctx.client.record(involved(pod), 'Warning', 'FailedScheduling', message, 'default-scheduler');
  ctx.client.update(pod, 'status', (target) => {
    setCondition(target.status.conditions, 'PodScheduled', 'False', now, 'Unschedulable', message);
    if (preemption.nominatedNode !== undefined) {
      if (preemption.nominatedNode) target.status.nominatedNodeName = preemption.nominatedNode;
      else delete target.status.nominatedNodeName;
    }
  });
  if (!ctx.state.unschedulable.includes(key)) ctx.state.unschedulable.push(key);
}

/** A cluster event that may make room: retry every pod that failed (MoveAllToActiveOrBackoffQueue). */
export function retryUnschedulable(ctx: SimContext): void {
  // The active queue is ordered by priority (PrioritySort), equal priorities first come first.
  const byPriority = (key: string) => {
    const pod = ctx.listers.get('Pod', key);
    return pod ? podPriority(pod) : 0;
  };
  const keys =
    ctx.state.unschedulable.length > 1
      ? [...ctx.state.unschedulable].sort((a, b) => byPriority(b) - byPriority(a))
      : ctx.state.unschedulable;
  for (const key of keys) ctx.queues.scheduling.add(key);
  ctx.state.unschedulable = [];
}

/**
 * A pod was bound: pods waiting for a peer (required pod affinity) or for a domain to fill up
 * (DoNotSchedule spreading) may fit now, as the InterPodAffinity and PodTopologySpread queueing
 * hints for an assigned pod's arrival say. Only those are retried.
 */
export function retryPeerWaiters(ctx: SimContext): void {
  const unschedulable = ctx.state.unschedulable;
  if (unschedulable.length === 0) return;
  const waiting = (key: string) => {
    const pod = ctx.listers.get('Pod', key);
    return (
      pod !== undefined &&
      ((pod.spec.affinity?.podAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.length ?? 0) > 0 ||
        (pod.spec.topologySpreadConstraints ?? []).some((c) => c.whenUnsatisfiable === 'DoNotSchedule'))
    );
  };
  const retried = unschedulable.filter(waiting);
  if (retried.length === 0) return;
  for (const key of retried) ctx.queues.scheduling.add(key);
  ctx.state.unschedulable = unschedulable.filter((key) => !retried.includes(key));
}

export function queuePendingPods(ctx: SimContext): void {
  for (const pod of ctx.listers.list('Pod')) {
    if (!pod.spec.nodeName && pod.metadata.deletionTimestamp === undefined) {
      ctx.queues.scheduling.add(objectKey(pod.metadata.namespace, pod.metadata.name));
    }
  }
}
