// The node lifecycle controller (pkg/controller/nodelifecycle): notices stale nodes (#5, #6),
// marks them Unknown (#7), taints them (#8), marks their pods not ready (#9) and throttles
// evictions when a zone is disrupted (#10).
import { involved } from '../apiserver/apiserver';
import { defaults } from '../engine/config';
import type { SimContext } from '../engine/context';
import { leaseRenewTime } from '../kubelet/kubelet';
import { readyStatusOf, type NodeHealth } from '../engine/state';
import { sameTaint, taintKeys } from '../api/taints';
import type { ConditionStatus, Node, Taint } from '../api/types';
import {
  computeZoneState,
  conditionsMarkedUnknown,
  conditionTaints,
  noExecuteTaintFor,
  tainterQpsFor,
  zoneOf,
} from './nodelifecycle.policy';
import { setCondition } from './podutil';

/** After (re)gaining leadership nothing is stale yet: every node starts with probe = now (the engine requeues every node). */
export function startWithFreshObservations(ctx: SimContext): void {
  const lifecycle = ctx.state.nodeLifecycle;
  lifecycle.health = {};
  lifecycle.taintQueue = [];
  lifecycle.taintMarked = [];
}

function observe(ctx: SimContext, node: Node): NodeHealth {
  const now = ctx.clock.now();
  const name = node.metadata.name;
  const health = (ctx.state.nodeLifecycle.health[name] ??= { probeTimestamp: now, readyTransitionTimestamp: now });
  const renewTime = leaseRenewTime(ctx, name);
  const heartbeat = node.status.conditions.find((condition) => condition.type === 'Ready')?.lastHeartbeatTime;
  if (renewTime !== undefined && renewTime !== health.leaseRenewTime) {
    health.leaseRenewTime = renewTime;
    health.probeTimestamp = now;
  }
  if (heartbeat !== undefined && heartbeat !== health.heartbeatTime) {
    health.heartbeatTime = heartbeat;
    health.probeTimestamp = now;
  }
  return health;
}

/** tryUpdateNodeHealth: a node not heard from within the grace period goes Unknown. */
function markUnknownIfStale(ctx: SimContext, node: Node, health: NodeHealth): void {
  const now = ctx.clock.now();
  if (now <= health.probeTimestamp + defaults.nodeMonitorGracePeriodMs) return;
  const stale = node.status.conditions.some(
    (condition) => (conditionsMarkedUnknown as readonly string[]).includes(condition.type) && condition.status !== 'Unknown',
  );
  if (!stale) return;
  ctx.client.update(node, 'status', (target) => {
    for (const type of conditionsMarkedUnknown) {
      setCondition(target.status.conditions, type, 'Unknown', now, 'NodeStatusUnknown', 'Kubelet stopped posting node status.');
    }
  });
  health.readyTransitionTimestamp = now;
  // A live kubelet notices that its status was overwritten on its next 10s computation.
  ctx.nodeStatusOverwritten(node.metadata.name);
}

/** #9 MarkPodsNotReady: every pod on the node gets Ready=False and a NodeNotReady event. */
function markPodsNotReady(ctx: SimContext, node: Node): void {
  const now = ctx.clock.now();
  for (const pod of ctx.listers.podsOnNode(node.metadata.name)) {
    const ready = pod.status.conditions.find((condition) => condition.type === 'Ready');
    if (!ready || ready.status === 'False') continue;
    ctx.client.update(pod, 'status', (target) => {
      setCondition(target.status.conditions, 'Ready', 'False', now, ready.reason, ready.message);
    });
    ctx.client.record(involved(pod), 'Warning', 'NodeNotReady', 'Node is not ready', 'node-controller');
  }
}

