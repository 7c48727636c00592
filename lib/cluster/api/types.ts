// The API objects of the mini-cluster: plain, JSON-serialisable data shaped like their
// Kubernetes namesakes, trimmed to the fields the simulation uses. Times are simulated ms.
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

export interface Container {
  name: string;
  image: string;
  /** What the manifest asked for; zero when unset. */
  requests: Resources;
  limits?: Partial<Resources>;
  ports: number[];
  /** The ports the manifest names (ports[].name), which a Service's named targetPort resolves through (#100). */
  namedPorts?: { name: string; containerPort: number; protocol: 'TCP' | 'UDP' }[];
  /** Set by the API server's defaulting when the manifest leaves it out (#43); absent means the default for the image. */
  imagePullPolicy?: 'Always' | 'IfNotPresent' | 'Never';
  /** The entrypoint and its arguments, when the manifest overrides the image's (exec probes, `sleep 5`). */
  command?: string[];
  args?: string[];
  readinessProbe?: Probe;
  livenessProbe?: Probe;
  startupProbe?: Probe;
  lifecycle?: { preStop?: LifecycleHandler };
}

/** A probe's or a hook's action: exactly one of these is set (validation checks it). */
export interface ProbeAction {
  httpGet?: { path: string; port: number; scheme: 'HTTP' | 'HTTPS' };
  tcpSocket?: { port: number };
  exec?: { command: string[] };
}

/** #35 every field defaulted as SetDefaults_Probe does. */
export interface Probe extends ProbeAction {
  initialDelaySeconds: number;
  timeoutSeconds: number;
  periodSeconds: number;
  successThreshold: number;
  failureThreshold: number;
}

export interface LifecycleHandler extends ProbeAction {
  sleep?: { seconds: number };
}

export type RestartPolicy = 'Always' | 'OnFailure' | 'Never';

export interface Volume {
  name: string;
  emptyDir: boolean;
}

export interface PodSpec {
  nodeName?: string;
  containers: Container[];
  nodeSelector: Record<string, string>;
  tolerations: Toleration[];
  /** DaemonSet pods are pinned through node affinity on metadata.name. */
  affinityNodeName?: string;
  terminationGracePeriodSeconds: number;
  volumes: Volume[];
  hostNetwork: boolean;
  priorityClassName?: string;
  hostname?: string;
  /** #39 absent means Always (the default). */
  restartPolicy?: RestartPolicy;
  /** Scheduling constraints (scheduler/nodeaffinity, interpodaffinity); undefined when the manifest has none. */
  affinity?: Affinity;
  topologySpreadConstraints?: TopologySpreadConstraint[];
  /** Set by the Priority admission plugin from priorityClassName (or the global default, or 0). */
  priority?: number;
  preemptionPolicy?: PreemptionPolicy;
}

// Scheduling constraints, shaped like core/v1 (field names as in a manifest).
export type PreemptionPolicy = 'PreemptLowerPriority' | 'Never';

export interface NodeSelectorRequirement {
  key: string;
  operator: 'In' | 'NotIn' | 'Exists' | 'DoesNotExist' | 'Gt' | 'Lt';
  values?: string[];
}

/** The requirements of a term are ANDed; the terms of a selector are ORed. */
export interface NodeSelectorTerm {
  matchExpressions?: NodeSelectorRequirement[];
  matchFields?: NodeSelectorRequirement[];
}

export interface LabelSelectorRequirement {
  key: string;
  operator: 'In' | 'NotIn' | 'Exists' | 'DoesNotExist';
  values?: string[];
}

export interface LabelSelector {
  matchLabels?: Record<string, string>;
  matchExpressions?: LabelSelectorRequirement[];
}

export interface PodAffinityTerm {
  /** No selector matches no pods. */
  labelSelector?: LabelSelector;
  /** Empty: the incoming pod's own namespace. */
  namespaces?: string[];
  topologyKey: string;
}

export interface WeightedPodAffinityTerm {
  weight: number;
  podAffinityTerm: PodAffinityTerm;
}

export interface PodAffinityRules {
  requiredDuringSchedulingIgnoredDuringExecution?: PodAffinityTerm[];
  preferredDuringSchedulingIgnoredDuringExecution?: WeightedPodAffinityTerm[];
}

