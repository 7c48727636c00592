// Controller-level table tests: one sync against listers over a few objects and a recording
// client, so a single rule is pinned without booting a cluster. Names cite the behaviour facts.
import { describe, expect, it } from 'vitest';
import type { ApiError } from '@/lib/cluster/api/errors';
import { taintKeys } from '@/lib/cluster/api/taints';
import type { AnyObject, Node, Pod, ReplicaSet, StatefulSet, Taint, Toleration } from '@/lib/cluster/api/types';
import { daemonPodTolerations, syncDaemonSets } from '@/lib/cluster/controllers/daemonset';
import { burstReplicas } from '@/lib/cluster/controllers/podcontrol';
import { syncReplicaSet } from '@/lib/cluster/controllers/replicaset';
import { syncStatefulSet } from '@/lib/cluster/controllers/statefulset';
import { syncTaintEviction } from '@/lib/cluster/controllers/tainteviction';
import { controllerWorld, meta, ownedPod, podTemplate } from './support/recording-client';

function replicaSet(replicas: number): ReplicaSet {
  return {
    kind: 'ReplicaSet',
    metadata: meta('web'),
    spec: { replicas, selector: { app: 'web' }, template: podTemplate({ app: 'web' }) },
    status: { replicas: 0, readyReplicas: 0, availableReplicas: 0 },
  };
}

const terminating = { deletionTimestamp: 30_000, deletionGracePeriodSeconds: 30 };

function unscheduled(pod: Pod): Pod {
  pod.spec.nodeName = undefined;
  pod.status = { phase: 'Pending', conditions: [], containerStatuses: [] };
  return pod;
}

function notReady(pod: Pod): Pod {
  pod.status.conditions = [{ type: 'Ready', status: 'False', reason: '', message: '', lastTransitionTime: 0 }];
  return pod;
}

describe('the ReplicaSet controller, one sync', () => {
  const rs = replicaSet(3);
  const cases: { name: string; objects: AnyObject[]; creates: number; deletes: string[] }[] = [
    {
      name: '#16 a pod marked for deletion no longer counts: 3 replicas with one Terminating pod create one replacement',
      objects: [rs, ownedPod(rs, 'web-a'), ownedPod(rs, 'web-b'), ownedPod(rs, 'web-c', 'worker-1', terminating)],
      creates: 1,
      deletes: [],
    },
    {
      name: 'three ready pods for three replicas: nothing to do',
      objects: [rs, ownedPod(rs, 'web-a'), ownedPod(rs, 'web-b'), ownedPod(rs, 'web-c')],
      creates: 0,
      deletes: [],
    },
    {
      name: 'scaling 3 pods down to 1 deletes the unscheduled pod, then the not-ready one (getPodsToDelete)',
      objects: [replicaSet(1), ownedPod(rs, 'web-a'), notReady(ownedPod(rs, 'web-b')), unscheduled(ownedPod(rs, 'web-c'))],
      creates: 0,
      deletes: ['web-c', 'web-b'],
    },
    {
      name: `replicas: 1000000000 creates burstReplicas (${burstReplicas}) pods in one sync, not a billion`,
      objects: [replicaSet(1_000_000_000)],
      creates: burstReplicas,
      deletes: [],
    },
  ];
  for (const { name, objects, creates, deletes } of cases) {
    it(name, () => {
      const { ctx, client } = controllerWorld(objects);
      syncReplicaSet(ctx, 'default/web');
      expect(client.of('create')).toHaveLength(creates);
      expect(client.of('delete').map((call) => call.name)).toEqual(deletes);
      const created = client.of('event').filter((event) => event.reason === 'SuccessfulCreate');
      expect(created).toHaveLength(creates);
    });
  }

  it('a refused create records FailedCreate with the API server message, and the owner waits for time to move on', () => {
    const refusal: ApiError = { code: 403, reason: 'Forbidden', message: 'the simulated cluster is full' };
    const { ctx, client } = controllerWorld([replicaSet(3)], 5_000);
    client.refuseCreates = refusal;
    syncReplicaSet(ctx, 'default/web');
    expect(client.of('event')).toEqual([
      {
        verb: 'event',
        kind: 'ReplicaSet',
        name: 'web',
        type: 'Warning',
        reason: 'FailedCreate',
        message: `Error creating: ${refusal.message}`,
      },
    ]);
    // Synced again at the same instant (more watch events in one settle): no new attempt.
    syncReplicaSet(ctx, 'default/web');
    expect(client.of('event')).toHaveLength(1);
    ctx.clock.runUntil(
      5_001,
      () => {},
      () => {},
    );
    client.refuseCreates = undefined;
    syncReplicaSet(ctx, 'default/web');
    expect(client.of('create')).toHaveLength(3);
  });
});

