// Properties of the kubelet's restarts and probes over random app misbehaviour (fast-check):
// restarts never come faster than the back-off (#38), and probe thresholds hold (#36).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Cluster } from '@/lib/cluster';
import { engineOf } from '@/lib/cluster/cluster';
import { must, newCluster } from './fixtures';

const deployment = (container: string) => `
apiVersion: apps/v1
kind: Deployment
metadata: { name: web }
spec:
  replicas: 1
  selector: { matchLabels: { app: web } }
  template:
    metadata: { labels: { app: web } }
    spec:
      containers:
        - name: web
          image: nginx:1.27
${container
  .split('\n')
  .filter(Boolean)
  .map((line) => `          ${line}`)
  .join('\n')}
`;

/** The pod's one container instance, read from the node's runtime. */
function instanceOf(cluster: Cluster) {
  const engine = engineOf(cluster);
  const pod = [...engine.store.list('Pod')].find(
    (each) => each.metadata.labels.app === 'web' && each.metadata.deletionTimestamp === undefined,
  );
  const node = pod?.spec.nodeName;
  return node ? engine.state.runtimes[node]?.containers[pod.metadata.uid]?.instances?.web : undefined;
}

const action = fc.oneof(
  fc.integer({ min: 1, max: 255 }).map((code) => `sim app crash deployment/web --exit-code ${code}`),
  fc.constant('sim app hang deployment/web'),
  fc.constantFrom('64Mi', '300Mi').map((size) => `sim app memory deployment/web ${size}`),
  fc.constantFrom('1s', '3s', '8s', '15s', '40s', '2m', '5m', '11m').map((d) => `sim advance ${d}`),
);

/** client-go's back-off floor for the n-th restart in a row (0 for the first). */
const floorMs = (inRow: number) => (inRow === 0 ? 0 : Math.min(10_000 * 2 ** (inRow - 1), 300_000));
/** How long a restart may take between the kubelet's decision and the new instance (pull and start). */
const startSlackMs = 7_500;

