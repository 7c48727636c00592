// The API server's object store (what etcd holds), with the indexes controllers rely on:
// pods by node and by owner, and workloads by owner. Every change notifies watchers.
import { storedKinds } from '../api/kinds';
import type { AnyObject, Kind, KindMap, Pod } from '../api/types';

export type WatchType = 'ADDED' | 'MODIFIED' | 'DELETED';

/** What kind of change an update was, so watchers can ignore heartbeats (like informers do). */
export type ChangeHint = 'spec' | 'status' | 'heartbeat' | 'metadata';

export interface WatchEvent {
  type: WatchType;
  kind: Kind;
  key: string;
  object: AnyObject;
  hint: ChangeHint;
}

export type Watcher = (event: WatchEvent) => void;

/** The stored kinds, in etcd's key order (the kind registry's order). */
export const kinds: readonly Kind[] = storedKinds;

export function objectKey(namespace: string, name: string): string {
  return namespace ? `${namespace}/${name}` : name;
}

export function keyOf(object: AnyObject): string {
  return objectKey(object.metadata.namespace, object.metadata.name);
}

type Collections = { [K in Kind]: Map<string, KindMap[K]> };

function emptyCollections(): Collections {
  return Object.fromEntries(kinds.map((kind) => [kind, new Map()])) as unknown as Collections;
}

function addToIndex<B>(index: Map<B, Set<string>>, bucket: B | undefined, key: string): void {
  if (bucket === undefined) return;
  let set = index.get(bucket);
  if (!set) index.set(bucket, (set = new Set()));
  set.add(key);
}

function removeFromIndex<B>(index: Map<B, Set<string>>, bucket: B | undefined, key: string): void {
  if (bucket === undefined) return;
  const set = index.get(bucket);
  if (!set) return;
  set.delete(key);
  if (set.size === 0) index.delete(bucket);
}

const ownerUid = (object: AnyObject) => object.metadata.ownerReferences.find((ref) => ref.controller)?.uid;

export class Store {
  private collections: Collections = emptyCollections();
  /** Pod keys per node name (including nodes that no longer exist: PodGC needs those). */
  readonly podsByNode = new Map<string, Set<string>>();
  /** DaemonSet pod keys per node they are pinned to, bound yet or not. */
  readonly podsPinnedToNode = new Map<string, Set<string>>();
  /** Dependents' keys per controlling owner uid, then per kind. */
  readonly dependents = new Map<string, Map<Kind, Set<string>>>();
  private watchers: Watcher[] = [];
  /**
   * Each stored object's key, by uid: the one string every index, queue and watcher then shares
   * (lookups compare it by identity, its hash computed once), instead of a new one per write.
   */
  private readonly keysByUid = new Map<string, string>();
  resourceVersion = 0;

  /** The stored object's key (the same string object every time). */
  keyFor(object: AnyObject): string {
    return this.keysByUid.get(object.metadata.uid) ?? keyOf(object);
  }

  /** The key of the stored object with this uid, if it is stored. */
  keyOfUid(uid: string): string | undefined {
    return this.keysByUid.get(uid);
  }

  get<K extends Kind>(kind: K, key: string): KindMap[K] | undefined {
    return this.collections[kind].get(key) as KindMap[K] | undefined;
  }

  list<K extends Kind>(kind: K): IterableIterator<KindMap[K]> {
    return this.collections[kind].values() as IterableIterator<KindMap[K]>;
  }

  count(kind: Kind): number {
    return this.collections[kind].size;
  }

  podsPinnedTo(nodeName: string): Pod[] {
    const keys = this.podsPinnedToNode.get(nodeName);
    if (!keys) return [];
    const pods: Pod[] = [];
    for (const key of keys) pods.push(this.collections.Pod.get(key)!);
    return pods;
  }

  podsOnNode(nodeName: string): Pod[] {
    const keys = this.podsByNode.get(nodeName);
    if (!keys) return [];
    const pods: Pod[] = [];
    for (const key of keys) pods.push(this.collections.Pod.get(key)!);
    return pods;
  }

