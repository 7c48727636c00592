// Facts #27-#28: etcd quorum and cluster-info; the control plane's own failure.
import { describe, expect, it } from 'vitest';
import { must, newCluster, pods, script } from './fixtures';

describe('etcd and the control plane', () => {
  it('#27 etcd needs floor(n/2)+1 members: 3 tolerate one failure, not two', () => {
    const cluster = newCluster({ etcdMembers: 3 });
    expect(cluster.view().etcd.quorumSize).toBe(2);
    must(cluster, 'sim etcd fail etcd-1');
    expect(cluster.view().etcd.quorum).toBe(true);
    expect(must(cluster, 'kubectl create deployment one --image=nginx:1.27')).toBe('deployment.apps/one created\n');
    must(cluster, 'sim etcd fail etcd-2');
    expect(cluster.view().etcd.quorum).toBe(false);
    expect(newCluster({ etcdMembers: 5 }).view().etcd.quorumSize).toBe(3);
  });

  it('#27 without quorum every write is rejected and changes nothing, and running pods keep running', () => {
    const cluster = newCluster({ etcdMembers: 3 });
    script(
      cluster,
      'kubectl create deployment web --image=nginx:1.27 --replicas=2\nsim advance 20s\nsim etcd fail etcd-1\nsim etcd fail etcd-3',
    );
    const before = cluster.snapshot();
    for (const line of [
      'kubectl create deployment other --image=nginx:1.27',
      'kubectl scale deployment web --replicas=5',
      'kubectl delete deployment web',
      'kubectl cordon worker-1',
      'kubectl run x --image=nginx:1.27',
    ]) {
      const result = cluster.exec(line);
      expect(result.exitCode).toBe(1);
      expect(result.stderr).toContain('etcdserver: request timed out');
    }
    expect(cluster.snapshot().objects).toEqual(before.objects);
    cluster.advance('10m');
    expect(pods(cluster, (p) => p.name.startsWith('web-')).every((p) => p.status === 'Running')).toBe(true);
    expect(cluster.view().components.find((c) => c.name === 'kube-controller-manager')!.healthy).toBe(false);
    must(cluster, 'sim etcd recover etcd-1');
    cluster.advance('1m');
    expect(cluster.view().nodes.every((n) => n.status === 'Ready')).toBe(true);
    expect(must(cluster, 'kubectl get deployments')).toMatch(/web\s+2\/2/);
    expect(must(cluster, 'kubectl scale deployment web --replicas=3')).toBe('deployment.apps/web scaled\n');
    cluster.advance('20s');
    expect(cluster.view().deployments.find((d) => d.name === 'web')!.available).toBe(3);
  });

  it('#27 without quorum reads fail too (quorum reads), exit 1 and change nothing, while the view still shows the true state', () => {
    const cluster = newCluster({ etcdMembers: 3 });
    script(
      cluster,
      'kubectl create deployment web --image=nginx:1.27 --replicas=2\nsim advance 20s\nsim etcd fail etcd-1\nsim etcd fail etcd-3',
    );
    const before = JSON.stringify(cluster.snapshot());
    for (const line of [
      'kubectl get pods',
      'kubectl get nodes -o wide',
      'kubectl get deploy,rs -A',
      'kubectl get events --field-selector reason=Scheduled',
      'kubectl get node/worker-1',
      'kubectl describe node worker-1',
      'kubectl describe deployment web',
      'kubectl cluster-info',
      'kubectl label node worker-1 disk=ssd',
      'kubectl taint nodes --all gpu=yes:NoSchedule',
      'kubectl cordon node/worker-2',
      'kubectl uncordon worker-2',
      'kubectl drain worker-3 --ignore-daemonsets',
      'kubectl delete pod/nope',
    ]) {
      expect(cluster.exec(line), line).toEqual({ stdout: '', stderr: 'Error from server: etcdserver: request timed out\n', exitCode: 1 });
    }
    expect(JSON.stringify(cluster.snapshot())).toBe(before);
    // Client-side mistakes are still caught before kubectl talks to the server.
    expect(cluster.exec('kubectl get pods --colour').stderr).toBe('error: unknown flag: --colour\n');
    const view = cluster.view();
    expect(view.api).toBe('no-quorum');
    expect(view.pods.filter((p) => p.name.startsWith('web-')).map((p) => p.status)).toEqual(['Running', 'Running']);
    expect(view.nodes.map((n) => n.status)).toEqual(['Ready', 'Ready', 'Ready', 'Ready']);
    must(cluster, 'sim etcd recover etcd-3');
    expect(must(cluster, 'kubectl get pods')).toMatch(/^web-\S+\s+1\/1\s+Running/m);
  });

  it('#27 without quorum no new pods are scheduled, even when a node dies', () => {
    const cluster = newCluster({ etcdMembers: 3 });
    script(
      cluster,
      'kubectl create deployment web --image=nginx:1.27 --replicas=3\nsim advance 20s\nsim etcd fail etcd-1\nsim etcd fail etcd-2',
    );
    const placement = () =>
      pods(cluster)
        .map((p) => `${p.namespace}/${p.name}@${p.node}:${p.deletionTimestamp}`)
        .sort();
    const before = placement();
    script(cluster, 'sim node fail worker-1\nsim advance 10m');
    expect(placement()).toEqual(before);
    must(cluster, 'sim etcd recover etcd-2');
    cluster.advance('8m');
    expect(placement()).not.toEqual(before);
    expect(cluster.view().deployments.find((d) => d.name === 'web')!.available).toBe(3);
  });

  it('#27 without quorum even event expiry (an etcd lease) stops', () => {
    const cluster = newCluster({ etcdMembers: 3 });
    script(cluster, 'kubectl create deployment web --image=nginx:1.27\nsim advance 50m\nsim etcd fail etcd-1\nsim etcd fail etcd-2');
    const before = cluster.snapshot().events;
    cluster.advance('30m');
    expect(cluster.snapshot().events).toEqual(before);
    must(cluster, 'sim etcd recover etcd-1');
    cluster.advance('1s');
    expect(cluster.snapshot().events.entries.length).toBeLessThan(before.entries.length);
  });

  it('#28 kubectl cluster-info prints the control plane, CoreDNS and the dump hint', () => {
    const cluster = newCluster();
    expect(must(cluster, 'kubectl cluster-info')).toBe(
      'Kubernetes control plane is running at https://192.168.49.2:6443\n' +
        'CoreDNS is running at https://192.168.49.2:6443/api/v1/namespaces/kube-system/services/kube-dns:dns/proxy\n' +
        '\n' +
        "To further debug and diagnose cluster problems, use 'kubectl cluster-info dump'.\n",
    );
  });

  it('#28 the dump it points to: the nodes, then per namespace its lists as JSON and every container log', () => {
    const cluster = newCluster();
    must(cluster, 'kubectl run once --image=busybox:1.36 --restart=Never -- echo hello');
    cluster.advance('10s');
    const dump = must(cluster, 'kubectl cluster-info dump');
    expect(dump.endsWith('Cluster info dumped to standard output\n')).toBe(true);
    const lists = [...dump.matchAll(/^\{\n[\s\S]*?^\}\n/gm)].map((match) => JSON.parse(match[0]));
    const kinds = ['EventList', 'ReplicationControllerList', 'ServiceList', 'DaemonSetList', 'DeploymentList', 'ReplicaSetList', 'PodList'];
    // kube-system, then the current namespace.
    expect(lists.map((list) => list.kind)).toEqual(['NodeList', ...kinds, ...kinds]);
    expect(lists[0].items.map((node: { metadata: { name: string } }) => node.metadata.name)).toEqual(
      must(cluster, 'kubectl get nodes -o name')
        .trim()
        .split('\n')
        .map((name) => name.replace('node/', '')),
    );
    expect(lists[0].items[0].kind).toBeUndefined();
    expect(dump).toContain(
      '==== START logs for container once of pod default/once ====\nhello\n==== END logs for container once of pod default/once ====\n',
    );
    const everywhere = must(cluster, 'kubectl cluster-info dump -A');
    expect(everywhere.match(/"kind": "PodList"/g)).toHaveLength(must(cluster, 'kubectl get ns -o name').trim().split('\n').length);
  });

  it('a powered-off control-plane node makes kubectl unable to connect', () => {
    const cluster = newCluster();
    must(cluster, 'sim node fail control-plane');
    const result = cluster.exec('kubectl get nodes');
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toBe('Unable to connect to the server: dial tcp 192.168.49.2:6443: connect: no route to host\n');
    script(cluster, 'sim node recover control-plane\nsim advance 1m');
    expect(must(cluster, 'kubectl get nodes')).toMatch(/worker-1\s+Ready/);
  });
});