describe('restart and probe properties', () => {
  it('#38 a restarted container never starts again sooner than its back-off after it finished', () => {
    fc.assert(
      fc.property(fc.array(action, { minLength: 1, maxLength: 30 }), fc.integer({ min: 1, max: 1000 }), (actions, seed) => {
        const cluster = newCluster({
          seed,
          workers: 1,
          files: {
            'web.yaml': deployment(
              'livenessProbe: { httpGet: { path: /, port: 80 }, periodSeconds: 3, failureThreshold: 1 }\nresources: { limits: { memory: 128Mi } }',
            ),
          },
        });
        must(cluster, 'kubectl apply -f web.yaml');
        cluster.advance('10s');
        let inRow = 0;
        let seenRestarts = instanceOf(cluster)?.restartCount ?? 0;
        let lastStart = instanceOf(cluster)?.startedAt ?? 0;
        const observe = () => {
          const instance = instanceOf(cluster);
          if (!instance || instance.restartCount === seenRestarts || !instance.last) return;
          const { finishedAt } = instance.last;
          // Quiet for longer than 600s since the last restart: the back-off was forgotten.
          if (finishedAt - lastStart > 600_000 + startSlackMs) inRow = 0;
          const gray = finishedAt - lastStart > 600_000 - startSlackMs;
          if (!gray) expect(instance.startedAt - finishedAt, `restart ${instance.restartCount}`).toBeGreaterThanOrEqual(floorMs(inRow));
          inRow = gray ? 0 : inRow + 1;
          seenRestarts = instance.restartCount;
          lastStart = instance.startedAt;
        };
        for (const line of actions) {
          if (line.startsWith('sim advance')) {
            const ms = { '1s': 1e3, '3s': 3e3, '8s': 8e3, '15s': 15e3, '40s': 40e3, '2m': 120e3, '5m': 300e3, '11m': 660e3 }[
              line.slice(12)
            ]!;
            for (let t = 0; t < ms; t += 500) {
              cluster.advance(500);
              observe();
            }
          } else {
            cluster.exec(line);
            observe();
          }
        }
      }),
      { numRuns: 25 },
    );
  });

  it('#36 liveness kills only after failureThreshold failures in a row, never before initialDelaySeconds', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 5 }),
        fc.integer({ min: 1, max: 15 }),
        fc.integer({ min: 0, max: 30 }),
        fc.integer({ min: 1, max: 1000 }),
        (failureThreshold, periodSeconds, initialDelaySeconds, seed) => {
          const probe = `livenessProbe: { httpGet: { path: /healthz, port: 80 }, failureThreshold: ${failureThreshold}, periodSeconds: ${periodSeconds}, initialDelaySeconds: ${initialDelaySeconds} }`;
          const cluster = newCluster({ seed, workers: 1, files: { 'web.yaml': deployment(probe) } });
          must(cluster, 'kubectl apply -f web.yaml');
          let started: number | undefined;
          let killedAt: number | undefined;
          const limit = 20_000 + (initialDelaySeconds + (failureThreshold + 2) * periodSeconds) * 1000;
          while (cluster.now() < limit && killedAt === undefined) {
            cluster.advance(250);
            const instance = instanceOf(cluster);
            if (started === undefined && instance?.state === 'running') started = instance.startedAt;
            if (instance?.state === 'killing') killedAt = cluster.now();
          }
          expect(started).toBeDefined();
          expect(killedAt).toBeDefined();
          const after = killedAt! - started!;
          expect(after).toBeGreaterThanOrEqual(initialDelaySeconds * 1000);
          expect(after).toBeGreaterThanOrEqual((failureThreshold - 1) * periodSeconds * 1000);
          expect(after).toBeLessThanOrEqual((initialDelaySeconds + (failureThreshold + 1) * periodSeconds) * 1000 + 250);
          const described = must(cluster, 'kubectl describe pods -l app=web');
          const line = described.split('\n').find((l) => l.includes('Liveness probe failed'))!;
          expect(Number(/\(x(\d+) over/.exec(line)?.[1] ?? 1)).toBe(failureThreshold);
        },
      ),
      { numRuns: 30 },
    );
  });

  it('#36 readiness flips only after failureThreshold failures, and back only after successThreshold successes', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 4 }),
        fc.integer({ min: 1, max: 4 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 1000 }),
        (failureThreshold, successThreshold, periodSeconds, seed) => {
          const probe = `readinessProbe: { httpGet: { path: /, port: 80 }, failureThreshold: ${failureThreshold}, successThreshold: ${successThreshold}, periodSeconds: ${periodSeconds} }`;
          const cluster = newCluster({ seed, workers: 1, files: { 'web.yaml': deployment(probe) } });
          must(cluster, 'kubectl apply -f web.yaml');
          const ready = () => cluster.view().pods.find((p) => p.labels.app === 'web')?.ready === true;
          const waitFor = (want: boolean) => {
            const from = cluster.now();
            while (ready() !== want && cluster.now() - from < 120_000) cluster.advance(100);
            expect(ready()).toBe(want);
            return cluster.now() - from;
          };
          waitFor(true);
          must(cluster, 'sim app unready deployment/web');
          const down = waitFor(false);
          expect(down).toBeGreaterThanOrEqual((failureThreshold - 1) * periodSeconds * 1000);
          expect(down).toBeLessThanOrEqual(failureThreshold * periodSeconds * 1000 + 100);
          must(cluster, 'sim app heal deployment/web');
          const up = waitFor(true);
          expect(up).toBeGreaterThanOrEqual((successThreshold - 1) * periodSeconds * 1000);
          expect(up).toBeLessThanOrEqual(successThreshold * periodSeconds * 1000 + 100);
        },
      ),
      { numRuns: 30 },
    );
  });
});
