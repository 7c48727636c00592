// The NodeAffinity plugin: nodeSelector and requiredDuringScheduling node affinity filter (both
// must hold), preferredDuringScheduling terms score by the sum of the weights that match
// (weight 2 in the default profile).
import type { Node, Pod } from '../api/types';
import { nodeSelectorMatches, nodeSelectorTermMatches } from './selectors';

/** Whether the node satisfies the pod's nodeSelector and required node affinity (also PodTopologySpread's node inclusion). */
export function nodeAffinityMatches(pod: Pod, node: Node): boolean {
  const labels = node.metadata.labels;
  for (const key in pod.spec.nodeSelector) if (labels[key] !== pod.spec.nodeSelector[key]) return false;
  const required = pod.spec.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution;
  return !required || nodeSelectorMatches(required.nodeSelectorTerms, node);
}

export function hasPreferredNodeAffinity(pod: Pod): boolean {
  return (pod.spec.affinity?.nodeAffinity?.preferredDuringSchedulingIgnoredDuringExecution?.length ?? 0) > 0;
}

/** Score before normalising: the sum of the weights of the preferred terms the node matches. */
export function preferredNodeAffinityScore(pod: Pod, node: Node): number {
  let score = 0;
  for (const term of pod.spec.affinity?.nodeAffinity?.preferredDuringSchedulingIgnoredDuringExecution ?? []) {
    if (term.weight !== 0 && nodeSelectorTermMatches(term.preference, node)) score += term.weight;
  }
  return score;
}
