// The simulation engine: owns the clock, the API server, the plain state and the actors, routes
// watch events to work queues, and settles the queues after every command and every timer.
import { createActor, type Actor, type AnyActorRef, type AnyStateMachine } from 'xstate';
import { ApiServer, type ApiAvailability } from '../apiserver/apiserver';
import { provideMachines, type MachineName, type Machines } from './actors';
import { VirtualClock, type TimerRecord, type TimerTask } from './clock';
import { defaults } from './config';
import type { KubeClient } from './client';
import type { SimContext } from './context';
import type { Listers } from './listers';
import { controllerTable, needBits, type Controller } from './controllers';
import { OwnerPodCounts, type OnNode, type PodCounts } from '../controllers/podcounts';
import { monitorNodeHealth, nothingToTaint, startWithFreshObservations, taintQueuedNodes } from '../controllers/nodelifecycle';
import { collectPodGarbage } from '../controllers/podgc';
import { evictPod } from '../controllers/tainteviction';
import { apiConnection, servedLease } from '../kubelet/kubelet';
import { isPartitioned } from '../node/network';
import { requeueDue } from '../controllers/requeue';
import { completeStep, resyncNodePods } from '../kubelet/podworker';
import { proberTick } from '../kubelet/prober';
import { flushProxyRules } from '../proxy/proxier';
import { completeContainerStep } from '../kubelet/kuberuntime';
import { WorkQueues } from './queues';
import { SchedulerCache, type NodeUsage } from '../scheduler/cache';
import { NodeTable } from '../scheduler/nodetable';
import { emptySimState, type SimState } from './state';
import { elapsed } from './timers';
import type { Node } from '../api/types';
import type { KubeletContext } from '../kubelet/kubelet.machine';
import { Rng } from '../util/rng';
import { podSource, routeWatchEvent, type PodSignatures } from './watch';
import { ServicePods } from '../controllers/servicepods';

type AnyActor = Actor<AnyStateMachine>;

interface ActorEntry {
  machine: MachineName;
  actor: AnyActor;
}

/** Machines wait only through the engine's timers; a stray wall-clock delay would be a bug. */
const noWallClock = {
  setTimeout: (): never => {
    throw new Error('a machine scheduled a wall-clock delay: use startTimer (engine/timers.ts)');
  },
  clearTimeout: () => {},
};

/**
 * The controller manager's periodic passes. Each pass's chart transition re-enters the state that
 * waits for it: exit (the fired timer is already gone), the pass, entry (arm the next period).
 * The engine takes those steps itself, because an xstate macrostep costs more than most passes
 * (the tainting pass runs every 100 ms while nodes wait and the rate limiter holds back almost
 * every tick). tests/cluster/node-lifecycle.test.ts checks the chart still says exactly this.
 */
const periodicPasses: Record<string, ((engine: Engine) => void) | undefined> = {
  'node monitor period': monitorNodeHealth,
  'tainting pass period': taintQueuedNodes,
  'pod GC period': collectPodGarbage,
};

/** Settling stops after this many rounds: a guard against a livelock bug, never reached in practice. */
const maxSettleRounds = 10_000;

export class Engine implements SimContext {
  readonly clock = new VirtualClock();
  readonly rng: Rng;
  readonly api: ApiServer;
  /** What controllers read (the store, read-only) and their one write path (the API server). */
  readonly listers: Listers;
  readonly client: KubeClient;
  readonly queues = new WorkQueues();
  readonly cache = new SchedulerCache();
  state: SimState = emptySimState();
  /** The cluster has been up a while: bootstrap pods start at once, without pull events. */
  bootstrapping = false;
  readonly actors = new Map<string, ActorEntry>();
  readonly kubelets = new Map<string, AnyActor>();
  private readonly machines: Machines;
  private readonly actorKeys = new WeakMap<AnyActorRef, string>();
  /** Per actor key, the clock id of each named delay it waits for. */
  private readonly actorTimers = new Map<string, Map<string, number>>();
  /** Every control loop, in the order a settle round runs them. */
  private readonly controllers: Controller[];
  private availability: ApiAvailability = 'available';
  private nodeListCache: Node[] | undefined;
  private table: NodeTable | undefined;
  private readonly podSignatures: PodSignatures = new Map();
  /** Per owner: how many of its pods are active, ready, bound (for status syncs). */
  private readonly ownerPods = new OwnerPodCounts();
  /** Which pods each Service selects, for the endpoint controllers. */
  readonly servicePods = new ServicePods();
  controlPlaneNode = 'control-plane';

