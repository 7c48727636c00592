// ClusterView: a plain, JSON-serialisable summary of the cluster for UIs, lab checks and quizzes.
import type { EventLog } from './apiserver/events';
import { podQosClass, type QosClass } from './apiserver/qos';
import { controllerOf, isPodReady } from './controllers/podutil';
import type { Engine } from './engine/engine';
import { hasQuorum, quorumSize, type MemberHealth } from './etcd/etcd.machine';
import { nodeRoles, nodeStatusWord, podReadyColumn, podStatusWord } from './kubectl/status';
import { taintString } from './api/taints';
import type { ConditionStatus, Endpoints, KubeEvent, Pod, Taint } from './api/types';
import { formatGoDuration } from './util/duration';
import { formatCpu, formatMemory } from './util/quantity';
import { isPartitioned } from './node/network';

export interface NodeView {
  name: string;
  roles: string[];
  /** As `kubectl get nodes` prints it: Ready, NotReady, Ready,SchedulingDisabled... */
  status: string;
  ready: ConditionStatus | 'None';
  conditions: { type: string; status: ConditionStatus; reason: string; message: string }[];
  /** `timeAdded` is when a NoExecute taint was put on (the clock its tolerations count from), else null. */
  taints: { key: string; value?: string; effect: Taint['effect']; text: string; timeAdded: number | null }[];
  unschedulable: boolean;
  capacity: { cpu: string; memory: string; pods: number };
  allocatable: { cpu: string; memory: string; pods: number };
  labels: Record<string, string>;
  internalIP: string;
  /** Pods bound to this node, as "namespace/name". */
  pods: string[];
  /** The machine and its kubelet as the simulation knows them (not visible through kubectl). */
  machine: 'running' | 'poweredOff' | 'booting' | 'unknown';
  kubelet: 'running' | 'starting' | 'stopped' | 'off' | 'unknown';
  runtimeUp: boolean;
  /** topology.kubernetes.io/zone, or null for a node without one. */
  zone: string | null;
  /** Whether the node can reach the API server (a partitioned node keeps running, unreachable). */
  network: 'connected' | 'partitioned';
}

export interface PodView {
  namespace: string;
  name: string;
  node: string | null;
  phase: string;
  /** kubectl's STATUS word: Pending, ContainerCreating, Running, Terminating... */
  status: string;
  /** The pod's Ready condition. */
  ready: boolean;
  /** kubectl's READY column (ready containers / containers). */
  readyContainers: string;
  restarts: number;
  ownerKind: string | null;
  ownerName: string | null;
  deletionTimestamp: number | null;
  ip: string | null;
  createdAt: number;
  labels: Record<string, string>;
  /** status.qosClass: Guaranteed, Burstable or BestEffort. */
  qosClass: QosClass;
  /** The first waiting container's reason (CrashLoopBackOff, ImagePullBackOff...), or null. */
  waitingReason: string | null;
  /** The most recent container termination (reason Error, OOMKilled, Completed), or null. */
  lastTermination: { container: string; reason: string; exitCode: number; finishedAt: number } | null;
  /** The image of the first waiting container (the one `sim registry push` would let it pull), or null. */
  waitingImage: string | null;
  /** The pod's NoExecute tolerations with a time limit (the defaults for not-ready and unreachable among them). */
  timedTolerations: { key: string; seconds: number }[];
}

export interface WorkloadView {
  namespace: string;
  name: string;
  desired: number;
  current: number;
  ready: number;
  available: number;
  updated: number;
  labels: Record<string, string>;
}

export interface ServiceView {
  namespace: string;
  name: string;
  type: string;
  clusterIP: string;
  /** What an ExternalName Service aliases (#121); null for the others. */
  externalName: string | null;
  ports: string[];
  selector: Record<string, string>;
  /** Endpoint pods, as "namespace/name": Ready ones receive traffic, the others are listed but skipped. */
  endpoints: { ready: string[]; notReady: string[] };
}

export interface PdbView {
  namespace: string;
  name: string;
  minAvailable: number | string | null;
  maxUnavailable: number | string | null;
  currentHealthy: number;
  desiredHealthy: number;
  disruptionsAllowed: number;
  expectedPods: number;
}

export interface EventView {
  namespace: string;
  type: KubeEvent['type'];
  reason: string;
  object: string;
  message: string;
  source: string;
  firstTimestamp: number;
  lastTimestamp: number;
  count: number;
}

/** The most recent container termination: a terminated container's own state, else the newest lastState. */
function lastTermination(pod: Pod): PodView['lastTermination'] {
  let latest: PodView['lastTermination'] = null;
  for (const status of pod.status.containerStatuses) {
    const ended =
      status.state === 'terminated' && status.finishedAt !== undefined
        ? { reason: status.reason ?? 'Completed', exitCode: status.exitCode ?? 0, finishedAt: status.finishedAt }
        : status.lastState;
    if (ended && (!latest || ended.finishedAt > latest.finishedAt))
      latest = { container: status.name, reason: ended.reason, exitCode: ended.exitCode, finishedAt: ended.finishedAt };
  }
  return latest;
}

