// Which pods a ReplicaSet deletes when it has too many, after replica_set.go getPodsToDelete and
// controller_utils.go ActivePodsWithRanks (with the PodDeletionCost and LogarithmicScaleDown
// behaviour that is on by default). Each rule below decides only when the rules before it tie.
import type { Pod } from '../api/types';
import { readySince } from './deployment.util';
import { isPodReady } from './podutil';

/** The pod-deletion-cost annotation: lower goes first (PodDeletionCost, on by default). */
export const deletionCostAnnotation = 'controller.kubernetes.io/pod-deletion-cost';

const phaseOrdinal: Record<string, number> = { Pending: 0, Unknown: 1, Running: 2 };

/** What ActivePodsWithRanks.Less reads of one pod, worked out once per pod rather than per comparison. */
interface Ranked {
  pod: Pod;
  unassigned: boolean;
  phase: number;
  ready: boolean;
  cost: number;
  /** How many active related pods share the pod's node (itself included). */
  rank: number;
  readySince: number | undefined;
  /** ageBucket of readySince and of the creation time, worked out once per pod too. */
  readyBucket: number;
  bornBucket: number;
  restarts: number;
}

function deletionCost(pod: Pod): number {
  const text = pod.metadata.annotations[deletionCostAnnotation];
  const value = text === undefined ? 0 : Number(text);
  return Number.isInteger(value) ? value : 0;
}

function maxRestarts(pod: Pod): number {
  let max = 0;
  for (const status of pod.status.containerStatuses) if (status.restartCount > max) max = status.restartCount;
  return max;
}

/** floor(log2(age in ns)), -1 for no age: logarithmicRankDiff compares these, so pods of about the same age tie. */
function ageBucket(t: number, now: number): number {
  return now - t > 0 ? Math.floor(Math.log2((now - t) * 1e6)) : -1;
}

function ranked(pod: Pod, rank: number, now: number): Ranked {
  const since = readySince(pod);
  return {
    pod,
    unassigned: !pod.spec.nodeName,
    phase: phaseOrdinal[pod.status.phase] ?? 3,
    ready: isPodReady(pod),
    cost: deletionCost(pod),
    rank,
    readySince: since,
    readyBucket: since === undefined ? -1 : ageBucket(since, now),
    bornBucket: ageBucket(pod.metadata.creationTimestamp, now),
    restarts: maxRestarts(pod),
  };
}

/** ActivePodsWithRanks.Less: negative when `a` should be deleted before `b`. */
function victimOrder(a: Ranked, b: Ranked): number {
  const [p, q] = [a.pod, b.pod];
  // 1. Unassigned before assigned.
  if (a.unassigned !== b.unassigned && p.spec.nodeName !== q.spec.nodeName) return a.unassigned ? -1 : 1;
  // 2. Pending before Unknown before Running.
  if (a.phase !== b.phase) return a.phase - b.phase;
  // 3. Not ready before ready.
  if (a.ready !== b.ready) return a.ready ? 1 : -1;
  // 4. Lower pod-deletion-cost first.
  if (a.cost !== b.cost) return a.cost - b.cost;
  // 5. Doubled up on a node before alone: more related pods on the same node go first.
  if (a.rank !== b.rank) return b.rank - a.rank;
  // 6. Ready for a shorter time first (in log2 buckets of the time since).
  if (a.readySince !== undefined && b.readySince !== undefined && a.readySince !== b.readySince) {
    const diff = a.readyBucket - b.readyBucket;
    if (diff !== 0) return diff;
    return p.metadata.uid < q.metadata.uid ? -1 : 1;
  }
  // 7. More container restarts first.
  if (a.restarts !== b.restarts) return b.restarts - a.restarts;
  // 8. Newer first (log2 buckets again), then the UID.
  const [bornP, bornQ] = [p.metadata.creationTimestamp, q.metadata.creationTimestamp];
  if (bornP === bornQ) return 0;
  const diff = a.bornBucket - b.bornBucket;
  if (diff !== 0) return diff;
  return p.metadata.uid < q.metadata.uid ? -1 : 1;
}

/** Below this many victims, picking the first in order beats sorting them all (a rollout deletes one or two at a time). */
const selectBelow = 8;

/**
 * getPodsToDelete: all of them when every pod goes; otherwise the first `count` in victim order,
 * ranked by the active related pods (the Deployment's other ReplicaSets' too) on the same node,
 * which `podsOnNode` counts for a node.
 */
export function podsToDelete(pods: readonly Pod[], podsOnNode: (node: string) => number, count: number, now: number): Pod[] {
  if (count >= pods.length) return [...pods];
  const ranks = new Map<string, number>();
  const candidates = pods.map((pod) => {
    const node = pod.spec.nodeName ?? '';
    let rank = ranks.get(node);
    if (rank === undefined) ranks.set(node, (rank = podsOnNode(node)));
    return ranked(pod, rank, now);
  });
  if (count >= selectBelow)
    return candidates
      .sort(victimOrder)
      .slice(0, count)
      .map(({ pod }) => pod);
  // Selection: the same first `count` a stable sort gives (ties keep the earlier candidate).
  const chosen: Pod[] = [];
  const taken = new Set<number>();
  for (let round = 0; round < count; round++) {
    let best = -1;
    for (let i = 0; i < candidates.length; i++) {
      if (taken.has(i)) continue;
      if (best === -1 || victimOrder(candidates[i], candidates[best]) < 0) best = i;
    }
    taken.add(best);
    chosen.push(candidates[best].pod);
  }
  return chosen;
}
