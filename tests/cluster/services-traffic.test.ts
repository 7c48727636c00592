// Traffic to Services (rows #33, #34): kube-proxy's rules and their min-sync-period, and what
// `sim curl` meets through them during a node failure.
import { describe, expect, it } from 'vitest';
import { limits } from '@/lib/cluster/api/limits';
import { engineOf } from '@/lib/cluster/cluster';
import { defaults } from '@/lib/cluster/engine/config';
import { podServes, rulesAt } from '@/lib/cluster/proxy/proxier';
import { curlMessages } from '@/lib/cluster/proxy/curl';
import { advanceUntil, must, newCluster } from './fixtures';
import { endpoints, slices, spreadWeb, webOnWorker1, webPods } from './support/services';

describe('Traffic through kube-proxy', () => {
  it('#33 a pod on a node that lost power stays a ready endpoint until the node is Unknown (40-55 s), then leaves within the 1 s sync', () => {
    const cluster = spreadWeb(3);
    const onWorker1 = webPods(cluster).find((pod) => pod.spec.nodeName === 'worker-1')!;
    const failedAt = cluster.now();
    must(cluster, 'sim node fail worker-1');
    const listedReady = () => endpoints(cluster)!.subsets[0].addresses.some((a) => a.targetRef?.name === onWorker1.metadata.name);
    const gone = advanceUntil(cluster, () => !listedReady(), 120_000, 500)!;
    expect(gone - failedAt).toBeGreaterThanOrEqual(40_000);
    expect(gone - failedAt).toBeLessThanOrEqual(55_500);
    const engine = engineOf(cluster);
    const routed = () => rulesAt(engine, 'default/web', cluster.now())!.endpoints.some((e) => e.ip === onWorker1.status.podIP);
    const unrouted = advanceUntil(cluster, () => !routed(), 5_000, 100)!;
    expect(unrouted - gone).toBeLessThanOrEqual(defaults.kubeProxyMinSyncPeriodMs);
    expect(unrouted - failedAt).toBeLessThanOrEqual(60_000);
  });

  it('#33 kube-proxy rewrites its rules at most once per min-sync-period', () => {
    const cluster = spreadWeb(3);
    const engine = engineOf(cluster);
    const proxy = engine.state.kubeProxy;
    const routed = () => rulesAt(engine, 'default/web', cluster.now())!.endpoints.length;
    cluster.advance('5s');
    must(cluster, 'kubectl scale deployment web --replicas=2');
    // The last sync was long ago: this change is written at once.
    const first = cluster.now();
    expect(proxy.lastSyncAt).toBe(first);
    expect(routed()).toBe(2);
    cluster.advance(200);
    must(cluster, 'kubectl scale deployment web --replicas=1');
    // 200 ms later: the next change waits for the period to run out.
    expect(proxy.pendingAt).toBe(first + defaults.kubeProxyMinSyncPeriodMs);
    expect(routed()).toBe(2);
    cluster.advance(defaults.kubeProxyMinSyncPeriodMs - 201);
    expect(routed()).toBe(2);
    cluster.advance(1);
    expect(routed()).toBe(1);
  });

  it('#33 rules waiting for their sync survive a snapshot, and one saved with the rules themselves pending is caught up on restore', () => {
    const cluster = spreadWeb(3);
    const engine = engineOf(cluster);
    const routed = () => rulesAt(engine, 'default/web', cluster.now())!.endpoints.length;
    cluster.advance('5s');
    must(cluster, 'kubectl scale deployment web --replicas=2');
    cluster.advance(200);
    must(cluster, 'kubectl scale deployment web --replicas=1');
    const saved = cluster.snapshot();
    const dueAt = engine.state.kubeProxy.pendingAt!;
    cluster.restore(structuredClone(saved));
    expect(routed()).toBe(2);
    cluster.advance(dueAt - cluster.now());
    expect(routed()).toBe(1);
    // An older snapshot kept the rules to write in `pending`, and could be saved after their time.
    const older = structuredClone(saved);
    older.state.kubeProxy.pending = { 'default/web': { clusterIP: 'stale', ports: [80], endpoints: [] } };
    older.clock.now = dueAt + 10;
    cluster.restore(older);
    expect(engine.state.kubeProxy.pendingAt).toBeNull();
    expect(routed()).toBe(1);
  });

  it('#34 curl during a node failure: timeouts while the dead endpoint is listed, then every request succeeds', () => {
    const cluster = spreadWeb(3);
    must(cluster, 'sim node fail worker-1');
    cluster.advance('20s');
    const during = cluster.exec('sim curl web --count 30');
    const lines = during.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(31);
    const timeouts = lines.filter((line) => line.startsWith('curl: (28)'));
    const successes = lines.filter((line) => line.startsWith('200 '));
    expect(timeouts.length).toBeGreaterThan(0);
    expect(successes.length).toBeGreaterThan(0);
    expect(timeouts.length + successes.length).toBe(30);
    expect(successes.every((line) => !line.includes(' on worker-1 '))).toBe(true);
    expect(lines[30]).toBe(curlMessages.summary(successes.length, 30));
    expect(during.exitCode).toBe(1);
    // The clock does not move.
    const now = cluster.now();
    cluster.exec('sim curl web --count 5');
    expect(cluster.now()).toBe(now);

    cluster.advance('40s');
    const after = cluster.exec('sim curl web --count 30');
    expect(after.exitCode).toBe(0);
    expect(after.stdout.trimEnd().split('\n').at(-1)).toBe('30/30 requests succeeded');
    // Seeded random choice spreads over both remaining pods.
    const served = new Set(
      after.stdout
        .split('\n')
        .filter((l) => l.startsWith('200 '))
        .map((l) => l.split(' ')[3]),
    );
    expect(served.size).toBe(2);
  });

  it('#34 no usable endpoint: connection refused at once; terminating-but-serving endpoints are the fallback', () => {
    const cluster = spreadWeb(2);
    const engine = engineOf(cluster);
    must(cluster, 'kubectl scale deployment web --replicas=0');
    // Ready endpoints gone: kube-proxy falls back to those still serving while they terminate
    // (the rules as of the sync that follows, which may wait for the min-sync-period).
    const proxy = engine.state.kubeProxy;
    const fallback = rulesAt(engine, 'default/web', proxy.pendingAt ?? cluster.now());
    const terminating = slices(cluster)[0].endpoints.filter((e) => e.conditions.serving && e.conditions.terminating);
    expect(terminating).toHaveLength(2);
    expect(fallback!.endpoints.map((e) => e.ip).sort()).toEqual(terminating.map((e) => e.addresses[0]).sort());
    cluster.advance('20s');
    const refused = cluster.exec('sim curl web --count 3');
    expect(refused.stdout).toBe(`${[1, 2, 3].map(() => curlMessages.refused('web.default', 80)).join('\n')}\n0/3 requests succeeded\n`);
  });

  it('#34 a listed pod whose container does not run refuses the connection (podServes)', () => {
    const cluster = spreadWeb(1);
    const engine = engineOf(cluster);
    const [pod] = webPods(cluster);
    expect(podServes(engine, pod)).toBe(true);
    for (const container of Object.values(engine.state.runtimes[pod.spec.nodeName!].containers)) container.phase = 'stopping';
    expect(podServes(engine, pod)).toBe(false);
    expect(cluster.exec('sim curl web').stdout.split('\n')[0]).toBe(curlMessages.refused('web.default', 80));
  });

  it('#33 a restored snapshot carries the endpoints and kube-proxy rules on', () => {
    const original = webOnWorker1(2);
    const saved = original.snapshot();
    const restored = newCluster();
    restored.restore(saved);
    for (const cluster of [original, restored]) {
      must(cluster, 'sim node fail worker-1');
      cluster.advance('70s');
    }
    expect(endpoints(restored)).toEqual(endpoints(original));
    expect(slices(restored)).toEqual(slices(original));
    expect(restored.exec('sim curl web --count 5').stdout).toBe(original.exec('sim curl web --count 5').stdout);
    expect(restored.exec('sim curl web').stdout.split('\n')[0]).toBe(curlMessages.refused('web.default', 80));
  });

  it('sim curl refuses bad input clearly and changes nothing', () => {
    const cluster = spreadWeb(1);
    const before = JSON.stringify(cluster.view());
    expect(cluster.exec('sim curl').stderr.trim()).toBe(curlMessages.usage);
    expect(cluster.exec('sim curl missing').stderr.trim()).toBe(curlMessages.unresolved('missing.default'));
    expect(cluster.exec(`sim curl web --count ${limits.maxCurlRequests + 1}`).stderr).toContain('out of range');
    expect(cluster.exec('sim curl web --count 0').exitCode).toBe(1);
    expect(cluster.exec('sim curl web --count x').exitCode).toBe(1);
    expect(JSON.stringify(cluster.view())).toBe(before);
    expect(cluster.exec('sim curl web -n kube-system').stderr.trim()).toBe(curlMessages.unresolved('web.kube-system'));
  });
});
