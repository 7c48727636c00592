// Which pods a ReplicaSet deletes first when it scales down (#59): controller_utils'
// ActivePodsWithRanks, in scenarios and rule by rule.
import { describe, expect, it } from 'vitest';
import type { Pod } from '@/lib/cluster/api/types';
import { podsToDelete } from '@/lib/cluster/controllers/victims';
import { must } from './fixtures';
import { clusterWith, podsOf, relatedPodsOnNodes, replicaSets, settle } from './support/rollouts';

describe('#59 which pods a ReplicaSet deletes first', () => {
  it('#59 scaling down removes a pod that shares its node with another first', () => {
    for (const seed of [1, 2, 3]) {
      const cluster = clusterWith({ replicas: 4 }, seed);
      settle(cluster);
      const [rs] = replicaSets(cluster);
      const before = podsOf(cluster, rs);
      const perNode = new Map<string, number>();
      for (const pod of before) perNode.set(pod.spec.nodeName!, (perNode.get(pod.spec.nodeName!) ?? 0) + 1);
      must(cluster, 'kubectl scale deployment web --replicas=3');
      const gone = before.filter(
        (pod) => !podsOf(cluster, rs).some((p) => p.metadata.uid === pod.metadata.uid && !p.metadata.deletionTimestamp),
      );
      expect(gone).toHaveLength(1);
      expect(perNode.get(gone[0].spec.nodeName!), `seed ${seed}`).toBe(Math.max(...perNode.values()));
    }
  });

  it('#59 pending pods go before running ones, whatever their age', () => {
    const cluster = clusterWith({ replicas: 2 });
    settle(cluster);
    for (const worker of ['worker-1', 'worker-2', 'worker-3']) must(cluster, `kubectl cordon ${worker}`);
    must(cluster, 'kubectl scale deployment web --replicas=4');
    cluster.advance('5s');
    const [rs] = replicaSets(cluster);
    const running = podsOf(cluster, rs).filter((pod) => pod.status.phase === 'Running');
    expect(running).toHaveLength(2);
    must(cluster, 'kubectl scale deployment web --replicas=2');
    const left = podsOf(cluster, rs).filter((pod) => pod.metadata.deletionTimestamp === undefined);
    expect(left.map((pod) => pod.metadata.uid).sort()).toEqual(running.map((pod) => pod.metadata.uid).sort());
  });
});

describe('#59 ActivePodsWithRanks, rule by rule', () => {
  const now = 3_600_000;
  interface PodShape {
    name: string;
    node?: string;
    phase?: Pod['status']['phase'];
    readyAt?: number;
    restarts?: number;
    born?: number;
    cost?: string;
  }
  const pod = ({ name, node = 'worker-1', phase = 'Running', readyAt, restarts = 0, born = 0, cost }: PodShape): Pod =>
    ({
      kind: 'Pod',
      metadata: {
        name,
        uid: `uid-${name}`,
        namespace: 'default',
        creationTimestamp: born,
        annotations: cost === undefined ? {} : { 'controller.kubernetes.io/pod-deletion-cost': cost },
        labels: {},
        ownerReferences: [],
        resourceVersion: 1,
        generation: 1,
      },
      spec: { nodeName: node || undefined },
      status: {
        phase,
        conditions: readyAt === undefined ? [] : [{ type: 'Ready', status: 'True', reason: '', message: '', lastTransitionTime: readyAt }],
        containerStatuses: [
          { name: 'c', image: 'i', ready: readyAt !== undefined, started: true, restartCount: restarts, state: 'running' },
        ],
      },
    }) as unknown as Pod;
  const first = (pods: Pod[], related: Pod[] = pods) => podsToDelete(pods, relatedPodsOnNodes([related]), 1, now)[0].metadata.name;

  it.each([
    ['unscheduled before scheduled', [pod({ name: 'keep', readyAt: 0 }), pod({ name: 'go', node: '', phase: 'Pending' })]],
    ['Pending before Running', [pod({ name: 'keep', readyAt: 0 }), pod({ name: 'go', phase: 'Pending' })]],
    ['not ready before ready', [pod({ name: 'keep', readyAt: 0 }), pod({ name: 'go' })]],
    [
      'lower deletion cost first',
      [pod({ name: 'keep', readyAt: 0, cost: '10', node: 'a' }), pod({ name: 'go', readyAt: 0, cost: '-5', node: 'a' })],
    ],
    ['ready for a shorter time first', [pod({ name: 'keep', readyAt: 0, node: 'a' }), pod({ name: 'go', readyAt: now - 1000, node: 'b' })]],
    ['more restarts first', [pod({ name: 'keep', readyAt: 0, node: 'a' }), pod({ name: 'go', readyAt: 0, restarts: 4, node: 'b' })]],
    ['newer first', [pod({ name: 'keep', readyAt: 0, node: 'a' }), pod({ name: 'go', readyAt: 0, born: now - 1000, node: 'b' })]],
  ])('#59 %s', (_rule, pods) => {
    expect(first(pods)).toBe('go');
    expect(first([...pods].reverse())).toBe('go');
  });

  it("#59 doubled up on a node (counting the Deployment's other ReplicaSets) beats a newer pod alone", () => {
    const alone = pod({ name: 'alone', node: 'b', readyAt: now - 10_000, born: now - 10_000 });
    const shared = pod({ name: 'shared', node: 'a', readyAt: 0 });
    const sibling = pod({ name: 'sibling-of-other-rs', node: 'a', readyAt: 0 });
    expect(first([alone, shared], [alone, shared, sibling])).toBe('shared');
    expect(first([alone, shared], [alone, shared])).toBe('alone');
  });

  it('#59 times in the same log2 bucket tie and fall to the UID', () => {
    const a = pod({ name: 'a', node: 'x', readyAt: now - 40_000 });
    const b = pod({ name: 'b', node: 'y', readyAt: now - 41_000 });
    expect(first([b, a])).toBe('a');
  });
});
