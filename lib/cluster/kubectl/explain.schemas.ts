// What kubectl explain knows about each kind the model has: its description and its fields.
import {
  bool,
  common,
  condition,
  int,
  map,
  obj,
  objectMeta,
  podSpec,
  podStatus,
  replicaStatus,
  s,
  selector,
  template,
  type Field,
} from './explain.fields';

export const schemas: Record<string, Field> = {
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
      clusterIP: s(
        'The virtual IP, assigned from the service range and fixed for the Service’s life. None makes the Service headless: no virtual IP and no kube-proxy rules; DNS answers its name with the ready pods’ own addresses.',
      ),
      ports: obj(
        '[]ServicePort',
        'Each port the Service listens on and the targetPort it forwards to. Only a headless Service may have none.',
        {
          name: s('The port’s name; required when the Service has more than one port. Endpoints carry it.'),
          nodePort: int(
            'For NodePort and LoadBalancer Services: the port opened on every node, allocated from 30000-32767 unless given (a port already in use is refused).',
          ),
          port: int('The port the Service’s virtual IP listens on.', true),
          protocol: s('TCP (the default) or UDP.'),
          targetPort: { type: 'IntOrString', text: 'The container port traffic is forwarded to; the value of port when unset.' },
        },
      ),
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
