// Deployments as the deployment controller and kubectl rollout do them (#52-#59): revisions,
// RollingUpdate fenceposts, Recreate, availability and the progress deadline, pause and scaling,
// the rollout commands' texts, describe deployment, and which pods a ReplicaSet deletes first.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Cluster } from '@/lib/cluster';
import { fieldErrors, rolloutErrors } from '@/lib/cluster/api/errors';
import type { Deployment, Pod, ReplicaSet } from '@/lib/cluster/api/types';
import { engineOf } from '@/lib/cluster/cluster';
import { annotations, resolveFenceposts, templateHashLabel } from '@/lib/cluster/controllers/deployment.util';
import { rollbackErrors } from '@/lib/cluster/controllers/deployment.rollback';
import { podsToDelete } from '@/lib/cluster/controllers/victims';
import { isPodActive } from '@/lib/cluster/controllers/podutil';
import { must, newCluster } from './fixtures';

/** Counts, per node, the active pods among `related` lists (the input of getPodsRankedByRelatedPodsOnSameNode); the controller keeps these counts itself. */
function relatedPodsOnNodes(related: readonly (readonly Pod[])[]): (node: string) => number {
  const onNode = new Map<string, number>();
  for (const pods of related) {
    for (let i = 0; i < pods.length; i++) {
      const pod = pods[i];
      if (!isPodActive(pod)) continue;
      const node = pod.spec.nodeName ?? '';
      onNode.set(node, (onNode.get(node) ?? 0) + 1);
    }
  }
  return (node) => onNode.get(node) ?? 0;
}

interface Spec {
  replicas?: number;
  image?: string;
  strategy?: string;
  extraSpec?: string;
  requests?: string;
  annotations?: string;
}

/** A Deployment manifest "web" with the given rollout fields (YAML flow style). */
function manifest({ replicas = 3, image = 'nginx:1.27', strategy, extraSpec = '', requests, annotations: notes }: Spec): string {
  return `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
${notes ? `  annotations: ${notes}\n` : ''}spec:
  replicas: ${replicas}
${strategy ? `  strategy: ${strategy}\n` : ''}${extraSpec}  selector: { matchLabels: { app: web } }
  template:
    metadata: { labels: { app: web } }
    spec:
      containers: [{ name: nginx, image: "${image}"${requests ? `, resources: { requests: { cpu: "${requests}" } }` : ''} }]
`;
}

function clusterWith(spec: Spec, seed = 42): Cluster {
  const cluster = newCluster({ seed, files: { 'web.yaml': manifest(spec) } });
  must(cluster, 'kubectl apply -f web.yaml');
  return cluster;
}

const deployment = (cluster: Cluster) => engineOf(cluster).store.get('Deployment', 'default/web') as Deployment;
const replicaSets = (cluster: Cluster): ReplicaSet[] => {
  const d = deployment(cluster);
  return engineOf(cluster).store.dependentsOf(d.metadata.uid, 'ReplicaSet');
};
const byRevision = (cluster: Cluster) =>
  Object.fromEntries(
    replicaSets(cluster).map((rs) => [rs.metadata.annotations[annotations.revision], rs.spec.template.spec.containers[0].image]),
  );
const podsOf = (cluster: Cluster, rs: ReplicaSet): Pod[] => engineOf(cluster).store.dependentsOf(rs.metadata.uid, 'Pod');
const progressing = (cluster: Cluster) => deployment(cluster).status.conditions?.find((c) => c.type === 'Progressing');

/** `rollout status` until done (fails the test if it does not end well). */
const settle = (cluster: Cluster) => must(cluster, 'kubectl rollout status deployment/web');

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

