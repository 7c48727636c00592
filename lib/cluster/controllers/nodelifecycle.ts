// The node lifecycle controller (pkg/controller/nodelifecycle): notices stale nodes (#5, #6),
// marks them Unknown (#7), taints them (#8), marks their pods not ready (#9), and keeps a state
// and a rate-limited NoExecute tainter per zone (#10, #47-#49).
import { involved } from '../apiserver/apiserver';
import { defaults } from '../engine/config';
import type { SimContext } from '../engine/context';
import { leaseRenewTime } from '../kubelet/kubelet';
import { readyStatusOf, type NodeHealth, type ZoneState, type ZoneTainter } from '../engine/state';
import { sameTaint, taintKeys } from '../api/taints';
import type { ConditionStatus, Node, Taint } from '../api/types';
import {
  computeZoneState,
  conditionsMarkedUnknown,
  conditionTaints,
  excludedFromDisruptionChecks,
  noExecuteTaintFor,
  tainterQpsFor,
  zoneKey,
} from './nodelifecycle.policy';
import { setCondition } from './podutil';

/** After (re)gaining leadership nothing is stale yet: every node starts with probe = now (the engine requeues every node). */
export function startWithFreshObservations(ctx: SimContext): void {
  const lifecycle = ctx.state.nodeLifecycle;
  lifecycle.health = {};
  // A new leader is a new process: every zone is unseen again and gets a fresh tainter.
  lifecycle.zoneStates = {};
  lifecycle.tainters = {};
}

/**
 * The controller keeps only its latest log lines: a real container log grows without bound, but
 * a learner reads the last few, and a snapshot should not grow with every zone change.
 */
const maxLogLines = 200;

/** klog's structured form: "message" key="value" (values quoted as Go's %q, so NUL is \x00). */
function logInfo(ctx: SimContext, source: string, message: string, pairs: Record<string, string> = {}): void {
  const quote = (text: string) => JSON.stringify(text).replaceAll('\\u0000', '\\x00');
  const text = [quote(message), ...Object.entries(pairs).map(([key, value]) => `${key}=${quote(value)}`)].join(' ');
  const log = ctx.state.nodeLifecycle.log;
  log.push({ at: ctx.clock.now(), source, text });
  if (log.length > maxLogLines) log.splice(0, log.length - maxLogLines);
}

/** NewRateLimitedTimedQueue with a token bucket at the healthy rate, burst 1 (full at first). */
function newTainter(ctx: SimContext): ZoneTainter {
  return { queue: [], marked: {}, qps: defaults.evictionRateQps, tokens: 1, refilledAt: ctx.clock.now() };
}

/** The token bucket's TryAccept (golang.org/x/time/rate, burst 1). */
function tryAccept(tainter: ZoneTainter, now: number): boolean {
  tainter.tokens = Math.min(1, tainter.tokens + ((now - tainter.refilledAt) / 1000) * tainter.qps);
  tainter.refilledAt = now;
  if (tainter.tokens < 1) return false;
  tainter.tokens -= 1;
  return true;
}

/**
 * SwapLimiter: a new bucket at the new rate, or one that never admits anything at rate 0. With
 * burst 1 the new bucket starts drained when the old one was (so a swap grants no extra eviction).
 */
function swapLimiter(ctx: SimContext, tainter: ZoneTainter, qps: number): void {
  if (tainter.qps === qps) return;
  const now = ctx.clock.now();
  const drained = qps > 0 && !tryAccept(tainter, now);
  tainter.qps = Math.max(qps, 0);
  tainter.tokens = qps > 0 && !drained ? 1 : 0;
  tainter.refilledAt = now;
  if (qps > 0 && tainter.queue.length > 0) ctx.nodesQueuedForTainting();
}

/** UniqueQueue.Remove: out of the queue and out of the set, so the node can be queued again. */
function removeFromTainter(tainter: ZoneTainter | undefined, name: string): void {
  if (!tainter || !Object.hasOwn(tainter.marked, name)) return;
  delete tainter.marked[name];
  tainter.queue = tainter.queue.filter((each) => each !== name);
}

/** addPodEvictorForNewZone: an unseen zone starts Initial, with a new tainter. */
function addZoneIfNew(ctx: SimContext, zone: string): void {
  const lifecycle = ctx.state.nodeLifecycle;
  if (Object.hasOwn(lifecycle.zoneStates, zone)) return;
  lifecycle.zoneStates[zone] = 'Initial';
  lifecycle.tainters[zone] = newTainter(ctx);
  logInfo(ctx, 'node_lifecycle_controller.go:1208', 'Initializing eviction metric for zone', { zone });
}

