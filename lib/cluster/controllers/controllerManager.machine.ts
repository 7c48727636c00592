// kube-controller-manager: while it holds leadership it runs the node lifecycle monitor every
// 5s (#5), the rate-limited NoExecute tainter every 100ms while nodes wait (#8) and PodGC every
// 20s (#21). Without a writable API it loses its lease and stands by.
import { setup } from 'xstate';
import { defaults } from '../engine/config';
import { cancelTimer, startTimer, timerActions, type Elapsed } from '../engine/timers';

type ControllerManagerDelay = 'node monitor period' | 'tainting pass period' | 'pod GC period';

export type ControllerManagerEvent =
  | { type: 'API_UNREACHABLE' }
  | { type: 'API_REACHABLE' }
  | { type: 'NODES_QUEUED_FOR_TAINTING' }
  | Elapsed<ControllerManagerDelay>;

export const controllerManagerMachine = setup({
  types: {
    events: {} as ControllerManagerEvent,
  },
  guards: {
    // Provided by the cluster: reads the node lifecycle controller's tainting queue.
    'no node waits for a NoExecute taint': () => true,
  },
  actions: {
    ...timerActions<ControllerManagerDelay>(),
    // Provided by the cluster (controllers/*.ts); these defaults do nothing.
    'start with fresh observations': () => {},
    'monitor node health': () => {},
    'taint queued nodes': () => {},
    'collect pod garbage': () => {},
  },
  delays: {
    'node monitor period': defaults.nodeMonitorPeriodMs,
    'tainting pass period': defaults.noExecuteTaintingPassMs,
    'pod GC period': defaults.podGCPeriodMs,
  },
}).createMachine({
  id: 'controllerManager',
  initial: 'leading',
  states: {
    leading: {
      entry: 'start with fresh observations',
      type: 'parallel',
      on: { API_UNREACHABLE: 'standby' },
      states: {
        nodeLifecycle: {
          initial: 'monitoring',
          states: {
            monitoring: {
              entry: startTimer('node monitor period'),
              exit: cancelTimer('node monitor period'),
              on: { 'node monitor period elapsed': { target: 'monitoring', reenter: true, actions: 'monitor node health' } },
            },
          },
        },
        noExecuteTainting: {
          initial: 'idle',
          states: {
            idle: { on: { NODES_QUEUED_FOR_TAINTING: 'draining' } },
            draining: {
              entry: startTimer('tainting pass period'),
              exit: cancelTimer('tainting pass period'),
              on: {
                'tainting pass period elapsed': [
                  { guard: 'no node waits for a NoExecute taint', target: 'idle' },
                  { target: 'draining', reenter: true, actions: 'taint queued nodes' },
                ],
              },
            },
          },
        },
        podGC: {
          initial: 'waiting',
          states: {
            waiting: {
              entry: startTimer('pod GC period'),
              exit: cancelTimer('pod GC period'),
              on: { 'pod GC period elapsed': { target: 'waiting', reenter: true, actions: 'collect pod garbage' } },
            },
          },
        },
      },
    },
    standby: {
      on: { API_REACHABLE: 'leading' },
    },
  },
});
