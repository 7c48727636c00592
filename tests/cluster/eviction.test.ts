// Facts #12-#22 and the reference timeline: what happens to each kind of pod when a node dies.
import { describe, expect, it } from 'vitest';
import { advanceUntil, clusterWithWorkloadsOnWorker1, inDefault, must, newCluster, node, ownedBy, pods, script } from './fixtures';

const tolerating = (seconds: string) => `
apiVersion: v1
kind: Pod
metadata: { name: patient }
spec:
  nodeSelector: { kubernetes.io/hostname: worker-1 }
  tolerations: [{ key: node.kubernetes.io/unreachable, operator: Exists, effect: NoExecute${seconds} }]
  containers: [{ name: app, image: "busybox:1.36", args: [sleep, "3600"] }]
`;

describe('eviction', () => {
  it('#12 DefaultTolerationSeconds gives every pod 300s tolerations for not-ready and unreachable', () => {
    const cluster = newCluster();
    must(cluster, 'kubectl run web --image=nginx:1.27');
    const out = must(cluster, 'kubectl describe pod web');
    expect(out).toContain('node.kubernetes.io/not-ready:NoExecute op=Exists for 300s');
    expect(out).toContain('node.kubernetes.io/unreachable:NoExecute op=Exists for 300s');
  });

  it('#12 a pod that already tolerates unreachable keeps its own toleration', () => {
    const cluster = newCluster({ files: { 'p.yaml': tolerating(', tolerationSeconds: 30') } });
    must(cluster, 'kubectl apply -f p.yaml');
    const out = must(cluster, 'kubectl describe pod patient');
    expect(out).toContain('node.kubernetes.io/unreachable:NoExecute op=Exists for 30s');
    expect(out).not.toContain('node.kubernetes.io/unreachable:NoExecute op=Exists for 300s');
    expect(out).toContain('node.kubernetes.io/not-ready:NoExecute op=Exists for 300s');
  });

  it('#13 tolerationSeconds: 0 means eviction about 50s after the failure', () => {
    const cluster = newCluster({ files: { 'p.yaml': tolerating(', tolerationSeconds: 0') } });
    script(cluster, 'kubectl apply -f p.yaml\nsim advance 20s\nsim node fail worker-1');
    const at = advanceUntil(cluster, () => pods(cluster, (p) => p.name === 'patient')[0]?.status === 'Terminating', 120_000, 500)!;
    expect(at - 20_000).toBeGreaterThanOrEqual(45_000);
    expect(at - 20_000).toBeLessThanOrEqual(70_000);
  });

  it('#13 a toleration without seconds keeps the pod forever', () => {
    const cluster = newCluster({ files: { 'p.yaml': tolerating('') } });
    script(cluster, 'kubectl apply -f p.yaml\nsim advance 20s\nsim node fail worker-1\nsim advance 30m');
    expect(pods(cluster, (p) => p.name === 'patient')[0].deletionTimestamp).toBeNull();
  });

  it('#13 if the taint goes before the toleration runs out, the eviction is cancelled', () => {
    const cluster = clusterWithWorkloadsOnWorker1();
    script(cluster, 'sim node fail worker-1\nsim advance 3m\nsim node recover worker-1\nsim advance 10m');
    expect(pods(cluster, (p) => p.deletionTimestamp !== null)).toHaveLength(0);
    expect(pods(cluster, (p) => p.node === 'worker-1' && inDefault(p)).length).toBe(5);
    expect(cluster.view().events.some((e) => e.reason === 'TaintManagerEviction' && e.message.startsWith('Cancelling deletion'))).toBe(
      true,
    );
  });

  it('#14 eviction is taint-based only: no pod-eviction-timeout, the evicted pod says DeletionByTaintManager', () => {
    const cluster = clusterWithWorkloadsOnWorker1();
    script(cluster, 'sim node fail worker-1\nsim advance 7m');
    const evicted = cluster.snapshot().objects.find((o) => o.kind === 'Pod' && o.metadata.name === 'bare') as {
      status: { conditions: { type: string; reason: string }[] };
    };
    expect(evicted.status.conditions.find((c) => c.type === 'DisruptionTarget')?.reason).toBe('DeletionByTaintManager');
    expect(
      cluster.view().events.some((e) => e.reason === 'TaintManagerEviction' && e.message === 'Marking for deletion Pod default/bare'),
    ).toBe(true);
  });

  it('#15 an evicted pod on an unreachable node stays Terminating until the node returns', () => {
    const cluster = clusterWithWorkloadsOnWorker1();
    script(cluster, 'sim node fail worker-1\nsim advance 30m');
    const stuck = pods(cluster, (p) => p.node === 'worker-1' && inDefault(p));
    expect(stuck.length).toBe(5);
    for (const pod of stuck) expect(pod.status).toBe('Terminating');
    script(cluster, 'sim node recover worker-1\nsim advance 1m');
    expect(pods(cluster, (p) => p.node === 'worker-1' && p.ownerKind === 'ReplicaSet')).toHaveLength(0);
    expect(pods(cluster, (p) => p.name === 'bare')).toHaveLength(0);
  });

  it('#16 the ReplicaSet creates replacements as soon as the old pods are marked for deletion', () => {
    const cluster = clusterWithWorkloadsOnWorker1();
    must(cluster, 'sim node fail worker-1');
    const web = ownedBy('ReplicaSet', cluster.view().replicaSets.find((rs) => rs.name.startsWith('web-'))!.name);
    advanceUntil(cluster, () => pods(cluster, (p) => web(p) && p.status === 'Terminating').length === 3, 10 * 60_000, 100);
    const fresh = pods(cluster, (p) => web(p) && p.deletionTimestamp === null);
    expect(fresh).toHaveLength(3);
    for (const pod of fresh) expect(pod.node).not.toBe('worker-1');
  });

  it('#17 a bare pod is deleted and nothing recreates it', () => {
    const cluster = clusterWithWorkloadsOnWorker1();
    script(cluster, 'sim node fail worker-1\nsim advance 8m\nsim node recover worker-1\nsim advance 2m');
    expect(pods(cluster, (p) => p.name === 'bare')).toHaveLength(0);
    expect(must(cluster, 'kubectl get pods')).not.toMatch(/^bare/m);
  });

  it('#18 DaemonSet pods tolerate not-ready and unreachable forever, so node failure never evicts them', () => {
    const cluster = newCluster();
    script(cluster, 'sim node fail worker-1\nsim advance 20m');
    const proxy = pods(cluster, (p) => p.ownerKind === 'DaemonSet' && p.node === 'worker-1');
    expect(proxy).toHaveLength(1);
    expect(proxy[0].deletionTimestamp).toBeNull();
    expect(must(cluster, `kubectl describe pod ${proxy[0].name} -n kube-system`)).toContain(
      'node.kubernetes.io/unreachable:NoExecute op=Exists\n',
    );
  });

  it('#19 a StatefulSet pod on a dead node stays Terminating and is not recreated until the node returns', () => {
    const cluster = clusterWithWorkloadsOnWorker1();
    script(cluster, 'sim node fail worker-1\nsim advance 20m');
    const db = pods(cluster, (p) => p.name === 'db-0');
    expect(db).toHaveLength(1);
    expect(db[0].status).toBe('Terminating');
    expect(db[0].node).toBe('worker-1');
    script(cluster, 'sim node recover worker-1\nsim advance 2m');
    const back = pods(cluster, (p) => p.name === 'db-0');
    expect(back).toHaveLength(1);
    expect(back[0].deletionTimestamp).toBeNull();
    expect(back[0].status).toBe('Running');
  });

  it('#19 force-deleting the stuck StatefulSet pod lets the controller recreate it elsewhere', () => {
    const cluster = clusterWithWorkloadsOnWorker1();
    script(cluster, 'sim node fail worker-1\nsim advance 7m');
    const result = cluster.exec('kubectl delete pod db-0 --force --grace-period=0');
    expect(result.stdout).toBe('pod "db-0" force deleted\n');
    expect(result.stderr).toContain(
      'Warning: Immediate deletion does not wait for confirmation that the running resource has been terminated.',
    );
    cluster.advance('1m');
    const db = pods(cluster, (p) => p.name === 'db-0')[0];
    expect(db.node).not.toBe('worker-1');
    expect(db.status).toBe('Running');
  });

  it('#20 static control-plane pods tolerate every NoExecute taint and drain skips them', () => {
    const cluster = newCluster();
    const out = must(cluster, 'kubectl describe pod kube-apiserver-control-plane -n kube-system');
    expect(out).toMatch(/Tolerations:\s+:NoExecute op=Exists\n/);
    const drain = cluster.exec('kubectl drain control-plane --ignore-daemonsets');
    expect(drain.exitCode).toBe(0);
    expect(drain.stdout).not.toContain('kube-apiserver');
    expect(pods(cluster, (p) => p.name.endsWith('-control-plane') && p.deletionTimestamp === null)).toHaveLength(4);
  });

  it('#21 PodGC force-deletes pods bound to a deleted Node after its 40s quarantine', () => {
    const cluster = clusterWithWorkloadsOnWorker1();
    script(cluster, 'sim node fail worker-1\nsim advance 7m\nkubectl delete node worker-1');
    cluster.advance('30s');
    expect(pods(cluster, (p) => p.node === 'worker-1').length).toBeGreaterThan(0);
    const gone = advanceUntil(cluster, () => pods(cluster, (p) => p.node === 'worker-1').length === 0, 60_000);
    expect(gone).toBeDefined();
    cluster.advance('1m');
    expect(pods(cluster, (p) => p.name === 'db-0')[0].status).toBe('Running');
  });

  it('#21 PodGC force-deletes Terminating pods on a NotReady node tainted out-of-service', () => {
    const cluster = clusterWithWorkloadsOnWorker1();
    script(cluster, 'sim node fail worker-1\nsim advance 7m');
    cluster.advance('2m');
    expect(pods(cluster, (p) => p.name === 'db-0')).toHaveLength(1);
    script(cluster, 'kubectl taint node worker-1 node.kubernetes.io/out-of-service=nodeshutdown:NoExecute\nsim advance 25s');
    expect(pods(cluster, (p) => p.node === 'worker-1' && p.deletionTimestamp !== null)).toHaveLength(0);
  });

  it('#22 no rebalancing: replacements stay where they are after the node returns', () => {
    const cluster = clusterWithWorkloadsOnWorker1();
    script(cluster, 'sim node fail worker-1\nsim advance 8m');
    const placed = pods(cluster, (p) => p.ownerKind === 'ReplicaSet' && inDefault(p) && p.deletionTimestamp === null)
      .map((p) => `${p.name}@${p.node}`)
      .sort();
    script(cluster, 'sim node recover worker-1\nsim advance 10m');
    const after = pods(cluster, (p) => p.ownerKind === 'ReplicaSet' && inDefault(p))
      .map((p) => `${p.name}@${p.node}`)
      .sort();
    expect(after).toEqual(placed);
    expect(after.some((entry) => entry.endsWith('@worker-1'))).toBe(false);
  });
});

