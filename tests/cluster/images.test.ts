// The kubelet's image manager and the simulated registry: pull policies (#43), the events and
// STATUS words of a failed pull (#44), its back-off and re-sync timing (#45), the node's image
// cache, and the sim registry commands.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Cluster } from '@/lib/cluster';
import { engineOf } from '@/lib/cluster/cluster';
import { defaults } from '@/lib/cluster/engine/config';
import { imageEvents } from '@/lib/cluster/kubelet/images';
import { pullErrors, registryMessages } from '@/lib/cluster/registry/registry';
import { parseImageReference } from '@/lib/cluster/registry/reference';
import { must, newCluster, pods } from './fixtures';

const podNamed = (cluster: Cluster, name: string) => pods(cluster, (pod) => pod.name === name)[0];
const jsonpath = (cluster: Cluster, pod: string, path: string) => must(cluster, `kubectl get pod ${pod} -o jsonpath={${path}}`).trim();
const podEvents = (cluster: Cluster, pod: string) => cluster.view().events.filter((event) => event.object === `pod/${pod}`);

/** A pod pinned to worker-1 (so tests know which node's cache it uses). */
function pinnedPod(name: string, containers: string, extra = ''): string {
  return `apiVersion: v1
kind: Pod
metadata: { name: ${name} }
spec:
  nodeSelector: { kubernetes.io/hostname: worker-1 }
  containers: ${containers}
${extra}`;
}

/** Manifests the clusters of this file can apply, by file name (the cluster reads them when applied). */
const files: Record<string, string> = {};
let applied = 0;

function apply(cluster: Cluster, manifest: string): void {
  const name = `manifest-${++applied}.yaml`;
  files[name] = manifest;
  must(cluster, `kubectl apply -f ${name}`);
}

const imageCluster = (seed = 42) => newCluster({ seed, files });

interface PullLog {
  /** When each pull attempt began (a Pulling event) and when each failed one ended. */
  started: number[];
  failed: number[];
  runningAt?: number;
}

/** Steps the clock and notes the moment of every Pulling and failed-pull event of `pod`. */
function watchPulls(cluster: Cluster, pod: string, untilMs: number, onStep?: (log: PullLog) => void): PullLog {
  const log: PullLog = { started: [], failed: [] };
  let pulling = 0;
  let failed = 0;
  while (cluster.now() < untilMs) {
    cluster.advance(250);
    const events = podEvents(cluster, pod);
    const count = (test: (message: string, reason: string) => boolean) =>
      events.filter((event) => test(event.message, event.reason)).reduce((sum, event) => sum + event.count, 0);
    const latest = (test: (message: string, reason: string) => boolean) =>
      Math.max(...events.filter((event) => test(event.message, event.reason)).map((event) => event.lastTimestamp));
    const isPulling = (_: string, reason: string) => reason === 'Pulling';
    const isFailure = (message: string) => message.startsWith('Failed to pull image');
    if (count(isPulling) > pulling) {
      pulling = count(isPulling);
      log.started.push(latest(isPulling));
    }
    if (count(isFailure) > failed) {
      failed = count(isFailure);
      log.failed.push(latest(isFailure));
    }
    if (log.runningAt === undefined && podNamed(cluster, pod)?.status === 'Running') log.runningAt = cluster.now();
    onStep?.(log);
  }
  return log;
}