describe('#55 minReadySeconds and the progress deadline', () => {
  it('#55 pods count as available only minReadySeconds after they are Ready', () => {
    const cluster = clusterWith({ extraSpec: '  minReadySeconds: 20\n' });
    const engine = engineOf(cluster);
    let readyAt: number | undefined;
    for (let step = 0; step < 60 && readyAt === undefined; step++) {
      if (deployment(cluster).status.readyReplicas === 3) readyAt = engine.clock.now();
      else cluster.advance('1s');
    }
    expect(readyAt).toBeDefined();
    expect(deployment(cluster).status.availableReplicas).toBe(0);
    expect(must(cluster, 'kubectl rollout status deployment/web --watch=false')).toBe(rolloutErrors.waitingAvailable('web', 0, 3));
    cluster.advance('15s');
    expect(deployment(cluster).status.availableReplicas).toBeLessThan(3);
    cluster.advance('10s');
    expect(deployment(cluster).status.availableReplicas).toBe(3);
    expect(replicaSets(cluster)[0].spec.minReadySeconds).toBe(20);
  });

  it('#55 Progressing goes ReplicaSetUpdated, then NewReplicaSetAvailable; Available is MinimumReplicasAvailable', () => {
    const cluster = clusterWith({});
    const [rs] = replicaSets(cluster);
    // Created, and at once updated as the ReplicaSet makes its pods within the same command.
    expect(progressing(cluster)).toMatchObject({
      reason: 'ReplicaSetUpdated',
      message: `ReplicaSet "${rs.metadata.name}" is progressing.`,
    });
    settle(cluster);
    cluster.advance('1s');
    expect(progressing(cluster)).toMatchObject({ status: 'True', reason: 'NewReplicaSetAvailable' });
    expect(deployment(cluster).status.conditions?.find((c) => c.type === 'Available')).toMatchObject({
      status: 'True',
      reason: 'MinimumReplicasAvailable',
      message: 'Deployment has minimum availability.',
    });
  });

  it('#55 a rollout whose pods cannot be scheduled exceeds its 600s deadline: Progressing False ProgressDeadlineExceeded', () => {
    const stuck = newCluster({ files: { 'web.yaml': manifest({}), 'big.yaml': manifest({ requests: '64' }) } });
    must(stuck, 'kubectl apply -f web.yaml');
    settle(stuck);
    const engine = engineOf(stuck);
    const started = engine.clock.now();
    must(stuck, 'kubectl apply -f big.yaml');
    stuck.advance('5m');
    expect(progressing(stuck)).toMatchObject({ status: 'True', reason: 'ReplicaSetUpdated' });
    const lastUpdate = progressing(stuck)!.lastUpdateTime!;
    stuck.advance('6m');
    expect(progressing(stuck)).toMatchObject({ status: 'False', reason: 'ProgressDeadlineExceeded' });
    const timedOutAt = progressing(stuck)!.lastTransitionTime;
    expect(timedOutAt).toBeGreaterThan(lastUpdate + 600_000);
    expect(timedOutAt).toBeLessThanOrEqual(lastUpdate + 602_000);
    expect(timedOutAt - started).toBeLessThan(610_000);
    // The rollout is not stopped: the old pods keep serving.
    expect(deployment(stuck).status.availableReplicas).toBe(3);
  });

  it('#55 progressDeadlineSeconds is honoured as set', () => {
    const stuck = newCluster({
      files: { 'web.yaml': manifest({}), 'big.yaml': manifest({ requests: '64', extraSpec: '  progressDeadlineSeconds: 30\n' }) },
    });
    must(stuck, 'kubectl apply -f web.yaml');
    settle(stuck);
    must(stuck, 'kubectl apply -f big.yaml');
    stuck.advance('20s');
    expect(progressing(stuck)?.reason).toBe('ReplicaSetUpdated');
    stuck.advance('20s');
    expect(progressing(stuck)?.reason).toBe('ProgressDeadlineExceeded');
  });
});

