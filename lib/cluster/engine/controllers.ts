// The control loops the engine settles, declared once: each with its queue, its sync, what it
// needs to run, and what a new leader queues for a full resync. settle, clear and resync loop
// over this table, so adding a controller is one entry here (plus the watch handler that feeds
// its queue). The order is the order loops run in within a settle round.
import { syncDaemonSets } from '../controllers/daemonset';
import { syncDeployment } from '../controllers/deployment';
import { syncDisruptionBudget } from '../controllers/disruption';
import { syncEndpoints } from '../controllers/endpoints';
import { syncEndpointSlices } from '../controllers/endpointslice';
import { syncProxyRules } from '../proxy/proxier';
import { collectDependents } from '../controllers/garbagecollector';
import { syncNamespace } from '../controllers/namespace';
import { syncNoScheduleTaints } from '../controllers/nodelifecycle';
import { syncReplicaSet } from '../controllers/replicaset';
import { syncStatefulSet } from '../controllers/statefulset';
import { syncTaintEviction } from '../controllers/tainteviction';
import { syncPod } from '../kubelet/podworker';
import { isPartitioned } from '../node/network';
import { scheduleOne } from '../scheduler/scheduler';
import { keyOf } from '../apiserver/store';
import { reconcileApiServer } from '../apiserver/reconciler';
import type { Engine } from './engine';
import type { WorkQueue } from './queues';

/** What a loop needs to run; while a need is unmet its queue is dropped (a standby has no queue). */
export type Need = 'controller manager leads' | 'scheduler leads' | 'API accepts writes';

export interface ControllerEntry<T> {
  name: string;
  queue: WorkQueue<T>;
  /** Syncs every drained item (most loops sync one at a time, see `eachItem`). */
  sync: (items: ReadonlyMap<unknown, T>) => void;
  needs: readonly Need[];
  /** The items a new leader queues: every object it watches. */
  resync?: () => Iterable<T>;
}

/** Each need as a bit, so a settle round checks a loop's needs with one mask test. */
export const needBits: Record<Need, number> = { 'controller manager leads': 1, 'scheduler leads': 2, 'API accepts writes': 4 };

/** A table entry with its item type sealed inside, so entries of different types share one list. */
export interface Controller {
  readonly name: string;
  /** The bits of needBits this loop needs. */
  readonly needs: number;
  /** Syncs what the queue holds; returns whether there was anything. */
  run(): boolean;
  clear(): void;
  resync(): void;
}

function controller<T>(entry: ControllerEntry<T>): Controller {
  const { queue, sync, resync } = entry;
  return {
    name: entry.name,
    needs: entry.needs.reduce((mask, need) => mask | needBits[need], 0),
    run: () => {
      if (queue.size === 0) return false;
      sync(queue.drain());
      return true;
    },
    clear: () => queue.clear(),
    resync: () => {
      if (resync) for (const item of resync()) queue.add(item);
    },
  };
}

/** A batch sync that syncs each item on its own (forEach: no iterator object per drain). */
function eachItem<T>(sync: (item: T) => void): (items: ReadonlyMap<unknown, T>) => void {
  return (items) =>
    items.forEach((item) => {
      sync(item);
    });
}

function* keysOf(objects: Iterable<Parameters<typeof keyOf>[0]>): Iterable<string> {
  for (const object of objects) yield keyOf(object);
}

const controllerManager: readonly Need[] = ['controller manager leads'];

export function controllerTable(engine: Engine): Controller[] {
  const { queues, store } = engine;
  return [
    controller({
      name: 'garbage collector',
      queue: queues.garbage,
      sync: eachItem((uid) => collectDependents(engine, uid)),
      needs: controllerManager,
    }),
    controller({
      name: 'deployment',
      queue: queues.deployment,
      sync: eachItem((key) => syncDeployment(engine, key)),
      needs: controllerManager,
      resync: () => keysOf(store.list('Deployment')),
    }),
    controller({
      name: 'replicaset',
      queue: queues.replicaset,
      sync: eachItem((key) => syncReplicaSet(engine, key)),
      needs: controllerManager,
      resync: () => keysOf(store.list('ReplicaSet')),
    }),
    controller({
      name: 'daemonset',
      queue: queues.daemonset,
      // One batch: each DaemonSet's status is written once, after every item that touched it.
      sync: (items) => syncDaemonSets(engine, items.values()),
      needs: controllerManager,
      resync: () => [...store.list('DaemonSet')].map((ds) => ({ kind: 'DaemonSet' as const, daemonSet: keyOf(ds) })),
    }),
    controller({
      name: 'statefulset',
      queue: queues.statefulset,
      sync: eachItem((key) => syncStatefulSet(engine, key)),
      needs: controllerManager,
      resync: () => keysOf(store.list('StatefulSet')),
    }),
    controller({
      name: 'namespace',
      queue: queues.namespace,
      sync: eachItem((name) => syncNamespace(engine, name)),
      needs: controllerManager,
      resync: () => [...store.list('Namespace')].filter((ns) => ns.metadata.deletionTimestamp !== undefined).map((ns) => ns.metadata.name),
    }),
    controller({
      name: 'disruption',
      queue: queues.disruption,
      sync: eachItem((key) => syncDisruptionBudget(engine, key)),
      needs: controllerManager,
      resync: () => keysOf(store.list('PodDisruptionBudget')),
    }),
    controller({
      name: 'node lifecycle (NoSchedule taints)',
      queue: queues.noScheduleTaints,
      sync: eachItem((name) => syncNoScheduleTaints(engine, name)),
      needs: controllerManager,
      resync: () => keysOf(store.list('Node')),
    }),
    controller({
      name: 'taint eviction',
      queue: queues.taintEviction,
      sync: eachItem((item) => syncTaintEviction(engine, item)),
      needs: controllerManager,
      resync: () => [...store.list('Node')].map((node) => ({ kind: 'Node' as const, node: node.metadata.name })),
    }),
    controller({
      name: 'endpoints',
      queue: queues.endpoints,
      sync: eachItem((key) => syncEndpoints(engine, key)),
      needs: controllerManager,
      resync: () => keysOf(store.list('Service')),
    }),
    controller({
      name: 'endpointslice',
      queue: queues.endpointSlice,
      sync: eachItem((key) => syncEndpointSlices(engine, key)),
      needs: controllerManager,
      resync: () => keysOf(store.list('Service')),
    }),
    controller({
      name: 'scheduler',
      queue: queues.scheduling,
      sync: eachItem((key) => scheduleOne(engine, engine, key)),
      needs: ['scheduler leads', 'API accepts writes'],
    }),
    controller({
      name: 'kubelet pod workers',
      queue: queues.kubelet,
      sync: eachItem((item) => {
        // A partitioned kubelet's watch delivers nothing; healing resyncs every pod of its node (#46).
        if (engine.kubeletRunning(item.node) && !isPartitioned(engine, item.node)) syncPod(engine, item.node, item.pod);
      }),
      needs: ['API accepts writes'],
    }),
    // The API server's own loops: they need only a working API.
    controller({
      name: 'API server reconcilers',
      queue: queues.apiServer,
      sync: () => reconcileApiServer(engine),
      needs: ['API accepts writes'],
    }),
    // kube-proxy runs on every node and keeps its rules when the API is away: it needs nothing.
    controller({
      name: 'kube-proxy',
      queue: queues.proxy,
      sync: eachItem((key) => syncProxyRules(engine, key)),
      needs: [],
    }),
  ];
}
