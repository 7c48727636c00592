// Facts #10 (corrected) and #47-#49: zones, their disruption states and per-zone eviction rates.
import { describe, expect, it } from 'vitest';
import type { Cluster } from '@/lib/cluster';
import { simErrors } from '@/lib/cluster/api/errors';
import type { Node } from '@/lib/cluster/api/types';
import { engineOf } from '@/lib/cluster/cluster';
import { excludedFromDisruptionChecks, zoneKey } from '@/lib/cluster/controllers/nodelifecycle.policy';
import { clusterRegion } from '@/lib/cluster/node/zones';
import { inDefault, must, newCluster, node, pods, script } from './fixtures';

const controllerLog = (cluster: Cluster) => must(cluster, 'kubectl logs -n kube-system kube-controller-manager-control-plane');

/** When each node got its unreachable NoExecute taint (undefined: never). */
function noExecuteSince(cluster: Cluster, name: string): number | undefined {
  const object = engineOf(cluster).store.get('Node', name) as Node;
  return object.spec.taints.find((taint) => taint.key === 'node.kubernetes.io/unreachable' && taint.effect === 'NoExecute')?.timeAdded;
}

const key = (zone: string) => `${clusterRegion}:\\x00:${zone}`;
const stateLine = (zone: string, state: string) => `"Controller detected that zone is now in new state" zone="${zone}" newState="${state}"`;

const deployment = (replicas: number) =>
  `apiVersion: apps/v1\nkind: Deployment\nmetadata: { name: web }\nspec:\n  replicas: ${replicas}\n  selector: { matchLabels: { app: web } }\n  template:\n    metadata: { labels: { app: web } }\n    spec: { containers: [{ name: web, image: "nginx:1.27", resources: { requests: { cpu: 100m } } }] }\n`;

function zonedCluster(workers: number, zones: number, replicas = 0): Cluster {
  const cluster = newCluster({ files: { 'web.yaml': deployment(replicas) } });
  must(cluster, `sim init --workers ${workers} --zones ${zones}`);
  if (replicas > 0) script(cluster, 'kubectl apply -f web.yaml\nsim advance 30s');
  return cluster;
}

describe('#47 zone keys', () => {
  it('#47 sim init --zones labels the workers round-robin with zone and region; the control plane is in zone ""', () => {
    const cluster = zonedCluster(5, 2);
    const engine = engineOf(cluster);
    const labels = (name: string) => engine.store.get('Node', name)!.metadata.labels;
    expect(['worker-1', 'worker-2', 'worker-3', 'worker-4', 'worker-5'].map((name) => node(cluster, name).zone)).toEqual([
      'zone-a',
      'zone-b',
      'zone-a',
      'zone-b',
      'zone-a',
    ]);
    expect(labels('worker-2')['topology.kubernetes.io/region']).toBe(clusterRegion);
    expect(node(cluster, 'control-plane').zone).toBeNull();
    cluster.advance('6s');
    const log = controllerLog(cluster);
    for (const zone of ['', key('zone-a'), key('zone-b')]) expect(log).toContain(stateLine(zone, 'Normal'));
    expect(must(cluster, 'sim node add worker-6')).toContain('in zone-b');
  });

  it('#47 zoneKey joins region and zone with ":\\0:", beta labels first, "" without either', () => {
    expect(zoneKey({})).toBe('');
    expect(zoneKey({ 'topology.kubernetes.io/zone': 'a' })).toBe(':\0:a');
    expect(zoneKey({ 'topology.kubernetes.io/region': 'r' })).toBe('r:\0:');
    expect(zoneKey({ 'topology.kubernetes.io/region': 'r', 'topology.kubernetes.io/zone': 'a' })).toBe('r:\0:a');
    expect(
      zoneKey({
        'topology.kubernetes.io/region': 'r',
        'topology.kubernetes.io/zone': 'a',
        'failure-domain.beta.kubernetes.io/region': 'old',
        'failure-domain.beta.kubernetes.io/zone': '',
      }),
    ).toBe('old:\0:');
    expect(excludedFromDisruptionChecks({ 'node.kubernetes.io/exclude-disruption': '' })).toBe(true);
    expect(excludedFromDisruptionChecks({ 'node.kubernetes.io/exclude-disruption-x': '' })).toBe(false);
  });

  it('#47 the deprecated failure-domain.beta labels take precedence over topology.kubernetes.io', () => {
    const cluster = zonedCluster(2, 2);
    script(cluster, 'kubectl label node worker-1 failure-domain.beta.kubernetes.io/zone=legacy\nsim advance 6s');
    expect(controllerLog(cluster)).toContain(stateLine(key('legacy'), 'Normal'));
  });

  it('#47 a node labelled node.kubernetes.io/exclude-disruption is left out of its zone counts', () => {
    // Four workers and the control plane in zone "": three failing is 60% (partial, nothing
    // evicted). With one of the three excluded the zone counts 2 of 4 down: normal, evicted.
    const cluster = newCluster({ workers: 4, files: { 'web.yaml': deployment(8) } });
    script(
      cluster,
      'kubectl label node worker-1 node.kubernetes.io/exclude-disruption=\nkubectl apply -f web.yaml\nsim advance 30s\nsim node fail worker-1\nsim node fail worker-2\nsim node fail worker-3\nsim advance 8m',
    );
    for (const name of ['worker-1', 'worker-2', 'worker-3']) expect(noExecuteSince(cluster, name), name).toBeDefined();
    expect(pods(cluster, (pod) => inDefault(pod) && pod.deletionTimestamp !== null).length).toBeGreaterThan(0);
    expect(controllerLog(cluster)).not.toContain('PartialDisruption');
  });
});

