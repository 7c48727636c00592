// Fact #46: a node cut off from the API server (sim network partition) runs on while the control
// plane treats it as silent; healing lets the kubelet stop what was evicted meanwhile.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Cluster } from '@/lib/cluster';
import { simErrors } from '@/lib/cluster/api/errors';
import { engineOf } from '@/lib/cluster/cluster';
import { isPartitioned, nodeReachable } from '@/lib/cluster/node/network';
import { advanceUntil, inDefault, must, newCluster, node, nodeTaints, pods, script } from './fixtures';

/** Pods of Deployment web whose containers really run, per node (the machines' truth, not the API's). */
function runningWebCopies(cluster: Cluster): Record<string, string[]> {
  const engine = engineOf(cluster);
  const copies: Record<string, string[]> = {};
  for (const [name, runtime] of Object.entries(engine.state.runtimes)) {
    copies[name] = Object.values(runtime.containers)
      .filter((record) => record.phase === 'running' && record.podKey.startsWith('default/web-'))
      .map((record) => record.podKey.slice('default/'.length))
      .sort();
  }
  return copies;
}

const webPods = (cluster: Cluster) => pods(cluster, (pod) => inDefault(pod) && pod.name.startsWith('web-'));

/** web (3 replicas) spread over the workers, one of them on worker-1. */
function clusterWithWeb(seed = 42): Cluster {
  const cluster = newCluster({ seed });
  script(cluster, 'kubectl create deployment web --image nginx:1.27 --replicas 3\nsim advance 30s');
  expect(webPods(cluster).some((pod) => pod.node === 'worker-1')).toBe(true);
  return cluster;
}