describe('#43 imagePullPolicy', () => {
  it('#43 defaults to Always for :latest or no tag, IfNotPresent for other tags and digests, and keeps an explicit value', () => {
    const cluster = imageCluster();
    const digest = `nginx@sha256:${'a'.repeat(64)}`;
    must(cluster, 'kubectl run plain --image=nginx');
    must(cluster, 'kubectl run latest --image=nginx:latest');
    must(cluster, 'kubectl run tagged --image=nginx:1.27');
    must(cluster, `kubectl run pinned --image=${digest}`);
    must(cluster, 'kubectl run local --image=localhost:5000/app');
    apply(cluster, pinnedPod('explicit', '[{ name: app, image: "nginx:latest", imagePullPolicy: IfNotPresent }]'));
    const policy = (pod: string) => jsonpath(cluster, pod, '.spec.containers[0].imagePullPolicy');
    expect(['plain', 'latest', 'tagged', 'pinned', 'local', 'explicit'].map(policy)).toEqual([
      'Always',
      'Always',
      'IfNotPresent',
      'IfNotPresent',
      'Always',
      'IfNotPresent',
    ]);
  });

  it('#43 IfNotPresent uses the cached image ("already present on machine"); Always pulls again even so', () => {
    const cluster = imageCluster();
    apply(cluster, pinnedPod('first', '[{ name: app, image: "nginx:1.27" }]'));
    cluster.advance('20s');
    expect(podEvents(cluster, 'first').map((event) => event.reason)).toContain('Pulling');
    apply(cluster, pinnedPod('second', '[{ name: app, image: "nginx:1.27" }]'));
    apply(cluster, pinnedPod('third', '[{ name: app, image: "nginx:1.27", imagePullPolicy: Always }]'));
    cluster.advance('20s');
    const second = podEvents(cluster, 'second');
    expect(second.map((event) => event.message)).toContain(imageEvents.present('nginx:1.27'));
    expect(second.map((event) => event.reason)).not.toContain('Pulling');
    const third = podEvents(cluster, 'third');
    expect(third.map((event) => event.message)).toContain(imageEvents.pulling('nginx:1.27'));
    expect(podNamed(cluster, 'second').status).toBe('Running');
    expect(podNamed(cluster, 'third').status).toBe('Running');
  });

  it('#43 a cached image starts faster than one that must be pulled', () => {
    const cluster = imageCluster();
    const startedAfter = (pod: string) => {
      const created = podNamed(cluster, pod).createdAt;
      let at: number | undefined;
      while (at === undefined && cluster.now() < created + 60_000) {
        cluster.advance(100);
        if (podNamed(cluster, pod).status === 'Running') at = cluster.now();
      }
      return (at ?? Infinity) - created;
    };
    apply(cluster, pinnedPod('cold', '[{ name: app, image: "postgres:17" }]'));
    const cold = startedAfter('cold');
    apply(cluster, pinnedPod('warm', '[{ name: app, image: "postgres:17" }]'));
    const warm = startedAfter('warm');
    expect(warm).toBeLessThan(cold);
    expect(cold - warm).toBeGreaterThan(2_000);
  });

  it('#92 Never with the image missing gives ErrImageNeverPull and the upstream event texts', () => {
    const cluster = imageCluster();
    apply(cluster, pinnedPod('never', '[{ name: app, image: "redis:7.4", imagePullPolicy: Never }]'));
    cluster.advance('5s');
    expect(podNamed(cluster, 'never').status).toBe('ErrImageNeverPull');
    const messages = podEvents(cluster, 'never').map((event) => `${event.type} ${event.reason} ${event.message}`);
    expect(messages).toContain(`Warning ErrImageNeverPull ${imageEvents.neverPull('redis:7.4')}`);
    expect(messages).toContain('Warning Failed Error: ErrImageNeverPull');
    expect(messages.some((message) => message.includes('Pulling'))).toBe(false);
  });

  it('#92 Never has no back-off: the pod starts at the first re-sync after the image reaches the node', () => {
    const cluster = imageCluster();
    apply(cluster, pinnedPod('never', '[{ name: app, image: "redis:7.4", imagePullPolicy: Never }]'));
    cluster.advance('2m');
    expect(podNamed(cluster, 'never').status).toBe('ErrImageNeverPull');
    apply(cluster, pinnedPod('puller', '[{ name: app, image: "redis:7.4" }]'));
    const cachedAt = watchPulls(cluster, 'puller', cluster.now() + 10_000).runningAt!;
    let startedAt: number | undefined;
    while (startedAt === undefined && cluster.now() < cachedAt + 30_000) {
      cluster.advance(250);
      if (podNamed(cluster, 'never').status === 'Running') startedAt = cluster.now();
    }
    expect(startedAt).toBeDefined();
    expect(startedAt! - cachedAt).toBeLessThanOrEqual(defaults.podWorkerErrorResyncMs.max + defaults.containerStartMs.max);
    expect(podEvents(cluster, 'never').map((event) => event.message)).toContain(imageEvents.present('redis:7.4'));
  });

  it('#90 an invalid image name is InvalidImageName, never pulled', () => {
    const cluster = imageCluster();
    must(cluster, 'kubectl run shout --image=Nginx:1.27');
    cluster.advance('5s');
    expect(podNamed(cluster, 'shout').status).toBe('InvalidImageName');
    expect(podEvents(cluster, 'shout').map((event) => event.reason)).toEqual(expect.arrayContaining(['InspectFailed', 'Failed']));
  });
});

