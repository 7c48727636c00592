// Fact #51: graceful termination (grace period, preStop, the Eviction API's condition), driven
// through the terminal as a learner would.
import { describe, expect, it } from 'vitest';
import { kubeletMessages } from '@/lib/cluster/kubelet/kuberuntime';
import { advanceUntil, must, pods } from './fixtures';
import { applied, deployment, eventsOf, onlyPod } from './support/probe-apps';

describe('termination (#51)', () => {
  it('#51 a deleted pod shows Terminating with its grace period; a hung app takes the whole 30s', () => {
    const cluster = applied({ 'web.yaml': deployment('') });
    advanceUntil(cluster, () => onlyPod(cluster)?.ready === true, 30_000, 500);
    const name = onlyPod(cluster).name;
    must(cluster, `sim app hang ${name}`);
    must(cluster, `kubectl delete pod ${name} --wait=false`);
    const out = must(cluster, `kubectl describe pod ${name}`);
    expect(out).toContain('Termination Grace Period:  30s\n');
    expect(out).toMatch(/^Name: {22}/m);
    expect(eventsOf(cluster)).toContain(kubeletMessages.killing('web'));
    cluster.advance('29s');
    expect(pods(cluster, (p) => p.name === name)).toHaveLength(1);
    cluster.advance('2s');
    expect(pods(cluster, (p) => p.name === name)).toHaveLength(0);
  });

  it('#51 preStop sleep runs before SIGTERM, bounded by terminationGracePeriodSeconds', () => {
    const cluster = applied({
      'web.yaml': deployment('lifecycle: { preStop: { sleep: { seconds: 8 } } }').replace(
        '      containers:',
        '      terminationGracePeriodSeconds: 5\n      containers:',
      ),
    });
    advanceUntil(cluster, () => onlyPod(cluster)?.ready === true, 30_000, 500);
    const name = onlyPod(cluster).name;
    must(cluster, `kubectl delete pod ${name} --wait=false`);
    expect(must(cluster, `kubectl describe pod ${name}`)).toContain('Termination Grace Period:  5s');
    cluster.advance('4s');
    expect(pods(cluster, (p) => p.name === name)).toHaveLength(1);
    cluster.advance('2s');
    expect(pods(cluster, (p) => p.name === name)).toHaveLength(0);
  });

  it('#51 a drained pod carries the DisruptionTarget condition of the Eviction API', () => {
    const cluster = applied({ 'web.yaml': deployment('lifecycle: { preStop: { sleep: { seconds: 20 } } }') });
    advanceUntil(cluster, () => onlyPod(cluster)?.ready === true, 30_000, 500);
    const name = onlyPod(cluster).name;
    cluster.exec('kubectl drain worker-1 --ignore-daemonsets --timeout=1s');
    const out = must(cluster, `kubectl get pod ${name} -o yaml`);
    expect(out).toMatch(
      /message: "Eviction API: evicting"\n\s+reason: EvictionByEvictionAPI\n\s+status: "True"\n\s+type: DisruptionTarget/,
    );
    expect(must(cluster, `kubectl describe pod ${name}`)).toMatch(/DisruptionTarget\s+True/);
  });
});
