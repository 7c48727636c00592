// The workload controllers' objects: Deployments, ReplicaSets, DaemonSets and StatefulSets.
import type { Condition, ObjectMeta } from './types.meta';
import type { PodTemplate } from './types.pod';

/** An IntOrString of the API: a count, or a percentage like "25%". */
export type IntOrPercent = number | string;

export interface DeploymentStrategy {
  type: 'RollingUpdate' | 'Recreate';
  /** Only for RollingUpdate (the API server defaults both to 25%). */
  rollingUpdate?: { maxSurge: IntOrPercent; maxUnavailable: IntOrPercent };
}

/**
 * The rollout fields of a DeploymentSpec. Optional in drafts: the API server's defaulting
 * (apiserver/defaults.ts) fills them in before the Deployment is stored.
 */
export interface DeploymentRolloutSpec {
  strategy?: DeploymentStrategy;
  minReadySeconds?: number;
  revisionHistoryLimit?: number;
  progressDeadlineSeconds?: number;
  paused?: boolean;
}

export interface Deployment {
  kind: 'Deployment';
  metadata: ObjectMeta;
  spec: { replicas: number; selector: Record<string, string>; template: PodTemplate } & DeploymentRolloutSpec;
  status: {
    replicas: number;
    updatedReplicas: number;
    readyReplicas: number;
    availableReplicas: number;
    unavailableReplicas?: number;
    observedGeneration?: number;
    /** Available and Progressing, as the deployment controller sets them. */
    conditions?: Condition[];
  };
}

export interface ReplicaSet {
  kind: 'ReplicaSet';
  metadata: ObjectMeta;
  spec: { replicas: number; selector: Record<string, string>; template: PodTemplate; minReadySeconds?: number };
  status: { replicas: number; readyReplicas: number; availableReplicas: number };
}

export interface DaemonSet {
  kind: 'DaemonSet';
  metadata: ObjectMeta;
  spec: { selector: Record<string, string>; template: PodTemplate };
  status: {
    desiredNumberScheduled: number;
    currentNumberScheduled: number;
    numberReady: number;
    numberAvailable: number;
    updatedNumberScheduled: number;
  };
}

export interface StatefulSet {
  kind: 'StatefulSet';
  metadata: ObjectMeta;
  spec: { replicas: number; selector: Record<string, string>; template: PodTemplate; serviceName: string };
  status: { replicas: number; readyReplicas: number; availableReplicas: number; currentReplicas: number };
}