function observe(ctx: SimContext, node: Node, heartbeat: number | undefined): NodeHealth {
  const now = ctx.clock.now();
  const name = node.metadata.name;
  const health = (ctx.state.nodeLifecycle.health[name] ??= { probeTimestamp: now, readyTransitionTimestamp: now });
  const renewTime = leaseRenewTime(ctx, name);
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

/** tryUpdateNodeHealth: a node not heard from within the grace period goes Unknown; true when it was marked. */
function markUnknownIfStale(ctx: SimContext, node: Node, health: NodeHealth): boolean {
  const now = ctx.clock.now();
  if (now <= health.probeTimestamp + defaults.nodeMonitorGracePeriodMs) return false;
  const stale = node.status.conditions.some(
    (condition) => (conditionsMarkedUnknown as readonly string[]).includes(condition.type) && condition.status !== 'Unknown',
  );
  if (!stale) return false;
  ctx.client.update(node, 'status', (target) => {
    for (const type of conditionsMarkedUnknown) {
      setCondition(target.status.conditions, type, 'Unknown', now, 'NodeStatusUnknown', 'Kubelet stopped posting node status.');
    }
  });
  health.readyTransitionTimestamp = now;
  // A live kubelet notices that its status was overwritten on its next 10s computation.
  ctx.nodeStatusOverwritten(node.metadata.name);
  return true;
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

/** markNodeAsReachable: drop both NoExecute taints and the node's place in its zone's tainter. */
function markNodeAsReachable(ctx: SimContext, node: Node, zone = zoneKey(node.metadata.labels)): void {
  if (node.spec.taints.some(isControllerTaint)) {
    ctx.client.update(node, 'spec', (target) => {
      target.spec.taints = target.spec.taints.filter((taint) => !isControllerTaint(taint));
    });
  }
  removeFromTainter(ctx.state.nodeLifecycle.tainters[zone], node.metadata.name);
}

/** Per tainter, the nodes one pass (re)queues, in the order it reached them. */
type Requeued = Map<ZoneTainter, string[]>;

/**
 * markNodeForTainting: a node not yet carrying the taint is removed and added again, so it goes
 * behind the nodes this pass reached before it; one already tainted stays in the set untouched.
 * The pass collects these and rewrites each queue once (requeue), not once per node.
 */
function markNodeForTainting(ctx: SimContext, node: Node, zone: string, taint: string, requeued: Requeued): void {
  const tainter = ctx.state.nodeLifecycle.tainters[zone];
  const name = node.metadata.name;
  const wanted = { key: taint, effect: 'NoExecute' } as const;
  const tainted = node.spec.taints.some((each) => sameTaint(each, wanted));
  if (tainted && Object.hasOwn(tainter.marked, name)) return;
  tainter.marked[name] = true;
  const names = requeued.get(tainter);
  if (names) names.push(name);
  else requeued.set(tainter, [name]);
}

function requeue(ctx: SimContext, requeued: Requeued): void {
  for (const [tainter, names] of requeued) {
    const moved = new Set(names);
    tainter.queue = tainter.queue.filter((name) => !moved.has(name)).concat(names);
    if (tainter.qps > 0) ctx.nodesQueuedForTainting();
  }
}

/**
 * processTaintBaseEviction, driven by the Ready status observed at the start of this pass (#49):
 * a node marked Unknown in this pass is queued only in the next one.
 */
function processTaintBaseEviction(
  ctx: SimContext,
  node: Node,
  zone: string,
  observed: ConditionStatus | undefined,
  requeued: Requeued,
): void {
  if (observed === 'True') {
    markNodeAsReachable(ctx, node, zone);
    return;
  }
  const swap = observed && noExecuteTaintFor[observed];
  if (!swap) return;
  if (node.spec.taints.some((taint) => taint.key === swap.remove && taint.effect === 'NoExecute')) {
    swapNoExecuteTaint(ctx, node, swap.add, swap.remove);
  } else markNodeForTainting(ctx, node, zone, swap.add, requeued);
}

/** monitorNodeHealth: one pass every node-monitor-period. */
export function monitorNodeHealth(ctx: SimContext): void {
  const zones = new Map<string, (ConditionStatus | undefined)[]>();
  // The pass writes nodes in place and adds or removes none: the engine's cached list serves.
  const nodes = ctx.nodes();
  const requeued: Requeued = new Map();
  // Each node's zone key, built once per pass: the tainters and the disruption count both use it.
  const zoneOf = nodes.map((node) => zoneKey(node.metadata.labels));
  for (const zone of zoneOf) addZoneIfNew(ctx, zone);
  for (let i = 0; i < nodes.length; i++) {
    const node = nodes[i];
    const zone = zoneOf[i];
    const ready = node.status.conditions.find((condition) => condition.type === 'Ready');
    const observed = ready?.status;
    const health = observe(ctx, node, ready?.lastHeartbeatTime);
    // Marking sets Ready (among others) to Unknown.
    const current = markUnknownIfStale(ctx, node, health) ? 'Unknown' : observed;
    if (!excludedFromDisruptionChecks(node.metadata.labels)) {
      let statuses = zones.get(zone);
      if (!statuses) zones.set(zone, (statuses = []));
      statuses.push(current);
    }
    if (current === undefined) continue;
    processTaintBaseEviction(ctx, node, zone, observed, requeued);
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
  requeue(ctx, requeued);
  handleDisruption(ctx, zones, nodes);
}

/** setLimiterInZone. */
function setLimiterInZone(ctx: SimContext, zone: string, zoneSize: number, state: ZoneState): void {
  const qps = tainterQpsFor(state, zoneSize);
  const tainter = ctx.state.nodeLifecycle.tainters[zone];
  if (qps !== undefined && tainter) swapLimiter(ctx, tainter, qps);
}

/** handleDisruption (#10, #48): zone states and their rates, and master disruption mode. */
function handleDisruption(ctx: SimContext, zones: Map<string, (ConditionStatus | undefined)[]>, nodes: Node[]): void {
  const lifecycle = ctx.state.nodeLifecycle;
  const next = new Map([...zones].map(([zone, statuses]) => [zone, computeZoneState(statuses)]));
  for (const zone of Object.keys(lifecycle.zoneStates)) if (!zones.has(zone)) delete lifecycle.zoneStates[zone];
  const allAreFull = [...next.values()].every((state) => state === 'FullDisruption');
  const allWereFull = Object.values(lifecycle.zoneStates).every((state) => state === 'FullDisruption');
  if (allAreFull && allWereFull) return;
  const size = (zone: string) => zones.get(zone)?.length ?? 0;
  if (allAreFull) {
    // Every counted node is down: more likely the controller's own network than the fleet. Evict nobody.
    logInfo(ctx, 'node_lifecycle_controller.go:1027', 'Controller detected that all Nodes are not-Ready. Entering master disruption mode');
    for (const node of nodes) markNodeAsReachable(ctx, node);
    for (const zone of Object.keys(lifecycle.zoneStates)) {
      swapLimiter(ctx, lifecycle.tainters[zone], 0);
      lifecycle.zoneStates[zone] = 'FullDisruption';
    }
    return;
  }
  if (allWereFull) {
    logInfo(ctx, 'node_lifecycle_controller.go:1044', 'Controller detected that some Nodes are Ready. Exiting master disruption mode');
    const now = ctx.clock.now();
    for (const node of nodes) {
      const health = lifecycle.health[node.metadata.name];
      if (!health) continue;
      health.probeTimestamp = now;
      health.readyTransitionTimestamp = now;
    }
    for (const zone of Object.keys(lifecycle.zoneStates)) {
      const state = next.get(zone)!;
      setLimiterInZone(ctx, zone, size(zone), state);
      lifecycle.zoneStates[zone] = state;
    }
    return;
  }
  for (const [zone, current] of Object.entries(lifecycle.zoneStates)) {
    const state = next.get(zone)!;
    if (current === state) continue;
    logInfo(ctx, 'node_lifecycle_controller.go:1066', 'Controller detected that zone is now in new state', { zone, newState: state });
    setLimiterInZone(ctx, zone, size(zone), state);
    lifecycle.zoneStates[zone] = state;
  }
}

/**
 * doNoExecuteTaintingPass: each zone's tainter taints queued nodes as its token bucket allows.
 * Try takes a token before it looks at the node, so a node that is Ready again (or gone) uses
 * one up too.
 */
export function taintQueuedNodes(ctx: SimContext): void {
  const now = ctx.clock.now();
  for (const tainter of Object.values(ctx.state.nodeLifecycle.tainters)) {
    while (tainter.queue.length > 0 && tryAccept(tainter, now)) {
      const name = tainter.queue.shift()!;
      const node = ctx.listers.get('Node', name);
      const status = node && readyStatusOf(node.status.conditions);
      const swap = status && noExecuteTaintFor[status];
      if (node && swap) swapNoExecuteTaint(ctx, node, swap.add, swap.remove);
    }
  }
}

/** Whether the tainting loop can rest: no zone whose rate admits anything has a node queued. */
export function nothingToTaint(ctx: SimContext): boolean {
  return Object.values(ctx.state.nodeLifecycle.tainters).every((tainter) => tainter.queue.length === 0 || tainter.qps <= 0);
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
