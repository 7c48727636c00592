// The selectors helper.DefaultSelector reads (Services, then ReplicaSets, then StatefulSets),
// indexed by namespace and the first label pair of each selector: every pair of a selector must
// be on the pod, so a pod's candidates are the selectors filed under one of its own pairs. A
// lookup then costs O(the pod's labels + the selectors that share a pair with it) instead of a
// pass over every Service and ReplicaSet of the cluster, which made scheduling O(N^2).
import type { WatchEvent } from '../apiserver/store';
import type { AnyObject, Kind } from '../api/types';
import type { SimContext } from '../engine/context';

/** The kinds in the order DefaultSelector merges them. */
const selectorKinds = ['Service', 'ReplicaSet', 'StatefulSet'] as const;
type SelectorKind = (typeof selectorKinds)[number];
const rankOf: Record<SelectorKind, number> = { Service: 0, ReplicaSet: 1, StatefulSet: 2 };

interface Entry {
  /** The kind's rank times 2^32 plus the object's position in the store's list of its kind. */
  order: number;
  object: AnyObject;
  /** The index key it is filed under, or undefined for an empty selector (which selects nothing here). */
  filed: string | undefined;
}

const indexKey = (namespace: string, key: string, value: string) => `${namespace}\0${key}\0${value}`;

function selectorOf(object: AnyObject): Record<string, string> | undefined {
  return (object as { spec?: { selector?: Record<string, string> } }).spec?.selector;
}

function firstPairKey(object: AnyObject): string | undefined {
  const selector = selectorOf(object);
  for (const key in selector) return indexKey(object.metadata.namespace, key, selector[key]);
  return undefined;
}

export const isSelectorKind = (kind: Kind): kind is SelectorKind => kind === 'Service' || kind === 'ReplicaSet' || kind === 'StatefulSet';

export class SpreadSelectorIndex {
  private entries = new Map<string, Entry>();
  private byPair = new Map<string, Set<Entry>>();
  /** Positions handed out per kind: a new store key goes last, as in the store's Map. */
  private next = [0, 0, 0];
  /** Until first read (and after a restore) the index is built from the store instead of from events. */
  private built = false;

  invalidate(): void {
    this.built = false;
    this.entries.clear();
    this.byPair.clear();
    this.next = [0, 0, 0];
  }

  /** Keeps the index in step with every event of the three kinds (status writes too: they are cheap). */
  observe(event: WatchEvent & { kind: SelectorKind }): void {
    if (!this.built) return;
    const storeKey = `${event.kind}\0${event.key}`;
    const entry = this.entries.get(storeKey);
    if (event.type === 'DELETED') {
      if (entry) {
        this.unfile(entry);
        this.entries.delete(storeKey);
      }
      return;
    }
    if (entry) {
      entry.object = event.object;
      this.refile(entry);
    } else this.add(storeKey, event.kind, event.object);
  }

  /**
   * Calls `take` with the selector of every object of the three kinds in the pod's namespace
   * that could select `labels`, in DefaultSelector's order (kind, then the store's order).
   */
  forEachCandidate(
    ctx: SimContext,
    namespace: string,
    labels: Record<string, string>,
    take: (selector: Record<string, string>) => void,
  ): void {
    if (!this.built) this.build(ctx);
    const found: Entry[] = [];
    for (const key in labels) {
      const filed = this.byPair.get(indexKey(namespace, key, labels[key]));
      if (filed) for (const entry of filed) found.push(entry);
    }
    if (found.length > 1) found.sort((a, b) => a.order - b.order);
    for (const entry of found) take(selectorOf(entry.object)!);
  }

  private build(ctx: SimContext): void {
    this.built = true;
    for (const kind of selectorKinds)
      for (const object of ctx.listers.list(kind)) this.add(`${kind}\0${ctx.listers.keyFor(object)}`, kind, object);
  }

  private add(storeKey: string, kind: SelectorKind, object: AnyObject): void {
    const rank = rankOf[kind];
    const entry: Entry = { order: rank * 2 ** 32 + this.next[rank]++, object, filed: undefined };
    this.entries.set(storeKey, entry);
    this.refile(entry);
  }

  /** Files the entry under its selector's current first pair (selectors can change in place). */
  private refile(entry: Entry): void {
    const filed = firstPairKey(entry.object);
    if (filed === entry.filed) return;
    this.unfile(entry);
    entry.filed = filed;
    if (filed === undefined) return;
    let set = this.byPair.get(filed);
    if (!set) this.byPair.set(filed, (set = new Set()));
    set.add(entry);
  }

  private unfile(entry: Entry): void {
    if (entry.filed === undefined) return;
    const set = this.byPair.get(entry.filed)!;
    set.delete(entry);
    if (set.size === 0) this.byPair.delete(entry.filed);
    entry.filed = undefined;
  }
}
