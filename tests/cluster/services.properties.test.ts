// Property: over random command sequences, a pod is in a Service's ready addresses only while it
// is Ready (and not being deleted), every such pod is there, and the EndpointSlices, the view and
// kube-proxy's programmed rules agree with the Endpoints.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Cluster } from '@/lib/cluster';
import { engineOf } from '@/lib/cluster/cluster';
import { defaults } from '@/lib/cluster/engine/config';
import { rulesAt } from '@/lib/cluster/proxy/proxier';
import { newCluster } from './fixtures';

const workers = ['worker-1', 'worker-2', 'worker-3'];
const apps = ['web', 'api'];

const command = fc.oneof(
  fc
    .record({ app: fc.constantFrom(...apps), n: fc.integer({ min: 0, max: 5 }) })
    .map(({ app, n }) => `kubectl create deployment ${app} --image=nginx:1.27 --replicas=${n}`),
  fc.constantFrom(...apps).map((app) => `kubectl expose deployment ${app} --port 80`),
  fc
    .record({ app: fc.constantFrom(...apps), n: fc.integer({ min: 0, max: 6 }) })
    .map(({ app, n }) => `kubectl scale deployment ${app} --replicas=${n}`),
  fc.constantFrom(...apps).map((app) => `kubectl delete service ${app}`),
  fc.constantFrom(...apps).map((app) => `kubectl delete deployment ${app}`),
  fc.constantFrom(...workers).map((w) => `sim node fail ${w}`),
  fc.constantFrom(...workers).map((w) => `sim node recover ${w}`),
  fc.constantFrom(...workers).map((w) => `sim kubelet stop ${w}`),
  fc.constantFrom(...workers).map((w) => `sim kubelet start ${w}`),
  fc.constantFrom('500ms', '5s', '30s', '45s', '2m', '6m').map((d) => `sim advance ${d}`),
  fc.constantFrom(...apps).map((app) => `sim curl ${app} --count 3`),
  // Relabelled pods move between Services (or leave them): a Service made later finds them by label.
  fc
    .record({ from: fc.constantFrom(...apps), to: fc.constantFrom(...apps, 'none') })
    .map(({ from, to }) => `kubectl label pods -l app=${from} app=${to} --overwrite`),
);

function check(cluster: Cluster): void {
  const engine = engineOf(cluster);
  const { store } = engine;
  const now = cluster.now();
  for (const service of store.list('Service')) {
    const selector = service.spec.selector;
    if (Object.keys(selector).length === 0) continue;
    const key = `${service.metadata.namespace}/${service.metadata.name}`;
    const pods = [...store.list('Pod')].filter(
      (pod) =>
        pod.metadata.namespace === service.metadata.namespace && Object.entries(selector).every(([k, v]) => pod.metadata.labels[k] === v),
    );
    const ready = (pod: (typeof pods)[number]) => pod.status.conditions.some((c) => c.type === 'Ready' && c.status === 'True');
    const expected = pods
      .filter((pod) => pod.status.podIP && pod.metadata.deletionTimestamp === undefined && pod.status.phase === 'Running' && ready(pod))
      .map((pod) => pod.metadata.name)
      .sort();
    const endpoints = store.get('Endpoints', key);
    // Listed in LessEndpointAddress order: by IP, then pod uid.
    const order = (a: { ip: string; uid?: string }, b: { ip: string; uid?: string }) =>
      a.ip < b.ip ? -1 : a.ip > b.ip ? 1 : (a.uid ?? '') < (b.uid ?? '') ? -1 : 1;
    for (const subset of endpoints?.subsets ?? [])
      for (const list of [subset.addresses, subset.notReadyAddresses]) {
        const keys = list.map((a) => ({ ip: a.ip, uid: a.targetRef?.uid }));
        expect(keys, `${key} address order`).toEqual([...keys].sort(order));
      }
    const listed = (endpoints?.subsets ?? []).flatMap((subset) => subset.addresses.map((a) => a.targetRef?.name)).sort();
    expect(listed, `${key} ready addresses`).toEqual(expected);
    const sliceReady = [...store.list('EndpointSlice')]
      .filter(
        (slice) =>
          slice.metadata.labels['kubernetes.io/service-name'] === service.metadata.name &&
          slice.metadata.namespace === service.metadata.namespace,
      )
      .flatMap((slice) => slice.endpoints.filter((e) => e.conditions.ready).map((e) => e.targetRef?.name))
      .sort();
    expect(sliceReady, `${key} ready slice endpoints`).toEqual(expected);
    const view = cluster.view().services.find((svc) => svc.namespace === service.metadata.namespace && svc.name === service.metadata.name)!;
    expect([...view.endpoints.ready].sort()).toEqual(expected.map((name) => `${service.metadata.namespace}/${name}`));
    // One min-sync-period later, kube-proxy routes to exactly these (or, with none ready, to serving terminating ones).
    const rules = rulesAt(engine, key, now + defaults.kubeProxyMinSyncPeriodMs);
    if (expected.length > 0) expect(rules!.endpoints.map((e) => e.pod.split('/')[1]).sort()).toEqual(expected);
  }
}

describe('Service endpoint properties over random command sequences', () => {
  it('a pod is in its Service’s ready addresses exactly while it is Ready and not terminating', () => {
    fc.assert(
      fc.property(fc.array(command, { minLength: 1, maxLength: 20 }), (lines) => {
        const cluster = newCluster();
        for (const [i, line] of lines.entries()) {
          cluster.exec(line);
          check(cluster);
          // Half way, a snapshot restored in place: the indexes are rebuilt from the stored objects.
          if (i === Math.floor(lines.length / 2)) {
            cluster.restore(cluster.snapshot());
            check(cluster);
          }
        }
      }),
      { numRuns: 40, seed: 1301 },
    );
  });
});
