import type { ClusterView, NodeView, PodView } from '@/lib/cluster';
import { podLabel } from '../timeline';

/**
 * What the cluster diagram and its table draw, derived from a ClusterView. Unchanged parts keep
 * their identity from one frame to the next (see shareUnchanged), so memoised SVG pieces skip
 * rendering while the clock runs.
 */

/** The phases the diagram tells apart, by colour, by shape and in words. */
export type PodPhase = 'Pending' | 'ContainerCreating' | 'Running' | 'Terminating' | 'Failed' | 'Other';

export interface DiagramPod {
  key: string;
  name: string;
  /** Short name for the chip: Deployment pods keep only their random suffix. */
  label: string;
  status: string;
  phase: PodPhase;
  owner: string;
  node: string | null;
}

/** What the API says about a node; the machine's own state (powered off, kubelet stopped) is apart. */
export type NodeHealth = 'ready' | 'not-ready' | 'cordoned';

export interface DiagramNode {
  name: string;
  role: 'control-plane' | 'worker';
  /** kubectl's STATUS word. */
  status: string;
  health: NodeHealth;
  machine: NodeView['machine'];
  kubelet: NodeView['kubelet'];
  /** A partitioned machine runs on but cannot reach the control plane (sim network partition). */
  network: NodeView['network'];
  taints: string[];
  pods: DiagramPod[];
  /** kube-system pods, drawn small: "kube-proxy", "coredns". */
  systemPods: string[];
}

export interface DiagramModel {
  api: ClusterView['api'];
  components: { name: string; healthy: boolean; state: string }[];
  etcd: { members: { name: string; healthy: boolean }[]; quorum: boolean; quorumSize: number };
  controlPlane: DiagramNode[];
  workers: DiagramNode[];
  /** Pods no node has accepted yet. */
  unscheduled: DiagramPod[];
}

const phaseByStatus: Record<string, PodPhase> = {
  Pending: 'Pending',
  ContainerCreating: 'ContainerCreating',
  PodInitializing: 'ContainerCreating',
  Running: 'Running',
  Terminating: 'Terminating',
  Error: 'Failed',
  Failed: 'Failed',
  CrashLoopBackOff: 'Failed',
  ImagePullBackOff: 'Failed',
  ErrImagePull: 'Failed',
  ErrImageNeverPull: 'Failed',
  InvalidImageName: 'Failed',
};

export const phaseOf = (status: string): PodPhase => phaseByStatus[status] ?? 'Other';

/** The machine's power, as the node's header shows it. */
export function powerWord(node: Pick<DiagramNode, 'machine'>): 'on' | 'off' | 'booting' {
  return node.machine === 'poweredOff' ? 'off' : node.machine === 'booting' ? 'booting' : 'on';
}

/**
 * A kubelet that is not running on a machine that is, or a running machine cut off from the
 * control plane: drawn as an extra line under the status.
 */
export function kubeletNote(node: Pick<DiagramNode, 'machine' | 'kubelet'> & { network?: NodeView['network'] }): string {
  if (node.machine !== 'running') return '';
  if (node.kubelet === 'stopped') return 'kubelet stopped';
  if (node.kubelet === 'starting') return 'kubelet starting';
  return node.network === 'partitioned' ? 'running, unreachable' : '';
}

/** Everything unusual about the machine, in words (labels, the table). */
export function machineNote(node: Pick<DiagramNode, 'machine' | 'kubelet'> & { network?: NodeView['network'] }): string {
  const power = powerWord(node);
  return power === 'off' ? 'powered off' : power === 'booting' ? 'booting' : kubeletNote(node);
}

function ownerOf(pod: PodView): string {
  if (!pod.ownerKind || !pod.ownerName) return 'bare pod';
  if (pod.ownerKind === 'ReplicaSet') return `Deployment ${pod.ownerName.replace(/-[a-z0-9]+$/, '')}`;
  return `${pod.ownerKind} ${pod.ownerName}`;
}

