import { clusterIPNone } from '@/lib/cluster/api/services';
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
  /** The Ready condition: a Running pod that is not Ready takes no Service traffic. */
  ready: boolean;
  restarts: number;
  /** Why a container waits or last stopped, when that is what the reader needs to see (CrashLoopBackOff, OOMKilled...). */
  trouble: string | null;
  /** The image a failed pull waits for (ErrImagePull, ImagePullBackOff), so the menu can offer to push it; else null. */
  pullImage: string | null;
  /** Created after the lab began: a replacement the reader has not seen before. */
  isNew: boolean;
  /** Simulated ms, for the age the menu shows. */
  createdAt: number;
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
  taints: string[];
  /** topology.kubernetes.io/zone, or null. */
  zone: string | null;
  /** A partitioned node keeps running but cannot reach the API server. */
  network: NodeView['network'];
  unschedulable: boolean;
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
  /** The zones the workers are in, in order (empty when no worker has one). */
  zones: string[];
  services: DiagramService[];
}

/** A Service and the pods behind it, by their chip labels. */
export interface DiagramService {
  key: string;
  name: string;
  namespace: string;
  type: string;
  /** clusterIP None: no virtual IP; its name resolves to the ready pods themselves (#119). */
  headless: boolean;
  /** An ExternalName Service's alias: it has no endpoints at all (#121). */
  externalName: string | null;
  ports: string[];
  ready: DiagramEndpoint[];
  notReady: DiagramEndpoint[];
}

export interface DiagramEndpoint {
  key: string;
  label: string;
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
  OOMKilled: 'Failed',
  CreateContainerConfigError: 'Failed',
};

/**
 * Container states worth a word on the chip, most telling first: a back-off says more than the
 * Error that caused it, and OOMKilled says why a container keeps restarting.
 */
const troubleWords = [
  'CrashLoopBackOff',
  'ImagePullBackOff',
  'ErrImagePull',
  'InvalidImageName',
  'CreateContainerConfigError',
  'OOMKilled',
  'Error',
];

function troubleOf(pod: PodView): string | null {
  const waiting = pod.waitingReason && troubleWords.includes(pod.waitingReason) ? pod.waitingReason : null;
  const last = pod.lastTermination?.reason;
  // "CrashLoopBackOff, last OOMKilled": the loop and its cause, as `kubectl describe` shows both.
  if (waiting === 'CrashLoopBackOff' && last === 'OOMKilled') return 'CrashLoopBackOff (OOMKilled)';
  if (waiting) return waiting;
  if (troubleWords.includes(pod.status)) return pod.status;
  if (last === 'OOMKilled' && pod.restarts > 0) return 'OOMKilled';
  return null;
}

/** The waiting reasons a push to the registry can end: the kubelet retries the pull after its back-off. */
const pullFailures = new Set(['ErrImagePull', 'ImagePullBackOff']);

export const phaseOf = (status: string): PodPhase => phaseByStatus[status] ?? 'Other';

/** The machine's power, as the node's header shows it. */
export function powerWord(node: Pick<DiagramNode, 'machine'>): 'on' | 'off' | 'booting' {
  return node.machine === 'poweredOff' ? 'off' : node.machine === 'booting' ? 'booting' : 'on';
}

/** Restarts (as kubectl counts them) and a Running pod that takes no traffic, in words. */
function podNotes(pod: Pick<DiagramPod, 'restarts' | 'ready' | 'phase'>): string[] {
  const notes: string[] = [];
  if (pod.restarts > 0) notes.push(pod.restarts === 1 ? '1 restart' : `${pod.restarts} restarts`);
  if (pod.phase === 'Running' && !pod.ready) notes.push('not ready');
  return notes;
}

/** The chip's second line, when there is more to say than the phase: "CrashLoopBackOff · 3 restarts". */
export function podDetail(pod: Pick<DiagramPod, 'trouble' | 'restarts' | 'ready' | 'phase'>): string {
  return [...(pod.trouble ? [pod.trouble] : []), ...podNotes(pod)].join(' · ');
}

/** "CrashLoopBackOff, 3 restarts, new": everything the chip shows about a pod, in words. */
export function podWords(pod: DiagramPod): string {
  const words = [pod.status, ...(pod.trouble && pod.trouble !== pod.status ? [pod.trouble] : []), ...podNotes(pod)];
  return [...words, ...(pod.isNew ? ['new'] : [])].join(', ');
}

/** "web-8pttb: CrashLoopBackOff, 3 restarts, new". */
export const podSummary = (pod: DiagramPod) => `${pod.name}: ${podWords(pod)}`;

type MachineSide = Pick<DiagramNode, 'machine' | 'kubelet'> & { network?: DiagramNode['network'] };

/**
 * What the API cannot see about a running machine: a stopped kubelet, or a network partition (the
 * node runs its pods but the control plane hears nothing). Drawn as an extra line under the status.
 */
export function kubeletNote(node: MachineSide): string {
  if (node.machine !== 'running') return '';
  // A stopped kubelet says so first: that is the line a reader needs.
  if (node.kubelet === 'stopped') return 'kubelet stopped';
  if (node.kubelet === 'starting') return 'kubelet starting';
  return node.network === 'partitioned' ? 'running, unreachable' : '';
}

/** Everything unusual about the machine, in words (labels, the table). */
export function machineNote(node: MachineSide): string {
  const power = powerWord(node);
  return power === 'off' ? 'powered off' : power === 'booting' ? 'booting' : kubeletNote(node);
}

