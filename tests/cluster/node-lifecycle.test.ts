// Facts #1-#11: heartbeats, leases and the node lifecycle controller.
import { describe, expect, it } from 'vitest';
import { transition } from 'xstate';
import type { Cluster } from '@/lib/cluster';
import { controllerManagerMachine } from '@/lib/cluster/controllers/controllerManager.machine';
import { advanceUntil, clusterWithWorkloadsOnWorker1, must, newCluster, node, nodeTaints, pods, script } from './fixtures';

const lease = (cluster: Cluster, name: string) =>
  cluster.snapshot().objects.find((object) => object.kind === 'Lease' && object.metadata.name === name) as
    | { spec: { renewTime: number; leaseDurationSeconds: number; holderIdentity: string }; metadata: { namespace: string } }
    | undefined;

const heartbeatLine = (cluster: Cluster, name: string) =>
  must(cluster, `kubectl describe node ${name}`)
    .split('\n')
    .find((line) => line.trim().startsWith('Ready '))!;

describe('heartbeats and leases', () => {
  it('#1 the kubelet computes node status every 10s, so a runtime failure shows within 10s', () => {
    const cluster = newCluster();
    must(cluster, 'sim runtime stop worker-2');
    expect(node(cluster, 'worker-2').ready).toBe('True');
    const seen = advanceUntil(cluster, () => node(cluster, 'worker-2').ready === 'False', 20_000, 500);
    expect(seen).toBeDefined();
    expect(seen!).toBeLessThanOrEqual(10_000);
  });

  it('#2 an unchanged status is still posted every 5 minutes', () => {
    const cluster = newCluster();
    const before = heartbeatLine(cluster, 'worker-2');
    cluster.advance('4m');
    expect(heartbeatLine(cluster, 'worker-2')).toBe(before);
    cluster.advance('1m15s');
    expect(heartbeatLine(cluster, 'worker-2')).not.toBe(before);
  });

  it('#3 every node has a 40s Lease in kube-node-lease', () => {
    const cluster = newCluster();
    const out = must(cluster, 'kubectl get leases -n kube-node-lease');
    for (const name of ['control-plane', 'worker-1', 'worker-2', 'worker-3']) expect(out).toContain(name);
    expect(lease(cluster, 'worker-1')!.spec.leaseDurationSeconds).toBe(40);
    expect(lease(cluster, 'worker-1')!.metadata.namespace).toBe('kube-node-lease');
  });

  it('#4 the lease is renewed every 10s, and retried with backoff while writes fail', () => {
    const cluster = newCluster();
    cluster.advance('15s');
    const first = lease(cluster, 'worker-1')!.spec.renewTime;
    cluster.advance('10s');
    expect(lease(cluster, 'worker-1')!.spec.renewTime - first).toBe(10_000);
    const threeMembers = newCluster({ etcdMembers: 3 });
    script(threeMembers, 'sim etcd fail etcd-1\nsim etcd fail etcd-2\nsim advance 11s');
    const kubelet = threeMembers.snapshot().actors.find((actor) => actor.key === 'kubelet/worker-1')!;
    expect(kubelet.value).toEqual({ running: 'retryingLease' });
    expect((kubelet.context as { backoffMs: number }).backoffMs).toBeGreaterThanOrEqual(200);
    threeMembers.advance('1m');
    const later = threeMembers.snapshot().actors.find((actor) => actor.key === 'kubelet/worker-1')!;
    expect((later.context as { backoffMs: number }).backoffMs).toBe(7_000);
  });

  it('#5 the node lifecycle controller notices on its 5s monitor pass', () => {
    const cluster = newCluster();
    must(cluster, 'sim node fail worker-1');
    const at = advanceUntil(cluster, () => node(cluster, 'worker-1').ready === 'Unknown', 120_000, 250);
    expect(at! % 5_000).toBe(0);
  });

  // The controller times staleness from when it saw the renewal (on a 5s pass), so detection
  // lands 50..60s after the kubelet's last renewal.
  it('#6 marks a node NotReady only after the 50s grace period', () => {
    const cluster = newCluster();
    cluster.advance('20s');
    must(cluster, 'sim node fail worker-1');
    const lastRenew = lease(cluster, 'worker-1')!.spec.renewTime;
    const at = advanceUntil(cluster, () => node(cluster, 'worker-1').status === 'NotReady', 120_000, 250)!;
    expect(at - lastRenew).toBeGreaterThan(50_000);
    expect(at - lastRenew).toBeLessThanOrEqual(60_000);
  });

  it('#7 a stale node goes Unknown (NodeStatusUnknown), never False, and so do its pressure conditions', () => {
    const cluster = newCluster();
    script(cluster, 'sim kubelet stop worker-2\nsim advance 70s');
    const conditions = node(cluster, 'worker-2').conditions;
    for (const type of ['Ready', 'MemoryPressure', 'DiskPressure', 'PIDPressure']) {
      const condition = conditions.find((c) => c.type === type)!;
      expect(condition.status).toBe('Unknown');
      expect(condition.reason).toBe('NodeStatusUnknown');
      expect(condition.message).toBe('Kubelet stopped posting node status.');
    }
  });

  it('#8 Ready=Unknown adds unreachable NoSchedule, then NoExecute on the next pass; Ready=False uses not-ready', () => {
    const cluster = newCluster();
    must(cluster, 'sim node fail worker-1');
    const noSchedule = advanceUntil(
      cluster,
      () => nodeTaints(cluster, 'worker-1').includes('node.kubernetes.io/unreachable:NoSchedule'),
      120_000,
      100,
    )!;
    expect(nodeTaints(cluster, 'worker-1')).not.toContain('node.kubernetes.io/unreachable:NoExecute');
    const noExecute = advanceUntil(
      cluster,
      () => nodeTaints(cluster, 'worker-1').includes('node.kubernetes.io/unreachable:NoExecute'),
      30_000,
      100,
    )!;
    expect(noExecute - noSchedule).toBeGreaterThanOrEqual(5_000);
    expect(noExecute - noSchedule).toBeLessThanOrEqual(5_300);

    const runtimeDown = newCluster();
    script(runtimeDown, 'sim runtime stop worker-2\nsim advance 30s');
    expect(node(runtimeDown, 'worker-2').ready).toBe('False');
    expect(nodeTaints(runtimeDown, 'worker-2')).toEqual([
      'node.kubernetes.io/not-ready:NoSchedule',
      'node.kubernetes.io/not-ready:NoExecute',
    ]);
    expect(nodeTaints(runtimeDown, 'worker-2').some((taint) => taint.includes('unreachable'))).toBe(false);
  });

  it('#8 two failed nodes get their NoExecute taints 10s apart (0.1 nodes per second)', () => {
    const cluster = newCluster({ workers: 6 });
    script(cluster, 'sim node fail worker-1\nsim node fail worker-2');
    const tainted = (name: string) => nodeTaints(cluster, name).includes('node.kubernetes.io/unreachable:NoExecute');
    const first = advanceUntil(cluster, () => tainted('worker-1') || tainted('worker-2'), 120_000, 100)!;
    const second = advanceUntil(cluster, () => tainted('worker-1') && tainted('worker-2'), 30_000, 100)!;
    expect(second - first).toBeGreaterThanOrEqual(9_900);
    expect(second - first).toBeLessThanOrEqual(10_200);
  });

  it.each([
    ['#8', 'tainting pass period', 'taint queued nodes'],
    ['#5', 'node monitor period', 'monitor node health'],
    ['#21', 'pod GC period', 'collect pod garbage'],
  ])('%s each %s re-enters its waiting state: the steps the engine takes without xstate', (_row, delay, pass) => {
    const logic = controllerManagerMachine.provide({ guards: { 'no node waits for a NoExecute taint': () => false } });
    const value = { leading: { nodeLifecycle: 'monitoring', noExecuteTainting: 'draining', podGC: 'waiting' } };
    const [next, actions] = transition(logic, logic.resolveState({ value, context: {} }), { type: `${delay} elapsed` } as never);
    expect(next.value).toEqual(value);
    expect(actions.map((action) => [action.type, action.params])).toEqual([
      ['cancel timer', { delay }],
      [pass, undefined],
      ['start timer', { delay }],
    ]);
  });

  it('#9 when Ready leaves True every pod on the node gets Ready=False and a NodeNotReady event', () => {
    const cluster = clusterWithWorkloadsOnWorker1();
    must(cluster, 'sim node fail worker-1');
    advanceUntil(cluster, () => node(cluster, 'worker-1').status === 'NotReady', 120_000);
    const onNode = pods(cluster, (pod) => pod.node === 'worker-1');
    expect(onNode.length).toBeGreaterThanOrEqual(6);
    for (const pod of onNode) expect(pod.ready).toBe(false);
    const events = cluster.view().events.filter((event) => event.reason === 'NodeNotReady');
    expect(events.some((event) => event.object === 'node/worker-1')).toBe(true);
    for (const pod of onNode)
      expect(events.some((event) => event.object === `pod/${pod.name}` && event.message === 'Node is not ready')).toBe(true);
  });

  it('#10 with 3 of 5 nodes down (partial disruption, small cluster) nothing is evicted', () => {
    const cluster = newCluster({
      workers: 4,
      files: {
        'web.yaml':
          'apiVersion: apps/v1\nkind: Deployment\nmetadata: { name: web }\nspec:\n  replicas: 8\n  selector: { matchLabels: { app: web } }\n  template:\n    metadata: { labels: { app: web } }\n    spec: { containers: [{ name: web, image: "nginx:1.27" }] }\n',
      },
    });
    script(
      cluster,
      'kubectl apply -f web.yaml\nsim advance 30s\nsim node fail worker-1\nsim node fail worker-2\nsim node fail worker-3\nsim advance 15m',
    );
    for (const name of ['worker-1', 'worker-2', 'worker-3']) {
      expect(node(cluster, name).status).toBe('NotReady');
      expect(nodeTaints(cluster, name)).not.toContain('node.kubernetes.io/unreachable:NoExecute');
    }
    expect(pods(cluster, (pod) => pod.deletionTimestamp !== null)).toHaveLength(0);
  });

  it('#10 when every node is down, evictions stop entirely', () => {
    const cluster = newCluster({ workers: 2 });
    script(cluster, 'sim kubelet stop worker-1\nsim kubelet stop worker-2\nsim kubelet stop control-plane\nsim advance 15m');
    for (const view of cluster.view().nodes) expect(view.taints.some((taint) => taint.effect === 'NoExecute')).toBe(false);
    expect(pods(cluster, (pod) => pod.deletionTimestamp !== null)).toHaveLength(0);
  });

  it('#10 one node of four failing is a normal zone: its pods are evicted', () => {
    const cluster = clusterWithWorkloadsOnWorker1();
    script(cluster, 'sim node fail worker-1\nsim advance 7m');
    expect(pods(cluster, (pod) => pod.node === 'worker-1' && pod.deletionTimestamp !== null).length).toBeGreaterThan(0);
  });

  it('#11 kubectl shows NotReady for Unknown and False, and Ready,SchedulingDisabled when cordoned', () => {
    const cluster = newCluster();
    script(cluster, 'sim node fail worker-1\nsim runtime stop worker-2\nkubectl cordon worker-3\nsim advance 70s');
    const out = must(cluster, 'kubectl get nodes');
    expect(out).toMatch(/worker-1\s+NotReady\s/);
    expect(out).toMatch(/worker-2\s+NotReady\s/);
    expect(out).toMatch(/worker-3\s+Ready,SchedulingDisabled\s/);
  });
});
