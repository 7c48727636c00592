// Snapshots: the whole cluster as one JSON-serialisable value, and the way back. Actors are
// rebuilt in their saved state; every pending delay, theirs included, is a plain task on the
// clock and comes back with its due time and order, so a restored cluster continues exactly as
// the original would.
import type { ApiAvailability } from './apiserver/apiserver';
import type { MachineName } from './engine/actors';
import type { ClockSnapshot } from './engine/clock';
import type { Engine } from './engine/engine';
import { servedLease } from './kubelet/kubelet';
import { flushProxyRules } from './proxy/proxier';
import { emptySimState, type SimState } from './engine/state';
import type { AnyObject, KubeEvent } from './api/types';

export interface ClusterSnapshot {
  format: 'clusterbook.cluster/v1';
  clock: ClockSnapshot;
  rng: number;
  resourceVersion: number;
  objects: AnyObject[];
  events: { entries: KubeEvent[]; serial: number };
  state: SimState;
  availability: ApiAvailability;
  actors: { key: string; machine: MachineName; value: unknown; context: unknown }[];
}

/** Node Leases as a reader sees them (their renewals derived while kubelets heartbeat). */
const withServedLease = (engine: Engine) => (object: AnyObject) =>
  object.kind === 'Lease' && object.metadata.namespace === 'kube-node-lease'
    ? structuredClone(servedLease(engine, object.metadata.name) ?? object)
    : object;

export function takeSnapshot(engine: Engine): ClusterSnapshot {
  return {
    format: 'clusterbook.cluster/v1',
    clock: engine.clock.snapshot(),
    rng: engine.rng.state,
    resourceVersion: engine.store.resourceVersion,
    objects: engine.store.dump().map(withServedLease(engine)),
    events: engine.api.events.dump(),
    state: structuredClone(engine.state),
    availability: engine.apiAvailability(),
    actors: [...engine.actors].map(([key, { machine, actor }]) => {
      const snapshot = actor.getSnapshot();
      return { key, machine, value: structuredClone(snapshot.value), context: structuredClone(snapshot.context ?? {}) };
    }),
  };
}

export function isClusterSnapshot(value: unknown): value is ClusterSnapshot {
  return typeof value === 'object' && value !== null && (value as ClusterSnapshot).format === 'clusterbook.cluster/v1';
}

export function restoreSnapshot(engine: Engine, snapshot: ClusterSnapshot): void {
  engine.stopActors();
  engine.clock.load(snapshot.clock);
  engine.adoptActorTimers(snapshot.clock.timers);
  engine.rng.state = snapshot.rng;
  engine.store.load(snapshot.objects, snapshot.resourceVersion);
  engine.api.events.load(snapshot.events);
  // Fields added since the snapshot was taken start empty.
  const empty = emptySimState();
  const saved = structuredClone(snapshot.state);
  engine.state = { ...empty, ...saved, nodeLifecycle: { ...empty.nodeLifecycle, ...saved.nodeLifecycle } };
  engine.resetDerived(snapshot.availability);
  // A snapshot taken before due rules were written as their instant began may hold some past due.
  flushProxyRules(engine, engine.clock.now());
  for (const saved of snapshot.actors) {
    engine.spawn(saved.key, saved.machine, undefined, { value: saved.value, context: structuredClone(saved.context) });
  }
}