describe('#56 pause, resume, restart and scaling events', () => {
  it('#56 a paused Deployment rolls nothing out but still scales; resume rolls out the changes as one revision', () => {
    const cluster = clusterWith({});
    settle(cluster);
    expect(must(cluster, 'kubectl rollout pause deployment/web')).toBe('deployment.apps/web paused\n');
    const again = cluster.exec('kubectl rollout pause deployment/web');
    expect(again).toMatchObject({ exitCode: 1, stderr: `error: ${rolloutErrors.alreadyPaused('web')}\n` });
    must(cluster, 'kubectl set image deployment/web nginx=nginx:1.28');
    cluster.advance('30s');
    expect(replicaSets(cluster)).toHaveLength(1);
    expect(progressing(cluster)).toMatchObject({ status: 'Unknown', reason: 'DeploymentPaused', message: 'Deployment is paused' });
    must(cluster, 'kubectl scale deployment web --replicas=5');
    cluster.advance('10s');
    expect(replicaSets(cluster)[0].spec.replicas).toBe(5);
    expect(must(cluster, 'kubectl rollout resume deployment/web')).toBe('deployment.apps/web resumed\n');
    const notPaused = cluster.exec('kubectl rollout resume deployment/web');
    expect(notPaused.stderr).toBe(`error: ${rolloutErrors.notPaused('web')}\n`);
    settle(cluster);
    expect(byRevision(cluster)).toEqual({ 1: 'nginx:1.27', 2: 'nginx:1.28' });
  });

  it('#56 scaling mid-rollout grows every active ReplicaSet in proportion (max-replicas annotation)', () => {
    const stuck = newCluster({ files: { 'web.yaml': manifest({}), 'big.yaml': manifest({ requests: '64' }) } });
    must(stuck, 'kubectl apply -f web.yaml');
    settle(stuck);
    must(stuck, 'kubectl apply -f big.yaml');
    stuck.advance('5s');
    const [old, fresh] = [...replicaSets(stuck)].sort((a, b) => a.metadata.creationTimestamp - b.metadata.creationTimestamp);
    expect([old.spec.replicas, fresh.spec.replicas]).toEqual([3, 1]);
    expect(fresh.metadata.annotations[annotations.maxReplicas]).toBe('4');
    must(stuck, 'kubectl scale deployment web --replicas=6');
    // 6 replicas + ceil(25% of 6) = 8 allowed; 4 to add: old 3*8/4 - 3 = 3, new 1*8/4 - 1 = 1.
    const events = must(stuck, 'kubectl describe deployment web');
    expect(events).toContain(`Scaled up replica set ${old.metadata.name} from 3 to 6`);
    expect(events).toContain(`Scaled up replica set ${fresh.metadata.name} from 1 to 2`);
    expect(old.metadata.annotations[annotations.desiredReplicas]).toBe('6');
    expect(fresh.metadata.annotations[annotations.maxReplicas]).toBe('8');
    // Then the rolling update carries on: the old ReplicaSet's three new pods are not available
    // yet, so one of them goes first (cleanupUnhealthyReplicas) and the new ReplicaSet takes its room.
    expect([old.spec.replicas, fresh.spec.replicas]).toEqual([5, 3]);
  });

  it('#56 rollout restart sets restartedAt on the template and refuses a paused Deployment', () => {
    const cluster = clusterWith({});
    settle(cluster);
    expect(must(cluster, 'kubectl rollout restart deployment/web')).toBe('deployment.apps/web restarted\n');
    const template = deployment(cluster).spec.template;
    expect(template.metadata.annotations[annotations.restartedAt]).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    const soon = cluster.exec('kubectl rollout restart deployment/web');
    expect(soon.stderr).toBe(`error: ${rolloutErrors.restartTooSoon('web')}\n`);
    settle(cluster);
    expect(replicaSets(cluster)).toHaveLength(2);
    must(cluster, 'kubectl rollout pause deploy web');
    const paused = cluster.exec('kubectl rollout restart deploy web');
    expect(paused).toMatchObject({ exitCode: 1, stderr: `error: ${rolloutErrors.restartPaused()}\n` });
  });
});

