// What controllers read: read-only views of the API server's store, as informer listers give
// kube-controller-manager. They never write through these; every write goes through the client.
import type { AnyObject, Kind, KindMap, Pod } from '../api/types';

export interface Listers {
  get<K extends Kind>(kind: K, key: string): KindMap[K] | undefined;
  list<K extends Kind>(kind: K): IterableIterator<KindMap[K]>;
  count(kind: Kind): number;
  /** Pods bound to a node (also a node that no longer exists: PodGC needs those). */
  podsOnNode(nodeName: string): Pod[];
  /** DaemonSet pods pinned to a node through node affinity, bound yet or not. */
  podsPinnedTo(nodeName: string): Pod[];
  /** The objects of one kind whose controlling owner has this uid. */
  dependentsOf<K extends Kind>(uid: string, kind: K): KindMap[K][];
  /** Pod keys per node name. */
  readonly podsByNode: ReadonlyMap<string, ReadonlySet<string>>;
  /** The stored object's key (the same string object every time). */
  keyFor(object: AnyObject): string;
  keyOfUid(uid: string): string | undefined;
}
