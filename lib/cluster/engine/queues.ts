// Work queues: watch handlers add items, controllers drain them. Like client-go's
// workqueue.TypedInterface[T], a queue is generic over its item type; an item queued twice is
// synced once, and insertion order keeps every run deterministic.
//
// Go compares struct keys by value; JavaScript compares objects by identity, so a queue of
// structured items takes an `identify` function giving each item a comparable identity. The
// identity is only ever compared, never taken apart: the item itself is what the sync receives.
export class WorkQueue<T> {
  private items = new Map<unknown, T>();
  /** The map handed out by the last drain, reused by the next one (double buffering, no copies). */
  private spare = new Map<unknown, T>();

  /** `identify` is needed only for object items: strings and numbers are their own identity. */
  constructor(private readonly identify?: (item: T) => unknown) {}

  add(item: T): void {
    // Setting an identity already queued keeps its place; the item it stores is equal anyway.
    this.items.set(this.identify ? this.identify(item) : item, item);
  }

  get size(): number {
    return this.items.size;
  }

  /** Every queued item, in the order first queued; items added while the caller iterates wait for the next drain. */
  drain(): ReadonlyMap<unknown, T> {
    const out = this.items;
    this.spare.clear();
    this.items = this.spare;
    this.spare = out;
    return out;
  }

  clear(): void {
    this.items.clear();
  }
}

/** The object key (namespace/name, or name) of a namespaced or cluster-scoped object. */
export type ObjectKey = string;

/** The DaemonSet controller's items (its informer handlers: a DaemonSet, a node, or one daemon pod changed). */
export type DaemonSetItem =
  | { kind: 'DaemonSet'; daemonSet: ObjectKey }
  | { kind: 'Node'; node: string }
  | { kind: 'Pod'; daemonSet: ObjectKey; node: string };

/** The taint eviction controller's items: a node's taints changed, or a pod was bound or changed. */
export type TaintEvictionItem = { kind: 'Node'; node: string } | { kind: 'Pod'; pod: ObjectKey };

/** A pod for the kubelet of one node (the node is kept: a pod already gone still has containers there). */
export interface KubeletItem {
  node: string;
  pod: ObjectKey;
}

const daemonSetIdentity = (item: DaemonSetItem): string =>
  item.kind === 'DaemonSet'
    ? `DaemonSet\u0000${item.daemonSet}`
    : item.kind === 'Node'
      ? `Node\u0000${item.node}`
      : `Pod\u0000${item.daemonSet}\u0000${item.node}`;

const taintEvictionIdentity = (item: TaintEvictionItem): string =>
  item.kind === 'Node' ? `Node\u0000${item.node}` : `Pod\u0000${item.pod}`;

const kubeletIdentity = (item: KubeletItem): string => `${item.node}\u0000${item.pod}`;

export class WorkQueues {
  readonly deployment = new WorkQueue<ObjectKey>();
  readonly replicaset = new WorkQueue<ObjectKey>();
  readonly daemonset = new WorkQueue<DaemonSetItem>(daemonSetIdentity);
  readonly statefulset = new WorkQueue<ObjectKey>();
  /** Uids of deleted owners whose dependents must go. */
  readonly garbage = new WorkQueue<string>();
  readonly disruption = new WorkQueue<ObjectKey>();
  /** Node names whose NoSchedule taints must mirror their conditions. */
  readonly noScheduleTaints = new WorkQueue<string>();
  readonly taintEviction = new WorkQueue<TaintEvictionItem>(taintEvictionIdentity);
  /** Keys of pods waiting for a node. */
  readonly scheduling = new WorkQueue<ObjectKey>();
  readonly kubelet = new WorkQueue<KubeletItem>(kubeletIdentity);
  /** Keys of Services whose Endpoints, EndpointSlices or kube-proxy rules must be looked at. */
  readonly endpoints = new WorkQueue<ObjectKey>();
  readonly endpointSlice = new WorkQueue<ObjectKey>();
  readonly proxy = new WorkQueue<ObjectKey>();
  /** The API server's reconcilers (the kubernetes Service and its endpoints): one item, 'kubernetes'. */
  readonly apiServer = new WorkQueue<string>();
  /** Names of namespaces being deleted, to empty (and then let go). */
  readonly namespace = new WorkQueue<string>();
}
