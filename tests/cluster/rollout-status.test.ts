// Deployments over time (#55-#58): availability and the progress deadline, pause, resume,
// restart and proportional scaling, the rollout commands' texts, and describe deployment.
import { describe, expect, it } from 'vitest';
import { rolloutErrors } from '@/lib/cluster/api/errors';
import { engineOf } from '@/lib/cluster/cluster';
import { annotations, templateHashLabel } from '@/lib/cluster/controllers/deployment.util';
import { rollbackErrors } from '@/lib/cluster/controllers/deployment.rollback';
import { must, newCluster } from './fixtures';
import { byRevision, clusterWith, deployment, manifest, progressing, replicaSets, settle } from './support/rollouts';

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
