// kube-scheduler's scheduleOne: filter nodes (stopping once enough feasible ones are found, as
// percentageOfNodesToScore does), score them, break ties with the seeded RNG, bind. A pod that
// fits nowhere stays Pending with FailedScheduling (#24) until a cluster event retries it.
import { involved } from '../apiserver/apiserver';
import { objectKey } from '../apiserver/store';
import type { SimContext } from '../engine/context';
import { setCondition } from '../controllers/podutil';
import type { Node, Pod } from '../api/types';
import { podRequests, type NodeUsage } from './cache';
import { fitErrorMessage, runFilters, type FilterFailure } from './framework';
import { nextState, outputOf } from '../util/rng';
import type { NodeTable } from './nodetable';

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
}

type Decision = { node: string } | { failures: FilterFailure[]; total: number };

/** A pod pinned to one node (a DaemonSet pod): only that node is filtered and scored. */
function decidePinned(_ctx: SimContext, inputs: SchedulingInputs, pod: Pod, pinned: Node | undefined): Decision {
  const total = inputs.nodes().length;
  const failures: FilterFailure[] = [];
  if (pinned) {
    const failure = runFilters(pod, pinned, inputs.usageOf(pinned.metadata.name), podRequests(pod).requested);
    if (!failure) return { node: pinned.metadata.name };
    failures.push(failure);
  }
  while (failures.length < total) failures.push({ reasons: ["node(s) didn't match Pod's node affinity/selector"], unresolvable: true });
  return { failures, total };
}

function decide(ctx: SimContext, inputs: SchedulingInputs, pod: Pod): Decision {
  if (pod.spec.affinityNodeName) return decidePinned(ctx, inputs, pod, ctx.listers.get('Node', pod.spec.affinityNodeName));
  const { requested, nonZero } = podRequests(pod);
  const table = inputs.nodeTable();
  const n = table.nodes.length;
  let plain = true;
  for (const _ in pod.spec.nodeSelector) plain = false;
  const wanted = feasibleNodesToFind(n);
  const start = ctx.state.nextStartNodeIndex % Math.max(1, n);
  const { simple, pods, allocatablePods, allocatableCpu, allocatableMemory, requestedCpu, requestedMemory } = table;
  const failures: FilterFailure[] = [];
  const cpu = requested.cpu;
  const memory = requested.memory;
  let best = -1;
  let bestIndex = -1;
  let ties = 0;
  let feasible = 0;
  let processed = 0;
  // The seeded RNG's state, kept in a local while ties are broken (the same draws as rng.int).
  let rngState = ctx.rng.state;
  // Its step functions in locals too: a call through an ES module import re-reads the binding
  // (with a TDZ check) each time; in this loop that measured twice as slow under Node's loader.
  const step = nextState;
  const output = outputOf;
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
        failures.push(runFilters(pod, table.nodes[index], inputs.usageOf(table.names[index]), requested)!);
        continue;
      }
    } else {
      const failure = runFilters(pod, table.nodes[index], inputs.usageOf(table.names[index]), requested);
      if (failure) {
        failures.push(failure);
        continue;
      }
    }
    feasible++;
    let value = scores[index];
    if (Number.isNaN(value)) value = table.score(index);
    if (value > best) {
      best = value;
      bestIndex = index;
      ties = 1;
    } else if (value === best) {
      // Reservoir sampling over equal scores (selectHost): the k-th tie wins with probability 1/k.
      rngState = step(rngState);
      if (Math.floor(output(rngState) * ++ties) === 0) bestIndex = index;
    }
  }
  ctx.rng.state = rngState;
  if (n > 0) ctx.state.nextStartNodeIndex = (start + processed) % n;
  if (bestIndex >= 0) return { node: table.names[bestIndex] };
  return { failures, total: n };
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
  const message = fitErrorMessage(decision.total, decision.failures);
  ctx.client.record(involved(pod), 'Warning', 'FailedScheduling', message, 'default-scheduler');
  ctx.client.update(pod, 'status', (target) => {
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
  for (const pod of ctx.listers.list('Pod')) {
    if (!pod.spec.nodeName && pod.metadata.deletionTimestamp === undefined) {
      ctx.queues.scheduling.add(objectKey(pod.metadata.namespace, pod.metadata.name));
    }
  }
}
