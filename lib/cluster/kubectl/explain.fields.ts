// The field descriptions kubectl explain prints, and the pieces several kinds share (metadata,
// the pod spec and template, selectors, replica status).
export interface Field {
  type: string;
  text: string;
  required?: boolean;
  fields?: Record<string, Field>;
}

export const s = (text: string, required = false): Field => ({ type: 'string', text, required });
export const int = (text: string, required = false): Field => ({ type: 'integer', text, required });
export const bool = (text: string): Field => ({ type: 'boolean', text });
export const map = (text: string): Field => ({ type: 'map[string]string', text });
export const obj = (type: string, text: string, fields: Record<string, Field>, required = false): Field => ({
  type,
  text,
  fields,
  required,
});

export const objectMeta = obj(
  'ObjectMeta',
  'Standard object metadata: name, namespace, labels, annotations and the fields the server sets.',
  {
    annotations: map('Free-form notes tools attach to the object; not used for selection.'),
    creationTimestamp: s('When the server stored the object first (RFC 3339, UTC). Set by the server.'),
    generation: int('A counter the server bumps on every change to the desired state (spec).'),
    labels: map('Key/value pairs that selectors (Services, ReplicaSets, kubectl -l) match on.'),
    name: s('The object name, unique among objects of its kind in its namespace.'),
    namespace: s('The namespace the object lives in; empty for cluster-scoped kinds.'),
    ownerReferences: {
      type: '[]OwnerReference',
      text: 'The objects this one belongs to. The garbage collector deletes it when its owner goes; the one with controller=true manages it.',
    },
    resourceVersion: s('An opaque version the server changes on every write; watches and updates compare it.'),
    uid: s('A unique id the server assigns; a recreated object with the same name gets a new one.'),
  },
);

export const common = (kind: string, description: string, spec?: Field, status?: Field): Field =>
  obj(kind, description, {
    apiVersion: s('The versioned schema of this representation, e.g. v1 or apps/v1.'),
    kind: s('The type of object, in CamelCase.'),
    metadata: objectMeta,
    ...(spec ? { spec } : {}),
    ...(status ? { status } : {}),
  });

const resources = obj('ResourceRequirements', 'Compute resources for the container.', {
  limits: map('The most the container may use: CPU is throttled at its limit, memory over its limit is OOM-killed.'),
  requests: map('What the scheduler reserves for the container on a node, and what sets its cgroup CPU weight.'),
});

/** #35 a probe's fields, with SetDefaults_Probe's values. */
const probeActions: Record<string, Field> = {
  exec: obj('ExecAction', 'Run a command in the container; exit code 0 passes.', {
    command: { type: '[]string', text: 'The command and its arguments (no shell unless you call one).' },
  }),
  httpGet: obj('HTTPGetAction', 'An HTTP GET to the pod’s IP; any status from 200 to 399 passes.', {
    path: s('The path to request. Defaults to /.'),
    port: { type: 'IntOrString', text: 'The container port, by number or by the name of one of its ports.', required: true },
    scheme: s('HTTP or HTTPS. Defaults to HTTP.'),
  }),
  tcpSocket: obj('TCPSocketAction', 'Open a TCP connection; a connection that is accepted passes.', {
    port: { type: 'IntOrString', text: 'The container port, by number or by name.', required: true },
  }),
};
const probe = (text: string): Field =>
  obj('Probe', text, {
    ...probeActions,
    failureThreshold: int('Failures in a row before the probe counts as failed. Defaults to 3.'),
    initialDelaySeconds: int('Seconds after the container started before the first probe. Defaults to 0.'),
    periodSeconds: int('Seconds between probes. Defaults to 10.'),
    successThreshold: int(
      'Successes in a row before a failed probe counts as passing again. Defaults to 1; must be 1 for liveness and startup.',
    ),
    timeoutSeconds: int('Seconds one attempt may take before it counts as a failure. Defaults to 1.'),
  });
