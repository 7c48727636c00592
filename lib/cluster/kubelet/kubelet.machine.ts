// The kubelet of one node: starts, registers, renews its Lease every 10s (#3, #4) and posts node
// status when it changed (checked every 10s, #1) or at least every 5 minutes (#2). Failed
// renewals back off 200ms..7s. Stopping it leaves containers running; power loss takes it down.
//
// While `heartbeating`, renewals follow each other every 10s from the moment the state was
// entered; kubelet.ts derives the latest renewal from that moment instead of firing a timer per
// renewal, so a healthy fleet costs nothing between real changes.
import { assign, setup } from 'xstate';
import { defaults } from '../engine/config';
import { cancelTimer, startTimer, timerActions, type Elapsed } from '../engine/timers';

export interface KubeletContext {
  nodeName: string;
  /** Whether writes reach the API server (etcd quorum, control plane up). */
  apiReachable: boolean;
  backoffMs: number;
  /** Where in the 10s cycle this kubelet renews (kubelets start at different moments). */
  heartbeatPhaseMs: number;
}

type KubeletDelay =
  | 'kubelet startup'
  | 'first heartbeat'
  | 'lease retry backoff'
  | 'node status report interval'
  | 'next status computation';

export type KubeletEvent =
  | Elapsed<KubeletDelay>
  | { type: 'KUBELET_STOP' }
  | { type: 'KUBELET_START' }
  | { type: 'POWER_LOSS' }
  | { type: 'POWER_ON' }
  | { type: 'API_UNREACHABLE' }
  | { type: 'API_REACHABLE' }
  /** Something the node status reports changed (runtime health, or another writer's overwrite). */
  | { type: 'NODE_STATUS_CHANGED' };

export const kubeletMachine = setup({
  types: {
    context: {} as KubeletContext,
    events: {} as KubeletEvent,
    input: {} as { nodeName: string; apiReachable: boolean; heartbeatPhaseMs?: number },
  },
  guards: {
    'API server reachable': ({ context }) => context.apiReachable,
  },
  actions: {
    ...timerActions<KubeletDelay>(),
    // Effects are provided by the cluster (see kubelet.ts); these defaults do nothing.
    'start kubelet': () => {},
    'register node and sync pods': () => {},
    'start renewing lease': () => {},
    'stop renewing lease': () => {},
    'sync node status': () => {},
    'stop kubelet': () => {},
    'reset backoff': assign({ backoffMs: defaults.leaseRetryBackoffMinMs }),
    'double backoff': assign({
      backoffMs: ({ context }) => Math.min(context.backoffMs * 2, defaults.leaseRetryBackoffMaxMs),
    }),
    'note API unreachable': assign({ apiReachable: false }),
    'note API reachable': assign({ apiReachable: true }),
  },
  delays: {
    'kubelet startup': defaults.kubeletStartupMs,
    'first heartbeat': ({ context }) => context.heartbeatPhaseMs,
    'lease retry backoff': ({ context }) => context.backoffMs,
    'node status report interval': defaults.nodeStatusReportFrequencyMs,
    // Provided by the cluster: the time left until the next 10s status computation.
    'next status computation': defaults.nodeStatusUpdateFrequencyMs,
  },
}).createMachine({
  id: 'kubelet',
  context: ({ input }) => ({
    nodeName: input.nodeName,
    apiReachable: input.apiReachable,
    backoffMs: defaults.leaseRetryBackoffMinMs,
    heartbeatPhaseMs: input.heartbeatPhaseMs ?? defaults.leaseRenewIntervalMs,
  }),
  initial: 'running',
  on: {
    API_UNREACHABLE: { actions: 'note API unreachable' },
    API_REACHABLE: { actions: 'note API reachable' },
  },
  states: {
    off: {
      on: { POWER_ON: 'starting' },
    },
    starting: {
      entry: ['start kubelet', startTimer('kubelet startup')],
      exit: cancelTimer('kubelet startup'),
      on: { 'kubelet startup elapsed': 'running', POWER_LOSS: 'off', KUBELET_STOP: 'stopped' },
    },
    running: {
      entry: 'register node and sync pods',
      initial: 'joining',
      on: {
        KUBELET_STOP: { target: 'stopped', actions: 'stop kubelet' },
        POWER_LOSS: { target: 'off', actions: 'stop kubelet' },
      },
      states: {
        joining: {
          entry: startTimer('first heartbeat'),
          exit: cancelTimer('first heartbeat'),
          on: {
            'first heartbeat elapsed': [
              { guard: 'API server reachable', target: 'heartbeating' },
              { target: 'retryingLease', actions: 'reset backoff' },
            ],
          },
        },
        heartbeating: {
          entry: ['start renewing lease', 'sync node status', startTimer('node status report interval')],
          exit: ['stop renewing lease', cancelTimer('node status report interval')],
          initial: 'steady',
          on: {
            'node status report interval elapsed': { target: 'heartbeating', reenter: true },
            API_UNREACHABLE: { target: 'retryingLease', actions: ['note API unreachable', 'reset backoff'] },
          },
          states: {
            steady: {
              on: { NODE_STATUS_CHANGED: 'statusChangePending' },
            },
            statusChangePending: {
              entry: startTimer('next status computation'),
              exit: cancelTimer('next status computation'),
              on: { 'next status computation elapsed': { target: 'steady', actions: 'sync node status' } },
            },
          },
        },
        retryingLease: {
          entry: startTimer('lease retry backoff'),
          exit: cancelTimer('lease retry backoff'),
          on: {
            'lease retry backoff elapsed': [
              { guard: 'API server reachable', target: 'heartbeating', actions: 'reset backoff' },
              { target: 'retryingLease', reenter: true, actions: 'double backoff' },
            ],
          },
        },
      },
    },
    stopped: {
      on: { KUBELET_START: 'starting', POWER_LOSS: 'off' },
    },
  },
});
