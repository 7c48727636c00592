// A fresh kubeadm-style cluster at t=0: one control-plane node (tainted, running the static
// control-plane pods), workers, kube-proxy as a DaemonSet and CoreDNS as a 2-replica Deployment.
import { clusterDnsIP } from '../proxy/dns';
import { reconcileApiServer } from '../apiserver/reconciler';
import { systemPriorityClasses } from '../apiserver/admission';
import type { NewObject } from '../apiserver/apiserver';
import { defaults } from './config';
import type { Engine } from './engine';
import { taintKeys } from '../api/taints';
import type { Container, Pod, PodTemplate, Resources } from '../api/types';
import { parseCpu, parseMemory } from '../util/quantity';
import { placeWorker } from '../node/zones';

export interface ClusterShape {
  workers: number;
  cpu: string;
  memory: string;
  etcdMembers: 1 | 3 | 5;
  /** Zones the workers are spread over (0: no topology labels). */
  zones?: number;
}

const k8sVersion = defaults.kubernetesVersion;

function container(name: string, image: string, requests: Partial<Resources> = {}): Container {
  return { name, image, requests: { cpu: requests.cpu ?? 0, memory: requests.memory ?? 0 }, ports: [] };
}

/** The control plane's static pods (kubeadm's manifests in /etc/kubernetes/manifests). */
export const staticPods: readonly { component: string; image: string; cpu: number; memory?: number }[] = [
  { component: 'etcd', image: 'registry.k8s.io/etcd:3.5.16-0', cpu: 100, memory: 100 * 1024 ** 2 },
  { component: 'kube-apiserver', image: `registry.k8s.io/kube-apiserver:${k8sVersion}`, cpu: 250 },
  { component: 'kube-controller-manager', image: `registry.k8s.io/kube-controller-manager:${k8sVersion}`, cpu: 200 },
  { component: 'kube-scheduler', image: `registry.k8s.io/kube-scheduler:${k8sVersion}`, cpu: 100 },
];

/** #20 mirror pods of the kubelet's static manifests: tolerate every NoExecute taint. */
function staticPod(engine: Engine, node: string, spec: (typeof staticPods)[number]): NewObject<'Pod'> {
  const nodeObject = engine.store.get('Node', node)!;
  return {
    kind: 'Pod',
    metadata: {
      name: `${spec.component}-${node}`,
      namespace: 'kube-system',
      labels: { component: spec.component, tier: 'control-plane' },
      annotations: { 'kubernetes.io/config.source': 'file', 'kubernetes.io/config.mirror': 'static' },
      ownerReferences: [{ kind: 'Node', name: node, uid: nodeObject.metadata.uid, controller: true }],
    },
    spec: {
      nodeName: node,
      containers: [container(spec.component, spec.image, { cpu: spec.cpu, memory: spec.memory })],
      nodeSelector: {},
      tolerations: [{ operator: 'Exists', effect: 'NoExecute' }],
      terminationGracePeriodSeconds: 30,
      volumes: [],
      hostNetwork: true,
      priorityClassName: 'system-node-critical',
    },
    status: { phase: 'Pending', conditions: [], containerStatuses: [] },
  };
}

function template(
  labels: Record<string, string>,
  spec: Partial<PodTemplate['spec']> & Pick<PodTemplate['spec'], 'containers'>,
): PodTemplate {
  return {
    metadata: { labels, annotations: {} },
    spec: { nodeSelector: {}, tolerations: [], terminationGracePeriodSeconds: 30, volumes: [], hostNetwork: false, ...spec },
  };
}

export function addNodeHardware(
  engine: Engine,
  name: string,
  hardware: { cpu: string; memory: string; role: 'control-plane' | 'worker'; region?: string; zone?: string },
): void {
  engine.state.hardware[name] = { ...hardware, index: engine.state.nextNodeIndex++ };
}

export function validNodeResources(cpu: string, memory: string): boolean {
  return (parseCpu(cpu) ?? 0) > 0 && (parseMemory(memory) ?? 0) > defaults.evictionHardMemoryBytes;
}