describe('the StatefulSet controller, one sync', () => {
  const sts: StatefulSet = {
    kind: 'StatefulSet',
    metadata: meta('db'),
    spec: { replicas: 2, selector: { app: 'db' }, template: podTemplate({ app: 'db' }), serviceName: 'db' },
    status: { replicas: 0, readyReplicas: 0, availableReplicas: 0, currentReplicas: 0 },
  };

  it('#19 creates no replacement while the old pod object exists, even Terminating', () => {
    const { ctx, client } = controllerWorld([sts, ownedPod(sts, 'db-0', 'worker-1', terminating)]);
    syncStatefulSet(ctx, 'default/db');
    expect(client.of('create')).toEqual([]);
  });

  it('creates pods one ordinal at a time: db-1 only once db-0 is Running and Ready', () => {
    const pending = controllerWorld([sts, unscheduled(ownedPod(sts, 'db-0'))]);
    syncStatefulSet(pending.ctx, 'default/db');
    expect(pending.client.of('create')).toEqual([]);
    const ready = controllerWorld([sts, ownedPod(sts, 'db-0')]);
    syncStatefulSet(ready.ctx, 'default/db');
    expect(ready.client.of('create').map((call) => call.name)).toEqual(['db-1']);
  });
});

function workerNode(taints: Taint[] = []): Node {
  return {
    kind: 'Node',
    metadata: meta('worker-1', { namespace: '', labels: { 'kubernetes.io/os': 'linux' } }),
    spec: { unschedulable: false, taints, podCIDR: '10.244.1.0/24' },
    status: {
      capacity: { cpu: 4000, memory: 1, pods: 110 },
      allocatable: { cpu: 4000, memory: 1, pods: 110 },
      conditions: [],
      internalIP: '',
    },
  };
}

describe('the taint eviction controller, one sync of a node tainted unreachable:NoExecute', () => {
  const unreachable: Taint = { key: taintKeys.unreachable, effect: 'NoExecute', timeAdded: 0 };
  const owner = replicaSet(1);
  const tolerating = (tolerations: Toleration[]) => {
    const pod = ownedPod(owner, 'web-a');
    pod.spec.tolerations = tolerations;
    return pod;
  };
  const cases: { name: string; tolerations: Toleration[]; evictedNow: boolean; evictionDueAt: number | undefined }[] = [
    {
      name: '#13 a pod that does not tolerate the taint is marked for deletion at once',
      tolerations: [],
      evictedNow: true,
      evictionDueAt: undefined,
    },
    {
      name: '#12 #15 a pod with the default 300s toleration is evicted 300s later',
      tolerations: [{ key: taintKeys.unreachable, operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 }],
      evictedNow: false,
      evictionDueAt: 10_000 + 300_000,
    },
    {
      name: '#13 a toleration without tolerationSeconds keeps the pod forever',
      tolerations: [{ operator: 'Exists', effect: 'NoExecute' }],
      evictedNow: false,
      evictionDueAt: undefined,
    },
  ];
  for (const { name, tolerations, evictedNow, evictionDueAt } of cases) {
    it(name, () => {
      const { ctx, client } = controllerWorld([workerNode([unreachable]), tolerating(tolerations)], 10_000);
      syncTaintEviction(ctx, { kind: 'Node', node: 'worker-1' });
      expect(client.of('delete').map((call) => call.name)).toEqual(evictedNow ? ['web-a'] : []);
      const scheduled = ctx.state.evictions['default/web-a'];
      const dueAt = scheduled && ctx.clock.snapshot().timers.find((timer) => timer.id === scheduled.timerId)?.dueAt;
      expect(dueAt).toBe(evictionDueAt);
    });
  }
});

describe('the DaemonSet controller, one sync', () => {
  it('#18 a new daemon pod is pinned to its node and tolerates not-ready and unreachable NoExecute taints', () => {
    const { ctx, client } = controllerWorld([
      workerNode(),
      {
        kind: 'DaemonSet',
        metadata: meta('agent'),
        spec: { selector: { app: 'agent' }, template: podTemplate({ app: 'agent' }) },
        status: { desiredNumberScheduled: 0, currentNumberScheduled: 0, numberReady: 0, numberAvailable: 0, updatedNumberScheduled: 0 },
      },
    ]);
    syncDaemonSets(ctx, [{ kind: 'DaemonSet', daemonSet: 'default/agent' }]);
    const [created] = client.of('create');
    const pod = created.object as Pod;
    expect(pod.spec.affinityNodeName).toBe('worker-1');
    for (const key of [taintKeys.notReady, taintKeys.unreachable]) {
      expect(pod.spec.tolerations).toContainEqual({ key, operator: 'Exists', effect: 'NoExecute' });
    }
    expect(pod.spec.tolerations).toHaveLength(daemonPodTolerations.length);
  });
});
