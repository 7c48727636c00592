import type { ClusterView, EventView, PodView } from '@/lib/cluster';
import { labPolicy } from './policy';
import { explainEvent, type EventWhy } from './why';

/**
 * The timeline of a lab: what changed between two views of the cluster, said in a few words
 * (node NotReady, taint added, pod Terminating, pod scheduled...), grouped into entries the reader
 * can rewind to. Pure: snapshots are opaque values the session hands in.
 */

export type MarkKind = 'action' | 'node' | 'taint' | 'pod' | 'scheduling' | 'etcd' | 'api' | 'service' | 'event';
export type MarkTone = 'neutral' | 'good' | 'warn' | 'bad';

export interface TimelineMark {
  kind: MarkKind;
  tone: MarkTone;
  text: string;
  /** The events behind this change: which component acted, and why. */
  whys?: EventWhy[];
}

export interface TimelineEntry<S> {
  id: number;
  /** Simulated ms. */
  at: number;
  marks: TimelineMark[];
  /** The cluster right after these changes: where a rewind lands. */
  snapshot: S;
}

const systemNamespace = 'kube-system';
const evictionTaints = new Set(['node.kubernetes.io/unreachable', 'node.kubernetes.io/not-ready']);
const shortTaint = (text: string) => text.replace(/^node\.kubernetes\.io\//, '');

/** How a pod is named in the timeline: Deployment pods keep only their random suffix ("web-8pttb"). */
export function podLabel(pod: Pick<PodView, 'name' | 'ownerKind' | 'ownerName'>): string {
  if (pod.ownerKind === 'ReplicaSet' && pod.ownerName && pod.name.startsWith(`${pod.ownerName}-`)) {
    const deployment = pod.ownerName.replace(/-[a-z0-9]+$/, '');
    return `${deployment}-${pod.name.slice(pod.ownerName.length + 1)}`;
  }
  return pod.name;
}

const nodeTone = (status: string): MarkTone =>
  status.startsWith('NotReady') ? 'bad' : status.includes('SchedulingDisabled') ? 'warn' : 'good';

function nodeMarks(prev: ClusterView, next: ClusterView): TimelineMark[] {
  const marks: TimelineMark[] = [];
  const before = new Map(prev.nodes.map((n) => [n.name, n]));
  for (const node of next.nodes) {
    const old = before.get(node.name);
    if (!old) {
      marks.push({ kind: 'node', tone: 'good', text: `${node.name} joined (${node.status})` });
      continue;
    }
    if (old.status !== node.status) marks.push({ kind: 'node', tone: nodeTone(node.status), text: `${node.name} ${node.status}` });
    if ((old.network ?? 'connected') !== (node.network ?? 'connected'))
      marks.push(
        node.network === 'partitioned'
          ? { kind: 'node', tone: 'bad', text: `${node.name} cut off from the network (running, unreachable)` }
          : { kind: 'node', tone: 'good', text: `${node.name} reconnected` },
      );
    const oldTaints = new Set(old.taints.map((t) => t.text));
    const newTaints = new Set(node.taints.map((t) => t.text));
    for (const t of newTaints)
      if (!oldTaints.has(t)) marks.push({ kind: 'taint', tone: 'warn', text: `${node.name} tainted ${shortTaint(t)}` });
    for (const t of oldTaints)
      if (!newTaints.has(t)) marks.push({ kind: 'taint', tone: 'good', text: `${node.name} taint removed: ${shortTaint(t)}` });
  }
  for (const name of before.keys())
    if (!next.nodes.some((n) => n.name === name)) marks.push({ kind: 'node', tone: 'bad', text: `${name} deleted` });
  return marks;
}

/** Container states the timeline names when a pod reaches them. */
const troubleStatuses = new Set([
  'CrashLoopBackOff',
  'ImagePullBackOff',
  'ErrImagePull',
  'OOMKilled',
  'Error',
  'Completed',
  'InvalidImageName',
]);

/** Pod changes of one kind are grouped: "web-8pttb, web-kv5wc Running" rather than two marks. */
function podMarks(prev: ClusterView, next: ClusterView): TimelineMark[] {
  const groups = new Map<string, { tone: MarkTone; names: string[] }>();
  const add = (key: string, tone: MarkTone, name: string) => {
    const group = groups.get(key) ?? { tone, names: [] };
    group.names.push(name);
    groups.set(key, group);
  };
  const before = new Map(prev.pods.filter((p) => p.namespace !== systemNamespace).map((p) => [`${p.namespace}/${p.name}`, p]));
  // A pod that starts terminating on a node tainted NoExecute by the node lifecycle controller was evicted.
  const evicting = new Set(
    next.nodes.filter((n) => n.taints.some((t) => evictionTaints.has(t.key) && t.effect === 'NoExecute')).map((n) => n.name),
  );
  const seen = new Set<string>();
  for (const pod of next.pods) {
    if (pod.namespace === systemNamespace) continue;
    const key = `${pod.namespace}/${pod.name}`;
    seen.add(key);
    const old = before.get(key);
    const label = podLabel(pod);
    if (!old) add(pod.node ? `created on ${pod.node}` : 'created (Pending)', 'neutral', label);
    else if (!old.node && pod.node) add(`scheduled to ${pod.node}`, 'neutral', label);
    if (old && old.status !== pod.status) {
      if (pod.status === 'Running') add('Running', 'good', label);
      else if (pod.status === 'Terminating')
        add(pod.node && evicting.has(pod.node) ? 'evicted (Terminating)' : 'Terminating', 'bad', label);
      else if (pod.status === 'ContainerCreating') add('ContainerCreating (pulling the image)', 'neutral', label);
      else if (troubleStatuses.has(pod.status)) add(pod.status, pod.status === 'Completed' ? 'neutral' : 'bad', label);
    }
    if (old && pod.restarts > old.restarts)
      add(
        pod.lastTermination ? `restarted (last exit: ${pod.lastTermination.reason}, code ${pod.lastTermination.exitCode})` : 'restarted',
        'warn',
        label,
      );
    if (old && old.status === 'Running' && pod.status === 'Running' && old.ready !== pod.ready)
      add(pod.ready ? 'Ready again' : 'not ready (out of its Services)', pod.ready ? 'good' : 'warn', label);
  }
  for (const [key, pod] of before) if (!seen.has(key)) add('deleted', 'bad', podLabel(pod));
  return [...groups].map(([what, { tone, names }]) => ({ kind: 'pod', tone, text: `${names.join(', ')} ${what}` }));
}

/** A FailedScheduling warning the first time it is seen for a pod, with the scheduler's reasons. */
function schedulingMarks(prev: ClusterView, next: ClusterView): TimelineMark[] {
  const warned = new Set(prev.events.filter((e) => e.reason === 'FailedScheduling').map((e) => e.object));
  const marks: TimelineMark[] = [];
  for (const event of next.events) {
    if (event.reason !== 'FailedScheduling' || warned.has(event.object)) continue;
    warned.add(event.object);
    const pod = next.pods.find((p) => `pod/${p.name}` === event.object);
    // The scheduler's reasons, without its note on preemption: "0/4 nodes are available: 3 Insufficient cpu."
    const reasons = event.message.replace(/\s*preemption:.*$/, '');
    marks.push({
      kind: 'scheduling',
      tone: 'warn',
      text: `${pod ? podLabel(pod) : event.object.replace(/^pod\//, '')} FailedScheduling: ${reasons}`,
      whys: [explainEvent(event, next)],
    });
  }
  return marks;
}

/** Pods joining or leaving a Service's ready endpoints: where its traffic goes. */
function serviceMarks(prev: ClusterView, next: ClusterView): TimelineMark[] {
  const marks: TimelineMark[] = [];
  const before = new Map(prev.services.map((s) => [`${s.namespace}/${s.name}`, s]));
  const label = (view: ClusterView, key: string) => {
    const pod = view.pods.find((p) => `${p.namespace}/${p.name}` === key);
    return pod ? podLabel(pod) : key.slice(key.indexOf('/') + 1);
  };
  for (const svc of next.services) {
    const old = before.get(`${svc.namespace}/${svc.name}`);
    if (!old || !svc.endpoints || !old.endpoints) continue;
    const was = new Set(old.endpoints.ready);
    const is = new Set(svc.endpoints.ready);
    const left = old.endpoints.ready.filter((k) => !is.has(k)).map((k) => label(prev, k));
    const joined = svc.endpoints.ready.filter((k) => !was.has(k)).map((k) => label(next, k));
    if (left.length) marks.push({ kind: 'service', tone: 'warn', text: `svc/${svc.name} stops sending traffic to ${left.join(', ')}` });
    if (joined.length) marks.push({ kind: 'service', tone: 'good', text: `svc/${svc.name} sends traffic to ${joined.join(', ')}` });
    if (was.size > 0 && is.size === 0) marks.push({ kind: 'service', tone: 'bad', text: `svc/${svc.name} has no ready endpoints` });
  }
  return marks;
}

/**
 * Events worth a line of their own: the kubelet's back-offs, probe failures, kills and pulls,
 * preemption, and a Deployment resizing its ReplicaSets. Each says in a few words what happened.
 */
const eventWords: Record<string, { tone: MarkTone; words: (event: EventView) => string }> = {
  BackOff: {
    tone: 'bad',
    words: (e) =>
      /pull/i.test(e.message) ? 'back-off pulling the image (ImagePullBackOff)' : 'back-off restarting the container (CrashLoopBackOff)',
  },
  Unhealthy: { tone: 'warn', words: (e) => e.message.split(':')[0] ?? 'probe failed' },
  Killing: {
    tone: 'warn',
    words: (e) => (/liveness|startup/i.test(e.message) ? 'killed: failed its probe, will restart' : 'container stopped'),
  },
  Failed: { tone: 'bad', words: (e) => `Failed: ${e.message.length > 80 ? `${e.message.slice(0, 79)}…` : e.message}` },
  Pulling: { tone: 'neutral', words: (e) => e.message.replace(/^Pulling image/, 'pulling image') },
  Preempted: { tone: 'bad', words: () => 'preempted by a pod of higher priority' },
  ScalingReplicaSet: { tone: 'neutral', words: (e) => e.message.replace(/^Scaled/, 'scaled') },
  OOMKilled: { tone: 'bad', words: () => 'OOMKilled: over its memory limit' },
};

const eventKey = (e: EventView) => `${e.namespace}|${e.object}|${e.reason}|${e.message}`;

/** Events recorded (or counted again) between two views. */
function newEvents(prev: ClusterView, next: ClusterView): EventView[] {
  if (prev.events === next.events) return [];
  const counts = new Map(prev.events.map((e) => [eventKey(e), e.count]));
  return next.events.filter((e) => {
    const seen = counts.get(eventKey(e));
    return seen === undefined || seen < e.count;
  });
}

/**
 * The other new events explain marks already made: "worker-3 NotReady" gets the NodeNotReady
 * event, "web-8pttb evicted" the taint eviction, by the object's name in the mark's text.
 */
function attachWhys(marks: TimelineMark[], events: readonly EventView[], next: ClusterView): void {
  for (const event of events) {
    if (Object.hasOwn(eventWords, event.reason) || event.reason === 'FailedScheduling') continue;
    const [kind, name] = event.object.split('/');
    const pod = kind === 'pod' ? next.pods.find((p) => p.name === name && p.namespace === event.namespace) : undefined;
    const who = pod ? podLabel(pod) : name;
    const mark = marks.find((m) => m.kind !== 'action' && m.text.split(/[ ,]+/).includes(who));
    if (!mark) continue;
    const why = explainEvent(event, next);
    if (!mark.whys) mark.whys = [why];
    else if (!mark.whys.some((w) => w.reason === why.reason)) mark.whys.push(why);
  }
}

function eventMarks(events: readonly EventView[], next: ClusterView): TimelineMark[] {
  const marks: TimelineMark[] = [];
  for (const event of events) {
    const words = Object.hasOwn(eventWords, event.reason) ? eventWords[event.reason] : undefined;
    if (!words || event.namespace === systemNamespace) continue;
    const [kind, name] = event.object.split('/');
    const pod = kind === 'pod' ? next.pods.find((p) => p.name === name && p.namespace === event.namespace) : undefined;
    const who = pod ? podLabel(pod) : event.object;
    marks.push({ kind: 'event', tone: words.tone, text: `${who} ${words.words(event)}`, whys: [explainEvent(event, next)] });
  }
  return marks;
}

function controlPlaneMarks(prev: ClusterView, next: ClusterView): TimelineMark[] {
  const marks: TimelineMark[] = [];
  const before = new Map(prev.etcd.members.map((m) => [m.name, m.healthy]));
  for (const member of next.etcd.members) {
    if (before.get(member.name) !== member.healthy)
      marks.push({ kind: 'etcd', tone: member.healthy ? 'good' : 'bad', text: `${member.name} ${member.healthy ? 'healthy' : 'failed'}` });
  }
  if (prev.etcd.quorum !== next.etcd.quorum)
    marks.push({
      kind: 'etcd',
      tone: next.etcd.quorum ? 'good' : 'bad',
      text: next.etcd.quorum ? 'etcd quorum restored' : 'etcd lost quorum',
    });
  if (prev.api !== next.api) {
    const text = {
      available: 'API server accepts writes again',
      'no-quorum': 'API server no-quorum: reads and writes fail (etcd lost quorum)',
      unreachable: 'API server unreachable',
    }[next.api];
    marks.push({ kind: 'api', tone: next.api === 'available' ? 'good' : 'bad', text });
  }
  return marks;
}

/** What changed from one view to the next, in reading order: control plane, nodes, scheduling, pods, events, Services. */
export function diffViews(prev: ClusterView, next: ClusterView): TimelineMark[] {
  if (prev === next) return [];
  const events = newEvents(prev, next);
  const marks = [
    ...controlPlaneMarks(prev, next),
    ...nodeMarks(prev, next),
    ...schedulingMarks(prev, next),
    ...podMarks(prev, next),
    ...eventMarks(events, next),
    ...serviceMarks(prev, next),
  ];
  attachWhys(marks, events, next);
  return marks;
}

export interface TimelineUpdate<S> {
  at: number;
  marks: TimelineMark[];
  snapshot: () => S;
  /** Actions (a command, a click) always start their own entry. */
  isAction?: boolean;
}

/**
 * Adds changes to the timeline: an entry close in time to the last one (and not after an action)
 * absorbs them and takes the newer snapshot; the oldest entries beyond the cap go, except the start.
 */
export function recordOnTimeline<S>(timeline: readonly TimelineEntry<S>[], update: TimelineUpdate<S>, nextId: number): TimelineEntry<S>[] {
  if (update.marks.length === 0) return timeline as TimelineEntry<S>[];
  const last = timeline.at(-1);
  const merge =
    last !== undefined &&
    timeline.length > 1 &&
    !update.isAction &&
    update.at - last.at < labPolicy.timelineMergeMs &&
    last.marks.every((m) => m.kind !== 'action');
  const entries = merge
    ? [...timeline.slice(0, -1), { ...last, marks: [...last.marks, ...update.marks], snapshot: update.snapshot() }]
    : [...timeline, { id: nextId, at: update.at, marks: update.marks, snapshot: update.snapshot() }];
  const excess = entries.length - labPolicy.timelineMaxEntries;
  return excess > 0 ? [entries[0], ...entries.slice(1 + excess)] : entries;
}