function swapNoExecuteTaint(ctx: SimContext, node: Node, add: string, remove: string): void {
  const now = ctx.clock.now();
  const has = node.spec.taints.some((taint) => sameTaint(taint, { key: add, effect: 'NoExecute' }));
  const hasOpposite = node.spec.taints.some((taint) => sameTaint(taint, { key: remove, effect: 'NoExecute' }));
  if (has && !hasOpposite) return;
  ctx.client.update(node, 'spec', (target) => {
    target.spec.taints = target.spec.taints.filter((taint) => !sameTaint(taint, { key: remove, effect: 'NoExecute' }));
    if (!has) target.spec.taints.push({ key: add, effect: 'NoExecute', timeAdded: now });
  });
}

/** A NoExecute taint this controller manages (defined once: it runs for every node every 5s). */
function isControllerTaint(taint: Taint): boolean {
  return taint.effect === 'NoExecute' && (taint.key === taintKeys.unreachable || taint.key === taintKeys.notReady);
}

/** markNodeAsReachable: drop both NoExecute taints and the node's place in the tainting queue. */
function markNodeAsReachable(ctx: SimContext, node: Node): void {
  const lifecycle = ctx.state.nodeLifecycle;
  if (lifecycle.taintMarked.includes(node.metadata.name)) {
    lifecycle.taintQueue = lifecycle.taintQueue.filter((name) => name !== node.metadata.name);
    lifecycle.taintMarked = lifecycle.taintMarked.filter((name) => name !== node.metadata.name);
  }
  if (!node.spec.taints.some(isControllerTaint)) return;
  ctx.client.update(node, 'spec', (target) => {
    target.spec.taints = target.spec.taints.filter((taint) => !isControllerTaint(taint));
  });
}

/** processTaintBaseEviction, driven by the Ready status seen at the start of this pass. */
function processTaintBaseEviction(ctx: SimContext, node: Node, observed: ConditionStatus | undefined): void {
  const lifecycle = ctx.state.nodeLifecycle;
  if (observed === 'True' || observed === undefined) {
    markNodeAsReachable(ctx, node);
    return;
  }
  const swap = noExecuteTaintFor[observed]!;
  if (node.spec.taints.some((taint) => sameTaint(taint, { key: swap.remove, effect: 'NoExecute' }))) {
    swapNoExecuteTaint(ctx, node, swap.add, swap.remove);
  } else if (!lifecycle.taintMarked.includes(node.metadata.name)) {
    lifecycle.taintMarked.push(node.metadata.name);
    lifecycle.taintQueue.push(node.metadata.name);
    ctx.nodesQueuedForTainting();
  }
}

/** monitorNodeHealth: one pass every node-monitor-period. */
export function monitorNodeHealth(ctx: SimContext): void {
  const zones = new Map<string, (ConditionStatus | undefined)[]>();
  const nodes = [...ctx.listers.list('Node')];
  for (const node of nodes) {
    const observed = readyStatusOf(node.status.conditions);
    const health = observe(ctx, node);
    markUnknownIfStale(ctx, node, health);
    const current = readyStatusOf(node.status.conditions);
    const zone = zoneOf(node.metadata.labels);
    if (!zones.has(zone)) zones.set(zone, []);
    zones.get(zone)!.push(current);
    ctx.state.nodeLifecycle.zoneStates[zone] ??= 'Initial';
    processTaintBaseEviction(ctx, node, observed);
    if (current !== 'True' && observed === 'True') {
      ctx.client.record(
        involved(node),
        'Normal',
        'NodeNotReady',
        `Node ${node.metadata.name} status is now: NodeNotReady`,
        'node-controller',
      );
      markPodsNotReady(ctx, node);
    }
  }
  handleDisruption(ctx, zones, nodes);
}

