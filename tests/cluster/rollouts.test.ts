// Deployments as the deployment controller does them (#52-#54): revisions and their history,
// RollingUpdate fenceposts, Recreate. Availability, pause and the rollout commands are in
// rollout-status.test.ts; which pods a ReplicaSet deletes first in scale-down-victims.test.ts.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Cluster } from '@/lib/cluster';
import { fieldErrors } from '@/lib/cluster/api/errors';
import type { Deployment, ReplicaSet } from '@/lib/cluster/api/types';
import { engineOf } from '@/lib/cluster/cluster';
import { annotations, resolveFenceposts, templateHashLabel } from '@/lib/cluster/controllers/deployment.util';
import { must, newCluster } from './fixtures';
import { byRevision, clusterWith, deployment, manifest, podsOf, replicaSets, settle } from './support/rollouts';

describe('#52 revisions, pod-template-hash, history and its limit', () => {
  it('#52 numbers each template, writes the revision on the Deployment and names ReplicaSets by hash', () => {
    const cluster = clusterWith({});
    settle(cluster);
    must(cluster, 'kubectl set image deployment/web nginx=nginx:1.28');
    settle(cluster);
    must(cluster, 'kubectl set image deploy/web nginx=nginx:1.29');
    settle(cluster);
    expect(byRevision(cluster)).toEqual({ 1: 'nginx:1.27', 2: 'nginx:1.28', 3: 'nginx:1.29' });
    expect(deployment(cluster).metadata.annotations[annotations.revision]).toBe('3');
    for (const rs of replicaSets(cluster)) {
      const hash = rs.metadata.labels[templateHashLabel];
      expect(rs.metadata.name).toBe(`web-${hash}`);
      expect(rs.spec.selector[templateHashLabel]).toBe(hash);
      for (const pod of podsOf(cluster, rs)) expect(pod.metadata.labels[templateHashLabel]).toBe(hash);
    }
  });

  it('#52 an undo gives the old ReplicaSet the next revision and keeps its old number in revision-history', () => {
    const cluster = clusterWith({});
    settle(cluster);
    must(cluster, 'kubectl set image deployment/web nginx=nginx:1.28');
    settle(cluster);
    must(cluster, 'kubectl rollout undo deployment/web');
    settle(cluster);
    expect(byRevision(cluster)).toEqual({ 2: 'nginx:1.28', 3: 'nginx:1.27' });
    const back = replicaSets(cluster).find((rs) => rs.metadata.annotations[annotations.revision] === '3')!;
    expect(back.metadata.annotations[annotations.revisionHistory]).toBe('1');
    expect(must(cluster, 'kubectl rollout history deployment/web')).toBe(
      'deployment.apps/web \nREVISION  CHANGE-CAUSE\n2         <none>\n3         <none>\n\n',
    );
  });

  it('#52 CHANGE-CAUSE comes from the kubernetes.io/change-cause annotation, copied to the new ReplicaSet', () => {
    const cluster = clusterWith({ annotations: '{ kubernetes.io/change-cause: "first release" }' });
    settle(cluster);
    must(cluster, 'kubectl set image deployment/web nginx=nginx:1.28 --record');
    settle(cluster);
    const history = must(cluster, 'kubectl rollout history deployment/web');
    expect(history).toContain('1         first release\n');
    expect(history).toContain('2         kubectl set image deployment/web nginx=nginx:1.28 --record=true\n');
    const detail = must(cluster, 'kubectl rollout history deployment/web --revision=1');
    expect(detail).toMatch(/^deployment\.apps\/web with revision #1\nPod Template:\n/);
    expect(detail).toContain('kubernetes.io/change-cause: first release');
    expect(detail).toContain('Image:         nginx:1.27');
  });

  it('#52 keeps revisionHistoryLimit old ReplicaSets once the rollout is complete, deleting the oldest revisions', () => {
    const cluster = clusterWith({ extraSpec: '  revisionHistoryLimit: 2\n' });
    settle(cluster);
    for (const version of ['1.28', '1.29', '1.30', '1.31']) {
      // Releases the simulated registry does not ship yet are pushed first.
      must(cluster, `sim registry push nginx:${version}`);
      must(cluster, `kubectl set image deployment/web nginx=nginx:${version}`);
      settle(cluster);
    }
    cluster.advance('5s');
    expect(Object.keys(byRevision(cluster)).sort()).toEqual(['3', '4', '5']);
  });

  it('#52 the default limit is 10 old ReplicaSets', () => {
    const cluster = clusterWith({ replicas: 1 });
    settle(cluster);
    for (let minor = 0; minor < 12; minor++) {
      must(cluster, `sim registry push nginx:2.${minor}`);
      must(cluster, `kubectl set image deployment/web nginx=nginx:2.${minor}`);
      settle(cluster);
    }
    cluster.advance('5s');
    expect(replicaSets(cluster)).toHaveLength(11);
    expect(deployment(cluster).spec.revisionHistoryLimit).toBe(10);
  });
});

describe('#53 RollingUpdate fenceposts', () => {
  const fencepost = (replicas: number, maxSurge: number | string, maxUnavailable: number | string) =>
    resolveFenceposts({
      spec: { replicas, strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge, maxUnavailable } } },
    } as Deployment);

  it.each([
    [10, '25%', '25%', 3, 2],
    [3, '25%', '25%', 1, 0],
    [1, '25%', '25%', 1, 0],
    [4, '50%', '50%', 2, 2],
    [5, 0, '10%', 0, 1],
    [5, '0%', '0%', 0, 1],
    [7, 2, 3, 2, 3],
  ])('#53 %i replicas with maxSurge %s and maxUnavailable %s: surge %i, unavailable %i', (replicas, surge, unavailable, s, u) => {
    expect(fencepost(replicas, surge, unavailable)).toEqual({ maxSurge: s, maxUnavailable: u });
  });

  it.each([
    [
      '{ type: RollingUpdate, rollingUpdate: { maxSurge: 0, maxUnavailable: 0 } }',
      fieldErrors.bothZero('spec.strategy.rollingUpdate.maxUnavailable', 0),
    ],
    [
      '{ rollingUpdate: { maxSurge: "0%", maxUnavailable: "0%" } }',
      fieldErrors.bothZero('spec.strategy.rollingUpdate.maxUnavailable', '0%'),
    ],
    ['{ rollingUpdate: { maxUnavailable: "150%" } }', fieldErrors.over100Percent('spec.strategy.rollingUpdate.maxUnavailable', '150%')],
    ['{ rollingUpdate: { maxSurge: "lots" } }', fieldErrors.notPercent('spec.strategy.rollingUpdate.maxSurge', 'lots')],
    ['{ type: Recreate, rollingUpdate: { maxSurge: 1 } }', fieldErrors.rollingUpdateWithRecreate()],
  ])('#53 refuses strategy %s and stores nothing', (strategy, cause) => {
    const cluster = newCluster({ files: { 'web.yaml': manifest({ strategy }) } });
    const result = cluster.exec('kubectl apply -f web.yaml');
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toContain(cause);
    expect(engineOf(cluster).store.get('Deployment', 'default/web')).toBeUndefined();
  });

  it('#53 kubectl explain describes the strategy fields', () => {
    const cluster = newCluster();
    const text = must(cluster, 'kubectl explain deployment.spec.strategy.rollingUpdate');
    expect(text).toMatch(/maxSurge\t<IntOrString>/);
    expect(text).toMatch(/maxUnavailable\t<IntOrString>/);
    expect(must(cluster, 'kubectl explain deployment.spec')).toMatch(/progressDeadlineSeconds\t<integer>/);
  });

  it('#53 the default 25% / 25% is stored and shown in describe', () => {
    const cluster = clusterWith({});
    expect(deployment(cluster).spec.strategy).toEqual({ type: 'RollingUpdate', rollingUpdate: { maxSurge: '25%', maxUnavailable: '25%' } });
    expect(must(cluster, 'kubectl describe deployment web')).toContain('RollingUpdateStrategy:  25% max unavailable, 25% max surge\n');
  });

  /** Steps a rollout second by second, checking the bounds the strategy promises at every step. */
  function checkBounds(cluster: Cluster, replicas: number, maxSurge: number, maxUnavailable: number): void {
    const engine = engineOf(cluster);
    for (let step = 0; step < 120; step++) {
      const owned = replicaSets(cluster);
      let live = 0;
      let available = 0;
      for (const rs of owned) {
        for (const pod of podsOf(cluster, rs)) {
          if (pod.metadata.deletionTimestamp !== undefined) continue;
          live++;
          if (pod.status.conditions.some((c) => c.type === 'Ready' && c.status === 'True')) available++;
        }
      }
      expect(live, `live pods at ${engine.clock.now()}ms`).toBeLessThanOrEqual(replicas + maxSurge);
      expect(available, `available pods at ${engine.clock.now()}ms`).toBeGreaterThanOrEqual(replicas - maxUnavailable);
      const d = deployment(cluster);
      if (d.status.updatedReplicas === replicas && d.status.availableReplicas === replicas && d.status.replicas === replicas) return;
      cluster.advance('1s');
    }
    throw new Error('rollout did not finish in 120s');
  }

  it('#53 property: during any rollout live pods stay within replicas + maxSurge and available pods at least replicas - maxUnavailable', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 8 }),
        fc.oneof(fc.integer({ min: 0, max: 3 }), fc.constantFrom('0%', '25%', '50%', '100%')),
        fc.oneof(fc.integer({ min: 0, max: 3 }), fc.constantFrom('0%', '25%', '50%')),
        fc.integer({ min: 1, max: 1000 }),
        (replicas, surge, unavailable, seed) => {
          const zero = (value: number | string) => value === 0 || value === '0%';
          if (zero(surge) && zero(unavailable)) return;
          const strategy = `{ rollingUpdate: { maxSurge: ${JSON.stringify(surge)}, maxUnavailable: ${JSON.stringify(unavailable)} } }`;
          const cluster = clusterWith({ replicas, strategy }, seed);
          settle(cluster);
          const bounds = fencepost(replicas, surge, unavailable);
          must(cluster, 'kubectl set image deployment/web nginx=nginx:1.28');
          checkBounds(cluster, replicas, bounds.maxSurge, Math.min(bounds.maxUnavailable, replicas));
        },
      ),
      { numRuns: 12, seed: 53 },
    );
  });
});