  constructor(seedState: number) {
    this.rng = new Rng(seedState);
    this.api = new ApiServer(
      this.clock,
      this.rng,
      () => this.availability,
      () => this.state.nextServiceIp++,
    );
    this.listers = this.api.store;
    this.client = this.api;
    this.cache.onUsageChanged = (node, usage) => this.table?.usageChanged(node, usage);
    this.machines = provideMachines(this);
    this.controllers = controllerTable(this);
    const indexes = { cache: this.cache, signatures: this.podSignatures, podCounts: this.ownerPods, servicePods: this.servicePods };
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

  /** A node's Lease as the API server serves it, with its renew time derived on read (#2). */
  servedLease(node: string) {
    return servedLease(this, node);
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

  activePodsOnNode(ownerUid: string, node: string): Readonly<OnNode> {
    return this.ownerPods.activeOnNode(ownerUid, node);
  }

  usageOf(node: string): NodeUsage {
    return this.cache.usageOf(node);
  }

  /** The nodes with the scheduler cache's usage, as flat arrays in the order of nodes(). */
  nodeTable(): NodeTable {
    return (this.table ??= new NodeTable(this.nodes(), (node) => this.cache.usageOf(node)));
  }

  /**
   * Creates and starts an actor. A restored one starts in its saved state without running entry
   * actions; its pending delays are already on the clock (they are plain tasks, see timers.ts).
   */
  spawn(key: string, machine: MachineName, input: unknown, restored?: { value: unknown; context: unknown }): AnyActor {
    const logic = this.machines[machine] as unknown as AnyStateMachine;
    const snapshot = restored ? logic.resolveState({ value: restored.value as never, context: restored.context as never }) : undefined;
    const actor = createActor(logic, { clock: noWallClock, input, snapshot }) as AnyActor;
    this.actors.set(key, { machine, actor });
    this.actorKeys.set(actor, key);
    if (machine === 'kubelet') this.kubelets.set((actor.getSnapshot().context as KubeletContext).nodeName, actor);
    actor.start();
    return actor;
  }

  /** The 'start timer' action of every machine: its named delay (from the machine's `delays`) becomes a task on the clock. */
  startTimer(self: AnyActorRef, delay: string, args: { context: unknown; event: unknown }): void {
    this.armDelay(this.actorKeys.get(self)!, delay, args);
  }

  private armDelay(key: string, delay: string, args: { context: unknown; event: unknown }): void {
    const logic = this.machines[this.actors.get(key)!.machine] as unknown as AnyStateMachine;
    const length = logic.implementations.delays[delay] as number | ((args: unknown, params: unknown) => number);
    const ms = typeof length === 'function' ? length(args, undefined) : length;
    let timers = this.actorTimers.get(key);
    if (!timers) this.actorTimers.set(key, (timers = new Map()));
    timers.set(delay, this.clock.schedule({ owner: 'actor', actor: key, delay }, ms));
  }

  /** The 'cancel timer' action: leaving the state that waited drops its pending delay. */
  cancelTimer(self: AnyActorRef, delay: string): void {
    const timers = this.actorTimers.get(this.actorKeys.get(self)!);
    const id = timers?.get(delay);
    if (id === undefined) return;
    this.clock.cancel(id);
    timers!.delete(delay);
  }

  /** Delivers a plain-data timer to its owner; false when it changed nothing (a steady probe). */
  dispatch(task: TimerTask): boolean {
    if (task.owner === 'actor') {
      const version = this.store.resourceVersion;
      this.actorTimers.get(task.actor)?.delete(task.delay);
      const pass = task.actor === 'controllerManager' ? periodicPasses[task.delay] : undefined;
      // With no node left to taint the tainting chart leaves 'draining': that one goes through xstate.
      if (pass && (task.delay !== 'tainting pass period' || !nothingToTaint(this))) this.periodicPass(task, pass);
      else this.actors.get(task.actor)?.actor.send({ type: elapsed(task.delay) });
      // The controller manager's periodic passes feed no queue and change no leadership: one that
      // wrote nothing (a tainting pass the rate limiter holds back) leaves a settle round nothing.
      return task.actor !== 'controllerManager' || this.store.resourceVersion !== version;
    } else if (task.owner === 'tainteviction') {
      if (this.controllersLeading()) evictPod(this, task.podKey, task.uid);
    } else if (task.owner === 'controller') {
      // The API server's reconcilers run in the API server, leader or not.
      if (task.queue === 'apiServer' || this.controllersLeading()) requeueDue(this, task.queue, task.key);
    } else if (task.owner === 'prober') return proberTick(apiConnection(this, task.node), task);
    else if (task.owner === 'kuberuntime') completeContainerStep(apiConnection(this, task.node), task);
    else completeStep(apiConnection(this, task.node), task);
    return true;
  }

  /** One periodic pass of the controller manager, with the steps of its chart's re-entering transition (see periodicPasses). */
  private periodicPass(task: Extract<TimerTask, { owner: 'actor' }>, pass: (engine: Engine) => void): void {
    pass(this);
    const event = { type: elapsed(task.delay) };
    this.armDelay(task.actor, task.delay, { context: this.actor(task.actor).getSnapshot().context, event });
  }

  advanceTo(target: number): void {
    // kube-proxy's due rules are written as their instant begins, before any timer then changes
    // what they are built from.
    this.clock.runUntil(
      target,
      (task) => {
        flushProxyRules(this, this.clock.now());
        return this.dispatch(task);
      },
      () => this.afterChange(),
    );
    flushProxyRules(this, this.clock.now());
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
    // A partitioned kubelet stays cut off when the control plane returns (#46).
    for (const [node, actor] of this.kubelets) if (type === 'API_UNREACHABLE' || !isPartitioned(this, node)) actor.send({ type });
    this.actor('controllerManager').send({ type });
    this.actor('scheduler').send({ type });
    if (type === 'API_REACHABLE')
      for (const [node] of this.kubelets) if (this.kubeletRunning(node) && !isPartitioned(this, node)) resyncNodePods(this, node);
  }

  /** A new leader: nothing observed yet, every object queued for a full resync. */
  resyncControllers(): void {
    startWithFreshObservations(this);
    for (const controller of this.controllers) controller.resync();
  }

  private dropEvictions(): void {
    for (const eviction of Object.values(this.state.evictions)) this.clock.cancel(eviction.timerId);
    this.state.evictions = {};
  }

  /** The needs of the controller table that hold right now, as needBits (read once per settle round). */
  private needsMet(): number {
    return (
      (this.controllersLeading() ? needBits['controller manager leads'] : 0) |
      (this.schedulerLeading() ? needBits['scheduler leads'] : 0) |
      (this.api.canWrite() ? needBits['API accepts writes'] : 0)
    );
  }

  /** Runs every loop whose needs hold (dropping the queues of those that cannot run) until none has work. */
  settle(): void {
    const { controllers } = this;
    for (let round = 0; round < maxSettleRounds; round++) {
      const met = this.needsMet();
      let worked = false;
      for (const controller of controllers) {
        if ((controller.needs & met) === controller.needs) {
          if (controller.run()) worked = true;
        } else controller.clear();
      }
      if (!worked) return;
    }
  }

  /** Forgets every actor (before a restore): the clock is reloaded with the snapshot's timers next. */
  stopActors(): void {
    for (const { actor } of this.actors.values()) actor.stop();
    this.actors.clear();
    this.kubelets.clear();
    this.actorTimers.clear();
  }

  /** After the clock was reloaded: which pending task is which actor's named delay. */
  adoptActorTimers(timers: readonly TimerRecord[]): void {
    this.actorTimers.clear();
    for (const { id, task } of timers) {
      if (task.owner !== 'actor') continue;
      let forActor = this.actorTimers.get(task.actor);
      if (!forActor) this.actorTimers.set(task.actor, (forActor = new Map()));
      forActor.set(task.delay, id);
    }
  }

  resetDerived(availability: ApiAvailability): void {
    this.availability = availability;
    this.nodeListCache = this.table = undefined;
    this.podSignatures.clear();
    for (const controller of this.controllers) controller.clear();
    this.cache.rebuild(this.store.list('Pod'), (pod) => this.store.keyFor(pod));
    this.ownerPods.rebuild([...this.store.list('Pod')].map((pod) => [this.store.keyFor(pod), pod]));
    this.servicePods.rebuild(
      [...this.store.list('Service')].map((svc) => [this.store.keyFor(svc), svc]),
      podSource({ listers: this.store }),
    );
  }
}
