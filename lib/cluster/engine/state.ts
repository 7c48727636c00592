// The plain-data state of the components that is not in the API: what each controller has
// observed, the container runtime on each node, scheduler queues. All JSON-serialisable, so a
// snapshot is this plus the store, the clock and the RNG.
import type { ConditionStatus, Millis } from '../api/types';

export interface NodeHardware {
  cpu: string;
  memory: string;
  role: 'control-plane' | 'worker';
  /** Position in the cluster: used for the node's IP and pod CIDR. */
  index: number;
}

export interface NodeHealth {
  probeTimestamp: Millis;
  readyTransitionTimestamp: Millis;
  leaseRenewTime?: Millis;
  heartbeatTime?: Millis;
}

export type ZoneState = 'Initial' | 'Normal' | 'PartialDisruption' | 'FullDisruption';

export interface NodeLifecycleState {
  health: Record<string, NodeHealth>;
  zoneStates: Record<string, ZoneState>;
  /** #8 nodes waiting for their NoExecute taint, in order. */
  taintQueue: string[];
  /** Nodes queued or already tainted: re-queued only after they were reachable again (UniqueQueue's set). */
  taintMarked: string[];
  /** Token bucket of the NoExecute tainter (rate per second, burst 1). */
  tainterQps: number;
  tainterTokens: number;
  tainterRefilledAt: Millis;
}

export interface ScheduledEviction {
  uid: string;
  timerId: number;
  createdAt: Millis;
}

export type ContainerPhase = 'pulling' | 'creating' | 'running' | 'stopping';

export interface ContainerRecord {
  podKey: string;
  phase: ContainerPhase;
  attempt: number;
  restart: boolean;
  /** When this attempt began (the Pulled event reports the pull time). */
  since: Millis;
}

export interface NodeRuntime {
  /** Whether containerd answers (sim runtime stop/start). */
  up: boolean;
  images: string[];
  containers: Record<string, ContainerRecord>;
  nextPodHost: number;
  nextAttempt: number;
}

export interface KubeletNodeState {
  lastStatusReportAt: Millis;
  /** Set while the kubelet renews its Lease every 10s: when that started. */
  renewingSince?: Millis;
  /** The last of those derived renewals, once it stopped renewing (see leaseRenewTime). */
  lastDerivedRenewal?: Millis;
}

export interface SimState {
  hardware: Record<string, NodeHardware>;
  nextNodeIndex: number;
  nodeLifecycle: NodeLifecycleState;
  evictions: Record<string, ScheduledEviction>;
  runtimes: Record<string, NodeRuntime>;
  kubelets: Record<string, KubeletNodeState>;
  /** Pods the scheduler could not place, waiting for a cluster event. */
  unschedulable: string[];
  nextStartNodeIndex: number;
  /** PodGC: when a pod on a vanished node was first seen (#21 quarantine). */
  orphanSeenAt: Record<string, Millis>;
  nextServiceIp: number;
  /** Owners (by uid) whose pod create was refused, and when: they retry once time moves on. */
  refusedCreates: Record<string, Millis>;
  /** Pending controller requeues (controllers/requeue.ts), "queue key" -> when due. */
  requeues: Record<string, Millis>;
}

export function emptySimState(): SimState {
  return {
    hardware: {},
    nextNodeIndex: 0,
    nodeLifecycle: { health: {}, zoneStates: {}, taintQueue: [], taintMarked: [], tainterQps: 0.1, tainterTokens: 1, tainterRefilledAt: 0 },
    evictions: {},
    runtimes: {},
    kubelets: {},
    unschedulable: [],
    nextStartNodeIndex: 0,
    orphanSeenAt: {},
    nextServiceIp: 11,
    refusedCreates: {},
    requeues: {},
  };
}

export function readyStatusOf(conditions: { type: string; status: ConditionStatus }[]): ConditionStatus | undefined {
  return conditions.find((condition) => condition.type === 'Ready')?.status;
}
