// Resource types kubectl knows, with their plural names, short names and API group suffixes.
import type { Kind } from '../api/types';

export interface ResourceType {
  kind: Kind | 'Event';
  plural: string;
  singular: string;
  short: string[];
  /** How kubectl names an object of this type: "deployment.apps/web". */
  qualified: string;
  namespaced: boolean;
}

export const resourceTypes: readonly ResourceType[] = [
  { kind: 'Pod', plural: 'pods', singular: 'pod', short: ['po'], qualified: 'pod', namespaced: true },
  { kind: 'Node', plural: 'nodes', singular: 'node', short: ['no'], qualified: 'node', namespaced: false },
  { kind: 'Deployment', plural: 'deployments', singular: 'deployment', short: ['deploy'], qualified: 'deployment.apps', namespaced: true },
  { kind: 'ReplicaSet', plural: 'replicasets', singular: 'replicaset', short: ['rs'], qualified: 'replicaset.apps', namespaced: true },
  { kind: 'DaemonSet', plural: 'daemonsets', singular: 'daemonset', short: ['ds'], qualified: 'daemonset.apps', namespaced: true },
  { kind: 'StatefulSet', plural: 'statefulsets', singular: 'statefulset', short: ['sts'], qualified: 'statefulset.apps', namespaced: true },
  { kind: 'Service', plural: 'services', singular: 'service', short: ['svc'], qualified: 'service', namespaced: true },
  { kind: 'Event', plural: 'events', singular: 'event', short: ['ev'], qualified: 'event', namespaced: true },
  {
    kind: 'PodDisruptionBudget',
    plural: 'poddisruptionbudgets',
    singular: 'poddisruptionbudget',
    short: ['pdb'],
    qualified: 'poddisruptionbudget.policy',
    namespaced: true,
  },
  { kind: 'Namespace', plural: 'namespaces', singular: 'namespace', short: ['ns'], qualified: 'namespace', namespaced: false },
  { kind: 'Lease', plural: 'leases', singular: 'lease', short: [], qualified: 'lease.coordination.k8s.io', namespaced: true },
];

export function resolveResource(name: string): ResourceType | undefined {
  const lower = name.toLowerCase().replace(/\.(apps|policy|coordination\.k8s\.io)$/, '');
  return resourceTypes.find((type) => type.plural === lower || type.singular === lower || type.short.includes(lower));
}

export function resourceByKind(kind: string): ResourceType {
  return resourceTypes.find((type) => type.kind === kind)!;
}
