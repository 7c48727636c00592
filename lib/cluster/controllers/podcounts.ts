// What the workload controllers count about their pods (active, ready, bound), kept per owner
// from pod watch events, like an informer index. A controller's status sync then costs O(1)
// instead of a pass over every pod it owns: a DaemonSet owns one pod per node, so recounting
// on each of its pods' changes would grow with the square of the cluster size.
import type { Pod } from '../api/types';
import { controllerOf, isPodActive, isPodReady } from './podutil';

export interface PodCounts {
  /** Every pod object the owner controls, Terminating ones included. */
  total: number;
  /** IsPodActive: not marked for deletion, not finished (#16). */
  active: number;
  activeReady: number;
  /** Active and bound to a node. */
  boundActive: number;
  boundActiveReady: number;
}

const ACTIVE = 1;
const READY = 2;
const BOUND = 4;

interface Entry {
  owner: string;
  flags: number;
  /** The pod's node name, '' while unbound. */
  node: string;
}

/** An owner's active pods on one node, and the ready ones among them. */
export interface OnNode {
  active: number;
  ready: number;
}

const noneOnNode: Readonly<OnNode> = Object.freeze({ active: 0, ready: 0 });

const zero: Readonly<PodCounts> = Object.freeze({ total: 0, active: 0, activeReady: 0, boundActive: 0, boundActiveReady: 0 });

export function podFlags(pod: Pod): number {
  let flags = 0;
  if (isPodActive(pod)) flags |= ACTIVE;
  if (isPodReady(pod)) flags |= READY;
  if (pod.spec.nodeName) flags |= BOUND;
  return flags;
}

export class OwnerPodCounts {
  private readonly byOwner = new Map<string, PodCounts>();
  private readonly entries = new Map<string, Entry>();
  /**
   * Active pods per owner and node ('' for unbound), and how many of them are ready: what a
   * ReplicaSet ranks its victims by, and what a DaemonSet leaves out for the nodes that only keep a pod.
   */
  private readonly activeByNode = new Map<string, Map<string, OnNode>>();

  of(ownerUid: string): Readonly<PodCounts> {
    return this.byOwner.get(ownerUid) ?? zero;
  }

  /** How many of the owner's active pods are on `node` ('' counts the unbound ones). */
  activeOnNode(ownerUid: string, node: string): Readonly<OnNode> {
    return this.activeByNode.get(ownerUid)?.get(node) ?? noneOnNode;
  }

  /** Called for every pod watch event with the pod, or undefined once it is gone. */
  observe(key: string, pod: Pod | undefined, flags = pod ? podFlags(pod) : 0): void {
    const previous = this.entries.get(key);
    const owner = pod ? controllerOf(pod)?.uid : undefined;
    const node = pod?.spec.nodeName ?? '';
    if (previous && previous.owner === owner && previous.flags === flags && previous.node === node) return;
    if (previous) this.add(previous.owner, previous.flags, previous.node, -1);
    if (owner === undefined) {
      this.entries.delete(key);
      return;
    }
    if (previous) {
      previous.owner = owner;
      previous.flags = flags;
      previous.node = node;
    } else this.entries.set(key, { owner, flags, node });
    this.add(owner, flags, node, 1);
  }

  rebuild(pods: Iterable<[string, Pod]>): void {
    this.byOwner.clear();
    this.entries.clear();
    this.activeByNode.clear();
    for (const [key, pod] of pods) this.observe(key, pod);
  }

  private add(owner: string, flags: number, node: string, delta: number): void {
    let counts = this.byOwner.get(owner);
    if (!counts) this.byOwner.set(owner, (counts = { ...zero }));
    counts.total += delta;
    if (flags & ACTIVE) {
      counts.active += delta;
      this.addOnNode(owner, node, flags & READY ? delta : 0, delta);
      if (flags & READY) counts.activeReady += delta;
      if (flags & BOUND) {
        counts.boundActive += delta;
        if (flags & READY) counts.boundActiveReady += delta;
      }
    }
    if (counts.total === 0) this.byOwner.delete(owner);
  }

  private addOnNode(owner: string, node: string, ready: number, delta: number): void {
    let onNodes = this.activeByNode.get(owner);
    if (!onNodes) this.activeByNode.set(owner, (onNodes = new Map()));
    let counts = onNodes.get(node);
    if (!counts) onNodes.set(node, (counts = { active: 0, ready: 0 }));
    counts.active += delta;
    counts.ready += ready;
    if (counts.active === 0) {
      onNodes.delete(node);
      if (onNodes.size === 0) this.activeByNode.delete(owner);
    }
  }
}
