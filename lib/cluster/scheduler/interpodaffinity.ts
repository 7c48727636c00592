// The InterPodAffinity plugin. Filter: the pod's required affinity needs a matching pod in the
// node's topology domain (or, for the first pod of a group that matches its own terms, no such
// pod anywhere); its required anti-affinity refuses domains holding a matching pod; and the
// required anti-affinity of pods already placed refuses the incoming pod likewise (symmetry).
// Score: preferred terms of both sides, +weight for affinity and -weight for anti-affinity, and
// existing pods' required affinity at hardPodAffinityWeight 1 (weight 2 in the default profile).
import type { Node, Pod, PodAffinityRules, PodAffinityTerm } from '../api/types';
import type { SimContext } from '../engine/context';
import type { SchedulerCache } from './cache';
import { forEachMatchingPod } from './podlister';
import { labelSelectorMatches } from './selectors';

interface Term {
  term: PodAffinityTerm;
  namespaces: string[];
  weight: number;
}

const hardPodAffinityWeight = 1;

function required(pod: Pod, rules: PodAffinityRules | undefined): Term[] {
  return (rules?.requiredDuringSchedulingIgnoredDuringExecution ?? []).map((term) => ({
    term,
    namespaces: namespacesOf(pod, term),
    weight: 1,
  }));
}

function preferred(pod: Pod, rules: PodAffinityRules | undefined): Term[] {
  return (rules?.preferredDuringSchedulingIgnoredDuringExecution ?? []).map((weighted) => ({
    term: weighted.podAffinityTerm,
    namespaces: namespacesOf(pod, weighted.podAffinityTerm),
    weight: weighted.weight,
  }));
}

/** An empty namespaces list means the namespace of the pod that owns the term. */
function namespacesOf(pod: Pod, term: PodAffinityTerm): string[] {
  return term.namespaces && term.namespaces.length > 0 ? term.namespaces : [pod.metadata.namespace];
}

function termMatches(term: Term, pod: Pod): boolean {
  return term.namespaces.includes(pod.metadata.namespace) && labelSelectorMatches(term.term.labelSelector, pod.metadata.labels);
}

const pairKey = (key: string, value: string) => `${key}\0${value}`;

function bump(counts: Map<string, number>, node: Node | undefined, key: string, by: number): void {
  const value = node?.metadata.labels[key];
  if (value === undefined) return;
  const pair = pairKey(key, value);
  counts.set(pair, (counts.get(pair) ?? 0) + by);
}

export interface InterPodAffinityState {
  pod: Pod;
  affinity: Term[];
  anti: Term[];
  /** Per topology pair: pods matching all the pod's required affinity terms. */
  affinityCounts: Map<string, number>;
  /** Per topology pair: pods matching one of the pod's required anti-affinity terms. */
  antiCounts: Map<string, number>;
  /** Per topology pair: placed pods whose required anti-affinity matches the incoming pod. */
  existingAntiCounts: Map<string, number>;
}

/** PreFilter; undefined when the plugin has nothing to check (Skip). */
export function interPodAffinityPreFilter(ctx: SimContext, cache: SchedulerCache, pod: Pod): InterPodAffinityState | undefined {
  const affinity = required(pod, pod.spec.affinity?.podAffinity);
  const anti = required(pod, pod.spec.affinity?.podAntiAffinity);
  if (affinity.length === 0 && anti.length === 0 && cache.withAffinity.size === 0) return undefined;
  const state: InterPodAffinityState = {
    pod,
    affinity,
    anti,
    affinityCounts: new Map(),
    antiCounts: new Map(),
    existingAntiCounts: new Map(),
  };
  for (const key of cache.withAffinity) {
    const existing = ctx.listers.get('Pod', key);
    const node = cache.nodeOf(key);
    if (existing && node) addExisting(state, existing, ctx.listers.get('Node', node), 1);
  }
  if (affinity.length > 0) {
    forEachMatchingPod(ctx, cache, affinity[0].namespaces, affinity[0].term.labelSelector, (other, node) =>
      addAffinity(state, other, ctx.listers.get('Node', node), 1),
    );
  }
  for (const term of anti) {
    forEachMatchingPod(ctx, cache, term.namespaces, term.term.labelSelector, (_other, node) =>
      bump(state.antiCounts, ctx.listers.get('Node', node), term.term.topologyKey, 1),
    );
  }
  return state;
}

function addExisting(state: InterPodAffinityState, existing: Pod, node: Node | undefined, by: number): void {
  for (const term of required(existing, existing.spec.affinity?.podAntiAffinity)) {
    if (termMatches(term, state.pod)) bump(state.existingAntiCounts, node, term.term.topologyKey, by);
  }
}

