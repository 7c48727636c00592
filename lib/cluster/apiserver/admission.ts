// Admission: what the API server adds to a pod before storing it, and what it refuses.
import { defaults } from '../engine/config';
import { taintKeys } from '../api/taints';
import { apiErrors, type ApiError } from '../api/errors';
import type { Pod, PriorityClass, Toleration } from '../api/types';

const defaultTolerationKeys = [taintKeys.notReady, taintKeys.unreachable] as const;

/** The NamespaceLifecycle plugin's immortal namespaces: a request to delete one is refused. */
export const immortalNamespaces: ReadonlySet<string> = new Set(['default', 'kube-system', 'kube-public']);

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

/** The built-in classes the API server creates at start-up (pkg/apis/scheduling SystemPriorityClasses). */
export const systemPriorityClasses = [
  {
    name: 'system-node-critical',
    value: 2000001000,
    description: 'Used for system critical pods that must not be moved from their current node.',
  },
  {
    name: 'system-cluster-critical',
    value: 2000000000,
    description: 'Used for system critical pods that must run in the cluster, but can be moved to another node if necessary.',
  },
] as const;

/** HighestUserDefinablePriority: user classes may not go above it. */
export const highestUserDefinablePriority = 1000000000;

/** What admission reads: the stored PriorityClasses. */
export interface PriorityClasses {
  get(name: string): PriorityClass | undefined;
  list(): Iterable<PriorityClass>;
}

/** The global default class (the lowest-valued one if several claim it), if any. */
function globalDefault(classes: PriorityClasses): PriorityClass | undefined {
  let found: PriorityClass | undefined;
  for (const pc of classes.list()) if (pc.globalDefault && (!found || pc.value < found.value)) found = pc;
  return found;
}

/**
 * #66 The Priority admission plugin: spec.priority and preemptionPolicy come from the named
 * class, or from the global default class (whose name is then filled in), or priority is 0.
 */
export function admitPriority(pod: Pod, classes: PriorityClasses): ApiError | undefined {
  const name = pod.spec.priorityClassName;
  let value = 0;
  let policy: Pod['spec']['preemptionPolicy'];
  if (name) {
    const pc = classes.get(name);
    if (!pc) return apiErrors.noPriorityClass(pod.metadata.name, name);
    value = pc.value;
    policy = pc.preemptionPolicy;
  } else {
    const pc = globalDefault(classes);
    if (pc) {
      pod.spec.priorityClassName = pc.metadata.name;
      value = pc.value;
      policy = pc.preemptionPolicy;
    }
  }
  if (pod.spec.priority !== undefined && pod.spec.priority !== value)
    return apiErrors.priorityMismatch(pod.metadata.name, pod.spec.priority, value);
  pod.spec.priority = value;
  pod.spec.preemptionPolicy ??= policy ?? 'PreemptLowerPriority';
  return undefined;
}

/** The Priority plugin on PriorityClass writes: only one class may be the global default. */
export function admitPriorityClass(pc: PriorityClass, classes: PriorityClasses): ApiError | undefined {
  if (!pc.globalDefault) return undefined;
  for (const other of classes.list()) {
    if (other.globalDefault && other.metadata.name !== pc.metadata.name)
      return apiErrors.secondDefaultPriorityClass(pc.metadata.name, other.metadata.name);
  }
  return undefined;
}

export function admitPod(pod: Pod, classes: PriorityClasses): ApiError | undefined {
  const denied = admitPriority(pod, classes);
  if (denied) return denied;
  defaultTolerationSeconds(pod);
  return undefined;
}
