// Admission: what the API server adds to a pod before storing it.
import { defaults } from '../engine/config';
import { taintKeys } from '../api/taints';
import type { Pod, Toleration } from '../api/types';

const defaultTolerationKeys = [taintKeys.notReady, taintKeys.unreachable] as const;

/**
 * #12 The DefaultTolerationSeconds plugin: tolerate not-ready and unreachable NoExecute taints for
 * 300s, unless the pod already tolerates them (a toleration with that key or no key, and
 * NoExecute or no effect).
 */
export function defaultTolerationSeconds(pod: Pod): void {
  for (const key of defaultTolerationKeys) {
    const tolerated = pod.spec.tolerations.some(
      (toleration) => (!toleration.key || toleration.key === key) && (!toleration.effect || toleration.effect === 'NoExecute'),
    );
    if (tolerated) continue;
    const added: Toleration = { key, operator: 'Exists', effect: 'NoExecute', tolerationSeconds: defaults.defaultTolerationSeconds };
    pod.spec.tolerations.push(added);
  }
}

export function admitPod(pod: Pod): void {
  defaultTolerationSeconds(pod);
}