const lifecycle = obj('Lifecycle', 'Hooks the kubelet runs at points of the container’s life.', {
  preStop: obj('LifecycleHandler', 'Runs before the stop signal when the container is stopped; its time counts against the grace period.', {
    ...probeActions,
    sleep: obj('SleepAction', 'Wait before the stop signal (gives endpoint removal time to spread).', {
      seconds: int('How long to sleep.', true),
    }),
  }),
});

const container = obj(
  '[]Container',
  'The containers of the pod. They start together and share the pod’s network namespace.',
  {
    args: { type: '[]string', text: 'Arguments to the entrypoint; they replace the image’s CMD.' },
    command: { type: '[]string', text: 'The entrypoint; it replaces the image’s ENTRYPOINT. Not run in a shell.' },
    lifecycle,
    livenessProbe: probe(
      'Checks that the container is alive; after failureThreshold failures the kubelet kills it and restarts it per restartPolicy.',
    ),
    readinessProbe: probe(
      'Checks that the container can serve; while it fails the pod is not Ready and gets no Service traffic. Never restarts it.',
    ),
    startupProbe: probe(
      'Checks that the container has started; liveness and readiness wait until it passes, and failing it restarts the container.',
    ),
    image: s('The container image to run, e.g. nginx:1.27.'),
    imagePullPolicy: s('Always, IfNotPresent or Never. Defaults to Always for :latest or untagged images, IfNotPresent otherwise.'),
    name: s('The container name, unique within the pod.', true),
    ports: { type: '[]ContainerPort', text: 'Ports the container listens on; informational, traffic reaches other ports too.' },
    resources,
  },
  true,
);

const toleration: Field = {
  type: '[]Toleration',
  text: 'Taints this pod accepts: a pod can be scheduled on (or keep running on) a node whose taints it all tolerates.',
};

const nodeSelectorTerms: Field = {
  type: '[]NodeSelectorTerm',
  text: 'Alternatives: a node qualifies if any term matches. Within a term, every matchExpressions entry (In, NotIn, Exists, DoesNotExist, Gt, Lt on node labels) and matchFields entry (metadata.name) must hold.',
  required: true,
};

const podAffinityTerm = (text: string): Field => ({
  type: '[]PodAffinityTerm',
  text: `${text} Each term names a labelSelector for the other pods, optional namespaces (default: this pod's), and a topologyKey: the node label whose value forms one domain.`,
});

const weightedPodAffinityTerm = (text: string): Field => ({
  type: '[]WeightedPodAffinityTerm',
  text: `${text} Each entry has a weight (1-100) and a podAffinityTerm.`,
});

const affinity = obj('Affinity', 'Rules about which nodes the pod may be placed on, and next to (or away from) which pods.', {
  nodeAffinity: obj('NodeAffinity', 'Constraints on the labels and name of the node.', {
    preferredDuringSchedulingIgnoredDuringExecution: {
      type: '[]PreferredSchedulingTerm',
      text: 'Soft rules: each entry has a weight (1-100) and a preference term; a node scores the weights of the terms it matches.',
    },
    requiredDuringSchedulingIgnoredDuringExecution: obj(
      'NodeSelector',
      'Hard rule checked at scheduling time only: a node that fails it is never chosen.',
      {
        nodeSelectorTerms,
      },
    ),
  }),
  podAffinity: obj('PodAffinity', 'Place the pod in the same domain as pods that match.', {
    preferredDuringSchedulingIgnoredDuringExecution: weightedPodAffinityTerm('Soft: domains holding matching pods score higher.'),
    requiredDuringSchedulingIgnoredDuringExecution: podAffinityTerm('Hard: only domains already holding a matching pod qualify.'),
  }),
  podAntiAffinity: obj('PodAntiAffinity', 'Keep the pod out of domains that hold pods that match.', {
    preferredDuringSchedulingIgnoredDuringExecution: weightedPodAffinityTerm('Soft: domains holding matching pods score lower.'),
    requiredDuringSchedulingIgnoredDuringExecution: podAffinityTerm('Hard: a domain holding a matching pod is refused.'),
  }),
});