describe('#44 a failed pull', () => {
  it('#44 records Pulling, Failed with the runtime error, Error: ErrImagePull; then BackOff and Error: ImagePullBackOff', () => {
    const cluster = imageCluster();
    must(cluster, 'kubectl run web --image=nginx:1.999');
    cluster.advance('3s');
    expect(podNamed(cluster, 'web').status).toBe('ErrImagePull');
    const full = 'docker.io/library/nginx:1.999';
    expect(podEvents(cluster, 'web').map((event) => `${event.type} ${event.reason} ${event.message}`)).toEqual(
      expect.arrayContaining([
        `Normal Pulling Pulling image "nginx:1.999"`,
        `Warning Failed Failed to pull image "nginx:1.999": ${pullErrors.notFound(full)}`,
        'Warning Failed Error: ErrImagePull',
      ]),
    );
    expect(jsonpath(cluster, 'web', '.status.containerStatuses[0].state.waiting.message')).toBe(pullErrors.notFound(full));
    // The second attempt fails too; the re-sync after it falls inside its 20s back-off.
    cluster.advance('35s');
    expect(podNamed(cluster, 'web').status).toBe('ImagePullBackOff');
    expect(podNamed(cluster, 'web').waitingReason).toBe('ImagePullBackOff');
    const describe = must(cluster, 'kubectl describe pod web');
    expect(describe).toMatch(/State:\s+Waiting\n\s+Reason:\s+ImagePullBackOff/);
    expect(describe).toContain('Back-off pulling image "nginx:1.999"');
    expect(describe).toContain('Error: ImagePullBackOff');
    expect(must(cluster, 'kubectl get pods')).toMatch(/web\s+0\/1\s+ImagePullBackOff\s+0/);
  });

  it('#90 a repository Docker Hub does not have is an authorization failure; an unknown host is a DNS failure', () => {
    const cluster = imageCluster();
    must(cluster, 'kubectl run ghost --image=no-such-image-here:1.0');
    must(cluster, 'kubectl run faraway --image=registry.invalid-host.test/app:1.0');
    cluster.advance('3s');
    const failed = (pod: string) => podEvents(cluster, pod).find((event) => event.message.startsWith('Failed to pull'))?.message;
    expect(failed('ghost')).toContain('pull access denied, repository does not exist or may require authorization');
    expect(failed('faraway')).toContain('dial tcp: lookup registry.invalid-host.test: no such host');
  });

  it('#44 #91 a successful pull reports its time, the time including waiting, and the image size', () => {
    const cluster = imageCluster();
    // Two pods on one node: the serial puller makes the second wait for the first.
    apply(cluster, pinnedPod('one', '[{ name: app, image: "postgres:16" }]'));
    apply(cluster, pinnedPod('two', '[{ name: app, image: "mysql:8.4" }]'));
    cluster.advance('30s');
    const pulled = (pod: string) => podEvents(cluster, pod).find((event) => event.reason === 'Pulled')!.message;
    const pattern =
      /^Successfully pulled image "[^"]+" in ([\d.]+)(ms|s) \(([\d.]+)(ms|s) including waiting\)\. Image size: (\d+) bytes\.$/;
    const seconds = (value: string, unit: string) => Number(value) / (unit === 'ms' ? 1000 : 1);
    const one = pulled('one').match(pattern)!;
    const two = pulled('two').match(pattern)!;
    expect(one[5]).toBe('154120656');
    expect(seconds(one[1], one[2])).toBe(seconds(one[3], one[4]));
    expect(seconds(two[3], two[4])).toBeGreaterThan(seconds(two[1], two[2]));
  });
});

