// A node's hardware: running, powered off (containers die with it), or booting back up.
import { setup } from 'xstate';
import { defaults } from '../engine/config';

export interface NodeContext {
  nodeName: string;
}

export type NodeEvent = { type: 'POWER_LOSS' } | { type: 'POWER_ON' };

export const nodeMachine = setup({
  types: {
    context: {} as NodeContext,
    events: {} as NodeEvent,
    input: {} as { nodeName: string },
  },
  actions: {
    // Effects are provided by the cluster; these defaults do nothing.
    'kill every container': () => {},
    'cut kubelet power': () => {},
    'boot kubelet': () => {},
  },
  delays: {
    'boot time': defaults.nodeBootMs,
  },
}).createMachine({
  id: 'node',
  context: ({ input }) => ({ nodeName: input.nodeName }),
  initial: 'running',
  states: {
    running: {
      on: { POWER_LOSS: { target: 'poweredOff', actions: ['kill every container', 'cut kubelet power'] } },
    },
    poweredOff: {
      on: { POWER_ON: 'booting' },
    },
    booting: {
      after: { 'boot time': { target: 'running', actions: 'boot kubelet' } },
      on: { POWER_LOSS: 'poweredOff' },
    },
  },
});
