import type { ClusterView, PodView } from '@/lib/cluster';
import { countHolds, fillTemplate, globMatches, normaliseCommand, taintMatches, type Count } from './match';
import { labErrors } from './errors';
import type { LabCheck } from './schema';

/** A command the reader ran (or a control ran for them), as the command checks see it. */
export interface TranscriptEntry {
  command: string;
  exitCode: number;
  /** The API server's state when the command ran. */
  api: ClusterView['api'];
}

/** What a check can look at: the cluster as a plain view, and what the reader has run so far. */
export interface CheckInput {
  view: ClusterView;
  transcript: readonly TranscriptEntry[];
  /** The checks (by index) that have passed at some earlier moment: what `after` looks at. */
  reached?: ReadonlySet<number>;
}

export interface CheckResult {
  label: string;
  passed: boolean;
  /** The failure message with live numbers filled in; empty when the check passes. */
  reason: string;
}

type Of<K extends LabCheck['check']> = Extract<LabCheck, { check: K }>;
type Outcome = { passed: boolean; values: Record<string, string | number> };

const listOrNone = (items: readonly string[]) => (items.length ? items.join(', ') : 'none');
const holds = (count: Count | undefined, actual: number) => count === undefined || countHolds(count, actual);

/** The Deployment a ReplicaSet belongs to, by name: <deployment>-<pod-template-hash>. */
const deploymentOfReplicaSet = (replicaSet: string) => replicaSet.replace(/-[a-z0-9]+$/, '');

function ownedBy(pod: PodView, owner: string): boolean {
  if (owner === 'none') return pod.ownerKind === null;
  const [kind, name] = owner.split('/');
  if (kind === 'deployment')
    return pod.ownerKind === 'ReplicaSet' && pod.ownerName !== null && deploymentOfReplicaSet(pod.ownerName) === name;
  return pod.ownerKind?.toLowerCase() === kind && pod.ownerName === name;
}

function nodeOutcome(check: Of<'node'>, view: ClusterView): Outcome {
  const node = view.nodes.find((n) => n.name === check.node);
  if (!node)
    return { passed: false, values: { name: check.node, status: 'missing', taints: 'none', machine: 'missing', kubelet: 'missing' } };
  const passed =
    (check.status === undefined || node.status === check.status) &&
    (check.schedulable === undefined || node.unschedulable !== check.schedulable) &&
    (check.taint === undefined || node.taints.some((t) => taintMatches(check.taint!, t))) &&
    (check.noTaint === undefined || !node.taints.some((t) => taintMatches(check.noTaint!, t))) &&
    (check.machine === undefined || node.machine === check.machine) &&
    (check.kubelet === undefined || node.kubelet === check.kubelet);
  return {
    passed,
    values: {
      name: node.name,
      status: node.status,
      taints: listOrNone(node.taints.map((t) => t.text)),
      machine: node.machine,
      kubelet: node.kubelet,
    },
  };
}

function podsOutcome(check: Of<'pods'>, view: ClusterView): Outcome {
  // {statuses} and {nodes} describe the pods the check is about (by owner and name), wherever
  // they are and whatever their state, so a failure can say "report's pod is Pending".
  const about = view.pods.filter(
    (pod) =>
      pod.namespace === check.namespace &&
      (check.owner === undefined || ownedBy(pod, check.owner)) &&
      (check.name === undefined || globMatches(check.name, pod.name)),
  );
  const counted = about.filter(
    (pod) =>
      (check.node === undefined || pod.node === check.node) &&
      (check.notOnNode === undefined || pod.node !== check.notOnNode) &&
      (check.status === undefined || check.status.includes(pod.status)) &&
      (check.notStatus === undefined || !check.notStatus.includes(pod.status)),
  );
  return {
    passed: countHolds(check.count, counted.length),
    values: {
      count: counted.length,
      pods: listOrNone(counted.map((p) => p.name)),
      nodes: listOrNone([...new Set(about.map((p) => p.node ?? 'no node'))]),
      statuses: listOrNone([...new Set(about.map((p) => p.status))]),
    },
  };
}

const workloadLists = {
  deployment: 'deployments',
  statefulset: 'statefulSets',
  daemonset: 'daemonSets',
  replicaset: 'replicaSets',
} as const;