export interface ClusterView {
  time: { ms: number; text: string };
  api: 'available' | 'no-quorum' | 'unreachable';
  nodes: NodeView[];
  pods: PodView[];
  deployments: WorkloadView[];
  replicaSets: WorkloadView[];
  daemonSets: WorkloadView[];
  statefulSets: WorkloadView[];
  services: ServiceView[];
  pdbs: PdbView[];
  etcd: { members: { name: string; healthy: boolean }[]; quorum: boolean; quorumSize: number };
  components: { name: string; healthy: boolean; state: string }[];
  events: EventView[];
}

const stateText = (value: unknown) => (typeof value === 'string' ? value : (Object.keys(value as object)[0] ?? 'unknown'));
const key = (namespace: string, name: string) => `${namespace}/${name}`;

export function buildView(engine: Engine): ClusterView {
  const store = engine.store;
  const now = engine.clock.now();
  const nodes = [...store.list('Node')].map((node): NodeView => {
    const name = node.metadata.name;
    const ready = node.status.conditions.find((condition) => condition.type === 'Ready');
    return {
      name,
      roles: nodeRoles(node),
      status: nodeStatusWord(node),
      ready: ready?.status ?? 'None',
      conditions: node.status.conditions.map(({ type, status, reason, message }) => ({ type, status, reason, message })),
      taints: node.spec.taints.map((taint) => ({
        key: taint.key,
        value: taint.value,
        effect: taint.effect,
        text: taintString(taint),
        timeAdded: taint.timeAdded ?? null,
      })),
      unschedulable: node.spec.unschedulable,
      capacity: {
        cpu: formatCpu(node.status.capacity.cpu),
        memory: formatMemory(node.status.capacity.memory),
        pods: node.status.capacity.pods,
      },
      allocatable: {
        cpu: formatCpu(node.status.allocatable.cpu),
        memory: formatMemory(node.status.allocatable.memory),
        pods: node.status.allocatable.pods,
      },
      labels: { ...node.metadata.labels },
      internalIP: node.status.internalIP,
      pods: store
        .podsOnNode(name)
        .map((pod) => key(pod.metadata.namespace, pod.metadata.name))
        .sort(),
      machine: stateText(engine.actorState(`node/${name}`) ?? 'unknown') as NodeView['machine'],
      kubelet: stateText(engine.actorState(`kubelet/${name}`) ?? 'unknown') as NodeView['kubelet'],
      runtimeUp: engine.state.runtimes[name]?.up ?? true,
      zone: node.metadata.labels['topology.kubernetes.io/zone'] ?? null,
      network: isPartitioned(engine, name) ? 'partitioned' : 'connected',
    };
  });
  const pods = [...store.list('Pod')].map((pod): PodView => {
    const owner = controllerOf(pod);
    const waiting = pod.status.containerStatuses.find((status) => status.state === 'waiting');
    return {
      namespace: pod.metadata.namespace,
      name: pod.metadata.name,
      node: pod.spec.nodeName ?? null,
      phase: pod.status.phase,
      status: podStatusWord(pod),
      ready: isPodReady(pod),
      readyContainers: podReadyColumn(pod),
      restarts: pod.status.containerStatuses.reduce((sum, status) => sum + status.restartCount, 0),
      ownerKind: owner?.kind ?? null,
      ownerName: owner?.name ?? null,
      deletionTimestamp: pod.metadata.deletionTimestamp ?? null,
      ip: pod.status.podIP ?? null,
      createdAt: pod.metadata.creationTimestamp,
      labels: { ...pod.metadata.labels },
      qosClass: podQosClass(pod.spec.containers),
      waitingReason: waiting?.reason ?? null,
      lastTermination: lastTermination(pod),
      // From the spec: the image the kubelet is trying to pull for that container.
      waitingImage: waiting ? (pod.spec.containers.find((c) => c.name === waiting.name)?.image ?? waiting.image) : null,
      timedTolerations: pod.spec.tolerations.flatMap((t) =>
        t.tolerationSeconds !== undefined && (t.effect === undefined || t.effect === 'NoExecute')
          ? [{ key: t.key ?? '', seconds: t.tolerationSeconds }]
          : [],
      ),
    };
  });
  const workload = (
    meta: { namespace: string; name: string; labels: Record<string, string> },
    counts: Omit<WorkloadView, 'namespace' | 'name' | 'labels'>,
  ): WorkloadView => ({
    namespace: meta.namespace,
    name: meta.name,
    labels: { ...meta.labels },
    ...counts,
  });
  const members = (engine.actor('etcd').getSnapshot().context as { members: Record<string, MemberHealth> }).members;
  const apiState = engine.apiAvailability();
  return {
    time: { ms: now, text: formatGoDuration(now) },
    api: apiState,
    nodes,
    pods,
    deployments: [...store.list('Deployment')].map((d) =>
      workload(d.metadata, {
        desired: d.spec.replicas,
        current: d.status.replicas,
        ready: d.status.readyReplicas,
        available: d.status.availableReplicas,
        updated: d.status.updatedReplicas,
      }),
    ),
    replicaSets: [...store.list('ReplicaSet')].map((rs) =>
      workload(rs.metadata, {
        desired: rs.spec.replicas,
        current: rs.status.replicas,
        ready: rs.status.readyReplicas,
        available: rs.status.availableReplicas,
        updated: rs.status.replicas,
      }),
    ),
    daemonSets: [...store.list('DaemonSet')].map((ds) =>
      workload(ds.metadata, {
        desired: ds.status.desiredNumberScheduled,
        current: ds.status.currentNumberScheduled,
        ready: ds.status.numberReady,
        available: ds.status.numberAvailable,
        updated: ds.status.updatedNumberScheduled,
      }),
    ),
    statefulSets: [...store.list('StatefulSet')].map((sts) =>
      workload(sts.metadata, {
        desired: sts.spec.replicas,
        current: sts.status.replicas,
        ready: sts.status.readyReplicas,
        available: sts.status.availableReplicas,
        updated: sts.status.currentReplicas,
      }),
    ),
    services: [...store.list('Service')].map((svc) => ({
      namespace: svc.metadata.namespace,
      name: svc.metadata.name,
      type: svc.spec.type,
      clusterIP: svc.spec.clusterIP,
      externalName: svc.spec.externalName ?? null,
      ports: svc.spec.ports.map((port) => `${port.port}/${port.protocol}`),
      selector: { ...svc.spec.selector },
      endpoints: serviceEndpoints(store.get('Endpoints', store.keyFor(svc))),
    })),
    pdbs: [...store.list('PodDisruptionBudget')].map((pdb) => ({
      namespace: pdb.metadata.namespace,
      name: pdb.metadata.name,
      minAvailable: pdb.spec.minAvailable ?? null,
      maxUnavailable: pdb.spec.maxUnavailable ?? null,
      ...pdb.status,
    })),
    etcd: {
      members: Object.entries(members).map(([name, health]) => ({ name, healthy: health === 'healthy' })),
      quorum: hasQuorum(members),
      quorumSize: quorumSize(Object.keys(members).length),
    },
    components: [
      { name: 'etcd', healthy: hasQuorum(members), state: stateText(engine.actorState('etcd')) },
      { name: 'kube-apiserver', healthy: apiState === 'available', state: apiState },
      { name: 'kube-controller-manager', healthy: engine.controllersLeading(), state: stateText(engine.actorState('controllerManager')) },
      {
        name: 'kube-scheduler',
        healthy: stateText(engine.actorState('scheduler')) === 'leading',
        state: stateText(engine.actorState('scheduler')),
      },
    ],
    events: eventViews(engine.api.events),
  };
}