function ownerOf(pod: PodView): string {
  if (!pod.ownerKind || !pod.ownerName) return 'bare pod';
  if (pod.ownerKind === 'ReplicaSet') return `Deployment ${pod.ownerName.replace(/-[a-z0-9]+$/, '')}`;
  return `${pod.ownerKind} ${pod.ownerName}`;
}

/** The model's state names in the words kubectl and the API use: noQuorum -> no-quorum. */
const stateWord = (state: string) => state.replace(/[a-z][A-Z]/g, (pair) => `${pair[0]}-${pair[1].toLowerCase()}`);

/** kube-proxy-6n2c8 -> kube-proxy, coredns-7c8668cdfb-6kvw6 -> coredns. */
const systemName = (pod: PodView) =>
  pod.ownerKind === 'ReplicaSet' ? pod.ownerName!.replace(/-[a-z0-9]+$/, '') : (pod.ownerName ?? pod.name.replace(/-control-plane$/, ''));

function healthOf(node: NodeView): NodeHealth {
  if (node.status.startsWith('NotReady') || node.status === 'Unknown') return 'not-ready';
  if (node.unschedulable) return 'cordoned';
  return 'ready';
}

const toPod = (pod: PodView, startedAt: number): DiagramPod => ({
  key: `${pod.namespace}/${pod.name}`,
  name: pod.name,
  label: podLabel(pod),
  status: pod.status,
  phase: phaseOf(pod.status),
  owner: ownerOf(pod),
  node: pod.node,
  ready: pod.ready,
  restarts: pod.restarts,
  trouble: troubleOf(pod),
  pullImage: pod.waitingReason && pullFailures.has(pod.waitingReason) ? pod.waitingImage : null,
  isNew: pod.createdAt > startedAt,
  createdAt: pod.createdAt,
});

/** The Services a learner made (not the API server's own `kubernetes` Service, nor kube-system's). */
function servicesOf(view: ClusterView, pods: ReadonlyMap<string, DiagramPod>): DiagramService[] {
  const endpoint = (key: string): DiagramEndpoint => ({ key, label: pods.get(key)?.label ?? key.slice(key.indexOf('/') + 1) });
  return view.services
    .filter((svc) => svc.namespace !== 'kube-system' && !(svc.namespace === 'default' && svc.name === 'kubernetes'))
    .map((svc) => ({
      key: `${svc.namespace}/${svc.name}`,
      name: svc.name,
      namespace: svc.namespace,
      type: svc.type,
      headless: svc.clusterIP === clusterIPNone,
      externalName: svc.externalName,
      ports: [...svc.ports],
      ready: svc.endpoints.ready.map(endpoint),
      notReady: svc.endpoints.notReady.map(endpoint),
    }))
    .sort((a, b) => a.key.localeCompare(b.key));
}

/**
 * `startedAt` is when the lab began (simulated ms): pods created after it are marked new, so
 * replacements stand out from the pods the reader started with.
 */
export function buildDiagram(view: ClusterView, startedAt = Number.POSITIVE_INFINITY): DiagramModel {
  const userPods = new Map<string, DiagramPod[]>();
  const systemPods = new Map<string, string[]>();
  const unscheduled: DiagramPod[] = [];
  const byKey = new Map<string, DiagramPod>();
  for (const pod of [...view.pods].sort((a, b) => a.createdAt - b.createdAt || a.name.localeCompare(b.name))) {
    if (pod.namespace === 'kube-system') {
      // An evicted system pod on a dead node stays Terminating for ever: the summary drops it.
      if (pod.node && pod.deletionTimestamp === null) systemPods.set(pod.node, [...(systemPods.get(pod.node) ?? []), systemName(pod)]);
      continue;
    }
    const chip = toPod(pod, startedAt);
    byKey.set(chip.key, chip);
    if (pod.node) userPods.set(pod.node, [...(userPods.get(pod.node) ?? []), chip]);
    else unscheduled.push(chip);
  }
  const nodes = view.nodes.map(
    (node): DiagramNode => ({
      name: node.name,
      role: node.roles.includes('control-plane') ? 'control-plane' : 'worker',
      status: node.status,
      health: healthOf(node),
      machine: node.machine,
      kubelet: node.kubelet,
      taints: node.taints.map((t) => t.text),
      zone: node.zone ?? null,
      network: node.network ?? 'connected',
      unschedulable: node.unschedulable,
      pods: userPods.get(node.name) ?? [],
      systemPods: [...new Set(systemPods.get(node.name) ?? [])].sort(),
    }),
  );
  const byName = (a: DiagramNode, b: DiagramNode) => a.name.localeCompare(b.name, 'en', { numeric: true });
  const workers = nodes.filter((n) => n.role === 'worker').sort(byName);
  const zones = [...new Set(workers.map((n) => n.zone).filter((z): z is string => z !== null))].sort();
  // Zoned workers are drawn zone by zone, so they are listed that way too (table, keyboard order).
  const zoneRank = (n: DiagramNode) => (n.zone === null ? zones.length : zones.indexOf(n.zone));
  if (zones.length) workers.sort((a, b) => zoneRank(a) - zoneRank(b) || byName(a, b));
  return {
    api: view.api,
    components: view.components.map(({ name, healthy, state }) => ({ name, healthy, state: stateWord(state) })),
    etcd: {
      members: view.etcd.members.map(({ name, healthy }) => ({ name, healthy })),
      quorum: view.etcd.quorum,
      quorumSize: view.etcd.quorumSize,
    },
    controlPlane: nodes.filter((n) => n.role === 'control-plane').sort(byName),
    workers,
    unscheduled,
    zones,
    services: servicesOf(view, byKey),
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