describe('#57 rollout status, undo and set image', () => {
  it('#57 rollout status prints each status change until the rollout is done', () => {
    const cluster = clusterWith({});
    settle(cluster);
    must(cluster, 'kubectl set image deployment/web nginx=nginx:1.28');
    const out = must(cluster, 'kubectl rollout status deployment/web');
    const lines = out.trimEnd().split('\n');
    expect(lines.at(-1)).toBe('deployment "web" successfully rolled out');
    expect(lines[0]).toBe(rolloutErrors.waitingUpdated('web', 1, 3).trimEnd());
    for (const line of lines.slice(0, -1)) expect(line).toMatch(/^Waiting for deployment "web" rollout to finish: /);
    expect(out).toContain('old replicas are pending termination...');
  });

  it('#57 a stuck rollout ends with the progress-deadline error; --timeout and --watch=false end sooner', () => {
    const stuck = newCluster({ files: { 'web.yaml': manifest({}), 'big.yaml': manifest({ requests: '64' }) } });
    must(stuck, 'kubectl apply -f web.yaml');
    settle(stuck);
    must(stuck, 'kubectl apply -f big.yaml');
    expect(must(stuck, 'kubectl rollout status deployment/web --watch=false')).toMatch(/^Waiting for deployment "web" rollout to finish: /);
    const timed = stuck.exec('kubectl rollout status deployment/web --timeout=30s');
    expect(timed).toMatchObject({ exitCode: 1, stderr: `${rolloutErrors.timedOut()}\n` });
    const result = stuck.exec('kubectl rollout status deployment/web');
    expect(result.exitCode).toBe(1);
    expect(result.stdout).toBe(rolloutErrors.waitingUpdated('web', 1, 3));
    expect(result.stderr).toBe(`error: ${rolloutErrors.deadlineExceeded('web')}\n`);
  });

  it('#57 rollout status of a paused Deployment stops waiting once its deadline and a grace period have passed', () => {
    const cluster = clusterWith({});
    settle(cluster);
    must(cluster, 'kubectl rollout pause deployment/web');
    must(cluster, 'kubectl set image deployment/web nginx=nginx:1.28');
    const started = cluster.now();
    const result = cluster.exec('kubectl rollout status deployment/web');
    expect(result.exitCode).toBe(1);
    expect(result.stdout).toContain(rolloutErrors.waitingUpdated('web', 0, 3));
    expect(result.stderr).toBe(`${rolloutErrors.simulatorStopped(900_000)}\n`);
    expect(cluster.now() - started).toBe(900_000);
  });

  it('#57 undo goes back to the previous revision, or --to-revision; matching templates are skipped', () => {
    const cluster = clusterWith({});
    settle(cluster);
    must(cluster, 'kubectl set image deployment/web nginx=nginx:1.28');
    settle(cluster);
    must(cluster, 'kubectl set image deployment/web nginx=nginx:1.29');
    settle(cluster);
    expect(must(cluster, 'kubectl rollout undo deployment/web --to-revision=1')).toBe('deployment.apps/web rolled back\n');
    settle(cluster);
    expect(deployment(cluster).spec.template.spec.containers[0].image).toBe('nginx:1.27');
    expect(deployment(cluster).spec.template.metadata.labels[templateHashLabel]).toBeUndefined();
    expect(must(cluster, 'kubectl rollout undo deploy web --to-revision=4')).toBe(
      'deployment.apps/web skipped rollback (current template already matches revision 4)\n',
    );
    expect(cluster.exec('kubectl rollout undo deployment/web --to-revision=9').stderr).toBe(`error: ${rollbackErrors.noRevision(9)}\n`);
    must(cluster, 'kubectl rollout undo deployment/web');
    settle(cluster);
    expect(deployment(cluster).spec.template.spec.containers[0].image).toBe('nginx:1.29');
  });

  it('#57 undo without history, undo of a paused Deployment and bad set image input change nothing', () => {
    const cluster = clusterWith({});
    settle(cluster);
    expect(cluster.exec('kubectl rollout undo deployment/web').stderr).toBe(`error: ${rollbackErrors.noHistory('web')}\n`);
    const version = deployment(cluster).metadata.resourceVersion;
    expect(cluster.exec('kubectl set image deployment/web php=php:8').stderr).toBe(`${rolloutErrors.noContainer('php')}\n`);
    expect(cluster.exec('kubectl set image deployment/web').stderr).toBe(`${rolloutErrors.setImageUsage()}\n`);
    expect(cluster.exec('kubectl set image deployment/web nginx=nginx:1.27')).toMatchObject({ exitCode: 0, stdout: '' });
    expect(cluster.exec('kubectl rollout status daemonset/web').exitCode).toBe(1);
    expect(cluster.exec('kubectl rollout sideways deployment/web').exitCode).toBe(1);
    expect(cluster.exec('kubectl rollout status deployment/nope').stderr).toBe(
      'Error from server (NotFound): deployments.apps "nope" not found\n',
    );
    expect(deployment(cluster).metadata.resourceVersion).toBe(version);
    must(cluster, 'kubectl rollout pause deployment/web');
    must(cluster, 'kubectl set image deployment/web nginx=nginx:1.28');
    expect(cluster.exec('kubectl rollout undo deployment/web').stderr).toBe(`error: ${rollbackErrors.paused}\n`);
  });

  it('#57 set image prints "image updated" and every command answers --help', () => {
    const cluster = clusterWith({});
    expect(must(cluster, 'kubectl set image deployment/web nginx=nginx:1.28')).toBe('deployment.apps/web image updated\n');
    expect(must(cluster, 'kubectl set image deploy web *=nginx:1.29')).toBe('deployment.apps/web image updated\n');
    for (const sub of ['status', 'history', 'undo', 'restart', 'pause', 'resume'])
      expect(must(cluster, `kubectl rollout ${sub} --help`)).toContain(`Usage:\n  kubectl rollout ${sub}`);
    expect(must(cluster, 'kubectl set image --help')).toContain('Usage:\n  kubectl set image');
    expect(must(cluster, 'kubectl help')).toMatch(/rollout +Watch, pause/);
  });
});

