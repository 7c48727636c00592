// Facts #23-#26: scheduling, cordon and drain.
import { describe, expect, it } from 'vitest';
import { advanceUntil, deploymentYaml, inDefault, must, newCluster, node, nodeTaints, ownedBy, pods, script } from './fixtures';

const deployment = deploymentYaml;

describe('scheduling', () => {
  it('#23 NodeResourcesFit and BalancedAllocation spread replicas over the least loaded workers', () => {
    const cluster = newCluster({ files: { 'd.yaml': deployment('spread', 6) } });
    script(cluster, 'kubectl apply -f d.yaml\nsim advance 20s');
    const perNode = new Map<string, number>();
    for (const pod of pods(cluster, ownedBy('ReplicaSet', cluster.view().replicaSets.find((rs) => rs.name.startsWith('spread-'))!.name))) {
      perNode.set(pod.node!, (perNode.get(pod.node!) ?? 0) + 1);
    }
    expect([...perNode.keys()].sort()).toEqual(['worker-1', 'worker-2', 'worker-3']);
    expect(Math.max(...perNode.values()) - Math.min(...perNode.values())).toBeLessThanOrEqual(1);
  });

  it('#23 nodeSelector, taints and cordons filter nodes out', () => {
    const cluster = newCluster({ files: { 'd.yaml': deployment('picky', 3, 'nodeSelector: { disk: ssd }') } });
    script(
      cluster,
      `
      kubectl label node worker-2 disk=ssd
      kubectl label node worker-3 disk=ssd
      kubectl taint node worker-3 dedicated=db:NoSchedule
      kubectl apply -f d.yaml
      sim advance 20s
    `,
    );
    for (const pod of pods(cluster, (p) => p.name.startsWith('picky-'))) expect(pod.node).toBe('worker-2');
    script(cluster, 'kubectl cordon worker-2\nkubectl scale deployment picky --replicas=4\nsim advance 10s');
    expect(pods(cluster, (p) => p.name.startsWith('picky-') && p.node === null)).toHaveLength(1);
  });

  it('#24 a pod that fits nowhere stays Pending with a FailedScheduling event naming each reason', () => {
    const cluster = newCluster({ files: { 'd.yaml': deployment('huge', 1, '', '{ cpu: "8" }') } });
    script(cluster, 'kubectl apply -f d.yaml\nsim advance 10s');
    const pod = pods(cluster, (p) => p.name.startsWith('huge-'))[0];
    expect(pod.status).toBe('Pending');
    const event = cluster.view().events.find((e) => e.reason === 'FailedScheduling' && e.object === `pod/${pod.name}`)!;
    expect(event.type).toBe('Warning');
    expect(event.message).toBe(
      '0/4 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 3 Insufficient cpu. ' +
        'preemption: 0/4 nodes are available: 1 Preemption is not helpful for scheduling, 3 No preemption victims found for incoming pod.',
    );
    must(cluster, 'sim node add big-1 --cpu 16 --memory 32Gi');
    cluster.advance('30s');
    const placed = pods(cluster, (p) => p.name === pod.name)[0];
    expect(placed.node).toBe('big-1');
    expect(placed.status).toBe('Running');
  });

  it('#25 the control-plane node has role control-plane and the NoSchedule taint; CoreDNS tolerates it', () => {
    const cluster = newCluster();
    expect(node(cluster, 'control-plane').roles).toEqual(['control-plane']);
    expect(nodeTaints(cluster, 'control-plane')).toEqual(['node-role.kubernetes.io/control-plane:NoSchedule']);
    expect(must(cluster, 'kubectl get nodes')).toMatch(/control-plane\s+Ready\s+control-plane\s+0s\s+v1\.32\.0/);
    const out = must(cluster, 'kubectl get pods -n kube-system');
    for (const name of [
      'etcd-control-plane',
      'kube-apiserver-control-plane',
      'kube-controller-manager-control-plane',
      'kube-scheduler-control-plane',
    ]) {
      expect(out).toContain(name);
    }
    expect(cluster.view().daemonSets.find((ds) => ds.name === 'kube-proxy')!.ready).toBe(4);
    expect(cluster.view().deployments.find((d) => d.name === 'coredns')!.available).toBe(2);
    const runOnControlPlane = newCluster();
    script(
      runOnControlPlane,
      'kubectl cordon worker-1\nkubectl cordon worker-2\nkubectl cordon worker-3\nkubectl run x --image=nginx:1.27\nsim advance 5s',
    );
    expect(pods(runOnControlPlane, (p) => p.name === 'x')[0].node).toBeNull();
  });
});

