// The PodTopologySpread plugin (#50, #63). Filter: for each DoNotSchedule constraint, placing the
// pod must keep (pods in the node's domain + 1) - (the fewest in any eligible domain) within
// maxSkew. Score: ScheduleAnyway constraints, or for a pod with none that a Service, ReplicaSet
// or StatefulSet selects the system defaults, give each node count x ln(domains + 2) +
// (maxSkew - 1) per constraint, normalised so fewer siblings score higher (weight 2).
import type { LabelSelector, Node, Pod, TopologySpreadConstraint } from '../api/types';
import type { SimContext } from '../engine/context';
import type { SchedulerCache } from './cache';
import { nodeAffinityMatches } from './nodeaffinity';
import { hostnameLabel, type NodeTable, zoneLabel } from './nodetable';
import { forEachMatchingPod } from './podlister';
import { labelSelectorMatches } from './selectors';

const hostnameKey = hostnameLabel;

/** systemDefaultConstraints in plugin.go: policy as data. */
export const systemDefaultConstraints: readonly { topologyKey: string; maxSkew: number }[] = [
  { topologyKey: hostnameKey, maxSkew: 3 },
  { topologyKey: zoneLabel, maxSkew: 5 },
];

interface Constraint {
  topologyKey: string;
  maxSkew: number;
  minDomains: number;
  selector: LabelSelector | undefined;
}

const ownConstraints = (pod: Pod, when: TopologySpreadConstraint['whenUnsatisfiable']): Constraint[] =>
  (pod.spec.topologySpreadConstraints ?? [])
    .filter((c) => c.whenUnsatisfiable === when)
    .map((c) => ({ topologyKey: c.topologyKey, maxSkew: c.maxSkew, minDomains: c.minDomains ?? 1, selector: c.labelSelector }));

const hasAllKeys = (node: Node, constraints: readonly Constraint[]) =>
  constraints.every((c) => node.metadata.labels[c.topologyKey] !== undefined);

/** Pods counted toward a spread: same namespace, matching, not terminating (upstream issue 87621). */
function countByNode(ctx: SimContext, cache: SchedulerCache, pod: Pod, selector: LabelSelector | undefined): ReadonlyMap<string, number> {
  const count = () => {
    const counts = new Map<string, number>();
    forEachMatchingPod(ctx, cache, [pod.metadata.namespace], selector, (other, node) => {
      if (other.metadata.deletionTimestamp === undefined) counts.set(node, (counts.get(node) ?? 0) + 1);
    });
    return counts;
  };
  // Kept counts when the cache keeps this selector: a rollout places a thousand pods of one selector.
  return (selector && cache.siblings.countsFor(pod.metadata.namespace, selector, count)) ?? count();
}

/**
 * helper.DefaultSelector: the union of the selectors of the Services, ReplicaSets and
 * StatefulSets in the pod's namespace that select it, or null when none does. Remembered per
 * namespace and label set until one of those objects changes.
 */
export function defaultSelector(ctx: SimContext, cache: SchedulerCache, pod: Pod): Record<string, string> | null {
  const labels = pod.metadata.labels;
  let memoKey = pod.metadata.namespace;
  for (const key in labels) memoKey += `\0${key}=${labels[key]}`;
  const memo = cache.defaultSelectors.get(memoKey);
  if (memo !== undefined) return memo;
  let merged: Record<string, string> | null = null;
  // Only selectors filed under one of the pod's own label pairs can select it.
  cache.spreadSelectors.forEachCandidate(ctx, pod.metadata.namespace, labels, (selector) => {
    for (const key in selector) if (labels[key] !== selector[key]) return;
    merged = { ...merged, ...selector };
  });
  cache.defaultSelectors.set(memoKey, merged);
  return merged;
}

/** The system default constraints per merged selector (defaultSelector hands out one object per label set). */
const defaultConstraints = new WeakMap<Record<string, string>, Constraint[]>();

function defaultConstraintsFor(selector: Record<string, string>): Constraint[] {
  let constraints = defaultConstraints.get(selector);
  if (!constraints) {
    const shared = { matchLabels: selector };
    constraints = systemDefaultConstraints.map((c) => ({ ...c, minDomains: 1, selector: shared }));
    defaultConstraints.set(selector, constraints);
  }
  return constraints;
}

export interface SpreadFilterState {
  constraints: Constraint[];
  /** Per constraint: matching pods per domain value, every eligible domain present. */
  counts: Map<string, number>[];
  /** Per constraint: whether the incoming pod matches its own selector. */
  selfMatch: number[];
}

