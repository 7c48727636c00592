// The scheduler's per-node numbers as flat typed arrays, in the order of the node list: what the
// filter and score loop reads for each of the hundreds of nodes it visits per pod. Kept in step
// with node changes (taints, cordon) and with the scheduler cache's usage, so the hot loop never
// chases object pointers or allocates.
import type { Node } from '../api/types';
import type { NodeUsage } from './cache';
import { scoreOf } from './framework';

export const hostnameLabel = 'kubernetes.io/hostname';
export const zoneLabel = 'topology.kubernetes.io/zone';

/** Nodes with no taints and no cordon pass every filter but resources for a pod with no selectors. */
export function onlyResourcesMatter(node: Node): boolean {
  return !node.spec.unschedulable && node.spec.taints.length === 0;
}

export class NodeTable {
  readonly nodes: Node[];
  readonly names: string[];
  private readonly slots = new Map<string, number>();
  /** 1 when only resources can rule the node out (see onlyResourcesMatter). */
  readonly simple: Uint8Array;
  readonly allocatableCpu: Float64Array;
  readonly allocatableMemory: Float64Array;
  readonly allocatablePods: Float64Array;
  readonly requestedCpu: Float64Array;
  readonly requestedMemory: Float64Array;
  readonly nonZeroCpu: Float64Array;
  readonly nonZeroMemory: Float64Array;
  readonly pods: Float64Array;
  /** Each node's kubernetes.io/hostname and topology.kubernetes.io/zone labels (the default spreading's keys). */
  readonly hostnames: (string | undefined)[];
  readonly zones: (string | undefined)[];
  /** Each node's zone as a small number (-1: none), so zone spreading counts in arrays, not maps. */
  readonly zoneIds: Int32Array;
  private readonly zoneNumbers = new Map<string, number>();
  /** Scratch for per-cycle counts by slot (kept all zero between uses). */
  readonly counts: Float64Array;
  /** Each node's score for a pod asking scoredCpu/scoredMemory (NaN: not computed since its usage changed). */
  private readonly scores: Float64Array;
  /** How many nodes carry a zone label: none (a cluster without zones) lets zone spreading skip its pass. */
  private zoned = 0;
  private scoredCpu = NaN;
  private scoredMemory = NaN;

  constructor(nodes: Node[], usageOf: (node: string) => NodeUsage) {
    const n = nodes.length;
    this.nodes = nodes;
    this.names = nodes.map((node) => node.metadata.name);
    this.simple = new Uint8Array(n);
    this.allocatableCpu = new Float64Array(n);
    this.allocatableMemory = new Float64Array(n);
    this.allocatablePods = new Float64Array(n);
    this.requestedCpu = new Float64Array(n);
    this.requestedMemory = new Float64Array(n);
    this.nonZeroCpu = new Float64Array(n);
    this.nonZeroMemory = new Float64Array(n);
    this.pods = new Float64Array(n);
    this.hostnames = new Array(n);
    this.zones = new Array(n);
    this.zoneIds = new Int32Array(n).fill(-1);
    this.counts = new Float64Array(n);
    this.scores = new Float64Array(n).fill(NaN);
    for (let i = 0; i < n; i++) {
      this.slots.set(this.names[i], i);
      this.setNode(i, nodes[i]);
      this.setUsage(i, usageOf(this.names[i]));
    }
  }

  /**
   * Each node's NodeResourcesFit + BalancedAllocation score for a pod with these non-zero
   * requests, NaN where not computed yet (see score). Most pods of a run ask the same, and a
   * node's score only moves when a pod lands on it or leaves it, so scores are remembered per node
   * for the last request seen.
   */
  scoresFor(cpu: number, memory: number): Float64Array {
    if (cpu !== this.scoredCpu || memory !== this.scoredMemory) {
      this.scores.fill(NaN);
      this.scoredCpu = cpu;
      this.scoredMemory = memory;
    }
    return this.scores;
  }

  /** Computes and remembers the node's score for the request scoresFor was last asked about. */
  score(slot: number): number {
    const value = scoreOf(
      this.allocatableCpu[slot],
      this.allocatableMemory[slot],
      this.nonZeroCpu[slot] + this.scoredCpu,
      this.nonZeroMemory[slot] + this.scoredMemory,
    );
    this.scores[slot] = value;
    return value;
  }

  get anyZone(): boolean {
    return this.zoned > 0;
  }

  /** How many zone numbers are given out (every one below this may be in zoneIds). */
  get zoneCount(): number {
    return this.zoneNumbers.size;
  }

  /** The number of a zone some node of the table has (undefined: none has it). */
  zoneIdOf(zone: string): number | undefined {
    return this.zoneNumbers.get(zone);
  }

  slotOf(name: string): number | undefined {
    return this.slots.get(name);
  }

  nodeChanged(node: Node): void {
    const slot = this.slots.get(node.metadata.name);
    if (slot !== undefined) this.setNode(slot, node);
  }

  usageChanged(name: string, usage: NodeUsage): void {
    const slot = this.slots.get(name);
    if (slot !== undefined) this.setUsage(slot, usage);
  }

  private setNode(slot: number, node: Node): void {
    this.nodes[slot] = node;
    this.simple[slot] = onlyResourcesMatter(node) ? 1 : 0;
    this.hostnames[slot] = node.metadata.labels[hostnameLabel];
    const zone = node.metadata.labels[zoneLabel];
    this.zoned += (zone !== undefined ? 1 : 0) - (this.zones[slot] !== undefined ? 1 : 0);
    this.zones[slot] = zone;
    let id = -1;
    if (zone !== undefined) {
      id = this.zoneNumbers.get(zone) ?? this.zoneNumbers.size;
      this.zoneNumbers.set(zone, id);
    }
    this.zoneIds[slot] = id;
    this.allocatableCpu[slot] = node.status.allocatable.cpu;
    this.allocatableMemory[slot] = node.status.allocatable.memory;
    this.allocatablePods[slot] = node.status.allocatable.pods;
    this.scores[slot] = NaN;
  }

  private setUsage(slot: number, usage: NodeUsage): void {
    this.requestedCpu[slot] = usage.requested.cpu;
    this.requestedMemory[slot] = usage.requested.memory;
    this.nonZeroCpu[slot] = usage.nonZero.cpu;
    this.nonZeroMemory[slot] = usage.nonZero.memory;
    this.pods[slot] = usage.pods;
    this.scores[slot] = NaN;
  }
}