describe('#54 Recreate', () => {
  it('#54 old pods are all gone before the new ReplicaSet gets any, then it scales straight to replicas', () => {
    const cluster = clusterWith({ replicas: 4, strategy: '{ type: Recreate }' });
    settle(cluster);
    const [old] = replicaSets(cluster);
    must(cluster, 'kubectl set image deployment/web nginx=nginx:1.28');
    let newSeen: ReplicaSet | undefined;
    for (let step = 0; step < 600 && !newSeen; step++) {
      const current = replicaSets(cluster).find((rs) => rs !== old);
      if (current) {
        expect(podsOf(cluster, old), 'old pods left when the new ReplicaSet appeared').toEqual([]);
        newSeen = current;
        expect(current.spec.replicas).toBe(4);
      } else cluster.advance(100);
    }
    expect(newSeen).toBeDefined();
    expect(old.spec.replicas).toBe(0);
    settle(cluster);
    const events = must(cluster, 'kubectl describe deployment web');
    expect(events).toContain(`Scaled down replica set ${old.metadata.name} from 4 to 0`);
    expect(events).toContain(`Scaled up replica set ${newSeen!.metadata.name} from 0 to 4`);
    // Without the RollingUpdateStrategy line the top block aligns on CreationTimestamp (20 columns).
    expect(events).toContain('StrategyType:       Recreate\n');
    expect(events).not.toContain('RollingUpdateStrategy');
  });
});