describe('cordon and drain', () => {
  it('#26 cordon sets spec.unschedulable (tainted unschedulable:NoSchedule) and uncordon reverses it', () => {
    const cluster = newCluster();
    expect(must(cluster, 'kubectl cordon worker-1')).toBe('node/worker-1 cordoned\n');
    expect(must(cluster, 'kubectl cordon worker-1')).toBe('node/worker-1 already cordoned\n');
    expect(node(cluster, 'worker-1').unschedulable).toBe(true);
    expect(nodeTaints(cluster, 'worker-1')).toContain('node.kubernetes.io/unschedulable:NoSchedule');
    expect(must(cluster, 'kubectl uncordon worker-1')).toBe('node/worker-1 uncordoned\n');
    expect(nodeTaints(cluster, 'worker-1')).toEqual([]);
  });

  it('#26 drain refuses DaemonSet pods, bare pods and emptyDir pods, each with its override', () => {
    const cluster = newCluster({
      files: {
        'p.yaml': `apiVersion: v1
kind: Pod
metadata: { name: scratch }
spec:
  nodeSelector: { kubernetes.io/hostname: worker-1 }
  volumes: [{ name: tmp, emptyDir: {} }]
  containers: [{ name: app, image: "busybox:1.36" }]
`,
      },
    });
    script(cluster, 'kubectl apply -f p.yaml\nsim advance 10s');
    const proxy = pods(cluster, (p) => p.ownerKind === 'DaemonSet' && p.node === 'worker-1')[0].name;
    const refused = cluster.exec('kubectl drain worker-1');
    expect(refused.exitCode).toBe(1);
    expect(refused.stdout).toBe('node/worker-1 cordoned\n');
    expect(refused.stderr).toContain(`cannot delete DaemonSet-managed Pods (use --ignore-daemonsets to ignore): kube-system/${proxy}`);
    expect(refused.stderr).toContain('cannot delete Pods with local storage (use --delete-emptydir-data to override): default/scratch');
    expect(refused.stderr).toContain('cannot delete Pods that declare no controller (use --force to override): default/scratch');
    expect(refused.stderr).toContain('There are pending nodes to be drained:\n worker-1\n');
    const done = cluster.exec('kubectl drain worker-1 --ignore-daemonsets --delete-emptydir-data --force');
    expect(done.exitCode).toBe(0);
    expect(done.stderr).toContain(`Warning: ignoring DaemonSet-managed Pods: kube-system/${proxy}`);
    expect(done.stdout).toContain('evicting pod default/scratch');
    expect(done.stdout).toContain('pod/scratch evicted');
    expect(done.stdout.trimEnd().endsWith('node/worker-1 drained')).toBe(true);
    expect(pods(cluster, (p) => p.node === 'worker-1' && inDefault(p))).toHaveLength(0);
  });

  it('#26 drain retries evictions refused with 429 by a PodDisruptionBudget until replacements are ready', () => {
    const cluster = newCluster({
      files: {
        'd.yaml': deployment('web', 2, 'nodeSelector: { pin: here }'),
        'pdb.yaml':
          'apiVersion: policy/v1\nkind: PodDisruptionBudget\nmetadata: { name: web }\nspec:\n  minAvailable: 2\n  selector: { matchLabels: { app: web } }\n',
      },
    });
    script(
      cluster,
      `
      kubectl label node worker-1 pin=here
      kubectl apply -f d.yaml
      kubectl apply -f pdb.yaml
      sim advance 20s
      kubectl label node worker-2 pin=here
    `,
    );
    expect(must(cluster, 'kubectl get pdb')).toMatch(/web\s+2\s+N\/A\s+0\s/);
    const blocked = cluster.exec('kubectl drain worker-1 --ignore-daemonsets --timeout=30s');
    expect(blocked.exitCode).toBe(1);
    expect(blocked.stderr).toMatch(
      /error when evicting pods\/"web-[a-z0-9]+-[a-z0-9]{5}" -n "default" \(will retry after 5s\): Cannot evict pod as it would violate the pod's disruption budget\./,
    );
    expect(blocked.stderr).toContain('global timeout reached: 30s');
    must(cluster, 'kubectl scale deployment web --replicas=3');
    cluster.advance('20s');
    const drained = cluster.exec('kubectl drain worker-1 --ignore-daemonsets');
    expect(drained.exitCode, drained.stderr).toBe(0);
    expect(pods(cluster, (p) => p.name.startsWith('web-') && p.node === 'worker-1')).toHaveLength(0);
    expect(advanceUntil(cluster, () => cluster.view().deployments.find((d) => d.name === 'web')!.available === 3, 60_000)).toBeDefined();
  });
});