/** The Service's Endpoints object (#29): its ready and not-ready pods, as "namespace/name". */
function serviceEndpoints(endpoints: Endpoints | undefined): ServiceView['endpoints'] {
  const view: ServiceView['endpoints'] = { ready: [], notReady: [] };
  for (const subset of endpoints?.subsets ?? []) {
    // The API server's own addresses (the kubernetes Service, #101) stand for no pod.
    for (const address of subset.addresses)
      if (address.targetRef) view.ready.push(key(address.targetRef.namespace, address.targetRef.name));
    for (const address of subset.notReadyAddresses)
      if (address.targetRef) view.notReady.push(key(address.targetRef.namespace, address.targetRef.name));
  }
  return view;
}

const eventViewCache = new WeakMap<EventLog, { version: number; views: EventView[] }>();

/** The events as views, rebuilt only when the log changed (views are built after every change). */
function eventViews(log: EventLog): EventView[] {
  const cached = eventViewCache.get(log);
  if (cached && cached.version === log.version) return cached.views;
  const views = log.list().map((event) => ({
    namespace: event.namespace,
    type: event.type,
    reason: event.reason,
    object: `${event.involvedObject.kind.toLowerCase()}/${event.involvedObject.name}`,
    message: event.message,
    source: event.source,
    firstTimestamp: event.firstTimestamp,
    lastTimestamp: event.lastTimestamp,
    count: event.count,
  }));
  eventViewCache.set(log, { version: log.version, views });
  return views;
}