const topologySpreadConstraints = obj(
  '[]TopologySpreadConstraint',
  'How evenly matching pods must be spread over the domains of a node label.',
  {
    labelSelector: { type: 'LabelSelector', text: 'The pods counted in each domain (usually the pod’s own replicas).' },
    maxSkew: int('The largest allowed difference between the fullest domain and the emptiest one, counting this pod.', true),
    minDomains: int('With DoNotSchedule: while fewer domains than this exist, the emptiest counts as 0.'),
    topologyKey: s('The node label whose values are the domains, e.g. topology.kubernetes.io/zone.', true),
    whenUnsatisfiable: s('DoNotSchedule (a filter: the pod waits) or ScheduleAnyway (only a score).', true),
  },
);

export const podSpec = obj(
  'PodSpec',
  'What the pod should run and where.',
  {
    affinity,
    containers: container,
    hostNetwork: bool('Use the node’s network namespace instead of one of the pod’s own.'),
    hostname: s('The pod’s hostname; its name when unset. A StatefulSet sets it to the pod’s name.'),
    nodeName: s('The node the pod is bound to. The scheduler sets it; set by hand, it skips the scheduler.'),
    nodeSelector: map('Labels a node must carry for the pod to be placed there.'),
    preemptionPolicy: s('PreemptLowerPriority (the default) or Never: whether the pod may evict lower-priority pods to fit.'),
    priority: int('The pod’s priority, filled in at admission from its PriorityClass (0 without one). Do not set it yourself.'),
    priorityClassName: s('The PriorityClass whose value orders the pod in the scheduling queue and for preemption.'),
    restartPolicy: s(
      'Always, OnFailure or Never: what the kubelet does when a container exits. Defaults to Always, the only value a Deployment’s pods may have.',
    ),
    schedulerName: s('The scheduler that places the pod; default-scheduler unless set.'),
    subdomain: s(
      'With a headless Service of this name in the namespace, cluster DNS answers HOSTNAME.SUBDOMAIN with the pod’s address. A StatefulSet sets it to its serviceName.',
    ),
    terminationGracePeriodSeconds: int('Seconds from the start of a stop (preStop hook, then SIGTERM) to SIGKILL. Defaults to 30.'),
    tolerations: toleration,
    topologySpreadConstraints,
    volumes: { type: '[]Volume', text: 'Volumes the containers can mount, such as emptyDir scratch space.' },
  },
  true,
);

export const condition = (text: string): Field => ({ type: '[]Condition', text });

export const podStatus = obj('PodStatus', 'What the kubelet last reported about the pod. Read-only.', {
  conditions: condition('PodScheduled, Initialized, ContainersReady and Ready, each True or False with when it last changed.'),
  containerStatuses: {
    type: '[]ContainerStatus',
    text: 'Per container: its state (waiting, running, terminated), readiness, restarts and container ID.',
  },
  hostIP: s('The IP of the node the pod runs on.'),
  nominatedNodeName: s('The node preemption cleared for this pod while its victims terminate; not a promise it will run there.'),
  phase: s('Pending, Running, Succeeded, Failed or Unknown: a summary of where the pod is in its life.'),
  podIP: s('The IP given to the pod’s network namespace.'),
  qosClass: s('Guaranteed, Burstable or BestEffort, computed from requests and limits; it decides the cgroup slice and eviction order.'),
  startTime: s('When the kubelet accepted the pod.'),
});

export const template = obj('PodTemplateSpec', 'The pod every replica is made from.', { metadata: objectMeta, spec: podSpec }, true);
export const selector: Field = {
  type: 'LabelSelector',
  text: 'Which pods belong to this object; must match the template’s labels.',
  required: true,
};
export const replicaStatus = (kind: string) =>
  obj(`${kind}Status`, 'What the controller last observed. Read-only.', {
    availableReplicas: int('Pods ready for at least minReadySeconds.'),
    readyReplicas: int('Pods whose Ready condition is True.'),
    replicas: int('Pods the controller currently owns.'),
  });