describe('#58 describe deployment', () => {
  it('#58 mid-rollout NewReplicaSet is the one of the current template, with the Conditions block and events', () => {
    const stuck = newCluster({ files: { 'web.yaml': manifest({}), 'big.yaml': manifest({ requests: '64' }) } });
    must(stuck, 'kubectl apply -f web.yaml');
    settle(stuck);
    const [old] = replicaSets(stuck);
    must(stuck, 'kubectl apply -f big.yaml');
    stuck.advance('5s');
    const fresh = replicaSets(stuck).find((rs) => rs !== old)!;
    const text = must(stuck, 'kubectl describe deployment web');
    expect(text).toContain(`OldReplicaSets:  ${old.metadata.name} (3/3 replicas created)\n`);
    expect(text).toContain(`NewReplicaSet:   ${fresh.metadata.name} (1/1 replicas created)\n`);
    expect(text).toContain(
      'Conditions:\n  Type           Status  Reason\n  ----           ------  ------\n  Available      True    MinimumReplicasAvailable\n  Progressing    True    ReplicaSetUpdated\n',
    );
    expect(text).toContain('Replicas:               3 desired | 1 updated | 4 total | 3 available | 1 unavailable\n');
    expect(text).toContain('StrategyType:           RollingUpdate\nMinReadySeconds:        0\n');
    expect(text).toContain(`Scaled up replica set ${old.metadata.name} from 0 to 3`);
    expect(text).toContain(`Scaled up replica set ${fresh.metadata.name} from 0 to 1`);
    expect(text).toContain('Annotations:            deployment.kubernetes.io/revision: 2\n');
  });
});

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
