// Metadata, taints, tolerations, resources and conditions: the pieces every kind shares.
export type Millis = number;

export interface OwnerReference {
  kind: string;
  name: string;
  uid: string;
  controller: boolean;
}

export interface ObjectMeta {
  name: string;
  /** '' for cluster-scoped objects (nodes, namespaces). */
  namespace: string;
  uid: string;
  resourceVersion: number;
  generation: number;
  creationTimestamp: Millis;
  labels: Record<string, string>;
  annotations: Record<string, string>;
  ownerReferences: OwnerReference[];
  deletionTimestamp?: Millis;
  deletionGracePeriodSeconds?: number;
}

export type TaintEffect = 'NoSchedule' | 'PreferNoSchedule' | 'NoExecute';

export interface Taint {
  key: string;
  value?: string;
  effect: TaintEffect;
  timeAdded?: Millis;
}

export interface Toleration {
  key?: string;
  operator: 'Exists' | 'Equal';
  value?: string;
  effect?: TaintEffect;
  tolerationSeconds?: number;
}

/** CPU in millicores, memory in bytes. */
export interface Resources {
  cpu: number;
  memory: number;
}

export type ConditionStatus = 'True' | 'False' | 'Unknown';

export interface Condition {
  type: string;
  status: ConditionStatus;
  reason: string;
  message: string;
  lastTransitionTime: Millis;
  lastHeartbeatTime?: Millis;
  /** Deployment conditions: when the controller last wrote this condition (the progress deadline counts from it). */
  lastUpdateTime?: Millis;
}
