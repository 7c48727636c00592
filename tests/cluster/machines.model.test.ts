// Model-based tests: xstate/graph walks the node and kubelet statecharts; each path is replayed on
// a real cluster through `sim` commands and the cluster must be in the state the path ends in.
import { describe, expect, it } from 'vitest';
import { getShortestPaths, getSimplePaths } from 'xstate/graph';
import type { Cluster } from '@/lib/cluster';
import { kubeletMachine } from '@/lib/cluster/kubelet/kubelet.machine';
import { nodeMachine } from '@/lib/cluster/node/node.machine';
import { defaults } from '@/lib/cluster/engine/config';
import { must, newCluster, node } from './fixtures';

const target = 'worker-1';

function actor(cluster: Cluster, key: string) {
  return cluster.snapshot().actors.find((entry) => entry.key === key)!;
}

function setApiReachable(cluster: Cluster, reachable: boolean): void {
  const members = cluster.view().etcd.members;
  for (const member of members.slice(0, 2)) {
    if (member.healthy !== reachable) must(cluster, `sim etcd ${reachable ? 'recover' : 'fail'} ${member.name}`);
  }
}

/** How each model event is produced on the real cluster. */
function perform(cluster: Cluster, type: string): void {
  const kubelet = actor(cluster, `kubelet/${target}`).context as { backoffMs: number; heartbeatPhaseMs: number };
  if (type === 'xstate.init') return;
  if (type === 'KUBELET_STOP') must(cluster, `sim kubelet stop ${target}`);
  else if (type === 'KUBELET_START') must(cluster, `sim kubelet start ${target}`);
  else if (type === 'POWER_LOSS') must(cluster, `sim node fail ${target}`);
  else if (type === 'POWER_ON') {
    must(cluster, `sim node recover ${target}`);
    cluster.advance(defaults.nodeBootMs);
  } else if (type === 'API_UNREACHABLE') setApiReachable(cluster, false);
  else if (type === 'API_REACHABLE') setApiReachable(cluster, true);
  else if (type === 'kubelet startup elapsed') cluster.advance(defaults.kubeletStartupMs);
  else if (type === 'first heartbeat elapsed') cluster.advance(kubelet.heartbeatPhaseMs);
  else if (type === 'NODE_STATUS_CHANGED') must(cluster, `sim runtime ${node(cluster, target).runtimeUp ? 'stop' : 'start'} ${target}`);
  else if (type === 'node status report interval elapsed') cluster.advance(defaults.nodeStatusReportFrequencyMs);
  else if (type === 'next status computation elapsed') {
    const since = cluster.snapshot().state.kubelets[target].renewingSince!;
    cluster.advance(defaults.nodeStatusUpdateFrequencyMs - ((cluster.now() - since) % defaults.nodeStatusUpdateFrequencyMs));
  } else if (type === 'lease retry backoff elapsed') cluster.advance(kubelet.backoffMs);
  else if (type === 'boot time elapsed') cluster.advance(defaults.nodeBootMs);
  else throw new Error(`no way to perform ${type}`);
}

const kubeletEvents = [
  'KUBELET_STOP',
  'KUBELET_START',
  'POWER_LOSS',
  'POWER_ON',
  'API_UNREACHABLE',
  'API_REACHABLE',
  'NODE_STATUS_CHANGED',
  'kubelet startup elapsed',
  'first heartbeat elapsed',
  'node status report interval elapsed',
  'next status computation elapsed',
  'lease retry backoff elapsed',
].map((type) => ({ type })) as never[];

describe('model-based: the kubelet statechart', () => {
  type KubeletPath = {
    state: { value: unknown; context: { apiReachable: boolean } };
    steps: { event: { type: string }; state: { value: unknown } }[];
  };
  const paths = getShortestPaths(kubeletMachine, {
    events: kubeletEvents,
    input: { nodeName: target, apiReachable: true },
    // One vertex per state and API reachability: backoff values would only lengthen the walk.
    serializeState: (snapshot: { value: unknown; context: { apiReachable: boolean } }) =>
      JSON.stringify([snapshot.value, snapshot.context.apiReachable]),
  } as never) as unknown as KubeletPath[];

  it('generates a path to every state with the API reachable and unreachable', () => {
    const ends = new Set(paths.map((path) => JSON.stringify(path.state.value)));
    for (const state of [
      '"off"',
      '"starting"',
      '"stopped"',
      '{"running":"joining"}',
      '{"running":{"heartbeating":"steady"}}',
      '{"running":{"heartbeating":"statusChangePending"}}',
      '{"running":"retryingLease"}',
    ]) {
      expect(ends).toContain(state);
    }
  });

  for (const path of paths) {
    const description = path.steps.map((step) => step.event.type.replace(/^xstate\.after\.([^.]+).*$/, 'after $1')).join(' > ');
    it(`reaches ${JSON.stringify(path.state.value)} via ${description}`, () => {
      const cluster = newCluster({ etcdMembers: 3 });
      for (const step of path.steps) {
        perform(cluster, step.event.type);
        expect(actor(cluster, `kubelet/${target}`).value, `after ${step.event.type}`).toEqual(step.state.value);
      }
      const top = typeof path.state.value === 'string' ? path.state.value : Object.keys(path.state.value as object)[0];
      expect(node(cluster, target).kubelet).toBe(top);
      const renewTime = (
        cluster.snapshot().objects.find((o) => o.kind === 'Lease' && o.metadata.name === target) as { spec: { renewTime: number } }
      ).spec.renewTime;
      const last = path.steps[path.steps.length - 1].event.type;
      if (JSON.stringify(path.state.value).startsWith('{"running":{"heartbeating"') && last.endsWith(' elapsed')) {
        expect(renewTime).toBe(cluster.now());
      }
      if (path.state.context.apiReachable === false) {
        cluster.advance('30s');
        const later = (
          cluster.snapshot().objects.find((o) => o.kind === 'Lease' && o.metadata.name === target) as { spec: { renewTime: number } }
        ).spec.renewTime;
        expect(later).toBe(renewTime);
      }
    });
  }
});

describe('model-based: the node statechart', () => {
  const paths = getSimplePaths(nodeMachine, {
    events: [{ type: 'POWER_LOSS' }, { type: 'POWER_ON' }, { type: 'boot time elapsed' }] as never[],
    input: { nodeName: target },
  } as never) as unknown as { state: { value: string }; steps: { event: { type: string }; state: { value: string } }[] }[];

  it('generates paths through running, poweredOff and booting', () => {
    expect(new Set(paths.map((path) => path.state.value))).toEqual(new Set(['running', 'poweredOff', 'booting']));
  });

  for (const path of paths) {
    it(`reaches ${String(path.state.value)} via ${path.steps.map((step) => step.event.type).join(' > ')}`, () => {
      const cluster = newCluster();
      for (const step of path.steps) {
        const type = step.event.type;
        if (type === 'POWER_LOSS') must(cluster, `sim node fail ${target}`);
        else if (type === 'POWER_ON') must(cluster, `sim node recover ${target}`);
        else if (type === 'boot time elapsed') cluster.advance(defaults.nodeBootMs);
        expect(node(cluster, target).machine).toBe(step.state.value);
      }
      const kubelet = node(cluster, target).kubelet;
      if (path.state.value === 'poweredOff' || path.state.value === 'booting') expect(kubelet).toBe('off');
      else expect(['running', 'starting']).toContain(kubelet);
    });
  }
});
