// The machines with the cluster's effects provided: what each named action does for real.
import type { AnyActorRef } from 'xstate';
import type { Engine } from './engine';
import { controllerManagerMachine } from '../controllers/controllerManager.machine';
import { monitorNodeHealth, nothingToTaint, taintQueuedNodes } from '../controllers/nodelifecycle';
import { collectPodGarbage } from '../controllers/podgc';
import { etcdMachine } from '../etcd/etcd.machine';
import { kubeletMachine } from '../kubelet/kubelet.machine';
import {
  apiConnection,
  msUntilNextStatusComputation,
  registerNodeAndSyncPods,
  startKubelet,
  startRenewingLease,
  stopKubelet,
  stopRenewingLease,
  syncNodeStatus,
} from '../kubelet/kubelet';
import { nodeMachine } from '../node/node.machine';
import { killEveryContainer } from '../kubelet/runtime';
import { queuePendingPods } from '../scheduler/scheduler';
import { schedulerMachine } from '../scheduler/scheduler.machine';

/** Every machine's named delays run on the engine's clock (see timers.ts). */
function timerActions(engine: Engine) {
  return {
    'start timer': ({ self, context, event }: { self: AnyActorRef; context: unknown; event: unknown }, { delay }: { delay: string }) =>
      engine.startTimer(self, delay, { context, event }),
    'cancel timer': ({ self }: { self: AnyActorRef }, { delay }: { delay: string }) => engine.cancelTimer(self, delay),
  };
}

export function provideMachines(engine: Engine) {
  const timers = timerActions(engine);
  return {
    kubelet: kubeletMachine.provide({
      actions: {
        ...timers,
        'start kubelet': ({ context }) => startKubelet(engine, context.nodeName),
        // Through the kubelet's own API connection: a partitioned node's writes time out (#46).
        'register node and sync pods': ({ context }) => registerNodeAndSyncPods(apiConnection(engine, context.nodeName), context.nodeName),
        'start renewing lease': ({ context }) => startRenewingLease(apiConnection(engine, context.nodeName), context.nodeName),
        'stop renewing lease': ({ context }) => stopRenewingLease(engine, context.nodeName),
        'sync node status': ({ context }) => syncNodeStatus(apiConnection(engine, context.nodeName), context.nodeName),
        'stop kubelet': ({ context }) => stopKubelet(engine, context.nodeName),
      },
      delays: {
        'next status computation': ({ context }) => msUntilNextStatusComputation(engine, context.nodeName),
      },
    }),
    node: nodeMachine.provide({
      actions: {
        ...timers,
        'kill every container': ({ context }) => killEveryContainer(engine, context.nodeName),
        'cut kubelet power': ({ context }) => engine.kubelets.get(context.nodeName)?.send({ type: 'POWER_LOSS' }),
        'boot kubelet': ({ context }) => engine.kubelets.get(context.nodeName)?.send({ type: 'POWER_ON' }),
      },
    }),
    etcd: etcdMachine,
    controllerManager: controllerManagerMachine.provide({
      guards: { 'no node waits for a NoExecute taint': () => nothingToTaint(engine) },
      actions: {
        ...timers,
        'start with fresh observations': () => engine.resyncControllers(),
        'monitor node health': () => monitorNodeHealth(engine),
        'taint queued nodes': () => taintQueuedNodes(engine),
        'collect pod garbage': () => collectPodGarbage(engine),
      },
    }),
    scheduler: schedulerMachine.provide({ actions: { 'requeue pending pods': () => queuePendingPods(engine) } }),
  };
}

export type Machines = ReturnType<typeof provideMachines>;
export type MachineName = keyof Machines;
