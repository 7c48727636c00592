// The simulation engine: owns the clock, the API server, the plain state and the actors, routes
// watch events to work queues, and settles the queues after every command and every timer.
import { createActor, type Actor, type AnyStateMachine } from 'xstate';
import { ApiServer, type ApiAvailability } from '../apiserver/apiserver';
import { keyOf } from '../apiserver/store';
import { provideMachines, type MachineName, type Machines } from './actors';
import { VirtualClock, type TimerTask } from './clock';
import { defaults } from './config';
import type { SimContext } from './context';
import { syncDaemonSets } from '../controllers/daemonset';
import { syncDeployment } from '../controllers/deployment';
import { OwnerPodCounts, type PodCounts } from '../controllers/podcounts';
import { syncDisruptionBudget } from '../controllers/disruption';
import { collectDependents } from '../controllers/garbagecollector';
import { startWithFreshObservations, syncNoScheduleTaints } from '../controllers/nodelifecycle';
import { syncReplicaSet } from '../controllers/replicaset';
import { syncStatefulSet } from '../controllers/statefulset';
import { evictPod, syncTaintEviction } from '../controllers/tainteviction';
import { completeStep, resyncNodePods, syncPod } from '../kubelet/podworker';
import { WorkQueues, type WorkQueue } from './queues';
import { SchedulerCache, type NodeUsage } from '../scheduler/cache';
import { NodeTable } from '../scheduler/nodetable';
import { scheduleOne } from '../scheduler/scheduler';
import { emptySimState, type SimState } from './state';
import type { Node } from '../api/types';
import { Rng } from '../util/rng';
import { routeWatchEvent, type PodSignatures } from './watch';

type AnyActor = Actor<AnyStateMachine>;

interface ActorEntry {
  machine: MachineName;
  actor: AnyActor;
}

/** Settling stops after this many rounds: a guard against a livelock bug, never reached in practice. */
const maxSettleRounds = 10_000;

export class Engine implements SimContext {
  readonly clock = new VirtualClock();
  readonly rng: Rng;
  readonly api: ApiServer;
  readonly queues = new WorkQueues();
  readonly cache = new SchedulerCache();
  state: SimState = emptySimState();
  /** The cluster has been up a while: bootstrap pods start at once, without pull events. */
  bootstrapping = false;
  readonly actors = new Map<string, ActorEntry>();
  readonly kubelets = new Map<string, AnyActor>();
  private readonly machines: Machines;
  private availability: ApiAvailability = 'available';
  private nodeListCache: Node[] | undefined;
  private table: NodeTable | undefined;
  private readonly podSignatures: PodSignatures = new Map();
  /** Per owner: how many of its pods are active, ready, bound (for status syncs). */
  private readonly ownerPods = new OwnerPodCounts();
  controlPlaneNode = 'control-plane';

  constructor(seedState: number) {
    this.rng = new Rng(seedState);
    this.api = new ApiServer(
      this.clock,
      this.rng,
      () => this.availability,
      () => this.state.nextServiceIp++,
    );
    this.cache.onUsageChanged = (node, usage) => this.table?.usageChanged(node, usage);
    this.machines = provideMachines(this);
    const indexes = { cache: this.cache, signatures: this.podSignatures, podCounts: this.ownerPods };
    this.api.store.watch((event) => {
      if (event.kind === 'Node') {
        if (event.type !== 'MODIFIED') this.nodeListCache = this.table = undefined;
        else this.table?.nodeChanged(event.object as Node);
      }
      routeWatchEvent(this, indexes, event);
    });
  }

  get store() {
    return this.api.store;
  }

  schedule(task: TimerTask, delayMs: number): number {
    return this.clock.schedule(task, delayMs);
  }

  kubeletRunning(node: string): boolean {
    const value = this.kubelets.get(node)?.getSnapshot().value;
    return typeof value === 'object' && value !== null && 'running' in value;
  }

  nodeStatusOverwritten(node: string): void {
    this.kubelets.get(node)?.send({ type: 'NODE_STATUS_CHANGED' });
  }

  nodesQueuedForTainting(): void {
    this.actor('controllerManager').send({ type: 'NODES_QUEUED_FOR_TAINTING' });
  }

