// The API objects of the mini-cluster: plain, JSON-serialisable data shaped like their
// Kubernetes namesakes, trimmed to the fields the simulation uses. Times are simulated ms.
import type { Condition, Millis, ObjectMeta, Resources, Taint } from './types.meta';
import type { Pod, PreemptionPolicy } from './types.pod';
import type { DaemonSet, Deployment, ReplicaSet, StatefulSet } from './types.workloads';
import type { EndpointSlice, Endpoints, Service } from './types.services';

// The kinds by area; everything is re-exported here, so code imports the API types from this one module.
export type * from './types.meta';
export type * from './types.pod';
export type * from './types.workloads';
export type * from './types.services';

export interface Node {
  kind: 'Node';
  metadata: ObjectMeta;
  spec: { unschedulable: boolean; taints: Taint[]; podCIDR: string };
  status: {
    capacity: Resources & { pods: number };
    allocatable: Resources & { pods: number };
    conditions: Condition[];
    internalIP: string;
  };
}

export interface PodDisruptionBudget {
  kind: 'PodDisruptionBudget';
  metadata: ObjectMeta;
  spec: { minAvailable?: number | string; maxUnavailable?: number | string; selector: Record<string, string> };
  status: { currentHealthy: number; desiredHealthy: number; disruptionsAllowed: number; expectedPods: number };
}

export interface Lease {
  kind: 'Lease';
  metadata: ObjectMeta;
  spec: { holderIdentity: string; leaseDurationSeconds: number; renewTime: Millis };
}

export interface Namespace {
  kind: 'Namespace';
  metadata: ObjectMeta;
}

/** scheduling.k8s.io/v1 PriorityClass: a name for a pod priority (cluster-scoped). */
export interface PriorityClass {
  kind: 'PriorityClass';
  metadata: ObjectMeta;
  value: number;
  globalDefault: boolean;
  preemptionPolicy: PreemptionPolicy;
  description: string;
}

export interface KubeEvent {
  name: string;
  namespace: string;
  type: 'Normal' | 'Warning';
  reason: string;
  involvedObject: { kind: string; name: string; namespace: string };
  message: string;
  source: string;
  firstTimestamp: Millis;
  lastTimestamp: Millis;
  count: number;
}

export interface KindMap {
  Node: Node;
  Pod: Pod;
  Deployment: Deployment;
  ReplicaSet: ReplicaSet;
  DaemonSet: DaemonSet;
  StatefulSet: StatefulSet;
  Service: Service;
  Endpoints: Endpoints;
  EndpointSlice: EndpointSlice;
  PodDisruptionBudget: PodDisruptionBudget;
  Lease: Lease;
  Namespace: Namespace;
  PriorityClass: PriorityClass;
}

export type Kind = keyof KindMap;
export type AnyObject = KindMap[Kind];
