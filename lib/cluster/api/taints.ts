// Taints and tolerations: the well-known keys and the matching rules of k8s.io/api/core/v1.
import type { Taint, TaintEffect, Toleration } from './types';

export const taintKeys = Object.freeze({
  notReady: 'node.kubernetes.io/not-ready',
  unreachable: 'node.kubernetes.io/unreachable',
  unschedulable: 'node.kubernetes.io/unschedulable',
  outOfService: 'node.kubernetes.io/out-of-service',
  memoryPressure: 'node.kubernetes.io/memory-pressure',
  diskPressure: 'node.kubernetes.io/disk-pressure',
  pidPressure: 'node.kubernetes.io/pid-pressure',
  networkUnavailable: 'node.kubernetes.io/network-unavailable',
  controlPlane: 'node-role.kubernetes.io/control-plane',
});

/** Toleration.ToleratesTaint. */
export function toleratesTaint(toleration: Toleration, taint: Taint): boolean {
  if (toleration.effect && toleration.effect !== taint.effect) return false;
  if (toleration.key && toleration.key !== taint.key) return false;
  if (toleration.operator === 'Exists') return true;
  return (toleration.value ?? '') === (taint.value ?? '');
}

/** The first taint with one of `effects` that no toleration tolerates. */
export function firstUntoleratedTaint(taints: Taint[], tolerations: Toleration[], effects: readonly TaintEffect[]): Taint | undefined {
  for (const taint of taints) {
    if (!effects.includes(taint.effect)) continue;
    if (!tolerations.some((toleration) => toleratesTaint(toleration, taint))) return taint;
  }
  return undefined;
}

/**
 * How long a pod may stay on a node with these NoExecute taints (tainteviction's
 * getMinTolerationTime over GetMatchingTolerations): 'now', 'forever' or milliseconds.
 */
export function noExecuteTolerance(taints: Taint[], tolerations: Toleration[]): 'now' | 'forever' | number {
  const used: Toleration[] = [];
  for (const taint of taints) {
    if (taint.effect !== 'NoExecute') continue;
    const match = tolerations.find((toleration) => toleratesTaint(toleration, taint));
    if (!match) return 'now';
    used.push(match);
  }
  let min = Infinity;
  for (const toleration of used) {
    if (toleration.tolerationSeconds === undefined) continue;
    if (toleration.tolerationSeconds <= 0) return 'now';
    min = Math.min(min, toleration.tolerationSeconds);
  }
  return min === Infinity ? 'forever' : min * 1000;
}

export function taintString(taint: Taint): string {
  return `${taint.key}${taint.value ? `=${taint.value}` : ''}:${taint.effect}`;
}

export function sameTaint(a: Taint, b: Pick<Taint, 'key' | 'effect'>): boolean {
  return a.key === b.key && a.effect === b.effect;
}
