// Per-node counts of the pods a spreading selector selects, kept in step with every pod event
// once a cycle has asked for them. PodTopologySpread counts a new pod's siblings on every node
// for every pod it places: in a 1,000-replica rollout each count visited the thousand siblings
// again. Only plain matchLabels selectors are kept (the Deployment, ReplicaSet and Service
// selectors the system defaults use, and most written constraints); others are counted afresh.
import type { LabelSelector } from '../api/types';

export const labelPair = (key: string, value: string) => `${key}=${value}`;

/** What the cache knows of a bound pod: its namespace, node, label pairs ("key=value"), and whether it is terminating. */
export interface CountedPod {
  namespace: string;
  node: string;
  labels: string[];
  terminating: boolean;
}

interface Entry {
  namespace: string;
  /** The selector's pairs; the first is the one the entry is filed under. */
  pairs: string[];
  byNode: Map<string, number>;
  /** The table's generation when made: an entry from before a clear is stale. */
  generation: number;
}

/** Past this many selectors the table starts over (each rollout brings a new pod-template-hash). */
const entryLimit = 4096;

const matches = (entry: Entry, labels: readonly string[]) => entry.pairs.every((pair) => labels.includes(pair));

export class SiblingCounts {
  private entries = new Map<string, Entry>();
  /** Per namespace, per first pair: the entries a pod with that pair may count toward. */
  private byPair = new Map<string, Map<string, Entry[]>>();
  /** The entry per selector object: the default selectors are shared objects, so most cycles find theirs here. */
  private bySelector = new WeakMap<LabelSelector, Entry>();
  private generation = 0;

  clear(): void {
    this.entries.clear();
    this.byPair.clear();
    this.generation++;
  }

  /**
   * The counts for a selector in a namespace: built once by `count` (which visits the matching
   * pods), then kept by observe. Undefined for a selector this table does not keep.
   */
  countsFor(namespace: string, selector: LabelSelector, count: () => Map<string, number>): ReadonlyMap<string, number> | undefined {
    const seen = this.bySelector.get(selector);
    if (seen && seen.generation === this.generation && seen.namespace === namespace) return seen.byNode;
    if (selector.matchExpressions?.length) return undefined;
    const pairs: string[] = [];
    for (const key in selector.matchLabels) pairs.push(labelPair(key, selector.matchLabels[key]));
    if (pairs.length === 0) return undefined;
    pairs.sort();
    let id = namespace;
    for (const pair of pairs) id += `\0${pair}`;
    const known = this.entries.get(id);
    if (known) {
      this.bySelector.set(selector, known);
      return known.byNode;
    }
    if (this.entries.size >= entryLimit) this.clear();
    const entry: Entry = { namespace, pairs, byNode: count(), generation: this.generation };
    this.entries.set(id, entry);
    this.bySelector.set(selector, entry);
    let forNamespace = this.byPair.get(namespace);
    if (!forNamespace) this.byPair.set(namespace, (forNamespace = new Map()));
    const filed = forNamespace.get(pairs[0]);
    if (filed) filed.push(entry);
    else forNamespace.set(pairs[0], [entry]);
    return entry.byNode;
  }

  /** A bound pod stopped counting (gone, moved, relabelled or terminating) or started to. */
  observe(pod: CountedPod, by: 1 | -1): void {
    if (this.entries.size === 0 || pod.terminating) return;
    const forNamespace = this.byPair.get(pod.namespace);
    if (!forNamespace) return;
    for (const pair of pod.labels) {
      const filed = forNamespace.get(pair);
      if (!filed) continue;
      for (const entry of filed) {
        if (!matches(entry, pod.labels)) continue;
        const next = (entry.byNode.get(pod.node) ?? 0) + by;
        if (next === 0) entry.byNode.delete(pod.node);
        else entry.byNode.set(pod.node, next);
      }
    }
  }
}