describe('#45 pull back-off and re-sync', () => {
  const windows: [number, number][] = [
    [1, 2],
    [12, 18],
    [33, 49],
    [74, 110],
    [155, 206],
    [316, 382],
  ];

  for (const seed of [1, 7, 2024]) {
    it(`#45 failed attempts end about 1-2, 12-18, 33-49, 74-110, 155-206, 316-382s, then every 300-316s (seed ${seed})`, () => {
      const cluster = imageCluster(seed);
      must(cluster, 'kubectl run web --image=nginx:1.999');
      const created = podNamed(cluster, 'web').createdAt;
      const log = watchPulls(cluster, 'web', created + 1_050_000);
      const ends = log.failed.map((at) => (at - created) / 1000);
      windows.forEach(([from, to], i) => {
        expect(ends[i], `attempt ${i + 1}`).toBeGreaterThanOrEqual(from - 1);
        expect(ends[i], `attempt ${i + 1}`).toBeLessThanOrEqual(to);
      });
      for (let i = windows.length; i < ends.length; i++) {
        expect(ends[i] - ends[i - 1]).toBeGreaterThanOrEqual(300);
        expect(ends[i] - ends[i - 1]).toBeLessThanOrEqual(317.5);
      }
      expect(ends.length).toBeGreaterThanOrEqual(8);
    });
  }

  it('#45 pushing the image lets the pod start on its next retry, not before its back-off ends', () => {
    const cluster = imageCluster(5);
    must(cluster, 'kubectl run web --image=registry.example.com/shop/web:2.0');
    const created = podNamed(cluster, 'web').createdAt;
    // Let three attempts fail (the back-off is then 40s), push, and watch the next attempt.
    let pushedAt: number | undefined;
    const log = watchPulls(cluster, 'web', created + 200_000, (progress) => {
      if (pushedAt === undefined && progress.failed.length === 3) {
        must(cluster, 'sim registry push registry.example.com/shop/web:2.0');
        pushedAt = cluster.now();
      }
    });
    expect(pushedAt).toBeDefined();
    expect(log.failed).toHaveLength(3);
    const retry = log.started[3];
    expect(retry - log.failed[2]).toBeGreaterThanOrEqual(40_000);
    expect(retry - log.failed[2]).toBeLessThanOrEqual(40_000 + defaults.podWorkerErrorResyncMs.max);
    expect(log.runningAt).toBeGreaterThan(retry);
    expect(podEvents(cluster, 'web').some((event) => event.message.startsWith('Successfully pulled image'))).toBe(true);
  });

  it('#45 property: no pull attempt starts before the back-off of the failure before it expires', () => {
    const backoffAfter = (failures: number) => Math.min(10_000 * 2 ** (failures - 1), 300_000);
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 10_000 }),
        fc.integer({ min: 0, max: 5 }),
        fc.constantFrom(20, 90, 400),
        (seed, pushAfter, secs) => {
          const cluster = imageCluster(seed);
          must(cluster, 'kubectl run web --image=busybox:9.9');
          const created = podNamed(cluster, 'web').createdAt;
          const log = watchPulls(cluster, 'web', created + secs * 1000 * 3, (progress) => {
            if (progress.failed.length === pushAfter && !cluster.view().events.some((e) => e.message.includes('Successfully'))) {
              cluster.exec('sim registry push busybox:9.9');
            }
          });
          for (let i = 1; i < log.started.length; i++) {
            expect(log.started[i] - log.failed[i - 1]).toBeGreaterThanOrEqual(backoffAfter(i));
          }
        },
      ),
      { numRuns: 12 },
    );
  });
});

describe('the node image cache', () => {
  it('#43 #90 pulls every container image, sidecars too, and crictl images lists them (fully qualified) with their sizes', () => {
    const cluster = imageCluster();
    apply(
      cluster,
      pinnedPod('pair', '[{ name: web, image: "nginx:1.27" }, { name: logs, image: "busybox:1.36", command: ["sleep", "3600"] }]'),
    );
    cluster.advance('30s');
    expect(podNamed(cluster, 'pair').status).toBe('Running');
    const pulled = podEvents(cluster, 'pair').filter((event) => event.reason === 'Pulling');
    expect(pulled.map((event) => event.message)).toEqual([imageEvents.pulling('nginx:1.27'), imageEvents.pulling('busybox:1.36')]);
    const images = must(cluster, 'sim ssh worker-1 -- crictl images');
    expect(images.split('\n')[0]).toMatch(/^IMAGE\s+TAG\s+IMAGE ID\s+SIZE$/);
    expect(images).toMatch(/docker\.io\/library\/nginx\s+1\.27\s+[0-9a-f]{13}\s+72\.19MB/);
    expect(images).toMatch(/docker\.io\/library\/busybox\s+1\.36\s+[0-9a-f]{13}\s+2\.155MB/);
    expect(must(cluster, 'sim ssh worker-2 -- crictl images')).not.toContain('nginx');
  });

  it('#91 a node keeps an image deleted from the registry: IfNotPresent still starts, Always now fails', () => {
    const cluster = imageCluster();
    apply(cluster, pinnedPod('first', '[{ name: app, image: "httpd:2.4" }]'));
    cluster.advance('20s');
    must(cluster, 'sim registry rm httpd:2.4');
    apply(cluster, pinnedPod('cached', '[{ name: app, image: "httpd:2.4" }]'));
    apply(cluster, pinnedPod('always', '[{ name: app, image: "httpd:2.4", imagePullPolicy: Always }]'));
    cluster.advance('20s');
    expect(podNamed(cluster, 'cached').status).toBe('Running');
    expect(podNamed(cluster, 'always').status).toBe('ErrImagePull');
  });
});

