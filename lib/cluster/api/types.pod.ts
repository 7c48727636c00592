// Pods: containers with their probes and hooks, the pod spec with its scheduling constraints, status.
import type { Condition, Millis, ObjectMeta, Resources, Toleration } from './types.meta';

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
  /** Environment variables (#120): a value, or a field of the pod (the downward API's fieldRef). */
  env?: EnvVar[];
}

/** core/v1 EnvVar, as far as the model has sources for it: ConfigMap and Secret references are not kept. */
export interface EnvVar {
  name: string;
  /** May refer to variables defined before it as $(NAME). */
  value?: string;
  /** valueFrom.fieldRef.fieldPath: metadata.name, status.podIP, ... */
  fieldPath?: string;
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
  /** The pod's hostname (its name when unset); a StatefulSet sets it to the pod's name (#119). */
  hostname?: string;
  /** With a headless Service of this name in the namespace, DNS answers HOSTNAME.SUBDOMAIN (#119). */
  subdomain?: string;
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
  spec: Omit<PodSpec, 'nodeName' | 'affinityNodeName'>;
}