describe('the reference timeline: a worker loses power at t=0', () => {
  it('follows steps 1 to 6 (#6 #8 #13 #15 #16 #17 #18 #19 #22)', () => {
    const cluster = clusterWithWorkloadsOnWorker1();
    const t0 = cluster.now();
    must(cluster, 'sim node fail worker-1');
    const onWorker1 = () => pods(cluster, (p) => p.node === 'worker-1' && inDefault(p));
    // 1. the API still shows the node Ready and the pods Running.
    expect(node(cluster, 'worker-1').status).toBe('Ready');
    expect(onWorker1().every((p) => p.status === 'Running')).toBe(true);
    // 2. still Ready at +30s, NotReady by +65s.
    cluster.advance('30s');
    expect(node(cluster, 'worker-1').status).toBe('Ready');
    cluster.advance('35s');
    expect(node(cluster, 'worker-1').status).toBe('NotReady');
    expect(onWorker1().every((p) => !p.ready)).toBe(true);
    // 4. evictions between +5m45s and +6m15s.
    const evictedAt = advanceUntil(cluster, () => onWorker1().some((p) => p.status === 'Terminating'), 10 * 60_000, 1000)!;
    expect(evictedAt - t0).toBeGreaterThanOrEqual(345_000);
    expect(evictedAt - t0).toBeLessThanOrEqual(375_000);
    cluster.advance('30s');
    const terminating = onWorker1()
      .filter((p) => p.status === 'Terminating')
      .map((p) => p.name);
    expect(terminating).toContain('bare');
    expect(terminating).toContain('db-0');
    expect(terminating.filter((name) => name.startsWith('web-'))).toHaveLength(3);
    const proxy = pods(cluster, (p) => p.ownerKind === 'DaemonSet' && p.node === 'worker-1')[0];
    expect(proxy.deletionTimestamp).toBeNull();
    // 5. three replacements Running elsewhere; no new bare pod; no second db-0.
    const replacements = pods(cluster, (p) => p.name.startsWith('web-') && p.deletionTimestamp === null);
    expect(replacements).toHaveLength(3);
    for (const pod of replacements) {
      expect(pod.node).not.toBe('worker-1');
      expect(pod.status).toBe('Running');
    }
    expect(pods(cluster, (p) => p.name === 'db-0')).toHaveLength(1);
    // 6. the node returns: Terminating pods finish, db-0 comes back, kube-proxy is Ready, nothing moves back.
    script(cluster, 'sim node recover worker-1\nsim advance 2m');
    expect(pods(cluster, (p) => p.status === 'Terminating')).toHaveLength(0);
    expect(pods(cluster, (p) => p.name === 'db-0')[0].status).toBe('Running');
    expect(pods(cluster, (p) => p.name === proxy.name)[0].ready).toBe(true);
    const webNow = pods(cluster, (p) => p.name.startsWith('web-'))
      .map((p) => p.name)
      .sort();
    expect(webNow).toEqual(replacements.map((p) => p.name).sort());
  });
});