  actor(key: string): AnyActor {
    return this.actors.get(key)!.actor;
  }

  actorState(key: string): unknown {
    return this.actors.get(key)?.actor.getSnapshot().value;
  }

  apiAvailability(): ApiAvailability {
    return this.availability;
  }

  nodes(): Node[] {
    return (this.nodeListCache ??= [...this.store.list('Node')]);
  }

  podCounts(ownerUid: string): Readonly<PodCounts> {
    return this.ownerPods.of(ownerUid);
  }

  usageOf(node: string): NodeUsage {
    return this.cache.usageOf(node);
  }

  /** The nodes with the scheduler cache's usage, as flat arrays in the order of nodes(). */
  nodeTable(): NodeTable {
    return (this.table ??= new NodeTable(this.nodes(), (node) => this.cache.usageOf(node)));
  }

  /** Creates and starts an actor whose delays run on the virtual clock. */
  spawn(key: string, machine: MachineName, input: unknown, restored?: { value: unknown; context: unknown }): AnyActor {
    const logic = this.machines[machine] as unknown as AnyStateMachine;
    let actor: AnyActor | undefined;
    const clock = this.clock.forActor(key, () => {
      const scheduled = Object.values(actor!.system.getSnapshot()._scheduledEvents);
      const last = scheduled[scheduled.length - 1];
      return { id: last.id, event: last.event as TimerTask['event'] };
    });
    const snapshot = restored ? logic.resolveState({ value: restored.value as never, context: restored.context as never }) : undefined;
    actor = createActor(logic, { clock, input, snapshot }) as AnyActor;
    this.actors.set(key, { machine, actor });
    if (machine === 'kubelet') this.kubelets.set(key.slice('kubelet/'.length), actor);
    actor.start();
    return actor;
  }

  /** Delivers a plain-data timer to its owner. */
  dispatch(task: TimerTask): void {
    const event = task.event as { type: string; podKey: string; uid: string; attempt: number };
    if (task.owner === 'tainteviction') {
      if (this.controllersLeading()) evictPod(this, event.podKey, event.uid);
    } else if (task.owner.startsWith('kubelet/')) {
      completeStep(this, task.owner.slice('kubelet/'.length), event);
    }
  }

  advanceTo(target: number): void {
    this.clock.runUntil(
      target,
      (task) => this.dispatch(task),
      () => this.afterChange(),
    );
    // Expiry is etcd lease expiry: it needs quorum like any write.
    if (this.api.canWrite()) this.api.events.expire(this.clock.now(), defaults.eventTtlMs);
  }

  /** After anything happened: notice API availability changes, then let every controller catch up. */
  afterChange(): void {
    this.refreshAvailability();
    this.settle();
  }

  controllersLeading(): boolean {
    const value = this.actors.get('controllerManager')?.actor.getSnapshot().value;
    return typeof value === 'object' && value !== null && 'leading' in value;
  }

  private schedulerLeading(): boolean {
    return this.actors.get('scheduler')?.actor.getSnapshot().value === 'leading';
  }

  private computeAvailability(): ApiAvailability {
    const controlPlane = this.actors.get(`node/${this.controlPlaneNode}`);
    if (controlPlane && controlPlane.actor.getSnapshot().value !== 'running') return 'unreachable';
    const etcd = this.actors.get('etcd');
    if (etcd && etcd.actor.getSnapshot().value !== 'quorate') return 'no-quorum';
    return 'available';
  }

  refreshAvailability(): void {
    const next = this.computeAvailability();
    if (next === this.availability) return;
    const wasAvailable = this.availability === 'available';
    this.availability = next;
    if (wasAvailable === (next === 'available')) return;
    const type = next === 'available' ? 'API_REACHABLE' : 'API_UNREACHABLE';
    if (type === 'API_UNREACHABLE') this.dropEvictions();
    for (const [, actor] of this.kubelets) actor.send({ type });
    this.actor('controllerManager').send({ type });
    this.actor('scheduler').send({ type });
    if (type === 'API_REACHABLE') for (const [node] of this.kubelets) if (this.kubeletRunning(node)) resyncNodePods(this, node);
  }

