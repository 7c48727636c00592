// Helpers the controllers share, after k8s.io/kubernetes/pkg/controller/controller_utils.go.
import type { NewObject } from '../apiserver/apiserver';
import type { AnyObject, Condition, ConditionStatus, OwnerReference, Pod, PodSpec, PodTemplate } from '../api/types';

/** #16 IsPodActive: pods marked for deletion or finished no longer count. */
export function isPodActive(pod: Pod): boolean {
  return pod.metadata.deletionTimestamp === undefined && pod.status.phase !== 'Succeeded' && pod.status.phase !== 'Failed';
}

export function isPodReady(pod: Pod): boolean {
  return pod.status.conditions.some((condition) => condition.type === 'Ready' && condition.status === 'True');
}

export function controllerOf(object: AnyObject): OwnerReference | undefined {
  return object.metadata.ownerReferences.find((ref) => ref.controller);
}

export function ownerRef(owner: AnyObject): OwnerReference {
  return { kind: owner.kind, name: owner.metadata.name, uid: owner.metadata.uid, controller: true };
}

export function matchesSelector(labels: Record<string, string>, selector: Record<string, string>): boolean {
  for (const key in selector) if (labels[key] !== selector[key]) return false;
  return true;
}

export function selectorString(selector: Record<string, string>): string {
  return Object.entries(selector)
    .map(([key, value]) => `${key}=${value}`)
    .join(',');
}

/** The kubelet's GeneratePodHostNameAndDomain: spec.hostname, else the pod's name cut to 63 characters (#119). */
export const podHostname = (pod: Pod): string => pod.spec.hostname || pod.metadata.name.slice(0, 63).replace(/[-.]+$/, '');

export function podFromTemplate(
  template: PodTemplate,
  meta: { name: string; namespace: string; owner: AnyObject; labels?: Record<string, string> },
): NewObject<'Pod'> {
  const source = template.spec;
  // Every field written out, in one order, with the ones set later (binding, DaemonSet and
  // StatefulSet pods) present from the start: all pod specs then share one hidden class in V8,
  // which keeps the hot reads of spec.nodeName and friends fast.
  const spec: PodSpec = {
    containers: source.containers.map((container) => ({ ...container, requests: { ...container.requests }, ports: [...container.ports] })),
    nodeSelector: { ...source.nodeSelector },
    tolerations: source.tolerations.map((toleration) => ({ ...toleration })),
    volumes: source.volumes.map((volume) => ({ ...volume })),
    hostNetwork: source.hostNetwork,
    terminationGracePeriodSeconds: source.terminationGracePeriodSeconds,
    priorityClassName: source.priorityClassName,
    restartPolicy: source.restartPolicy,
    priority: source.priority,
    preemptionPolicy: source.preemptionPolicy,
    affinity: source.affinity && structuredClone(source.affinity),
    topologySpreadConstraints: source.topologySpreadConstraints && structuredClone(source.topologySpreadConstraints),
    nodeName: undefined,
    affinityNodeName: undefined,
    hostname: source.hostname,
    subdomain: source.subdomain,
  };
  return {
    kind: 'Pod',
    metadata: {
      name: meta.name,
      namespace: meta.namespace,
      labels: { ...template.metadata.labels, ...meta.labels },
      annotations: { ...template.metadata.annotations },
      ownerReferences: [ownerRef(meta.owner)],
    },
    spec,
    status: { phase: 'Pending', conditions: [], containerStatuses: [] },
  };
}

/** Sets a condition, keeping lastTransitionTime when the status did not change. Returns whether anything changed. */
export function setCondition(
  conditions: Condition[],
  type: string,
  status: ConditionStatus,
  now: number,
  reason = '',
  message = '',
): boolean {
  const existing = conditions.find((condition) => condition.type === type);
  if (!existing) {
    conditions.push({ type, status, reason, message, lastTransitionTime: now });
    return true;
  }
  if (existing.status === status && existing.reason === reason && existing.message === message) return false;
  if (existing.status !== status) existing.lastTransitionTime = now;
  existing.status = status;
  existing.reason = reason;
  existing.message = message;
  return true;
}

/** The key of the object that controls `object`, in `object`'s namespace. */
export function controllerKey(object: AnyObject, kind: string): string | undefined {
  const ref = controllerOf(object);
  if (!ref || ref.kind !== kind) return undefined;
  return object.metadata.namespace ? `${object.metadata.namespace}/${ref.name}` : ref.name;
}
