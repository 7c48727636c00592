// The scheduler's cache: per node, what the pods bound to it request. Kept up to date from pod
// watch events so a scheduling decision never scans all pods.
import { defaults } from '../engine/config';
import type { Pod, Resources } from '../api/types';

export interface NodeUsage {
  requested: Resources;
  /** Requests with kube-scheduler's non-zero defaults, used for scoring. */
  nonZero: Resources;
  pods: number;
}

/** What a bound pod adds to its node, as plain numbers (one small object per pod). */
interface Assignment {
  node: string;
  cpu: number;
  memory: number;
  nonZeroCpu: number;
  nonZeroMemory: number;
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
  /** Told whenever a node's usage changed (the engine keeps its NodeTable in step). */
  onUsageChanged: ((node: string, usage: NodeUsage) => void) | undefined;

  usageOf(node: string): NodeUsage {
    let usage = this.usage.get(node);
    if (!usage) this.usage.set(node, (usage = { requested: { cpu: 0, memory: 0 }, nonZero: { cpu: 0, memory: 0 }, pods: 0 }));
    return usage;
  }

  /** Called for every pod watch event: a pod occupies its node until the object is gone. */
  observePod(key: string, pod: Pod | undefined): void {
    const previous = this.assignments.get(key);
    const node = pod?.spec.nodeName;
    if (previous && previous.node === node) return;
    if (previous) {
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
      const assignment: Assignment = { node, cpu: 0, memory: 0, nonZeroCpu: 0, nonZeroMemory: 0 };
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
      this.onUsageChanged?.(node, usage);
    }
  }

  rebuild(pods: Iterable<Pod>, keyOf: (pod: Pod) => string): void {
    this.usage.clear();
    this.assignments.clear();
    for (const pod of pods) this.observePod(keyOf(pod), pod);
  }
}
