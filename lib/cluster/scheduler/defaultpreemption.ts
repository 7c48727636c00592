// The DefaultPreemption PostFilter plugin (#67, #68): when a pod fits nowhere, find the nodes
// where removing lower-priority pods would make it fit, keep as many of them as still lets it
// fit (PDB-violating pods reprieved first), pick one node by upstream's criteria, delete its
// victims gracefully (DisruptionTarget condition, Preempted event) and nominate the node. Pods of
// equal or higher priority are never victims.
import { involved } from '../apiserver/apiserver';
import type { PodDisruptionBudget, Pod } from '../api/types';
import { setCondition } from '../controllers/podutil';
import type { SimContext } from '../engine/context';
import { podPriority, podRequests } from './cache';
import { type CycleState, type FilterFailure, type NodeLoad, preemptionFitError, reasons, runFilters } from './framework';
import { cloneInterPodAffinityState, interPodAffinityUpdate } from './interpodaffinity';
import { cloneSpreadFilterState, spreadUpdate } from './podtopologyspread';
import type { NodeFailure, SchedulingInputs } from './scheduler';
import { labelSelectorMatches } from './selectors';

export const preemptionTexts = {
  preempted: (preemptorUid: string, node: string) => `Preempted by pod ${preemptorUid} on node ${node}`,
  disruptionReason: 'PreemptionByScheduler',
  disruptionMessage: (scheduler: string) => `${scheduler}: preempting to accommodate a higher priority pod`,
} as const;

const schedulerName = 'default-scheduler';

/** What PostFilter tells scheduleOne: the text after "preemption: ", and the nomination ('' clears it). */
export interface PostFilterResult {
  message?: string;
  nominatedNode?: string;
}

interface Candidate {
  node: string;
  /** Most important first. */
  victims: Pod[];
  pdbViolations: number;
}

const startTime = (pod: Pod) => pod.status.startTime ?? pod.metadata.creationTimestamp;

/** util.MoreImportantPod: higher priority, then the one that started earlier. */
function moreImportant(a: Pod, b: Pod): number {
  const byPriority = podPriority(b) - podPriority(a);
  return byPriority !== 0 ? byPriority : startTime(a) - startTime(b);
}

function terminatingByPreemption(pod: Pod): boolean {
  if (pod.metadata.deletionTimestamp === undefined) return false;
  return pod.status.conditions.some((c) => c.type === 'DisruptionTarget' && c.reason === preemptionTexts.disruptionReason);
}

/** filterPodsWithPDBViolation: pods whose eviction would take a budget below zero. */
function splitByBudget(pods: Pod[], budgets: PodDisruptionBudget[]): { violating: Pod[]; other: Pod[] } {
  const allowed = budgets.map((pdb) => pdb.status.disruptionsAllowed);
  const violating: Pod[] = [];
  const other: Pod[] = [];
  for (const pod of pods) {
    let violated = false;
    budgets.forEach((pdb, i) => {
      if (pdb.metadata.namespace !== pod.metadata.namespace) return;
      const selector = pdb.spec.selector;
      if (Object.keys(selector).length === 0 || !labelSelectorMatches({ matchLabels: selector }, pod.metadata.labels)) return;
      allowed[i]--;
      if (allowed[i] < 0) violated = true;
    });
    (violated ? violating : other).push(pod);
  }
  return { violating, other };
}

/** SelectVictimsOnNode: the fewest lower-priority pods whose removal lets the pod fit, or why none. */
function selectVictims(
  ctx: SimContext,
  inputs: SchedulingInputs,
  state: CycleState,
  nodeName: string,
  budgets: PodDisruptionBudget[],
): Candidate | FilterFailure {
  const node = ctx.listers.get('Node', nodeName);
  const potential = ctx.listers.podsOnNode(nodeName).filter((pod) => podPriority(pod) < state.priority);
  if (!node || potential.length === 0) return { reasons: [reasons.noVictims], unresolvable: true };
  const usage = inputs.usageOf(nodeName);
  const load: NodeLoad = { requested: { ...usage.requested }, pods: usage.pods };
  const cycle: CycleState = {
    ...state,
    interPod: state.interPod && cloneInterPodAffinityState(state.interPod),
    spread: state.spread && cloneSpreadFilterState(state.spread),
  };
  const change = (pod: Pod, by: 1 | -1) => {
    const { requested } = podRequests(pod);
    load.requested.cpu += by * requested.cpu;
    load.requested.memory += by * requested.memory;
    load.pods += by;
    if (cycle.interPod) interPodAffinityUpdate(cycle.interPod, pod, node, by);
    if (cycle.spread) spreadUpdate(cycle.spread, state.pod, pod, node, by);
  };
  for (const pod of potential) change(pod, -1);
  const failure = runFilters(cycle, node, load);
  if (failure) return failure;
  potential.sort(moreImportant);
  const { violating, other } = splitByBudget(potential, budgets);
  const victims: Pod[] = [];
  let pdbViolations = 0;
  const reprieve = (pod: Pod): boolean => {
    change(pod, 1);
    if (!runFilters(cycle, node, load)) return true;
    change(pod, -1);
    victims.push(pod);
    return false;
  };
  for (const pod of violating) if (!reprieve(pod)) pdbViolations++;
  for (const pod of other) reprieve(pod);
  if (violating.length > 0 && other.length > 0) victims.sort(moreImportant);
  return { node: nodeName, victims, pdbViolations };
}

