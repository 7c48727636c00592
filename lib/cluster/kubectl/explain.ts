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

const container = obj(
  '[]Container',
  'The containers of the pod. They start together and share the pod’s network namespace.',
  {
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
    restartPolicy: s('Always, OnFailure or Never: what the kubelet does when a container exits.'),
    schedulerName: s('The scheduler that places the pod; default-scheduler unless set.'),
    terminationGracePeriodSeconds: int('Seconds between SIGTERM and SIGKILL when the pod is deleted. Defaults to 30.'),
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
      replicas: int('How many pods to run. Defaults to 1.'),
      selector,
      strategy: { type: 'DeploymentStrategy', text: 'RollingUpdate (the default, bounded by maxSurge and maxUnavailable) or Recreate.' },
      template,
    }),
    replicaStatus('Deployment'),
  ),
  ReplicaSet: common(
    'ReplicaSet',
    'Keeps a number of pods matching its selector: it creates pods from its template when there are too few and deletes some when there are too many.',
    obj('ReplicaSetSpec', 'The desired state.', { replicas: int('How many pods to keep.'), selector, template }),
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
      ports: { type: '[]ServicePort', text: 'Each port the Service listens on and the targetPort it forwards to.' },
      selector: map('Pods with these labels receive the traffic.'),
      type: s('ClusterIP, NodePort or LoadBalancer.'),
    }),
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
  if (!target)
    return fail(
      'error: You must specify the type of resource to explain. Use "kubectl api-resources" for a complete list of supported resources.',
    );
  const [resourceName, ...path] = target.split('.');
  const type = resolveResource(resourceName);
  const root = type && Object.hasOwn(schemas, type.kind) ? schemas[type.kind] : undefined;
  if (!type || !root) return fail(kubectlErrors.unknownResource(resourceName));
  let field = root;
  let name = '';
  for (const part of path) {
    const next = field.fields && Object.hasOwn(field.fields, part) ? field.fields[part] : undefined;
    if (!next) return fail(`error: field "${part}" does not exist`);
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
