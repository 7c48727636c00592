// The machines with the cluster's effects provided: what each named action does for real.
import type { Engine } from './engine';
import { controllerManagerMachine } from '../controllers/controllerManager.machine';
import { monitorNodeHealth, nothingToTaint, taintQueuedNodes } from '../controllers/nodelifecycle';
import { collectPodGarbage } from '../controllers/podgc';
import { etcdMachine } from '../etcd/etcd.machine';
import { kubeletMachine } from '../kubelet/kubelet.machine';
import {
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

export function provideMachines(engine: Engine) {
  return {
    kubelet: kubeletMachine.provide({
      actions: {
        'start kubelet': ({ context }) => startKubelet(engine, context.nodeName),
        'register node and sync pods': ({ context }) => registerNodeAndSyncPods(engine, context.nodeName),
        'start renewing lease': ({ context }) => startRenewingLease(engine, context.nodeName),
        'stop renewing lease': ({ context }) => stopRenewingLease(engine, context.nodeName),
        'sync node status': ({ context }) => syncNodeStatus(engine, context.nodeName),
        'stop kubelet': ({ context }) => stopKubelet(engine, context.nodeName),
      },
      delays: {
        'next status computation': ({ context }) => msUntilNextStatusComputation(engine, context.nodeName),
      },
    }),
    node: nodeMachine.provide({
      actions: {
        'kill every container': ({ context }) => killEveryContainer(engine, context.nodeName),
        'cut kubelet power': ({ context }) => engine.kubelets.get(context.nodeName)?.send({ type: 'POWER_LOSS' }),
        'boot kubelet': ({ context }) => engine.kubelets.get(context.nodeName)?.send({ type: 'POWER_ON' }),
      },
    }),
    etcd: etcdMachine,
    controllerManager: controllerManagerMachine.provide({
      guards: { 'no node waits for a NoExecute taint': () => nothingToTaint(engine) },
      actions: {
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