/** pickOneNodeForPreemption's criteria, in order; the first node (in node order) wins what stays tied. */
const criteria: readonly ((candidate: Candidate) => number)[] = [
  (c) => -c.pdbViolations,
  (c) => -podPriority(c.victims[0]),
  // Priorities shifted by 2^31 so that many negative-priority victims do not look cheap.
  (c) => -c.victims.reduce((sum, pod) => sum + podPriority(pod) + 2 ** 31, 0),
  (c) => -c.victims.length,
  (c) => {
    const top = podPriority(c.victims[0]);
    return Math.min(...c.victims.filter((pod) => podPriority(pod) === top).map(startTime));
  },
];

function pickCandidate(candidates: Candidate[]): Candidate {
  let remaining = candidates;
  for (const score of criteria) {
    if (remaining.length === 1) break;
    const best = Math.max(...remaining.map(score));
    remaining = remaining.filter((c) => score(c) === best);
  }
  return remaining[0];
}

/** prepareCandidate: each victim gets DisruptionTarget, a graceful delete and the Preempted event. */
function evictVictims(ctx: SimContext, preemptor: Pod, candidate: Candidate): void {
  const now = ctx.clock.now();
  for (const victim of candidate.victims) {
    if (victim.metadata.deletionTimestamp !== undefined) continue;
    ctx.client.update(victim, 'status', (target) => {
      setCondition(
        target.status.conditions,
        'DisruptionTarget',
        'True',
        now,
        preemptionTexts.disruptionReason,
        preemptionTexts.disruptionMessage(schedulerName),
      );
    });
    const deleted = ctx.client.delete('Pod', victim.metadata.namespace, victim.metadata.name);
    if (!deleted.ok) continue;
    ctx.client.record(
      involved(victim),
      'Normal',
      'Preempted',
      preemptionTexts.preempted(preemptor.metadata.uid, candidate.node),
      schedulerName,
    );
  }
  // Lower-priority pods nominated to this node may no longer fit there: their nomination goes.
  const priority = podPriority(preemptor);
  for (const pod of ctx.listers.list('Pod')) {
    if (pod === preemptor || pod.spec.nodeName || pod.status.nominatedNodeName !== candidate.node || podPriority(pod) >= priority) continue;
    ctx.client.update(pod, 'status', (target) => {
      delete target.status.nominatedNodeName;
    });
  }
}

export function postFilter(
  ctx: SimContext,
  inputs: SchedulingInputs,
  state: CycleState,
  failures: readonly NodeFailure[],
  total: number,
): PostFilterResult {
  const { pod } = state;
  if (pod.spec.preemptionPolicy === 'Never') return { message: reasons.preemptionNever };
  const table = inputs.nodeTable();
  const nominated = pod.status.nominatedNodeName;
  if (nominated) {
    const status = failures.find((entry) => table.names[entry.slot] === nominated);
    if (!status?.failure.unresolvable) {
      for (const other of ctx.listers.podsOnNode(nominated)) {
        if (podPriority(other) < state.priority && terminatingByPreemption(other)) return { message: reasons.terminatingOnNominated };
      }
    }
  }
  const statuses: FilterFailure[] = [];
  const candidates: Candidate[] = [];
  const budgets = [...ctx.listers.list('PodDisruptionBudget')];
  for (const entry of failures) {
    if (entry.failure.unresolvable) {
      statuses.push({ reasons: [reasons.preemptionNotHelpful], unresolvable: true });
      continue;
    }
    const result = selectVictims(ctx, inputs, state, table.names[entry.slot], budgets);
    if ('victims' in result) candidates.push(result);
    else statuses.push(result);
  }
  while (candidates.length === 0 && statuses.length < total) statuses.push({ reasons: [reasons.preemptionNotHelpful], unresolvable: true });
  if (candidates.length === 0) return { message: preemptionFitError(total, statuses), nominatedNode: '' };
  const best = pickCandidate(candidates);
  evictVictims(ctx, pod, best);
  return { nominatedNode: best.node };
}