describe('sim registry', () => {
  it('lists, pushes and removes images; the registry survives a snapshot', () => {
    const cluster = imageCluster();
    const list = must(cluster, 'sim registry list');
    for (const repository of ['nginx', 'busybox', 'redis', 'postgres', 'httpd', 'alpine'])
      expect(list).toMatch(new RegExp(`^${repository}\\s`, 'm'));
    expect(list.split('\n')[0]).toMatch(/^REPOSITORY\s+TAG\s+DIGEST\s+SIZE$/);
    expect(must(cluster, 'sim registry push registry.example.com/shop/web:2.0')).toMatch(
      /^The push refers to repository \[registry\.example\.com\/shop\/web\]\n2\.0: digest: sha256:[0-9a-f]{64} size: \d+\n$/,
    );
    const saved = cluster.snapshot();
    must(cluster, 'sim registry rm registry.example.com/shop/web:2.0');
    expect(must(cluster, 'sim registry list registry.example.com/shop/web')).not.toMatch(/\s2\.0\s/);
    cluster.restore(saved);
    expect(must(cluster, 'sim registry list registry.example.com/shop/web')).toMatch(/\s2\.0\s/);
  });

  it('refuses bad input with a clear message and changes nothing', () => {
    const cluster = imageCluster();
    const before = JSON.stringify(engineOf(cluster).state.registry);
    const cases: [string, string][] = [
      ['sim registry', registryMessages.usage],
      ['sim registry fly nginx', registryMessages.usage],
      ['sim registry push', registryMessages.nameRequired('push')],
      ['sim registry push a b', registryMessages.usage],
      [
        'sim registry push Nginx:1',
        registryMessages.invalid('Nginx:1', 'invalid reference format: repository name (library/Nginx) must be lowercase'),
      ],
      ['sim registry push nginx:', registryMessages.invalid('nginx:', 'invalid reference format')],
      [`sim registry rm nginx@sha256:${'b'.repeat(64)}`, registryMessages.digestRef(`nginx@sha256:${'b'.repeat(64)}`)],
      ['sim registry rm nginx:0.1', registryMessages.notInRegistry('docker.io/library/nginx:0.1')],
    ];
    for (const [line, message] of cases) {
      const result = cluster.exec(line);
      expect(result.exitCode, line).not.toBe(0);
      expect(result.stderr.trim(), line).toBe(message);
    }
    expect(JSON.stringify(engineOf(cluster).state.registry)).toBe(before);
    expect(must(cluster, 'sim registry --help')).toContain('sim registry push NAME[:TAG]');
  });

  it('normalises names as the tools do', () => {
    const full = (text: string) => {
      const parsed = parseImageReference(text);
      return 'error' in parsed ? parsed.error : parsed.full;
    };
    expect(full('nginx')).toBe('docker.io/library/nginx:latest');
    expect(full('kicbase/echo-server:1.0')).toBe('docker.io/kicbase/echo-server:1.0');
    expect(full('registry.example.com/shop/web:1.0')).toBe('registry.example.com/shop/web:1.0');
    expect(full('localhost:5000/app')).toBe('localhost:5000/app:latest');
    expect(full('index.docker.io/library/redis:8')).toBe('docker.io/library/redis:8');
  });
});