/** PreFilter for the DoNotSchedule constraints; undefined when there are none. */
export function spreadPreFilter(ctx: SimContext, cache: SchedulerCache, pod: Pod, nodes: readonly Node[]): SpreadFilterState | undefined {
  const constraints = ownConstraints(pod, 'DoNotSchedule');
  if (constraints.length === 0) return undefined;
  const counts = constraints.map(() => new Map<string, number>());
  const eligible = new Map<string, Node>();
  for (const node of nodes) {
    // Node inclusion: only nodes with every key that pass the pod's node affinity (nodeAffinityPolicy Honor).
    if (!hasAllKeys(node, constraints) || !nodeAffinityMatches(pod, node)) continue;
    eligible.set(node.metadata.name, node);
    constraints.forEach((c, i) => {
      const value = node.metadata.labels[c.topologyKey];
      if (!counts[i].has(value)) counts[i].set(value, 0);
    });
  }
  constraints.forEach((c, i) => {
    for (const [nodeName, count] of countByNode(ctx, cache, pod, c.selector)) {
      const node = eligible.get(nodeName);
      if (!node) continue;
      const value = node.metadata.labels[c.topologyKey];
      counts[i].set(value, (counts[i].get(value) ?? 0) + count);
    }
  });
  return { constraints, counts, selfMatch: constraints.map((c) => (labelSelectorMatches(c.selector, pod.metadata.labels) ? 1 : 0)) };
}

export function cloneSpreadFilterState(state: SpreadFilterState): SpreadFilterState {
  return { ...state, counts: state.counts.map((map) => new Map(map)) };
}

/** RemovePod / AddPod for preemption's dry run. */
export function spreadUpdate(state: SpreadFilterState, pod: Pod, other: Pod, node: Node, by: 1 | -1): void {
  if (other.metadata.namespace !== pod.metadata.namespace || other.metadata.deletionTimestamp !== undefined) return;
  state.constraints.forEach((c, i) => {
    const value = node.metadata.labels[c.topologyKey];
    if (value === undefined || !state.counts[i].has(value) || !labelSelectorMatches(c.selector, other.metadata.labels)) return;
    state.counts[i].set(value, state.counts[i].get(value)! + by);
  });
}

export type SpreadVerdict = 'missing-label' | 'skew' | undefined;

export function spreadFilter(state: SpreadFilterState, node: Node): SpreadVerdict {
  for (let i = 0; i < state.constraints.length; i++) {
    const c = state.constraints[i];
    const value = node.metadata.labels[c.topologyKey];
    if (value === undefined) return 'missing-label';
    let min = Number.POSITIVE_INFINITY;
    for (const count of state.counts[i].values()) min = Math.min(min, count);
    // minDomains: with fewer eligible domains than asked, the global minimum counts as 0.
    if (state.counts[i].size < c.minDomains || min === Number.POSITIVE_INFINITY) min = 0;
    const skew = (state.counts[i].get(value) ?? 0) + state.selfMatch[i] - min;
    if (skew > c.maxSkew) return 'skew';
  }
  return undefined;
}

/** Which feasible nodes a cycle leaves out, reused across cycles (a typed array per pod costs more than the loop). */
let ignoredScratch = new Uint8Array(0);
/** The table slots whose scratch count a cycle raised, to put back to zero. */
let touchedSlots = new Int32Array(64);
let touchedCount = 0;

function touch(slot: number): void {
  if (touchedCount === touchedSlots.length) {
    const grown = new Int32Array(touchedSlots.length * 2);
    grown.set(touchedSlots);
    touchedSlots = grown;
  }
  touchedSlots[touchedCount++] = slot;
}

/** Per constraint (by its index), the zone arrays of its domains, reused by every cycle. */
const zoneScratch: { present: Uint8Array; counts: Float64Array }[] = [];

function zoneArrays(constraint: number, zoneCount: number): { present: Uint8Array; counts: Float64Array } {
  let arrays = zoneScratch[constraint];
  if (!arrays || arrays.present.length < zoneCount) {
    arrays = { present: new Uint8Array(zoneCount), counts: new Float64Array(zoneCount) };
    zoneScratch[constraint] = arrays;
  } else {
    arrays.present.fill(0, 0, zoneCount);
    arrays.counts.fill(0, 0, zoneCount);
  }
  return arrays;
}

/**
 * PreScore, Score and NormalizeScore over the feasible nodes (table slots), written to `out`
 * (0-100 each); false when the plugin skips (every node would score the same). This runs for
 * nearly every pod, over hundreds of nodes: it reads the node table's label columns and counts
 * per slot, and visits only the pod's siblings, never all pods.
 */
/** A spreading constraint's domains among the feasible nodes, with their sibling counts. */
interface Domains {
  /** For the zone key: per zone number, whether a feasible node is in it, and its count. */
  zones?: { present: Uint8Array; counts: Float64Array };
  /** For any other key: the count per label value. */
  values?: Map<string, number>;
  size: number;
}

