// kube-scheduler's leadership: it schedules only while it can write bindings to the API.
import { setup } from 'xstate';

export type SchedulerEvent = { type: 'API_UNREACHABLE' } | { type: 'API_REACHABLE' };

export const schedulerMachine = setup({
  types: { events: {} as SchedulerEvent },
  actions: {
    // Provided by the cluster: move every pending pod back to the active queue.
    'requeue pending pods': () => {},
  },
}).createMachine({
  id: 'scheduler',
  initial: 'leading',
  states: {
    leading: {
      on: { API_UNREACHABLE: 'standby' },
    },
    standby: {
      on: { API_REACHABLE: { target: 'leading', actions: 'requeue pending pods' } },
    },
  },
});