function handleDisruption(ctx: SimContext, zones: Map<string, (ConditionStatus | undefined)[]>, nodes: Node[]): void {
  const lifecycle = ctx.state.nodeLifecycle;
  const next = new Map([...zones].map(([zone, statuses]) => [zone, computeZoneState(statuses)]));
  for (const zone of Object.keys(lifecycle.zoneStates)) if (!zones.has(zone)) delete lifecycle.zoneStates[zone];
  const allAreFull = [...next.values()].every((state) => state === 'FullDisruption');
  const allWereFull = Object.values(lifecycle.zoneStates).every((state) => state === 'FullDisruption');
  if (allAreFull && allWereFull) return;
  if (allAreFull) {
    // Every node is down: most likely the control plane's own network. Evict nobody.
    for (const node of nodes) markNodeAsReachable(ctx, node);
    setTainterRate(ctx, 0);
    for (const zone of zones.keys()) lifecycle.zoneStates[zone] = 'FullDisruption';
    return;
  }
  if (allWereFull) {
    const now = ctx.clock.now();
    for (const health of Object.values(lifecycle.health)) {
      health.probeTimestamp = now;
      health.readyTransitionTimestamp = now;
    }
  }
  for (const [zone, state] of next) {
    if (lifecycle.zoneStates[zone] === state && !allWereFull) continue;
    setTainterRate(ctx, tainterQpsFor(state, zones.get(zone)!.length));
    lifecycle.zoneStates[zone] = state;
  }
}

/** SwapLimiter: a new token bucket (burst 1), or one that never admits anything at rate 0. */
function setTainterRate(ctx: SimContext, qps: number): void {
  const lifecycle = ctx.state.nodeLifecycle;
  if (lifecycle.tainterQps === qps) return;
  lifecycle.tainterQps = qps;
  lifecycle.tainterTokens = qps > 0 ? 1 : 0;
  lifecycle.tainterRefilledAt = ctx.clock.now();
}

/** doNoExecuteTaintingPass: taints queued nodes as the token bucket allows. */
export function taintQueuedNodes(ctx: SimContext): void {
  const lifecycle = ctx.state.nodeLifecycle;
  const now = ctx.clock.now();
  lifecycle.tainterTokens = Math.min(1, lifecycle.tainterTokens + ((now - lifecycle.tainterRefilledAt) / 1000) * lifecycle.tainterQps);
  lifecycle.tainterRefilledAt = now;
  while (lifecycle.taintQueue.length > 0 && lifecycle.tainterTokens >= 1) {
    const name = lifecycle.taintQueue.shift()!;
    const node = ctx.listers.get('Node', name);
    const status = node && readyStatusOf(node.status.conditions);
    const swap = status && noExecuteTaintFor[status];
    if (!node || !swap) continue;
    lifecycle.tainterTokens -= 1;
    swapNoExecuteTaint(ctx, node, swap.add, swap.remove);
  }
}

export function nothingToTaint(ctx: SimContext): boolean {
  return ctx.state.nodeLifecycle.taintQueue.length === 0;
}

/** doNoScheduleTaintingPass: NoSchedule taints mirror conditions and spec.unschedulable (#8, #26). */
export function syncNoScheduleTaints(ctx: SimContext, name: string): void {
  const node = ctx.listers.get('Node', name);
  if (!node) return;
  const wanted = new Set<string>();
  for (const rule of conditionTaints) {
    if (node.status.conditions.some((condition) => condition.type === rule.condition && condition.status === rule.status))
      wanted.add(rule.taint);
  }
  if (node.spec.unschedulable) wanted.add(taintKeys.unschedulable);
  const managed = new Set([...conditionTaints.map((rule) => rule.taint), taintKeys.unschedulable]);
  const present = new Set(
    node.spec.taints.filter((taint) => taint.effect === 'NoSchedule' && managed.has(taint.key)).map((taint) => taint.key),
  );
  const toAdd = [...wanted].filter((key) => !present.has(key));
  const toRemove = [...present].filter((key) => !wanted.has(key));
  if (toAdd.length === 0 && toRemove.length === 0) return;
  const now = ctx.clock.now();
  ctx.client.update(node, 'spec', (target) => {
    target.spec.taints = target.spec.taints.filter((taint) => !(taint.effect === 'NoSchedule' && toRemove.includes(taint.key)));
    for (const key of toAdd) target.spec.taints.push({ key, effect: 'NoSchedule', timeAdded: now });
  });
}