describe('#94 the controller log', () => {
  it('#94 a fresh controller manager logs each zone once as it leaves Initial, with klog quoting of the zone key', () => {
    const cluster = zonedCluster(2, 2);
    cluster.advance('6s');
    const log = controllerLog(cluster).split('\n');
    const zoneLines = log.filter((line) => line.includes('node_lifecycle_controller.go'));
    expect(zoneLines.filter((line) => line.includes('"Initializing eviction metric for zone"'))).toHaveLength(3);
    expect(zoneLines.filter((line) => line.includes('newState="Normal"'))).toHaveLength(3);
    expect(zoneLines.some((line) => line.includes('zone="eu-west-1:\\x00:zone-b"'))).toBe(true);
    expect(zoneLines.every((line) => /^I\d{4} \d\d:\d\d:\d\d\.\d{6} {7}1 node_lifecycle_controller\.go:\d+\] "/.test(line))).toBe(true);
    // Nothing changes, nothing more is logged.
    cluster.advance('10m');
    expect(
      controllerLog(cluster)
        .split('\n')
        .filter((line) => line.includes('node_lifecycle_controller.go')),
    ).toEqual(zoneLines);
  });
});

describe('#48 zone states', () => {
  it('#48 a failed zone goes FullDisruption and back to Normal, in the controller log only', () => {
    const cluster = zonedCluster(6, 3);
    script(cluster, 'sim zone fail zone-a\nsim advance 70s');
    expect(controllerLog(cluster)).toContain(stateLine(key('zone-a'), 'FullDisruption'));
    expect(must(cluster, 'kubectl describe node worker-1')).not.toContain('Disruption');
    script(cluster, 'sim zone recover zone-a\nsim advance 40s');
    const log = controllerLog(cluster).split('\n');
    expect(log.filter((line) => line.includes(stateLine(key('zone-a'), 'Normal')))).toHaveLength(2);
  });

  it('#48 when every counted zone is down: master disruption mode removes NoExecute taints and stops evictions; it ends when a node is Ready', () => {
    const cluster = zonedCluster(6, 3, 6);
    // The control plane in zone "" would count as a healthy zone: leave it out, as managed clusters do.
    script(cluster, 'kubectl label node control-plane node.kubernetes.io/exclude-disruption=\nsim zone fail zone-a\nsim advance 2m');
    // zone-a alone is evacuated: its nodes are tainted.
    expect(noExecuteSince(cluster, 'worker-1')).toBeDefined();
    script(cluster, 'sim zone fail zone-b\nsim zone fail zone-c\nsim advance 90s');
    expect(controllerLog(cluster)).toContain('"Controller detected that all Nodes are not-Ready. Entering master disruption mode"');
    for (const view of cluster.view().nodes)
      expect(
        view.taints.filter((taint) => taint.effect === 'NoExecute'),
        view.name,
      ).toEqual([]);
    cluster.advance('15m');
    expect(pods(cluster, (pod) => inDefault(pod) && pod.deletionTimestamp !== null)).toEqual([]);
    script(cluster, 'sim zone recover zone-a\nsim advance 1m');
    expect(controllerLog(cluster)).toContain('"Controller detected that some Nodes are Ready. Exiting master disruption mode"');
    // The zones still dead are evacuated again, each by its own tainter at 0.1 node/s.
    cluster.advance('1m');
    for (const name of ['worker-2', 'worker-3', 'worker-5', 'worker-6']) expect(noExecuteSince(cluster, name), name).toBeDefined();
  });
});

describe('#10 per-zone eviction rates', () => {
  it('#10 a fully disrupted zone is evacuated at the normal rate while other zones are Ready', () => {
    const cluster = zonedCluster(6, 3, 6);
    const inZoneA = (pod: { node: string | null }) => pod.node === 'worker-1' || pod.node === 'worker-4';
    const before = pods(cluster, (pod) => inDefault(pod) && inZoneA(pod));
    expect(before.length).toBeGreaterThan(0);
    script(cluster, 'sim zone fail zone-a\nsim advance 7m');
    const [first, second] = ['worker-1', 'worker-4'].map((name) => noExecuteSince(cluster, name)!).sort((a, b) => a - b);
    expect(second - first).toBeGreaterThanOrEqual(10_000);
    expect(second - first).toBeLessThan(20_000);
    for (const pod of before) expect(pods(cluster, (each) => each.name === pod.name)[0].status).toBe('Terminating');
    const live = pods(cluster, (pod) => inDefault(pod) && pod.deletionTimestamp === null);
    expect(live).toHaveLength(6);
    expect(live.every((pod) => !inZoneA(pod) && pod.status === 'Running')).toBe(true);
  });

  it('#10 each zone has its own rate: a dead zone is evacuated while a partially disrupted zone stops', () => {
    // zone-a: workers 1,3,5,7,9 all down (FullDisruption); zone-b: 3 of 5 down (PartialDisruption, small: rate 0).
    const cluster = zonedCluster(10, 2);
    script(cluster, 'sim zone fail zone-a\nsim node fail worker-2\nsim node fail worker-4\nsim node fail worker-6\nsim advance 3m');
    const log = controllerLog(cluster);
    expect(log).toContain(stateLine(key('zone-a'), 'FullDisruption'));
    expect(log).toContain(stateLine(key('zone-b'), 'PartialDisruption'));
    const zoneA = ['worker-1', 'worker-3', 'worker-5', 'worker-7', 'worker-9'].map((name) => noExecuteSince(cluster, name));
    expect(zoneA.every((time) => time !== undefined)).toBe(true);
    const sorted = (zoneA as number[]).sort((a, b) => a - b);
    for (let i = 1; i < sorted.length; i++) expect(sorted[i] - sorted[i - 1]).toBeGreaterThanOrEqual(10_000);
    cluster.advance('15m');
    // The zone-b node detected in the pass that crossed the threshold is never tainted (#49).
    const zoneB = ['worker-2', 'worker-4', 'worker-6'].map((name) => noExecuteSince(cluster, name));
    expect(zoneB.some((time) => time === undefined)).toBe(true);
  });

  it('#10 #93 a partially disrupted zone of more than 50 nodes is tainted at 0.01 node/s, the swap granting no extra taint', () => {
    const cluster = zonedCluster(60, 1);
    const failed = Array.from({ length: 40 }, (_, i) => `worker-${i + 1}`);
    script(cluster, failed.map((name) => `sim node fail ${name}`).join('\n'));
    cluster.advance('2m');
    expect(controllerLog(cluster)).toContain(stateLine(key('zone-a'), 'PartialDisruption'));
    cluster.advance('8m');
    const times = failed
      .map((name) => noExecuteSince(cluster, name))
      .filter((time): time is number => time !== undefined)
      .sort((a, b) => a - b);
    // Ten minutes at 0.01 node/s: a handful, not the 40 the healthy rate would have tainted by now, nor none.
    expect(times.length).toBeGreaterThanOrEqual(3);
    expect(times.length).toBeLessThanOrEqual(10);
    const slow = times.slice(-3);
    expect(slow[2] - slow[1]).toBeGreaterThanOrEqual(100_000);
    expect(slow[1] - slow[0]).toBeGreaterThanOrEqual(100_000);
  });
});

describe('#49 order within a pass', () => {
  it('#49 nodes tainted while the zone was Normal keep their taint; the node that tips it into PartialDisruption is never tainted', () => {
    const cluster = newCluster({ workers: 5, files: { 'web.yaml': deployment(10) } });
    script(cluster, 'kubectl apply -f web.yaml\nsim advance 30s');
    const on = (name: string) => pods(cluster, (pod) => inDefault(pod) && pod.node === name);
    expect(on('worker-1').length).toBeGreaterThan(0);
    expect(on('worker-4').length).toBeGreaterThan(0);
    // One at a time: 1, 2, 3 of 6 nodes down is still Normal (3/6 = 50% < 55%); the fourth makes 67%.
    for (const name of ['worker-1', 'worker-2', 'worker-3']) {
      script(cluster, `sim node fail ${name}\nsim advance 70s`);
      expect(noExecuteSince(cluster, name), name).toBeDefined();
    }
    const onWorker1 = on('worker-1');
    const onWorker4 = on('worker-4');
    script(cluster, 'sim node fail worker-4\nsim advance 10m');
    expect(controllerLog(cluster)).toContain(stateLine('', 'PartialDisruption'));
    expect(noExecuteSince(cluster, 'worker-4')).toBeUndefined();
    for (const name of ['worker-1', 'worker-2', 'worker-3']) expect(noExecuteSince(cluster, name), name).toBeDefined();
    for (const pod of onWorker1) expect(pods(cluster, (each) => each.name === pod.name)[0].status).toBe('Terminating');
    for (const pod of onWorker4) expect(pods(cluster, (each) => each.name === pod.name)[0].deletionTimestamp).toBeNull();
  });
});

describe('sim zone', () => {
  it('powers every machine of a zone off and on, and refuses bad input without changing anything', () => {
    const cluster = zonedCluster(4, 2);
    expect(cluster.exec('sim zone fail zone-c').stderr.trim()).toBe(simErrors.unknownZone('zone-c', ['zone-a', 'zone-b']));
    expect(cluster.exec('sim zone recover zone-a').stderr.trim()).toBe(simErrors.zoneAlreadyUp('zone-a'));
    expect(cluster.exec('sim zone').stderr.trim()).toBe(simErrors.zoneUsage());
    expect(cluster.exec('sim zone fail zone-a extra').stderr.trim()).toBe(simErrors.unexpectedArguments(['extra']));
    expect(cluster.view().nodes.every((view) => view.machine === 'running')).toBe(true);
    expect(must(cluster, 'sim zone fail zone-a')).toContain('worker-3');
    expect(
      cluster
        .view()
        .nodes.filter((view) => view.machine !== 'running')
        .map((view) => view.name),
    ).toEqual(['worker-1', 'worker-3']);
    expect(cluster.exec('sim zone fail zone-a').stderr.trim()).toBe(simErrors.zoneAlreadyDown('zone-a'));
    must(cluster, 'sim zone recover zone-a');
    cluster.advance('30s');
    expect(cluster.view().nodes.every((view) => view.ready === 'True')).toBe(true);
    expect(must(cluster, 'sim zone --help')).toContain('sim zone fail|recover ZONE');
  });

  it('sim init --zones needs a worker per zone; a cluster without zones says so', () => {
    const cluster = newCluster();
    expect(cluster.exec('sim zone fail zone-a').stderr.trim()).toBe(simErrors.noZones());
    for (const line of ['sim init --workers 2 --zones 3', 'sim init --zones 0', 'sim init --workers 30 --zones 27']) {
      const result = cluster.exec(line);
      expect(result.exitCode, line).toBe(1);
      expect(result.stderr, line).toContain('invalid --zones');
    }
    expect(cluster.view().nodes).toHaveLength(4);
    expect(cluster.view().nodes.every((view) => view.zone === null)).toBe(true);
  });
});