describe('#46 network partition', () => {
  it('#46 the control plane sees a silent node: Unknown, unreachable taints, pods not ready, while everything runs on', () => {
    const cluster = clusterWithWeb();
    const onWorker1 = webPods(cluster).filter((pod) => pod.node === 'worker-1');
    must(cluster, 'sim network partition worker-1');
    expect(node(cluster, 'worker-1').network).toBe('partitioned');
    const unknownAt = advanceUntil(cluster, () => node(cluster, 'worker-1').ready === 'Unknown', 120_000, 1000);
    expect(unknownAt).toBeDefined();
    expect(unknownAt! - 30_000).toBeGreaterThanOrEqual(40_000);
    expect(unknownAt! - 30_000).toBeLessThanOrEqual(56_000);
    cluster.advance('10s');
    expect(must(cluster, 'kubectl describe node worker-1')).toContain('Kubelet stopped posting node status.');
    expect(nodeTaints(cluster, 'worker-1')).toEqual(
      expect.arrayContaining(['node.kubernetes.io/unreachable:NoSchedule', 'node.kubernetes.io/unreachable:NoExecute']),
    );
    expect(nodeTaints(cluster, 'worker-1').some((taint) => taint.includes('not-ready'))).toBe(false);
    for (const pod of onWorker1) expect(webPods(cluster).find((each) => each.name === pod.name)!.ready).toBe(false);
    // The machine and its kubelet are fine: only the link is gone.
    expect(node(cluster, 'worker-1').machine).toBe('running');
    expect(node(cluster, 'worker-1').kubelet.startsWith('running')).toBe(true);
    expect(runningWebCopies(cluster)['worker-1']).toEqual(onWorker1.map((pod) => pod.name).sort());
  });

  it('#46 after the 300s toleration the pods are evicted and replaced elsewhere, and for a while the app runs twice', () => {
    const cluster = clusterWithWeb();
    const old = webPods(cluster).filter((pod) => pod.node === 'worker-1');
    script(cluster, 'sim network partition worker-1\nsim advance 7m');
    const now = webPods(cluster);
    for (const pod of old) {
      const seen = now.find((each) => each.name === pod.name)!;
      expect(seen.status).toBe('Terminating');
      expect(seen.node).toBe('worker-1');
    }
    const live = now.filter((pod) => pod.deletionTimestamp === null);
    expect(live).toHaveLength(3);
    expect(live.every((pod) => pod.node !== 'worker-1' && pod.status === 'Running')).toBe(true);
    // Three copies where the API sees them, plus the evicted ones still serving on worker-1.
    const copies = runningWebCopies(cluster);
    expect(copies['worker-1']).toEqual(old.map((pod) => pod.name).sort());
    expect(Object.values(copies).flat()).toHaveLength(3 + old.length);
    // The kubelet never heard of the deletion: no Killing event yet.
    expect(must(cluster, 'kubectl get events')).not.toContain('Stopping container');
  });

  it('#46 on heal the node is Ready again, the kubelet stops the evicted containers with Killing events, and their pods disappear', () => {
    const cluster = clusterWithWeb();
    const old = webPods(cluster).filter((pod) => pod.node === 'worker-1');
    script(cluster, 'sim network partition worker-1\nsim advance 7m\nsim network heal worker-1');
    expect(node(cluster, 'worker-1').network).toBe('connected');
    const readyAt = advanceUntil(cluster, () => node(cluster, 'worker-1').ready === 'True', 20_000, 500);
    expect(readyAt).toBeDefined();
    cluster.advance('10s');
    expect(nodeTaints(cluster, 'worker-1').filter((taint) => taint.includes('unreachable'))).toEqual([]);
    for (const pod of old) expect(webPods(cluster).some((each) => each.name === pod.name)).toBe(false);
    const events = must(cluster, 'kubectl get events');
    for (const pod of old) expect(events).toMatch(new RegExp(`Killing\\s+pod/${pod.name}\\s+Stopping container nginx`));
    expect(runningWebCopies(cluster)['worker-1']).toEqual([]);
    // No rebalancing (#22): the replacements stay where they are.
    expect(webPods(cluster).filter((pod) => pod.node === 'worker-1')).toEqual([]);
    expect(webPods(cluster)).toHaveLength(3);
  });

  it('#46 a partition shorter than the toleration just continues: same pods, RESTARTS 0, Ready again', () => {
    const cluster = clusterWithWeb();
    const before = webPods(cluster).map((pod) => pod.name);
    const started = must(cluster, 'kubectl describe pods -l app=web').match(/Started:.*$/gm);
    script(cluster, 'sim network partition worker-1\nsim advance 3m');
    expect(webPods(cluster).some((pod) => !pod.ready)).toBe(true);
    script(cluster, 'sim network heal worker-1\nsim advance 30s');
    const after = webPods(cluster);
    expect(after.map((pod) => pod.name)).toEqual(before);
    expect(after.every((pod) => pod.ready && pod.restarts === 0 && pod.deletionTimestamp === null)).toBe(true);
    expect(nodeTaints(cluster, 'worker-1')).toEqual([]);
    // The containers never restarted: their start times are the ones from before the partition.
    expect(must(cluster, 'kubectl describe pods -l app=web').match(/Started:.*$/gm)).toEqual(started);
  });

  it('#95 after a long partition the kubelet is back within its 7s lease retry, and posts Ready', () => {
    const cluster = clusterWithWeb();
    script(cluster, 'sim network partition worker-1\nsim advance 10m\nsim network heal worker-1');
    const healedAt = cluster.now();
    const readyAt = advanceUntil(cluster, () => node(cluster, 'worker-1').ready === 'True', 30_000, 100);
    expect(readyAt).toBeDefined();
    expect(readyAt! - healedAt).toBeLessThanOrEqual(7_100);
    expect(must(cluster, 'kubectl get events --field-selector involvedObject.kind=Node')).toMatch(/NodeReady\s+node\/worker-1/);
  });

  it('#46 no pod updates reach a partitioned kubelet: a pod deleted meanwhile stays Terminating and keeps running until heal', () => {
    const cluster = clusterWithWeb();
    const victim = webPods(cluster).find((pod) => pod.node === 'worker-1')!;
    script(cluster, `sim network partition worker-1\nkubectl delete pod ${victim.name} --wait=false\nsim advance 1m`);
    expect(webPods(cluster).find((pod) => pod.name === victim.name)!.status).toBe('Terminating');
    expect(runningWebCopies(cluster)['worker-1']).toContain(victim.name);
    script(cluster, 'sim network heal worker-1\nsim advance 15s');
    expect(webPods(cluster).some((pod) => pod.name === victim.name)).toBe(false);
    expect(runningWebCopies(cluster)['worker-1']).not.toContain(victim.name);
  });

  it('#46 a partitioned kubelet stays cut off when the control plane itself comes back', () => {
    const cluster = clusterWithWeb();
    script(
      cluster,
      'sim network partition worker-1\nsim node fail control-plane\nsim advance 1m\nsim node recover control-plane\nsim advance 2m',
    );
    expect(node(cluster, 'worker-1').ready).toBe('Unknown');
    expect(node(cluster, 'worker-2').ready).toBe('True');
    script(cluster, 'sim network heal worker-1\nsim advance 20s');
    expect(node(cluster, 'worker-1').ready).toBe('True');
  });

  it('#46 the API server cannot reach a partitioned kubelet either: kubectl logs times out', () => {
    const cluster = clusterWithWeb();
    const pod = webPods(cluster).find((each) => each.node === 'worker-1')!;
    expect(cluster.exec(`kubectl logs ${pod.name}`).exitCode).toBe(0);
    must(cluster, 'sim network partition worker-1');
    const result = cluster.exec(`kubectl logs ${pod.name}`);
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toMatch(/dial tcp 192\.168\.49\.\d+:10250: i\/o timeout/);
  });

  it('#46 nodeReachable: a partitioned node reaches only itself', () => {
    const cluster = clusterWithWeb();
    must(cluster, 'sim network partition worker-1');
    const engine = engineOf(cluster);
    expect(isPartitioned(engine, 'worker-1')).toBe(true);
    expect(nodeReachable(engine, 'worker-1', 'worker-1')).toBe(true);
    expect(nodeReachable(engine, 'worker-2', 'worker-1')).toBe(false);
    expect(nodeReachable(engine, 'worker-1', 'worker-3')).toBe(false);
    expect(nodeReachable(engine, 'worker-2', 'worker-3')).toBe(true);
  });

  it('#46 bad input gets a clear message and changes nothing', () => {
    const cluster = clusterWithWeb();
    const cases: [string, string][] = [
      ['sim network', simErrors.networkUsage()],
      ['sim network cut worker-1', simErrors.networkUsage()],
      ['sim network partition control-plane', simErrors.networkControlPlane('control-plane')],
      ['sim network heal worker-2', simErrors.notPartitioned('worker-2')],
      ['sim network partition worker-2 now', simErrors.unexpectedArguments(['now'])],
    ];
    for (const [line, message] of cases) {
      const result = cluster.exec(line);
      expect(result.exitCode, line).toBe(1);
      expect(result.stderr.trim(), line).toBe(message);
    }
    expect(cluster.exec('sim network partition nowhere').stderr).toContain('no machine named "nowhere"');
    must(cluster, 'sim network partition worker-2');
    expect(cluster.exec('sim network partition worker-2').stderr.trim()).toBe(simErrors.alreadyPartitioned('worker-2'));
    expect(
      cluster
        .view()
        .nodes.filter((view) => view.network === 'partitioned')
        .map((view) => view.name),
    ).toEqual(['worker-2']);
    expect(must(cluster, 'sim network --help')).toContain('sim network partition|heal NODE');
  });
});