export function bootstrap(engine: Engine, shape: ClusterShape): void {
  const { api } = engine;
  engine.bootstrapping = true;
  for (const name of ['default', 'kube-system', 'kube-public', 'kube-node-lease']) {
    api.create<'Namespace'>({ kind: 'Namespace', metadata: { name } });
  }
  createSystemPriorityClasses(engine);
  engine.spawn('etcd', 'etcd', { memberCount: shape.etcdMembers });
  engine.spawn('controllerManager', 'controllerManager', undefined);
  engine.spawn('scheduler', 'scheduler', undefined);
  const nodeNames = [engine.controlPlaneNode, ...Array.from({ length: shape.workers }, (_, i) => `worker-${i + 1}`)];
  for (const [ordinal, name] of nodeNames.entries()) {
    const role = name === engine.controlPlaneNode ? 'control-plane' : 'worker';
    const place = role === 'worker' ? placeWorker(ordinal, shape.zones ?? 0) : {};
    addNodeHardware(engine, name, { cpu: shape.cpu, memory: shape.memory, role, ...place });
    spawnNode(engine, name, 1 + engine.rng.int(defaults.leaseRenewIntervalMs));
  }
  for (const spec of staticPods) api.create(staticPod(engine, engine.controlPlaneNode, spec));
  createAddons(engine);
  engine.settle();
  engine.bootstrapping = false;
}

/**
 * The API server's built-in PriorityClasses (#66). Their uids are fixed rather than drawn from the
 * seeded RNG, so adding them left every later draw, and so every seed's placements, as it was.
 */
function createSystemPriorityClasses(engine: Engine): void {
  const saved = engine.rng.state;
  for (const [index, pc] of systemPriorityClasses.entries()) {
    const created = engine.api.create<'PriorityClass'>({
      kind: 'PriorityClass',
      metadata: { name: pc.name },
      value: pc.value,
      globalDefault: false,
      preemptionPolicy: 'PreemptLowerPriority',
      description: pc.description,
    });
    if (created.ok) created.value.metadata.uid = `00000000-0000-4000-8000-00000000000${index + 1}`;
  }
  engine.rng.state = saved;
}

export function spawnNode(engine: Engine, name: string, heartbeatPhaseMs?: number): void {
  engine.spawn(`node/${name}`, 'node', { nodeName: name });
  engine.spawn(`kubelet/${name}`, 'kubelet', { nodeName: name, apiReachable: engine.api.canWrite(), heartbeatPhaseMs });
}

function createAddons(engine: Engine): void {
  const { api } = engine;
  reconcileApiServer(engine);
  api.create<'Service'>({
    kind: 'Service',
    metadata: {
      name: 'kube-dns',
      namespace: 'kube-system',
      labels: { 'k8s-app': 'kube-dns', 'kubernetes.io/cluster-service': 'true', 'kubernetes.io/name': 'CoreDNS' },
    },
    spec: {
      type: 'ClusterIP',
      clusterIP: clusterDnsIP,
      selector: { 'k8s-app': 'kube-dns' },
      ports: [
        { name: 'dns', port: 53, targetPort: 53, protocol: 'UDP' },
        { name: 'dns-tcp', port: 53, targetPort: 53, protocol: 'TCP' },
        { name: 'metrics', port: 9153, targetPort: 9153, protocol: 'TCP' },
      ],
    },
  });
  api.create<'DaemonSet'>({
    kind: 'DaemonSet',
    metadata: { name: 'kube-proxy', namespace: 'kube-system', labels: { 'k8s-app': 'kube-proxy' } },
    spec: {
      selector: { 'k8s-app': 'kube-proxy' },
      template: template(
        { 'k8s-app': 'kube-proxy' },
        {
          containers: [container('kube-proxy', `registry.k8s.io/kube-proxy:${k8sVersion}`)],
          tolerations: [{ operator: 'Exists' }],
          hostNetwork: true,
          priorityClassName: 'system-node-critical',
          nodeSelector: { 'kubernetes.io/os': 'linux' },
        },
      ),
    },
    status: { desiredNumberScheduled: 0, currentNumberScheduled: 0, numberReady: 0, numberAvailable: 0, updatedNumberScheduled: 0 },
  });
  api.create<'Deployment'>({
    kind: 'Deployment',
    metadata: { name: 'coredns', namespace: 'kube-system', labels: { 'k8s-app': 'kube-dns' } },
    spec: {
      replicas: 2,
      selector: { 'k8s-app': 'kube-dns' },
      template: template(
        { 'k8s-app': 'kube-dns' },
        {
          containers: [container('coredns', 'registry.k8s.io/coredns/coredns:v1.11.3', { cpu: 100, memory: 70 * 1024 ** 2 })],
          tolerations: [
            { key: 'CriticalAddonsOnly', operator: 'Exists' },
            { key: taintKeys.controlPlane, operator: 'Exists', effect: 'NoSchedule' },
          ],
          priorityClassName: 'system-cluster-critical',
          nodeSelector: { 'kubernetes.io/os': 'linux' },
        },
      ),
    },
    status: { replicas: 0, updatedReplicas: 0, readyReplicas: 0, availableReplicas: 0 },
  });
}

export function isStaticPod(pod: Pod): boolean {
  return pod.metadata.annotations['kubernetes.io/config.mirror'] !== undefined;
}