  dependentsOf<K extends Kind>(uid: string, kind: K): KindMap[K][] {
    const keys = this.dependents.get(uid)?.get(kind);
    if (!keys) return [];
    const collection = this.collections[kind];
    const out: KindMap[K][] = [];
    for (const key of keys) out.push(collection.get(key) as KindMap[K]);
    return out;
  }

  /** Tells `watcher` of every change from now on; the function returned stops that. */
  watch(watcher: Watcher): () => void {
    this.watchers.push(watcher);
    return () => {
      this.watchers = this.watchers.filter((other) => other !== watcher);
    };
  }

  /** Inserts or replaces an object, keeping indexes right. */
  put(object: AnyObject, type: WatchType, hint: ChangeHint): void {
    const key = this.keyFor(object);
    const collection = this.collections[object.kind] as Map<string, AnyObject>;
    const previous = collection.get(key);
    if (previous && previous !== object) {
      this.unindex(previous, key);
      this.keysByUid.delete(previous.metadata.uid);
    }
    this.keysByUid.set(object.metadata.uid, key);
    object.metadata.resourceVersion = ++this.resourceVersion;
    collection.set(key, object);
    if (previous !== object) this.index(object, key);
    this.notify({ type, kind: object.kind, key, object, hint });
  }

  /** Applies an in-place change to a stored object and tells watchers. */
  touch(object: AnyObject, hint: ChangeHint, reindex?: () => void): void {
    const key = this.keyFor(object);
    if (reindex) {
      this.unindex(object, key);
      reindex();
      this.index(object, key);
    }
    object.metadata.resourceVersion = ++this.resourceVersion;
    this.notify({ type: 'MODIFIED', kind: object.kind, key, object, hint });
  }

  remove(kind: Kind, key: string): AnyObject | undefined {
    const collection = this.collections[kind] as Map<string, AnyObject>;
    const object = collection.get(key);
    if (!object) return undefined;
    collection.delete(key);
    this.unindex(object, key);
    this.keysByUid.delete(object.metadata.uid);
    this.resourceVersion++;
    this.notify({ type: 'DELETED', kind, key, object, hint: 'spec' });
    return object;
  }

  /** Everything, as plain data in a stable order. */
  dump(): AnyObject[] {
    const out: AnyObject[] = [];
    for (const kind of kinds) for (const object of this.collections[kind].values()) out.push(structuredClone(object));
    return out;
  }

  /** Replaces the contents without notifying watchers (restore). */
  load(objects: AnyObject[], resourceVersion: number): void {
    this.collections = emptyCollections();
    this.podsByNode.clear();
    this.podsPinnedToNode.clear();
    this.dependents.clear();
    this.keysByUid.clear();
    for (const source of objects) {
      const object = structuredClone(source);
      const key = keyOf(object);
      this.keysByUid.set(object.metadata.uid, key);
      (this.collections[object.kind] as Map<string, AnyObject>).set(key, object);
      this.index(object, key);
    }
    this.resourceVersion = resourceVersion;
  }

  private index(object: AnyObject, key: string): void {
    if (object.kind === 'Pod') {
      addToIndex(this.podsByNode, object.spec.nodeName, key);
      addToIndex(this.podsPinnedToNode, object.spec.affinityNodeName, key);
    }
    const owner = ownerUid(object);
    if (owner === undefined) return;
    let byKind = this.dependents.get(owner);
    if (!byKind) this.dependents.set(owner, (byKind = new Map()));
    addToIndex(byKind, object.kind, key);
  }

  private unindex(object: AnyObject, key: string): void {
    if (object.kind === 'Pod') {
      removeFromIndex(this.podsByNode, object.spec.nodeName, key);
      removeFromIndex(this.podsPinnedToNode, object.spec.affinityNodeName, key);
    }
    const owner = ownerUid(object);
    const byKind = owner === undefined ? undefined : this.dependents.get(owner);
    if (!byKind) return;
    removeFromIndex(byKind, object.kind, key);
    if (byKind.size === 0) this.dependents.delete(owner!);
  }

  private notify(event: WatchEvent): void {
    for (const watcher of this.watchers) watcher(event);
  }
}
