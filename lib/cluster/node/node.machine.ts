// A node's hardware: running, powered off (containers die with it), or booting back up.
import { setup } from 'xstate';
import { defaults } from '../engine/config';
import { cancelTimer, startTimer, timerActions, type Elapsed } from '../engine/timers';

export interface NodeContext {
  nodeName: string;
}

type NodeDelay = 'boot time';

export type NodeEvent = { type: 'POWER_LOSS' } | { type: 'POWER_ON' } | Elapsed<NodeDelay>;

export const nodeMachine = setup({
  types: {
    context: {} as NodeContext,
    events: {} as NodeEvent,
    input: {} as { nodeName: string },
  },
  actions: {
    ...timerActions<NodeDelay>(),
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
      entry: startTimer('boot time'),
      exit: cancelTimer('boot time'),
      on: { 'boot time elapsed': { target: 'running', actions: 'boot kubelet' }, POWER_LOSS: 'poweredOff' },
    },
  },
});
