// kube-controller-manager: while it holds leadership it runs the node lifecycle monitor every
// 5s (#5), the rate-limited NoExecute tainter every 100ms while nodes wait (#8) and PodGC every
// 20s (#21). Without a writable API it loses its lease and stands by.
import { setup } from 'xstate';
import { defaults } from '../engine/config';

export type ControllerManagerEvent = { type: 'API_UNREACHABLE' } | { type: 'API_REACHABLE' } | { type: 'NODES_QUEUED_FOR_TAINTING' };

export const controllerManagerMachine = setup({
  types: {
    events: {} as ControllerManagerEvent,
  },
  guards: {
    // Provided by the cluster: reads the node lifecycle controller's tainting queue.
    'no node waits for a NoExecute taint': () => true,
  },
  actions: {
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
              after: { 'node monitor period': { target: 'monitoring', reenter: true, actions: 'monitor node health' } },
            },
          },
        },
        noExecuteTainting: {
          initial: 'idle',
          states: {
            idle: { on: { NODES_QUEUED_FOR_TAINTING: 'draining' } },
            draining: {
              after: {
                'tainting pass period': [
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
              after: { 'pod GC period': { target: 'waiting', reenter: true, actions: 'collect pod garbage' } },
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
