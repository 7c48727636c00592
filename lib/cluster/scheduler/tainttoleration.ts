// The TaintToleration plugin: NoSchedule and NoExecute taints filter, PreferNoSchedule taints
// only lower a node's score (weight 3 in the default profile).
import type { Pod, Taint, Toleration } from '../api/types';

/** v1.Toleration.ToleratesTaint: empty effect and empty key (with Exists) match every taint. */
export function tolerates(toleration: Toleration, taint: Taint): boolean {
  if (toleration.effect && toleration.effect !== taint.effect) return false;
  if (toleration.key && toleration.key !== taint.key) return false;
  return toleration.operator === 'Exists' || (toleration.value ?? '') === (taint.value ?? '');
}

export function tolerated(pod: Pod, taint: Taint): boolean {
  for (const toleration of pod.spec.tolerations) if (tolerates(toleration, taint)) return true;
  return false;
}

/** The first NoSchedule or NoExecute taint the pod does not tolerate. */
export function untoleratedTaint(pod: Pod, taints: readonly Taint[]): Taint | undefined {
  for (const taint of taints) {
    if (taint.effect === 'PreferNoSchedule' || tolerated(pod, taint)) continue;
    return taint;
  }
  return undefined;
}

/** Score: how many PreferNoSchedule taints the pod does not tolerate (fewer is better). */
export function intolerablePreferNoSchedule(pod: Pod, taints: readonly Taint[]): number {
  let count = 0;
  for (const taint of taints) {
    if (taint.effect !== 'PreferNoSchedule') continue;
    // Only tolerations with the PreferNoSchedule effect or none count (getAllTolerationPreferNoSchedule).
    let ok = false;
    for (const toleration of pod.spec.tolerations) {
      if ((!toleration.effect || toleration.effect === 'PreferNoSchedule') && tolerates(toleration, taint)) ok = true;
    }
    if (!ok) count++;
  }
  return count;
}
