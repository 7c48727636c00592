// The scheduler's cache: per node, what the pods bound to it request. Kept up to date from pod
// watch events so a scheduling decision never scans all pods.
import { defaults } from '../engine/config';
import type { Pod, Resources } from '../api/types';
import { type CountedPod, labelPair, SiblingCounts } from './siblingcounts';
import { SpreadSelectorIndex } from './spreadselectors';

export interface NodeUsage {
  requested: Resources;
  /** Requests with kube-scheduler's non-zero defaults, used for scoring. */
  nonZero: Resources;
  pods: number;
}

/** What a bound pod adds to its node, as plain numbers (one small object per pod). */
interface Assignment extends CountedPod {
  node: string;
  cpu: number;
  memory: number;
  nonZeroCpu: number;
  nonZeroMemory: number;
  /** The label pairs ("key=value") the pod is indexed under. */
  labels: string[];
}

/** A pending pod nominated to a node by preemption: its requests are held there for it. */
export interface Nomination {
  node: string;
  cpu: number;
  memory: number;
  priority: number;
}

function labelPairs(labels: Record<string, string>): string[] {
  const pairs: string[] = [];
  for (const key in labels) pairs.push(labelPair(key, labels[key]));
  return pairs;
}

function samePairs(pairs: string[], labels: Record<string, string>): boolean {
  let count = 0;
  for (const key in labels) {
    if (pairs[count] !== labelPair(key, labels[key])) return false;
    count++;
  }
  return count === pairs.length;
}

/** Whether a pod carries inter-pod (anti-)affinity terms other pods must respect (symmetry). */
export function hasPodAffinity(pod: Pod): boolean {
  const affinity = pod.spec.affinity;
  return affinity?.podAffinity !== undefined || affinity?.podAntiAffinity !== undefined;
}

export function podPriority(pod: Pod): number {
  return pod.spec.priority ?? 0;
}

export function podRequests(pod: Pod): { requested: Resources; nonZero: Resources } {
  const requested = { cpu: 0, memory: 0 };
  const nonZero = { cpu: 0, memory: 0 };
  for (const container of pod.spec.containers) {
    requested.cpu += container.requests.cpu;
    requested.memory += container.requests.memory;
    nonZero.cpu += container.requests.cpu || defaults.defaultScoringCpuMilli;
    nonZero.memory += container.requests.memory || defaults.defaultScoringMemoryBytes;
  }
  return { requested, nonZero };
}

export class SchedulerCache {
  private usage = new Map<string, NodeUsage>();
  private assignments = new Map<string, Assignment>();
  /** Bound pods' keys per label pair: the pods a selector can match, without scanning them all. */
  private byLabel = new Map<string, Set<string>>();
  /** Bound pods with pod (anti-)affinity terms. */
  readonly withAffinity = new Set<string>();
  readonly nominations = new Map<string, Nomination>();
  /**
   * The system default spreading selector per pod namespace and labels, dropped whenever a
   * Service, ReplicaSet or StatefulSet changes (see podtopologyspread defaultSelector).
   */
  readonly defaultSelectors = new Map<string, Record<string, string> | null>();
  /** The selectors behind defaultSelectors, found by label pair (kept in step by the watch). */
  readonly spreadSelectors = new SpreadSelectorIndex();
  /** Spreading's per-node sibling counts, kept in step with the assignments below. */
  readonly siblings = new SiblingCounts();
  /** Told whenever a node's usage changed (the engine keeps its NodeTable in step). */
  onUsageChanged: ((node: string, usage: NodeUsage) => void) | undefined;

  usageOf(node: string): NodeUsage {
    let usage = this.usage.get(node);
    if (!usage) this.usage.set(node, (usage = { requested: { cpu: 0, memory: 0 }, nonZero: { cpu: 0, memory: 0 }, pods: 0 }));
    return usage;
  }