const workers = ['worker-1', 'worker-2', 'worker-3'];
const command = fc.oneof(
  fc.constantFrom(...workers).map((w) => `sim network partition ${w}`),
  fc.constantFrom(...workers).map((w) => `sim network heal ${w}`),
  fc.constantFrom(...workers).map((w) => `sim node fail ${w}`),
  fc.constantFrom(...workers).map((w) => `sim node recover ${w}`),
  fc.integer({ min: 0, max: 6 }).map((n) => `kubectl scale deployment web --replicas=${n}`),
  fc.constantFrom('5s', '30s', '1m', '3m', '6m', '20m').map((d) => `sim advance ${d}`),
);

describe('#46 property', () => {
  it('#46 during a partition no pod is bound to two nodes in the API, though two copies of the app may run', () => {
    let sawTwoCopies = false;
    fc.assert(
      fc.property(fc.array(command, { minLength: 1, maxLength: 20 }), (lines) => {
        const cluster = clusterWithWeb(7);
        const engine = engineOf(cluster);
        for (const line of lines) {
          cluster.exec(line);
          const view = cluster.view();
          const boundTo = new Map<string, string>();
          for (const each of view.nodes) {
            for (const key of each.pods) {
              expect(boundTo.has(key), `${key} on ${boundTo.get(key)} and ${each.name}`).toBe(false);
              boundTo.set(key, each.name);
            }
          }
          // A container always belongs to the node its pod object is bound to (or to no object any more).
          for (const [name, runtime] of Object.entries(engine.state.runtimes)) {
            for (const [uid, record] of Object.entries(runtime.containers)) {
              const pod = engine.store.get('Pod', record.podKey);
              if (pod && pod.metadata.uid === uid) expect(pod.spec.nodeName, `${record.podKey}`).toBe(name);
            }
          }
          const live = view.pods.filter((pod) => pod.name.startsWith('web-') && pod.deletionTimestamp === null).length;
          if (Object.values(runningWebCopies(cluster)).flat().length > live)
            sawTwoCopies ||= Object.keys(engine.state.partitioned).length > 0;
        }
      }),
      { numRuns: 30, seed: 46 },
    );
    expect(sawTwoCopies).toBe(true);
  });
});