export function spreadScores(
  ctx: SimContext,
  cache: SchedulerCache,
  pod: Pod,
  table: NodeTable,
  feasible: Int32Array,
  count: number,
  out: Float64Array,
): boolean {
  let constraints: Constraint[];
  let requireAll = true;
  if ((pod.spec.topologySpreadConstraints?.length ?? 0) > 0) {
    constraints = ownConstraints(pod, 'ScheduleAnyway');
  } else {
    const selector = defaultSelector(ctx, cache, pod);
    if (!selector) return false;
    constraints = defaultConstraintsFor(selector);
    requireAll = false;
  }
  if (constraints.length === 0) return false;
  const { nodes, hostnames } = table;
  // Nodes without every key are left out (own constraints only); most pods have none to check.
  let anyIgnored = false;
  let considered = count;
  if (requireAll) {
    if (ignoredScratch.length < count) ignoredScratch = new Uint8Array(Math.max(count, ignoredScratch.length * 2));
    ignoredScratch.fill(0, 0, count);
    for (let f = 0; f < count; f++) {
      if (hasAllKeys(nodes[feasible[f]], constraints)) continue;
      ignoredScratch[f] = 1;
      anyIgnored = true;
      considered--;
    }
  }
  const ignored = ignoredScratch;
  // Per constraint other than hostname: the domains of the feasible nodes with their sibling
  // counts (none: no feasible node has the key). Zones are numbered by the table: arrays, not maps.
  const domains: (Domains | undefined)[] = [];
  for (let i = 0; i < constraints.length; i++) {
    const key = constraints[i].topologyKey;
    domains.push(undefined);
    if (key === hostnameKey || (key === zoneLabel && !table.anyZone)) continue;
    if (key === zoneLabel) {
      const zones = zoneArrays(i, table.zoneCount);
      const { present } = zones;
      let size = 0;
      for (let f = 0; f < count; f++) {
        if (anyIgnored && ignored[f]) continue;
        const id = table.zoneIds[feasible[f]];
        if (id >= 0 && present[id] === 0) {
          present[id] = 1;
          size++;
        }
      }
      if (size > 0) domains[i] = { zones, size };
      continue;
    }
    let forKey: Map<string, number> | undefined;
    for (let f = 0; f < count; f++) {
      if (anyIgnored && ignored[f]) continue;
      const value = nodes[feasible[f]].metadata.labels[key];
      if (value !== undefined) (forKey ??= new Map()).set(value, 0);
    }
    if (forKey) domains[i] = { values: forKey, size: forKey.size };
  }
  // Sibling counts per node, once per distinct selector (the defaults share one).
  let countedFor: LabelSelector | undefined;
  let counted: ReadonlyMap<string, number> | undefined;
  let byNode: Map<LabelSelector | undefined, ReadonlyMap<string, number>> | undefined;
  const siblings = (c: Constraint) => {
    if (counted && countedFor === c.selector) return counted;
    if (counted) byNode ??= new Map([[countedFor, counted]]);
    let counts = byNode?.get(c.selector);
    if (!counts) {
      counts = countByNode(ctx, cache, pod, c.selector);
      byNode?.set(c.selector, counts);
    }
    countedFor = c.selector;
    counted = counts;
    return counts;
  };
  for (let f = 0; f < count; f++) out[f] = 0;
  const counts = table.counts;
  for (let i = 0; i < constraints.length; i++) {
    const c = constraints[i];
    const hostname = c.topologyKey === hostnameKey;
    const domain = domains[i];
    // A key no feasible node has adds nothing anywhere.
    if (!hostname && domain === undefined) continue;
    const weight = Math.log((hostname ? considered : domain!.size) + 2);
    const extra = c.maxSkew - 1;
    touchedCount = 0;
    siblings(c).forEach((n, nodeName) => {
      if (hostname) {
        const slot = table.slotOf(nodeName);
        if (slot === undefined) return;
        counts[slot] += n;
        touch(slot);
        return;
      }
      const node = ctx.listers.get('Node', nodeName);
      if (!node || !nodeAffinityMatches(pod, node) || (requireAll && !hasAllKeys(node, constraints))) return;
      const value = node.metadata.labels[c.topologyKey];
      if (value === undefined) return;
      const { zones, values } = domain!;
      if (zones) {
        const id = table.zoneIdOf(value);
        if (id !== undefined && zones.present[id] === 1) zones.counts[id] += n;
      } else if (values!.has(value)) values!.set(value, values!.get(value)! + n);
    });
    const zoneCounts = domain?.zones?.counts;
    const values = domain?.values;
    for (let f = 0; f < count; f++) {
      if (anyIgnored && ignored[f]) continue;
      const slot = feasible[f];
      let n: number;
      if (hostname) {
        if (hostnames[slot] === undefined) continue;
        n = counts[slot];
      } else if (zoneCounts) {
        const id = table.zoneIds[slot];
        if (id < 0) continue;
        n = zoneCounts[id];
      } else {
        const value = nodes[slot].metadata.labels[c.topologyKey];
        if (value === undefined) continue;
        n = values!.get(value) ?? 0;
      }
      out[f] += n * weight + extra;
    }
    for (let t = 0; t < touchedCount; t++) counts[touchedSlots[t]] = 0;
  }
  let min = Number.POSITIVE_INFINITY;
  let max = 0;
  for (let f = 0; f < count; f++) {
    if (anyIgnored && ignored[f]) continue;
    const rounded = Math.round(out[f]);
    out[f] = rounded;
    if (rounded < min) min = rounded;
    if (rounded > max) max = rounded;
  }
  for (let f = 0; f < count; f++) {
    if (anyIgnored && ignored[f]) out[f] = 0;
    else if (max === 0) out[f] = 100;
    else out[f] = Math.floor((100 * (max + min - out[f])) / max);
  }
  return true;
}
