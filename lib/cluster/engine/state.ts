// The plain-data state of the components that is not in the API: what each controller has
// observed, the container runtime on each node, scheduler queues. All JSON-serialisable, so a
// snapshot is this plus the store, the clock and the RNG.
import type { ConditionStatus, Millis } from '../api/types';
import { emptyRegistry, type RegistryState } from '../registry/registry';
import type { BackoffTable } from '../util/backoff';

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
  /** While phase is 'pulling': how far the image manager got through the pod's images (kubelet/images.ts). */
  pulls?: PodImagePulls;
  /** Once the pod's containers run: each container's current instance, by container name (kuberuntime.ts). */
  instances?: Record<string, ContainerInstance>;
}

/** The image manager's progress through one start of a pod: containers in order, one pull at a time. */
export interface PodImagePulls {
  /** Index of the container whose image is being ensured. */
  next: number;
  /** Containers whose image is on the node for this start. */
  ready: string[];
  /** Whether some image failed in this pass (the pod then waits for a re-sync). */
  failed: boolean;
  /** The image error of each container that failed in this pass (#96: they wait while the others start). */
  errors?: Record<string, { reason: string; message: string }>;
  /** When the kubelet asked for the current pull, and when the node's serial puller began it. */
  requestedAt: Millis;
  startedAt: Millis;
}

/** What a container's process is doing, as the learner set it with `sim app` (kubelet/apps.ts). */
export interface AppBehaviour {
  /** Hung: answers no probe and ignores SIGTERM; a restart clears it (a new process). */
  hung: boolean;
  /** Unready: fails its readiness probe only, until healed; survives restarts. */
  unready: boolean;
  /** The working set the process grows to; over the memory limit it is OOM-killed (#41). Survives restarts. */
  memoryBytes: number;
}

export type ProbeType = 'startup' | 'liveness' | 'readiness';
export type ProbeResult = 'Success' | 'Failure' | 'Unknown';

/** One prober worker (pkg/kubelet/prober/worker.go): its published result and its run of equal results. */
export interface ProbeWorkerState {
  result: ProbeResult;
  lastResult: ProbeResult;
  resultRun: number;
  /** After a liveness or startup failure: no probing until the container restarts. */
  onHold: boolean;
  /** Its periodic timer (one per worker; cancelled when the pod stops). */
  timerId: number;
  /**
   * Set while the worker sleeps: the tick at which it found that no tick could change anything
   * until its container or app changes (whatever changes them wakes it, on the same period grid).
   */
  asleepSince?: Millis;
}

/**
 * One container of a running pod, as the runtime and the kubelet's kuberuntime manager see it.
 * `state` running + `app.hung` false is what "the process answers" means (Services' podServes).
 */
export interface ContainerInstance {
  /** imageWait: its image step failed (#96, #97); it waits for the pod worker's re-sync. */
  state: 'running' | 'killing' | 'exited' | 'backoff' | 'starting' | 'imageWait';
  /** Equals the container status' restartCount: 0 for the first instance. */
  restartCount: number;
  startedAt: Millis;
  /** Set once the instance ended (exited, backoff, starting): how. */
  ended?: { reason: string; exitCode: number; finishedAt: Millis };
  /** The instance before this one, once it restarted (status lastState.terminated). */
  last?: { reason: string; exitCode: number; startedAt: Millis; finishedAt: Millis };
  app: AppBehaviour;
  probes: Partial<Record<ProbeType, ProbeWorkerState>>;
  /** The pending runtime step of this container (start, kill, exit, back-off re-sync), to cancel on stop. */
  stepTimerId?: number;
  /** Why a pending kill happens (the Killing event already went out). */
  killReason?: string;
  /** The exit code the pending kill ends with (SIGTERM handled, or 137 after SIGKILL). */
  killExitCode?: number;
  /** The last image error of its start (ErrImagePull, ImagePullBackOff...), shown until it runs. */
  waiting?: { reason: string; message: string };
  /** A pull of its (re)start in progress: when it was asked for and when the node's puller began it. */
  pull?: { requestedAt: Millis; startedAt: Millis };
}

export interface NodeRuntime {
  /** Whether containerd answers (sim runtime stop/start). */
  up: boolean;
  /** Images on the node, fully qualified (docker.io/library/nginx:1.27). */
  images: string[];
  containers: Record<string, ContainerRecord>;
  /** The serial image puller (serializeImagePulls): when its current pull ends. */
  pullerFreeAt?: Millis;
  /** Images the serial puller is fetching, with when that pull ends: a pull queued behind one finds the layers there. */
  pulling?: Record<string, Millis>;
  nextPodHost: number;
  nextAttempt: number;
}

export interface KubeletNodeState {
  lastStatusReportAt: Millis;
  /** Set while the kubelet renews its Lease every 10s: when that started. */
  renewingSince?: Millis;
  /** The last of those derived renewals, once it stopped renewing (see leaseRenewTime). */
  lastDerivedRenewal?: Millis;
  /** #38 the container restart back-off (client-go flowcontrol), by "podUid/container". */
  containerBackoff?: BackoffTable;
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
  /**
   * The Services whose rules are rewritten at `pendingAt` (built then: proxy/proxier.ts). A
   * snapshot from before held the rules themselves here: only the keys are read.
   */
  pending: Record<string, unknown>;
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
  /** The simulated image registry (what sim registry push / rm changed). */
  registry: RegistryState;
  /** The kubelets' image pull back-off, by "<pod uid>_<image>" (#45). */
  imagePullBackoff: BackoffTable;
  /** Pending controller requeues (controllers/requeue.ts), "queue key" -> when due. */
  requeues: Record<string, Millis>;
  /** The terminal's kubeconfig once kubectl config changed it (kubectl/kubeconfig.ts); client-side, but it lives and rewinds with the lab. */
  kubeconfig?: KubeconfigState;
}

export interface KubeconfigContext {
  cluster: string;
  user: string;
  namespace?: string;
}

export interface KubeconfigState {
  /** The current-context; '' when none is set. */
  current: string;
  contexts: Record<string, KubeconfigContext>;
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
    registry: emptyRegistry(),
    imagePullBackoff: {},
    requeues: {},
  };
}

export function readyStatusOf(conditions: { type: string; status: ConditionStatus }[]): ConditionStatus | undefined {
  return conditions.find((condition) => condition.type === 'Ready')?.status;
}