  /** A new leader: nothing observed yet, every object queued for a full resync. */
  resyncControllers(): void {
    startWithFreshObservations(this);
    const { queues, store } = this;
    for (const node of store.list('Node')) queues.taintEviction.add(`node:${node.metadata.name}`);
    for (const object of store.list('Deployment')) queues.deployment.add(keyOf(object));
    for (const object of store.list('ReplicaSet')) queues.replicaset.add(keyOf(object));
    for (const object of store.list('DaemonSet')) queues.daemonset.add(`ds:${keyOf(object)}`);
    for (const object of store.list('StatefulSet')) queues.statefulset.add(keyOf(object));
    for (const object of store.list('PodDisruptionBudget')) queues.disruption.add(keyOf(object));
  }

  private dropEvictions(): void {
    for (const eviction of Object.values(this.state.evictions)) this.clock.cancel(eviction.timerId);
    this.state.evictions = {};
  }

  /** Each queue's sync, bound once (settle runs after every command and every timer). */
  private readonly syncs = {
    garbage: (uid: string) => collectDependents(this, uid),
    deployment: (key: string) => syncDeployment(this, key),
    replicaset: (key: string) => syncReplicaSet(this, key),
    statefulset: (key: string) => syncStatefulSet(this, key),
    disruption: (key: string) => syncDisruptionBudget(this, key),
    noScheduleTaints: (name: string) => syncNoScheduleTaints(this, name),
    taintEviction: (item: string) => syncTaintEviction(this, item),
    scheduling: (key: string) => scheduleOne(this, this, key),
    kubelet: (item: string) => {
      const split = item.indexOf('\u0000');
      const node = item.slice(0, split);
      if (this.kubeletRunning(node)) syncPod(this, node, item.slice(split + 1));
    },
  };

  /** Syncs every key the queue holds; returns whether there was any. */
  private runQueue(queue: WorkQueue, sync: (key: string) => void): boolean {
    if (queue.size === 0) return false;
    // forEach rather than for-of: no iterator object per drain (settle runs after every timer).
    queue.drain().forEach(sync);
    return true;
  }

  settle(): void {
    const q = this.queues;
    const { syncs } = this;
    for (let round = 0; round < maxSettleRounds; round++) {
      let worked = false;
      if (this.controllersLeading()) {
        if (this.runQueue(q.garbage, syncs.garbage)) worked = true;
        if (this.runQueue(q.deployment, syncs.deployment)) worked = true;
        if (this.runQueue(q.replicaset, syncs.replicaset)) worked = true;
        if (q.daemonset.size > 0) {
          worked = true;
          syncDaemonSets(this, q.daemonset.drain());
        }
        if (this.runQueue(q.statefulset, syncs.statefulset)) worked = true;
        if (this.runQueue(q.disruption, syncs.disruption)) worked = true;
        if (this.runQueue(q.noScheduleTaints, syncs.noScheduleTaints)) worked = true;
        if (this.runQueue(q.taintEviction, syncs.taintEviction)) worked = true;
      } else {
        q.garbage.clear();
        q.deployment.clear();
        q.replicaset.clear();
        q.daemonset.clear();
        q.statefulset.clear();
        q.disruption.clear();
        q.noScheduleTaints.clear();
        q.taintEviction.clear();
      }
      if (this.schedulerLeading() && this.api.canWrite()) {
        if (this.runQueue(q.scheduling, syncs.scheduling)) worked = true;
      } else q.scheduling.clear();
      if (!this.api.canWrite()) q.kubelet.clear();
      else if (this.runQueue(q.kubelet, syncs.kubelet)) worked = true;
      if (!worked) return;
    }
  }

  /** Forgets every actor (before a restore); their timers go with them. */
  stopActors(): void {
    for (const { actor } of this.actors.values()) actor.stop();
    this.actors.clear();
    this.kubelets.clear();
  }

  resetDerived(availability: ApiAvailability): void {
    this.availability = availability;
    this.nodeListCache = this.table = undefined;
    this.podSignatures.clear();
    for (const queue of this.queues.all()) queue.clear();
    this.cache.rebuild(this.store.list('Pod'), (pod) => this.store.keyFor(pod));
    this.ownerPods.rebuild([...this.store.list('Pod')].map((pod) => [this.store.keyFor(pod), pod]));
  }
}