export interface Affinity {
  nodeAffinity?: {
    requiredDuringSchedulingIgnoredDuringExecution?: { nodeSelectorTerms: NodeSelectorTerm[] };
    preferredDuringSchedulingIgnoredDuringExecution?: { weight: number; preference: NodeSelectorTerm }[];
  };
  podAffinity?: PodAffinityRules;
  podAntiAffinity?: PodAffinityRules;
}

export interface TopologySpreadConstraint {
  maxSkew: number;
  topologyKey: string;
  whenUnsatisfiable: 'DoNotSchedule' | 'ScheduleAnyway';
  labelSelector?: LabelSelector;
  minDomains?: number;
}

export type PodPhase = 'Pending' | 'Running' | 'Succeeded' | 'Failed' | 'Unknown';

export interface ContainerStatus {
  name: string;
  image: string;
  ready: boolean;
  started: boolean;
  restartCount: number;
  state: 'waiting' | 'running' | 'terminated';
  reason?: string;
  startedAt?: Millis;
  lastRestartAt?: Millis;
  /** A terminated container's exit code and finish time (#40); a waiting one's message (CrashLoopBackOff, an image pull's error #44). */
  exitCode?: number;
  finishedAt?: Millis;
  message?: string;
  /** The previous instance's termination (lastState.terminated), once the container restarted. */
  lastState?: ContainerTermination;
}

/** #40 how a container instance ended. */
export interface ContainerTermination {
  reason: string;
  exitCode: number;
  startedAt: Millis;
  finishedAt: Millis;
}

export interface Pod {
  kind: 'Pod';
  metadata: ObjectMeta;
  spec: PodSpec;
  status: {
    phase: PodPhase;
    conditions: Condition[];
    containerStatuses: ContainerStatus[];
    podIP?: string;
    hostIP?: string;
    startTime?: Millis;
    reason?: string;
    message?: string;
    /** The node a preempting pod waits for while its victims terminate (DefaultPreemption). */
    nominatedNodeName?: string;
  };
}

export interface PodTemplate {
  metadata: { labels: Record<string, string>; annotations: Record<string, string> };
  spec: Omit<PodSpec, 'nodeName' | 'affinityNodeName' | 'hostname'>;
}

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

export interface ServicePort {
  name?: string;
  port: number;
  targetPort: number;
  /** A named targetPort (IntOrString holding a name): resolved per pod by FindPort (#100); targetPort is then unused. */
  targetPortName?: string;
  protocol: 'TCP' | 'UDP';
  nodePort?: number;
}

export interface Service {
  kind: 'Service';
  metadata: ObjectMeta;
  spec: {
    type: 'ClusterIP' | 'NodePort' | 'LoadBalancer';
    clusterIP: string;
    ports: ServicePort[];
    selector: Record<string, string>;
    /** Every selected pod counts as ready in the endpoints (#29), as for a StatefulSet's headless Service. */
    publishNotReadyAddresses?: boolean;
  };
}

/** The pod an endpoint stands for (an ObjectReference). */
export interface EndpointTarget {
  kind: 'Pod';
  name: string;
  namespace: string;
  uid: string;
}

export interface EndpointAddress {
  ip: string;
  nodeName?: string;
  /** Absent on the API server's own endpoints (the `kubernetes` Service, #101). */
  targetRef?: EndpointTarget;
}

/** A port of an endpoint: the Service port's name and protocol with its target port resolved. */
export interface EndpointPort {
  name: string;
  port: number;
  protocol: 'TCP' | 'UDP';
}

export interface EndpointSubset {
  addresses: EndpointAddress[];
  notReadyAddresses: EndpointAddress[];
  ports: EndpointPort[];
}

/** core/v1 Endpoints: written by the Endpoints controller, one per Service with a selector (#29). */
export interface Endpoints {
  kind: 'Endpoints';
  metadata: ObjectMeta;
  subsets: EndpointSubset[];
}

export interface SliceEndpoint {
  addresses: string[];
  /** serving and terminating are unset on the API server's own slice, which sets ready only (#101). */
  conditions: { ready: boolean; serving?: boolean; terminating?: boolean };
  nodeName?: string;
  /** Absent on the API server's own slice (#101). */
  targetRef?: EndpointTarget;
}

/** discovery.k8s.io/v1 EndpointSlice: written by the EndpointSlice controller (#30). */
export interface EndpointSlice {
  kind: 'EndpointSlice';
  metadata: ObjectMeta;
  addressType: 'IPv4';
  endpoints: SliceEndpoint[];
  /** null on the placeholder slice a Service with no endpoints keeps. */
  ports: EndpointPort[] | null;
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
