// kubectl explain: what a kind is for and what its fields mean, for the kinds and fields the
// model has, in kubectl's plaintext layout (KIND, VERSION, FIELD, DESCRIPTION, FIELDS).
import { kubectlErrors } from '../api/errors';
import type { KubectlEnv } from './env';
import { parseArgs } from './flags';
import { apiVersionOf } from './output/objects';
import { resolveResource } from './resources';
import { fail, ok, type CommandResult } from './result';

interface Field {
  type: string;
  text: string;
  required?: boolean;
  fields?: Record<string, Field>;
}

const s = (text: string, required = false): Field => ({ type: 'string', text, required });
const int = (text: string, required = false): Field => ({ type: 'integer', text, required });
const bool = (text: string): Field => ({ type: 'boolean', text });
const map = (text: string): Field => ({ type: 'map[string]string', text });
const obj = (type: string, text: string, fields: Record<string, Field>, required = false): Field => ({ type, text, fields, required });

const objectMeta = obj('ObjectMeta', 'Standard object metadata: name, namespace, labels, annotations and the fields the server sets.', {
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
});

const common = (kind: string, description: string, spec?: Field, status?: Field): Field =>
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

const podSpec = obj(
  'PodSpec',
  'What the pod should run and where.',
  {
    affinity,
    containers: container,
    hostNetwork: bool('Use the node’s network namespace instead of one of the pod’s own.'),
    nodeName: s('The node the pod is bound to. The scheduler sets it; set by hand, it skips the scheduler.'),
    nodeSelector: map('Labels a node must carry for the pod to be placed there.'),
    preemptionPolicy: s('PreemptLowerPriority (the default) or Never: whether the pod may evict lower-priority pods to fit.'),
    priority: int('The pod’s priority, filled in at admission from its PriorityClass (0 without one). Do not set it yourself.'),
    priorityClassName: s('The PriorityClass whose value orders the pod in the scheduling queue and for preemption.'),
    restartPolicy: s(
      'Always, OnFailure or Never: what the kubelet does when a container exits. Defaults to Always, the only value a Deployment’s pods may have.',
    ),
    schedulerName: s('The scheduler that places the pod; default-scheduler unless set.'),
    terminationGracePeriodSeconds: int('Seconds from the start of a stop (preStop hook, then SIGTERM) to SIGKILL. Defaults to 30.'),
    tolerations: toleration,
    topologySpreadConstraints,
    volumes: { type: '[]Volume', text: 'Volumes the containers can mount, such as emptyDir scratch space.' },
  },
  true,
);

const condition = (text: string): Field => ({ type: '[]Condition', text });