function workloadOutcome(check: Of<'workload'>, view: ClusterView): Outcome {
  const [kind, name] = check.workload.split('/') as [keyof typeof workloadLists, string];
  const found = view[workloadLists[kind]].find((w) => w.namespace === check.namespace && w.name === name);
  const w = found ?? { desired: 0, current: 0, ready: 0, available: 0, updated: 0 };
  const passed =
    found !== undefined &&
    holds(check.desired, w.desired) &&
    holds(check.current, w.current) &&
    holds(check.ready, w.ready) &&
    holds(check.available, w.available) &&
    holds(check.updated, w.updated);
  return { passed, values: { name, desired: w.desired, current: w.current, ready: w.ready, available: w.available, updated: w.updated } };
}

function etcdOutcome(check: Of<'etcd'>, view: ClusterView): Outcome {
  const healthy = view.etcd.members.filter((m) => m.healthy).length;
  const passed = (check.quorum === undefined || view.etcd.quorum === check.quorum) && holds(check.healthyMembers, healthy);
  return { passed, values: { healthy, members: view.etcd.members.length, quorumSize: view.etcd.quorumSize } };
}

function componentOutcome(check: Of<'component'>, view: ClusterView): Outcome {
  const component = view.components.find((c) => c.name === check.component);
  return {
    passed: component !== undefined && component.healthy === check.healthy,
    values: { name: check.component, state: component?.state ?? 'missing' },
  };
}

function eventOutcome(check: Of<'event'>, view: ClusterView): Outcome {
  const events = view.events.filter(
    (e) =>
      e.reason === check.reason &&
      (check.object === undefined || globMatches(check.object, e.object)) &&
      (check.type === undefined || e.type === check.type) &&
      (check.message === undefined || e.message.includes(check.message)),
  );
  const total = events.reduce((n, e) => n + e.count, 0);
  return { passed: countHolds(check.count, total), values: { count: total, last: events.at(-1)?.message ?? 'none' } };
}

function commandOutcome(check: Of<'command'>, transcript: readonly TranscriptEntry[]): Outcome {
  const wanted = normaliseCommand(check.command);
  const runs = transcript.filter(
    (entry) =>
      globMatches(wanted, normaliseCommand(entry.command)) &&
      (check.outcome === 'any' || (check.outcome === 'succeeded') === (entry.exitCode === 0)) &&
      (check.whenApi === undefined || entry.api === check.whenApi),
  );
  return { passed: countHolds(check.count, runs.length), values: { count: runs.length } };
}

function outcomeOf(check: LabCheck, { view, transcript }: CheckInput): Outcome {
  switch (check.check) {
    case 'node':
      return nodeOutcome(check, view);
    case 'pods':
      return podsOutcome(check, view);
    case 'workload':
      return workloadOutcome(check, view);
    case 'etcd':
      return etcdOutcome(check, view);
    case 'component':
      return componentOutcome(check, view);
    case 'api':
      return { passed: view.api === check.api, values: { api: view.api } };
    case 'event':
      return eventOutcome(check, view);
    case 'command':
      return commandOutcome(check, transcript);
  }
}

export function evaluateCheck(check: LabCheck, input: CheckInput): CheckResult {
  const { passed, values } = outcomeOf(check, input);
  return { label: check.label, passed, reason: passed ? '' : fillTemplate(check.failure, values) };
}

/**
 * Every check in order. A check with `after: N` ("worker-1 Ready again") counts only once check N
 * has passed, now or at an earlier moment, so it does not show green before anything happened.
 */
export function evaluateChecks(checks: readonly LabCheck[], input: CheckInput): CheckResult[] {
  const results: CheckResult[] = [];
  for (const check of checks) {
    const result = evaluateCheck(check, input);
    const gate = check.after;
    const gateReached = gate === undefined || input.reached?.has(gate) === true || results[gate]?.passed === true;
    results.push(result.passed && !gateReached ? { ...result, passed: false, reason: labErrors.notYet(checks[gate!].label) } : result);
  }
  return results;
}

/** The checks that have passed by now: the earlier ones plus those passing in `results`. */
export function reachedChecks(reached: readonly number[], results: readonly CheckResult[]): number[] {
  const now = results.flatMap((r, i) => (r.passed && !reached.includes(i) ? [i] : []));
  return now.length ? [...reached, ...now].sort((a, b) => a - b) : (reached as number[]);
}

export const allPassed = (results: readonly CheckResult[]) => results.length > 0 && results.every((r) => r.passed);
