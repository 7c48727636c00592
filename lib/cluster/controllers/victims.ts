// Which pods a ReplicaSet deletes when it has too many, after replica_set.go getPodsToDelete and
// controller_utils.go ActivePodsWithRanks (with the PodDeletionCost and LogarithmicScaleDown
// behaviour that is on by default). Each rule below decides only when the rules before it tie.
import type { Pod } from '../api/types';
import { readySince } from './deployment.util';
import { isPodActive, isPodReady } from './podutil';

/** The pod-deletion-cost annotation: lower goes first (PodDeletionCost, on by default). */
export const deletionCostAnnotation = 'controller.kubernetes.io/pod-deletion-cost';

const phaseOrdinal: Record<string, number> = { Pending: 0, Unknown: 1, Running: 2 };

interface Ranked {
  pod: Pod;
  /** How many active related pods share the pod's node (itself included). */
  rank: number;
}

function deletionCost(pod: Pod): number {
  const text = pod.metadata.annotations[deletionCostAnnotation];
  const value = text === undefined ? 0 : Number(text);
  return Number.isInteger(value) ? value : 0;
}

const maxRestarts = (pod: Pod) => pod.status.containerStatuses.reduce((max, status) => Math.max(max, status.restartCount), 0);

/** logarithmicRankDiff: compares floor(log2(age in ns)), so pods of about the same age tie. */
function logRankDiff(a: number, b: number, now: number): number {
  const bucket = (t: number) => (now - t > 0 ? Math.floor(Math.log2((now - t) * 1e6)) : -1);
  return bucket(a) - bucket(b);
}

/** ActivePodsWithRanks.Less: negative when `a` should be deleted before `b`. */
export function victimOrder(a: Ranked, b: Ranked, now: number): number {
  const [p, q] = [a.pod, b.pod];
  // 1. Unassigned before assigned.
  const [nodeP, nodeQ] = [p.spec.nodeName ?? '', q.spec.nodeName ?? ''];
  if (nodeP !== nodeQ && (nodeP === '' || nodeQ === '')) return nodeP === '' ? -1 : 1;
  // 2. Pending before Unknown before Running.
  const phase = (phaseOrdinal[p.status.phase] ?? 3) - (phaseOrdinal[q.status.phase] ?? 3);
  if (phase !== 0) return phase;
  // 3. Not ready before ready.
  if (isPodReady(p) !== isPodReady(q)) return isPodReady(p) ? 1 : -1;
  // 4. Lower pod-deletion-cost first.
  const cost = deletionCost(p) - deletionCost(q);
  if (cost !== 0) return cost;
  // 5. Doubled up on a node before alone: more related pods on the same node go first.
  if (a.rank !== b.rank) return b.rank - a.rank;
  // 6. Ready for a shorter time first (in log2 buckets of the time since).
  const [readyP, readyQ] = [readySince(p), readySince(q)];
  if (readyP !== undefined && readyQ !== undefined && readyP !== readyQ) {
    const diff = logRankDiff(readyP, readyQ, now);
    if (diff !== 0) return diff;
    return p.metadata.uid < q.metadata.uid ? -1 : 1;
  }
  // 7. More container restarts first.
  if (maxRestarts(p) !== maxRestarts(q)) return maxRestarts(q) - maxRestarts(p);
  // 8. Newer first (log2 buckets again), then the UID.
  const [bornP, bornQ] = [p.metadata.creationTimestamp, q.metadata.creationTimestamp];
  if (bornP === bornQ) return 0;
  const diff = logRankDiff(bornP, bornQ, now);
  if (diff !== 0) return diff;
  return p.metadata.uid < q.metadata.uid ? -1 : 1;
}

/**
 * getPodsToDelete: all of them when every pod goes; otherwise the first `count` in victim order,
 * ranked by the active related pods (the Deployment's other ReplicaSets' too) on the same node.
 */
export function podsToDelete(pods: readonly Pod[], related: readonly Pod[], count: number, now: number): Pod[] {
  if (count >= pods.length) return [...pods];
  const onNode = new Map<string, number>();
  for (const pod of related) {
    if (!isPodActive(pod)) continue;
    const node = pod.spec.nodeName ?? '';
    onNode.set(node, (onNode.get(node) ?? 0) + 1);
  }
  return pods
    .map((pod) => ({ pod, rank: onNode.get(pod.spec.nodeName ?? '') ?? 0 }))
    .sort((a, b) => victimOrder(a, b, now))
    .slice(0, count)
    .map(({ pod }) => pod);
}