  /** Bound pods carrying this label (their keys), if any. */
  podsWithLabel(key: string, value: string): ReadonlySet<string> | undefined {
    return this.byLabel.get(labelPair(key, value));
  }

  boundPods(): Iterable<string> {
    return this.assignments.keys();
  }

  nodeOf(key: string): string | undefined {
    return this.assignments.get(key)?.node;
  }

  /** Called for every pod watch event: a pod occupies its node until the object is gone. */
  observePod(key: string, pod: Pod | undefined): void {
    this.observeNomination(key, pod);
    const previous = this.assignments.get(key);
    const node = pod?.spec.nodeName;
    if (previous && previous.node === node && samePairs(previous.labels, pod!.metadata.labels)) {
      // A pod marked for deletion still holds its node but no longer counts as a sibling.
      const terminating = pod!.metadata.deletionTimestamp !== undefined;
      if (terminating !== previous.terminating) {
        this.siblings.observe(previous, -1);
        previous.terminating = terminating;
        this.siblings.observe(previous, 1);
      }
      return;
    }
    if (previous) {
      this.siblings.observe(previous, -1);
      for (const pair of previous.labels) {
        const set = this.byLabel.get(pair);
        set?.delete(key);
        if (set?.size === 0) this.byLabel.delete(pair);
      }
      this.withAffinity.delete(key);
      const usage = this.usageOf(previous.node);
      usage.requested.cpu -= previous.cpu;
      usage.requested.memory -= previous.memory;
      usage.nonZero.cpu -= previous.nonZeroCpu;
      usage.nonZero.memory -= previous.nonZeroMemory;
      usage.pods--;
      this.assignments.delete(key);
      this.onUsageChanged?.(previous.node, usage);
    }
    if (pod && node) {
      const assignment: Assignment = {
        namespace: pod.metadata.namespace,
        node,
        terminating: pod.metadata.deletionTimestamp !== undefined,
        cpu: 0,
        memory: 0,
        nonZeroCpu: 0,
        nonZeroMemory: 0,
        labels: labelPairs(pod.metadata.labels),
      };
      for (const pair of assignment.labels) {
        let set = this.byLabel.get(pair);
        if (!set) this.byLabel.set(pair, (set = new Set()));
        set.add(key);
      }
      if (hasPodAffinity(pod)) this.withAffinity.add(key);
      for (const container of pod.spec.containers) {
        assignment.cpu += container.requests.cpu;
        assignment.memory += container.requests.memory;
        assignment.nonZeroCpu += container.requests.cpu || defaults.defaultScoringCpuMilli;
        assignment.nonZeroMemory += container.requests.memory || defaults.defaultScoringMemoryBytes;
      }
      const usage = this.usageOf(node);
      usage.requested.cpu += assignment.cpu;
      usage.requested.memory += assignment.memory;
      usage.nonZero.cpu += assignment.nonZeroCpu;
      usage.nonZero.memory += assignment.nonZeroMemory;
      usage.pods++;
      this.assignments.set(key, assignment);
      this.siblings.observe(assignment, 1);
      this.onUsageChanged?.(node, usage);
    }
  }

  private observeNomination(key: string, pod: Pod | undefined): void {
    const node = pod && !pod.spec.nodeName && pod.metadata.deletionTimestamp === undefined ? pod.status.nominatedNodeName : undefined;
    if (!node) {
      if (this.nominations.size > 0) this.nominations.delete(key);
      return;
    }
    const { requested } = podRequests(pod!);
    this.nominations.set(key, { node, cpu: requested.cpu, memory: requested.memory, priority: podPriority(pod!) });
  }

  rebuild(pods: Iterable<Pod>, keyOf: (pod: Pod) => string): void {
    this.usage.clear();
    this.assignments.clear();
    this.byLabel.clear();
    this.withAffinity.clear();
    this.nominations.clear();
    this.defaultSelectors.clear();
    this.spreadSelectors.invalidate();
    this.siblings.clear();
    for (const pod of pods) this.observePod(keyOf(pod), pod);
  }
}