/** kube-proxy-6n2c8 -> kube-proxy, coredns-7c8668cdfb-6kvw6 -> coredns. */
const systemName = (pod: PodView) =>
  pod.ownerKind === 'ReplicaSet' ? pod.ownerName!.replace(/-[a-z0-9]+$/, '') : (pod.ownerName ?? pod.name.replace(/-control-plane$/, ''));

function healthOf(node: NodeView): NodeHealth {
  if (node.status.startsWith('NotReady') || node.status === 'Unknown') return 'not-ready';
  if (node.unschedulable) return 'cordoned';
  return 'ready';
}

const toPod = (pod: PodView): DiagramPod => ({
  key: `${pod.namespace}/${pod.name}`,
  name: pod.name,
  label: podLabel(pod),
  status: pod.status,
  phase: phaseOf(pod.status),
  owner: ownerOf(pod),
  node: pod.node,
});

export function buildDiagram(view: ClusterView): DiagramModel {
  const userPods = new Map<string, DiagramPod[]>();
  const systemPods = new Map<string, string[]>();
  const unscheduled: DiagramPod[] = [];
  for (const pod of [...view.pods].sort((a, b) => a.createdAt - b.createdAt || a.name.localeCompare(b.name))) {
    if (pod.namespace === 'kube-system') {
      if (pod.node) systemPods.set(pod.node, [...(systemPods.get(pod.node) ?? []), systemName(pod)]);
    } else if (pod.node) userPods.set(pod.node, [...(userPods.get(pod.node) ?? []), toPod(pod)]);
    else unscheduled.push(toPod(pod));
  }
  const nodes = view.nodes.map(
    (node): DiagramNode => ({
      name: node.name,
      role: node.roles.includes('control-plane') ? 'control-plane' : 'worker',
      status: node.status,
      health: healthOf(node),
      machine: node.machine,
      kubelet: node.kubelet,
      network: node.network,
      taints: node.taints.map((t) => t.text),
      pods: userPods.get(node.name) ?? [],
      systemPods: [...new Set(systemPods.get(node.name) ?? [])].sort(),
    }),
  );
  const byName = (a: DiagramNode, b: DiagramNode) => a.name.localeCompare(b.name, 'en', { numeric: true });
  return {
    api: view.api,
    components: view.components.map(({ name, healthy, state }) => ({ name, healthy, state })),
    etcd: {
      members: view.etcd.members.map(({ name, healthy }) => ({ name, healthy })),
      quorum: view.etcd.quorum,
      quorumSize: view.etcd.quorumSize,
    },
    controlPlane: nodes.filter((n) => n.role === 'control-plane').sort(byName),
    workers: nodes.filter((n) => n.role === 'worker').sort(byName),
    unscheduled,
  };
}

type Plain = Record<string, unknown>;

/**
 * Returns `next`, with every part equal to the same part of `prev` replaced by prev's object (and
 * prev itself when nothing changed). One pass; array items are matched by key or name.
 */
export function shareUnchanged<T>(prev: T | undefined, next: T): T {
  if (Object.is(prev, next) || prev === undefined) return prev ?? next;
  if (typeof next !== 'object' || next === null || typeof prev !== 'object' || prev === null) return next;
  if (Array.isArray(next)) {
    if (!Array.isArray(prev)) return next;
    const byKey = new Map(prev.map((item: unknown, i) => [keyOf(item) ?? i, item]));
    let same = prev.length === next.length;
    const out = next.map((item: unknown, i) => {
      const shared = shareUnchanged(byKey.get(keyOf(item) ?? i), item);
      if (shared !== prev[i]) same = false;
      return shared;
    });
    return (same ? prev : out) as T;
  }
  const before = prev as Plain;
  let same = Object.keys(before).length === Object.keys(next).length;
  const out: Plain = {};
  for (const [k, v] of Object.entries(next as Plain)) {
    out[k] = shareUnchanged(before[k], v);
    if (out[k] !== before[k]) same = false;
  }
  return (same ? prev : out) as T;
}

function keyOf(item: unknown): string | undefined {
  if (typeof item !== 'object' || item === null) return undefined;
  const record = item as { key?: unknown; name?: unknown };
  return typeof record.key === 'string' ? record.key : typeof record.name === 'string' ? record.name : undefined;
}