const podStatus = obj('PodStatus', 'What the kubelet last reported about the pod. Read-only.', {
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

const template = obj('PodTemplateSpec', 'The pod every replica is made from.', { metadata: objectMeta, spec: podSpec }, true);
const selector: Field = {
  type: 'LabelSelector',
  text: 'Which pods belong to this object; must match the template’s labels.',
  required: true,
};
const replicaStatus = (kind: string) =>
  obj(`${kind}Status`, 'What the controller last observed. Read-only.', {
    availableReplicas: int('Pods ready for at least minReadySeconds.'),
    readyReplicas: int('Pods whose Ready condition is True.'),
    replicas: int('Pods the controller currently owns.'),
  });

const schemas: Record<string, Field> = {
  Pod: common(
    'Pod',
    'The smallest thing Kubernetes runs: one or more containers scheduled together on a node, sharing its network and storage.',
    podSpec,
    podStatus,
  ),
  Node: common(
    'Node',
    'A machine in the cluster. Its kubelet registers it and reports its capacity and health.',
    obj('NodeSpec', 'How the node may be used.', {
      podCIDR: s('The IP range pods on this node get their addresses from.'),
      taints: { type: '[]Taint', text: 'Taints keep pods that do not tolerate them off the node (NoSchedule) or evict them (NoExecute).' },
      unschedulable: bool('Set by kubectl cordon: the scheduler places no new pods here.'),
    }),
    obj('NodeStatus', 'What the kubelet reports. Read-only.', {
      addresses: { type: '[]NodeAddress', text: 'The node’s InternalIP and Hostname.' },
      allocatable: map('Capacity minus what is reserved for the system: what pods can request.'),
      capacity: map('The machine’s total CPU, memory and pod slots.'),
      conditions: condition('Ready, MemoryPressure, DiskPressure, PIDPressure; Unknown once the node stops reporting.'),
      nodeInfo: { type: 'NodeSystemInfo', text: 'Kernel, OS image, container runtime and kubelet versions.' },
    }),
  ),
  Deployment: common(
    'Deployment',
    'Keeps a number of identical pods running through ReplicaSets, and rolls out template changes by moving pods from the old ReplicaSet to a new one.',
    obj('DeploymentSpec', 'The desired state.', {
      minReadySeconds: int('How long a new pod must be Ready before it counts as available. Defaults to 0.'),
      paused: bool('While true, template changes are not rolled out (scaling still works). Set by kubectl rollout pause / resume.'),
      progressDeadlineSeconds: int(
        'How long a rollout may go without progress before its Progressing condition turns False (ProgressDeadlineExceeded). Defaults to 600.',
      ),
      replicas: int('How many pods to run. Defaults to 1.'),
      revisionHistoryLimit: int('How many old ReplicaSets to keep for kubectl rollout undo. Defaults to 10.'),
      selector,
      strategy: obj('DeploymentStrategy', 'How old pods are replaced by new ones when the template changes.', {
        rollingUpdate: obj('RollingUpdateDeployment', 'The bounds of a RollingUpdate (only with type RollingUpdate).', {
          maxSurge: {
            type: 'IntOrString',
            text: 'How many pods above replicas may exist during the update: a count or a percentage, rounded up. Defaults to 25%.',
          },
          maxUnavailable: {
            type: 'IntOrString',
            text: 'How many of the replicas may be unavailable during the update: a count or a percentage, rounded down. Defaults to 25%; may not be 0 when maxSurge is 0.',
          },
        }),
        type: s(
          'RollingUpdate (the default: new pods replace old ones a few at a time) or Recreate (every old pod goes before any new one starts).',
        ),
      }),
      template,
    }),
    obj('DeploymentStatus', 'What the controller last observed. Read-only.', {
      availableReplicas: int('Pods ready for at least minReadySeconds.'),
      conditions: {
        type: '[]DeploymentCondition',
        text: 'Available (enough pods available) and Progressing (the rollout moves, completed, or exceeded its deadline), each with a reason.',
      },
      observedGeneration: int('The generation of the spec the controller last acted on.'),
      readyReplicas: int('Pods whose Ready condition is True.'),
      replicas: int('Pods of every ReplicaSet of the Deployment.'),
      unavailableReplicas: int('Pods still needed before every replica is available.'),
      updatedReplicas: int('Pods made from the current template.'),
    }),
  ),
  ReplicaSet: common(
    'ReplicaSet',
    'Keeps a number of pods matching its selector: it creates pods from its template when there are too few and deletes some when there are too many.',
    obj('ReplicaSetSpec', 'The desired state.', {
      minReadySeconds: int('How long a new pod must be Ready before it counts as available. Defaults to 0.'),
      replicas: int('How many pods to keep.'),
      selector,
      template,
    }),
    replicaStatus('ReplicaSet'),
  ),
  DaemonSet: common(
    'DaemonSet',
    'Runs one copy of a pod on every node that matches, including nodes added later.',
    obj('DaemonSetSpec', 'The desired state.', { selector, template }),
    obj('DaemonSetStatus', 'What the controller observed. Read-only.', {
      desiredNumberScheduled: int('Nodes that should run the pod.'),
      numberReady: int('Nodes where the pod is ready.'),
    }),
  ),
  StatefulSet: common(
    'StatefulSet',
    'Runs pods with stable names (name-0, name-1, ...) created and removed in order.',
    obj('StatefulSetSpec', 'The desired state.', {
      replicas: int('How many pods to run.'),
      selector,
      serviceName: s('The headless Service that gives each pod its DNS name.'),
      template,
    }),
    replicaStatus('StatefulSet'),
  ),
  Service: common(
    'Service',
    'A stable virtual IP and DNS name in front of the pods its selector matches.',
    obj('ServiceSpec', 'How the Service is reached and where traffic goes.', {
      clusterIP: s('The virtual IP, assigned from the service range.'),
      ports: obj('[]ServicePort', 'Each port the Service listens on and the targetPort it forwards to.', {
        name: s('The port’s name; required when the Service has more than one port. Endpoints carry it.'),
        nodePort: int(
          'For NodePort and LoadBalancer Services: the port opened on every node, allocated from 30000-32767 unless given (a port already in use is refused).',
        ),
        port: int('The port the Service’s virtual IP listens on.', true),
        protocol: s('TCP (the default) or UDP.'),
        targetPort: { type: 'IntOrString', text: 'The container port traffic is forwarded to; the value of port when unset.' },
      }),
      publishNotReadyAddresses: bool(
        'List every selected pod as ready in the endpoints, Ready or not (headless Services of StatefulSets use it for peer discovery).',
      ),
      selector: map(
        'Pods with these labels receive the traffic. The endpoint controllers keep the Service’s Endpoints and EndpointSlices listing them; without a selector, nobody does.',
      ),
      type: s('ClusterIP, NodePort or LoadBalancer.'),
    }),
  ),
  Endpoints: obj(
    'Endpoints',
    'The pods behind a Service, written by the Endpoints controller: Ready ones as addresses, the others as notReadyAddresses.',
    {
      apiVersion: s('The versioned schema of this representation: v1.'),
      kind: s('The type of object, in CamelCase.'),
      metadata: objectMeta,
      subsets: obj('[]EndpointSubset', 'Groups of addresses that share the same ports.', {
        addresses: { type: '[]EndpointAddress', text: 'Pods that are Ready: kube-proxy sends traffic to these.' },
        notReadyAddresses: {
          type: '[]EndpointAddress',
          text: 'Pods that match but are not Ready (starting, failing a readiness probe, on a node gone silent).',
        },
        ports: { type: '[]EndpointPort', text: 'The target ports, under the Service ports’ names.' },
      }),
    },
  ),
  EndpointSlice: obj(
    'EndpointSlice',
    'Part of the endpoints of a Service (up to 100 each), written by the EndpointSlice controller and labelled kubernetes.io/service-name. It keeps not-ready and terminating pods too, each with its conditions; kube-proxy reads these.',
    {
      addressType: s('IPv4, IPv6 or FQDN: the kind of every address in the slice.', true),
      apiVersion: s('The versioned schema of this representation: discovery.k8s.io/v1.'),
      endpoints: obj('[]Endpoint', 'One entry per pod.', {
        addresses: { type: '[]string', text: 'The pod’s IP.', required: true },
        conditions: obj('EndpointConditions', 'What a client may do with the endpoint.', {
          ready: bool('Serving and not terminating: kube-proxy sends new connections here.'),
          serving: bool('The pod is Ready, whether or not it is being deleted.'),
          terminating: bool('The pod is being deleted. Used only when no endpoint is ready.'),
        }),
        nodeName: s('The node the pod runs on.'),
        targetRef: { type: 'ObjectReference', text: 'The pod this endpoint stands for.' },
      }),
      kind: s('The type of object, in CamelCase.'),
      metadata: objectMeta,
      ports: { type: '[]EndpointPort', text: 'The target ports; null on the placeholder slice of a Service with no endpoints.' },
    },
  ),
  PodDisruptionBudget: common(
    'PodDisruptionBudget',
    'Limits how many pods of a set voluntary disruptions (evictions, drains) may take down at once.',
    obj('PodDisruptionBudgetSpec', 'The budget.', {
      maxUnavailable: { type: 'IntOrString', text: 'At most this many (or this percentage) may be unavailable after an eviction.' },
      minAvailable: { type: 'IntOrString', text: 'At least this many (or this percentage) must stay available after an eviction.' },
      selector: { type: 'LabelSelector', text: 'The pods the budget covers.' },
    }),
    obj('PodDisruptionBudgetStatus', 'What the disruption controller computed. Read-only.', {
      currentHealthy: int('Covered pods that are healthy now.'),
      disruptionsAllowed: int('Evictions allowed right now.'),
    }),
  ),
  Lease: common(
    'Lease',
    'A small object a holder renews to show it is alive: each kubelet renews one in kube-node-lease, and leader election uses them in kube-system.',
    obj('LeaseSpec', 'Who holds the lease and until when.', {
      holderIdentity: s('Who holds the lease.'),
      leaseDurationSeconds: int('How long the holder may go without renewing before others treat it as gone.'),
      renewTime: s('When the holder last renewed (microsecond precision).'),
    }),
  ),
  Namespace: common('Namespace', 'A scope for names: objects in different namespaces may share a name.'),
  // A PriorityClass has no spec: its fields sit next to metadata.
  PriorityClass: obj(
    'PriorityClass',
    'A named pod priority. Pods refer to it by priorityClassName; higher values are scheduled first and may preempt lower ones.',
    {
      apiVersion: s('The versioned schema of this representation: scheduling.k8s.io/v1.'),
      description: s('Free text saying when to use the class.'),
      globalDefault: bool('Use this class for pods that name none. At most one class may set it.'),
      kind: s('The type of object, in CamelCase.'),
      metadata: objectMeta,
      preemptionPolicy: s('PreemptLowerPriority (the default) or Never, copied into pods that use the class.'),
      value: int('The priority. User classes go up to 1000000000; the system classes sit above.', true),
    },
  ),
};

const fieldLine = (name: string, field: Field) => `  ${name}\t<${field.type}>${field.required ? ' -required-' : ''}\n    ${field.text}\n`;

export function kubectlExplain(_env: KubectlEnv, args: string[]): CommandResult {
  const parsed = parseArgs(args, [
    { name: 'recursive', type: 'bool' },
    { name: 'api-version', type: 'string' },
  ]);
  if ('error' in parsed) return fail(parsed.error);
  const [target] = parsed.positional;
  if (!target) return fail(kubectlErrors.explainRequiresType());
  const [resourceName, ...path] = target.split('.');
  const type = resolveResource(resourceName);
  const root = type && Object.hasOwn(schemas, type.kind) ? schemas[type.kind] : undefined;
  if (!type || !root) return fail(kubectlErrors.unknownResource(resourceName));
  let field = root;
  let name = '';
  for (const part of path) {
    const next = field.fields && Object.hasOwn(field.fields, part) ? field.fields[part] : undefined;
    if (!next) return fail(kubectlErrors.noSuchField(part));
    field = next;
    name = part;
  }
  const lines = [`KIND:       ${type.kind}`, `VERSION:    ${apiVersionOf(type.kind)}`, ''];
  if (name) lines.push(`FIELD: ${name} <${field.type}>`, '');
  lines.push('DESCRIPTION:', `    ${field.text}`, '    ');
  let text = `${lines.join('\n')}\n`;
  if (field.fields) {
    const entries = Object.entries(field.fields).sort(([a], [b]) => a.localeCompare(b));
    if (parsed.flags.recursive === true) {
      const walk = (fields: Record<string, Field>, depth: number): string =>
        Object.entries(fields)
          .sort(([a], [b]) => a.localeCompare(b))
          .map(
            ([key, child]) =>
              `${'  '.repeat(depth)}${key}\t<${child.type}>${child.required ? ' -required-' : ''}\n${child.fields ? walk(child.fields, depth + 1) : ''}`,
          )
          .join('');
      text += `FIELDS:\n${walk(field.fields, 1)}`;
    } else text += `FIELDS:\n${entries.map(([key, child]) => fieldLine(key, child)).join('\n')}`;
  }
  return ok(text);
}
