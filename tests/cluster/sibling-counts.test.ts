// The scheduler cache keeps spreading's per-node sibling counts in step with pod events instead
// of counting afresh for every pod it places. Whatever happens to the pods (rollouts, scale-downs,
// relabels, deletions that wait on a kubelet, a node failure), the kept counts must equal a fresh
// count from the store: bound, not terminating, in the namespace, every selector label matching.
import { describe, expect, it } from 'vitest';
import type { Cluster } from '@/lib/cluster';
import { engineOf } from '@/lib/cluster/cluster';
import type { LabelSelector, Pod } from '@/lib/cluster/api/types';
import { must, newCluster } from './fixtures';

function freshCounts(cluster: Cluster, namespace: string, selector: LabelSelector): Map<string, number> {
  const counts = new Map<string, number>();
  for (const pod of engineOf(cluster).store.list('Pod') as Iterable<Pod>) {
    const node = pod.spec.nodeName;
    if (!node || pod.metadata.namespace !== namespace || pod.metadata.deletionTimestamp !== undefined) continue;
    if (Object.entries(selector.matchLabels ?? {}).every(([key, value]) => pod.metadata.labels[key] === value))
      counts.set(node, (counts.get(node) ?? 0) + 1);
  }
  return counts;
}

/** Every selector the spreading defaults use here: each Deployment's, ReplicaSet's and Service's. */
function selectors(cluster: Cluster): { namespace: string; selector: LabelSelector }[] {
  const { store } = engineOf(cluster);
  const out: { namespace: string; selector: LabelSelector }[] = [];
  for (const kind of ['Deployment', 'ReplicaSet'] as const)
    for (const object of store.list(kind)) out.push({ namespace: object.metadata.namespace, selector: object.spec.selector });
  for (const service of store.list('Service'))
    if (Object.keys(service.spec.selector ?? {}).length > 0)
      out.push({ namespace: service.metadata.namespace, selector: { matchLabels: service.spec.selector } });
  return out;
}

/** Compares every kept count with a fresh one; returns how many were kept (not built by this call). */
function checkKept(cluster: Cluster, step: string): number {
  const { cache } = engineOf(cluster);
  let kept = 0;
  for (const { namespace, selector } of selectors(cluster)) {
    let built = false;
    const counts = cache.siblings.countsFor(namespace, selector, () => {
      built = true;
      return freshCounts(cluster, namespace, selector);
    });
    if (!counts || built) continue;
    kept++;
    expect(new Map(counts), `${step}: ${JSON.stringify(selector)}`).toEqual(freshCounts(cluster, namespace, selector));
  }
  return kept;
}

describe('spreading sibling counts kept by the scheduler cache', () => {
  it('match a fresh count after rollouts, scale-downs, relabels, deletions and a node failure', () => {
    const cluster = newCluster({ workers: 4 });
    const steps = [
      'kubectl create deployment web --image=nginx:1.27 --replicas=12',
      'kubectl expose deployment web --port 80',
      'sim advance 20s',
      'kubectl set image deployment/web nginx=nginx:1.28',
      'sim advance 5s',
      'kubectl scale deployment web --replicas=5',
      'sim advance 1s',
      'kubectl create deployment api --image=httpd:2.4 --replicas=6',
      'sim advance 15s',
      'kubectl label pods -l app=api tier=backend',
      'kubectl label pods -l app=api app-',
      'sim advance 15s',
      'kubectl delete pods -l tier=backend --wait=false',
      'sim advance 2s',
      'sim node fail worker-2',
      'sim advance 6m',
      'kubectl rollout undo deployment/web',
      'kubectl scale deployment web --replicas=9',
      'sim advance 1m',
    ];
    let kept = 0;
    for (const step of steps) {
      must(cluster, step);
      kept += checkKept(cluster, step);
    }
    // The check ran against counts the scheduler had really kept, not only ones it built here.
    expect(kept).toBeGreaterThan(10);
  });
});
