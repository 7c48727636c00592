// The kubelet of one node: starts, registers, renews its Lease every 10s (#4) and posts node
// status (#1, #2). Failed renewals back off 200ms..7s. Stopping it leaves containers running;
// power loss takes it down with the node.
import { assign, setup } from 'xstate';
import { defaults } from '../config';

export interface KubeletContext {
  nodeName: string;
  /** Whether writes reach the API server (etcd quorum, control plane up). */
  apiReachable: boolean;
  backoffMs: number;
  /** Where in the 10s cycle this kubelet renews (kubelets start at different moments). */
  heartbeatPhaseMs: number;
}

export type KubeletEvent =
  | { type: 'KUBELET_STOP' }
  | { type: 'KUBELET_START' }
  | { type: 'POWER_LOSS' }
  | { type: 'POWER_ON' }
  | { type: 'API_UNREACHABLE' }
  | { type: 'API_REACHABLE' };

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
    // Effects are provided by the cluster (see kubelet.ts); these defaults do nothing.
    'start kubelet': () => {},
    'register node and sync pods': () => {},
    'renew lease': () => {},
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
    'lease renew interval': defaults.leaseRenewIntervalMs,
    'lease retry backoff': ({ context }) => context.backoffMs,
    'first heartbeat': ({ context }) => context.heartbeatPhaseMs,
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
      entry: 'start kubelet',
      after: { 'kubelet startup': 'running' },
      on: { POWER_LOSS: 'off', KUBELET_STOP: 'stopped' },
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
          after: {
            'first heartbeat': [
              { guard: 'API server reachable', target: 'heartbeating', actions: ['renew lease', 'sync node status'] },
              { target: 'retryingLease', actions: 'reset backoff' },
            ],
          },
        },
        heartbeating: {
          after: {
            'lease renew interval': [
              { guard: 'API server reachable', target: 'heartbeating', reenter: true, actions: ['renew lease', 'sync node status'] },
              { target: 'retryingLease', actions: 'reset backoff' },
            ],
          },
        },
        retryingLease: {
          after: {
            'lease retry backoff': [
              { guard: 'API server reachable', target: 'heartbeating', actions: ['renew lease', 'sync node status', 'reset backoff'] },
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