function addAffinity(state: InterPodAffinityState, other: Pod, node: Node | undefined, by: number): void {
  if (!state.affinity.every((term) => termMatches(term, other))) return;
  for (const term of state.affinity) bump(state.affinityCounts, node, term.term.topologyKey, by);
}

/** RemovePod / AddPod (PreFilterExtensions): what preemption's dry run changes on one node. */
export function interPodAffinityUpdate(state: InterPodAffinityState, other: Pod, node: Node, by: 1 | -1): void {
  if (other.spec.affinity?.podAntiAffinity) addExisting(state, other, node, by);
  addAffinity(state, other, node, by);
  for (const term of state.anti) if (termMatches(term, other)) bump(state.antiCounts, node, term.term.topologyKey, by);
}

export function cloneInterPodAffinityState(state: InterPodAffinityState): InterPodAffinityState {
  return {
    ...state,
    affinityCounts: new Map(state.affinityCounts),
    antiCounts: new Map(state.antiCounts),
    existingAntiCounts: new Map(state.existingAntiCounts),
  };
}

export type InterPodAffinityVerdict = 'affinity' | 'anti-affinity' | 'existing-anti-affinity' | undefined;

export function interPodAffinityFilter(state: InterPodAffinityState, node: Node): InterPodAffinityVerdict {
  const labels = node.metadata.labels;
  let podsExist = true;
  for (const term of state.affinity) {
    const value = labels[term.term.topologyKey];
    if (value === undefined) return 'affinity';
    if ((state.affinityCounts.get(pairKey(term.term.topologyKey, value)) ?? 0) <= 0) podsExist = false;
  }
  if (!podsExist) {
    // The first pod of a group with affinity to itself may go anywhere the topology exists.
    let anyCount = false;
    for (const count of state.affinityCounts.values()) if (count > 0) anyCount = true;
    if (anyCount || !state.affinity.every((term) => termMatches(term, state.pod))) return 'affinity';
  }
  for (const term of state.anti) {
    const value = labels[term.term.topologyKey];
    if (value !== undefined && (state.antiCounts.get(pairKey(term.term.topologyKey, value)) ?? 0) > 0) return 'anti-affinity';
  }
  if (state.existingAntiCounts.size > 0) {
    for (const key in labels) if ((state.existingAntiCounts.get(pairKey(key, labels[key])) ?? 0) > 0) return 'existing-anti-affinity';
  }
  return undefined;
}

/** PreScore: the score of each topology pair; undefined when no term of either side applies (Skip). */
export function interPodAffinityPreScore(ctx: SimContext, cache: SchedulerCache, pod: Pod): Map<string, number> | undefined {
  const preferredAffinity = preferred(pod, pod.spec.affinity?.podAffinity);
  const preferredAnti = preferred(pod, pod.spec.affinity?.podAntiAffinity);
  if (preferredAffinity.length === 0 && preferredAnti.length === 0 && cache.withAffinity.size === 0) return undefined;
  const scores = new Map<string, number>();
  for (const term of preferredAffinity) {
    forEachMatchingPod(ctx, cache, term.namespaces, term.term.labelSelector, (_other, node) =>
      bump(scores, ctx.listers.get('Node', node), term.term.topologyKey, term.weight),
    );
  }
  for (const term of preferredAnti) {
    forEachMatchingPod(ctx, cache, term.namespaces, term.term.labelSelector, (_other, node) =>
      bump(scores, ctx.listers.get('Node', node), term.term.topologyKey, -term.weight),
    );
  }
  for (const key of cache.withAffinity) {
    const existing = ctx.listers.get('Pod', key);
    const nodeName = cache.nodeOf(key);
    if (!existing || !nodeName) continue;
    const node = ctx.listers.get('Node', nodeName);
    const rules = existing.spec.affinity;
    for (const term of required(existing, rules?.podAffinity)) {
      if (termMatches(term, pod)) bump(scores, node, term.term.topologyKey, hardPodAffinityWeight);
    }
    for (const term of preferred(existing, rules?.podAffinity))
      if (termMatches(term, pod)) bump(scores, node, term.term.topologyKey, term.weight);
    for (const term of preferred(existing, rules?.podAntiAffinity)) {
      if (termMatches(term, pod)) bump(scores, node, term.term.topologyKey, -term.weight);
    }
  }
  return scores.size > 0 ? scores : undefined;
}

/** Score before normalising: the sum over the node's labels of their topology pairs' scores. */
export function interPodAffinityScore(scores: Map<string, number>, node: Node): number {
  let score = 0;
  const labels = node.metadata.labels;
  for (const key in labels) score += scores.get(pairKey(key, labels[key])) ?? 0;
  return score;
}
