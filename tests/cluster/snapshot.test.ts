// Snapshots and restore: every pending delay (a statechart's named delay, a container runtime
// step, a scheduled #13 eviction) is a plain task on the clock, so a restored cluster carries on
// exactly where the original was.
import { describe, expect, it } from 'vitest';
import type { Cluster, ClusterSnapshot } from '@/lib/cluster';
import { engineOf } from '@/lib/cluster/cluster';
import { must, newCluster } from './fixtures';

/** A cluster with timers of every owner pending: evictions from a failed node, image pulls, actor delays, a rollout's progress deadline. */
function busyCluster(): Cluster {
  const cluster = newCluster();
  must(cluster, 'sim node fail worker-1');
  cluster.advance('70s');
  must(cluster, 'kubectl create deployment web --image=nginx:1.27 --replicas=4');
  return cluster;
}

const pendingIds = (snapshot: ClusterSnapshot) => new Set(snapshot.clock.timers.map((timer) => timer.id));

describe('snapshot and restore', () => {
  it('restore re-arms each pending timer at its original due time', () => {
    const original = busyCluster();
    const saved = original.snapshot();
    expect(new Set(saved.clock.timers.map((timer) => timer.task.owner))).toEqual(
      new Set(['actor', 'controller', 'kubelet', 'tainteviction']),
    );

    const restored = newCluster({ seed: 7, workers: 1 });
    restored.restore(saved);
    expect(restored.snapshot().clock.timers).toEqual(saved.clock.timers);

    // Walk both clusters through the due times: each timer is still pending a millisecond
    // before it is due and has fired at its due time, in the restored cluster as in the original.
    const dueTimes = [...new Set(saved.clock.timers.map((timer) => timer.dueAt))].sort((a, b) => a - b);
    for (const due of dueTimes) {
      for (const cluster of [original, restored]) if (due - 1 > cluster.now()) cluster.advance(due - 1 - cluster.now());
      const before = pendingIds(restored.snapshot());
      for (const timer of saved.clock.timers.filter((each) => each.dueAt === due))
        expect(before.has(timer.id), `timer ${timer.id} before ${due}`).toBe(true);
      for (const cluster of [original, restored]) cluster.advance(due - cluster.now());
      const after = pendingIds(restored.snapshot());
      for (const timer of saved.clock.timers.filter((each) => each.dueAt === due))
        expect(after.has(timer.id), `timer ${timer.id} at ${due}`).toBe(false);
      expect(restored.snapshot()).toEqual(original.snapshot());
    }
  });

  it('a restored cluster answers every command as the original does', () => {
    const original = busyCluster();
    const restored = newCluster({ seed: 3 });
    restored.restore(original.snapshot());
    for (const line of [
      'sim advance 6m',
      'kubectl get pods -o wide',
      'kubectl get nodes',
      'kubectl describe node worker-1',
      'kubectl get events',
    ]) {
      expect(restored.exec(line)).toEqual(original.exec(line));
    }
  });

  it('reading the cluster writes nothing: get, describe, view and snapshot leave the stored Leases as they were', () => {
    const cluster = busyCluster();
    cluster.advance('25s');
    const store = engineOf(cluster).store;
    const stored = () => structuredClone([...store.list('Lease')]);
    const before = stored();
    const shown = cluster.snapshot();
    for (const line of ['kubectl get leases -n kube-node-lease', 'kubectl describe nodes', 'kubectl get pods -A']) must(cluster, line);
    cluster.view();
    expect(stored()).toEqual(before);
    // The reader still sees the latest renewal, derived from when the kubelet started renewing.
    const served = shown.objects.find((object) => object.kind === 'Lease' && object.metadata.name === 'worker-2');
    expect(served?.kind === 'Lease' && served.spec.renewTime).toBeGreaterThan(cluster.now() - 10_000);
    expect(must(cluster, 'kubectl describe node worker-2')).toContain(`RenewTime:`);
  });
});
