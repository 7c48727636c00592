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
  /** Where the machine stands (sim init --zones): its kubelet registers these topology labels. */
  region?: string;
  zone?: string;
}

export interface NodeHealth {
  probeTimestamp: Millis;
  readyTransitionTimestamp: Millis;
  leaseRenewTime?: Millis;
  heartbeatTime?: Millis;
}

export type ZoneState = 'Initial' | 'Normal' | 'PartialDisruption' | 'FullDisruption';

/** One zone's NoExecute tainter (RateLimitedTimedQueue): its queue and token bucket (#10). */
export interface ZoneTainter {
  /** #8 nodes waiting for their NoExecute taint, in order. */
  queue: string[];
  /** Nodes queued or already tainted: re-queued only after they were reachable again (UniqueQueue's set). */
  marked: Record<string, true>;
  /** Token bucket (rate per second, burst 1); a rate of 0 admits nothing. */
  qps: number;
  tokens: number;
  refilledAt: Millis;
}

/** A line the controller manager logged (klog), shown by kubectl logs of its pod. */
export interface ComponentLogLine {
  at: Millis;
  source: string;
  text: string;
}

export interface NodeLifecycleState {
  health: Record<string, NodeHealth>;
  /** Per zone key (#47): its state (#48) and its tainter (#10), kept apart as upstream does. */
  zoneStates: Record<string, ZoneState>;
  tainters: Record<string, ZoneTainter>;
  /** The controller's log lines about zones, oldest first (bounded, see maxComponentLogLines). */
  log: ComponentLogLine[];
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

/** One backend of a Service as kube-proxy programmed it (a KUBE-SEP chain's DNAT target). */
export interface ProxyEndpoint {
  ip: string;
  /** The target port, per Service port in order. */
  ports: number[];
  pod: string;
  node: string;
}

/** A Service's rules: the backends picked at random, or none (the REJECT rule). */
export interface ServiceRules {
  clusterIP: string;
  ports: number[];
  endpoints: ProxyEndpoint[];
}

/** kube-proxy's programmed rules and the change waiting for the next sync (#33, #34). */
export interface KubeProxyState {
  programmed: Record<string, ServiceRules>;
  /** Rules to write at `pendingAt`; null removes a deleted Service's rules. */
  pending: Record<string, ServiceRules | null>;
  pendingAt: Millis | null;
  lastSyncAt: Millis | null;
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
  /** Nodes cut off from the API server by sim network partition (#46); the machine runs on. */
  partitioned: Record<string, true>;
  kubeProxy: KubeProxyState;
}

export function emptySimState(): SimState {
  return {
    hardware: {},
    nextNodeIndex: 0,
    nodeLifecycle: { health: {}, zoneStates: {}, tainters: {}, log: [] },
    evictions: {},
    runtimes: {},
    kubelets: {},
    unschedulable: [],
    nextStartNodeIndex: 0,
    orphanSeenAt: {},
    nextServiceIp: 11,
    refusedCreates: {},
    partitioned: {},
    kubeProxy: { programmed: {}, pending: {}, pendingAt: null, lastSyncAt: null },
  };
}

export function readyStatusOf(conditions: { type: string; status: ConditionStatus }[]): ConditionStatus | undefined {
  return conditions.find((condition) => condition.type === 'Ready')?.status;
}
