// The public API the site, labs and quizzes use: createCluster, exec, run, advance, view,
// snapshot/restore and subscribe.
import { describe, expect, it } from 'vitest';
import { createCluster, type ClusterView } from '@/lib/cluster';
import { allKinds, kindInfo, resolveKind, storedKinds } from '@/lib/cluster/api/kinds';
import { engineOf } from '@/lib/cluster/cluster';
import { must, newCluster, script } from './fixtures';

describe('createCluster', () => {
  it('builds a kubeadm-like cluster: control-plane plus three workers by default, sized as asked', () => {
    const view = createCluster().view();
    expect(view.nodes.map((n) => n.name)).toEqual(['control-plane', 'worker-1', 'worker-2', 'worker-3']);
    const big = createCluster({ workers: 5, cpu: '8', memory: '16Gi', etcdMembers: 5 }).view();
    expect(big.nodes).toHaveLength(6);
    expect(big.nodes[1].capacity).toEqual({ cpu: '8', memory: '16Gi', pods: 110 });
    expect(big.etcd.members.map((m) => m.name)).toEqual(['etcd-1', 'etcd-2', 'etcd-3', 'etcd-4', 'etcd-5']);
  });

  it('sim init replaces the cluster, and the seed decides every generated name', () => {
    const cluster = newCluster();
    expect(must(cluster, 'sim init --workers 2 --seed 9')).toContain('control-plane + 2 worker(s)');
    expect(cluster.view().nodes).toHaveLength(3);
    const names = (seed: number) => {
      const c = createCluster({ seed });
      c.exec('kubectl create deployment web --image=nginx:1.27 --replicas=3');
      return c
        .view()
        .pods.filter((p) => p.name.startsWith('web-'))
        .map((p) => p.name)
        .sort();
    };
    expect(names(1)).toEqual(names(1));
    expect(names(1)).not.toEqual(names(2));
  });
});

describe('exec and run', () => {
  it('ignores comments and blank lines, and never throws on nonsense', () => {
    const cluster = newCluster();
    expect(cluster.exec('# just a comment')).toEqual({ stdout: '', stderr: '', exitCode: 0 });
    expect(cluster.exec('   ')).toEqual({ stdout: '', stderr: '', exitCode: 0 });
    expect(cluster.exec('rm -rf /').exitCode).toBe(127);
    expect(cluster.exec('kubectl "unterminated').stderr).toBe('error: unterminated quote\n');
    expect(() => cluster.exec(undefined as unknown as string)).not.toThrow();
  });

  it('run returns one result per command with the simulated time in seconds', () => {
    const steps = newCluster().run('# warm-up\nsim advance 90s\n\nkubectl get nodes\nsim time');
    expect(steps.map((s) => [s.command, s.exitCode, s.time])).toEqual([
      ['sim advance 90s', 0, 90],
      ['kubectl get nodes', 0, 90],
      ['sim time', 0, 90],
    ]);
    expect(steps[2].stdout).toBe('1m30s\n');
  });

  it('advance takes milliseconds or Go durations and refuses nonsense', () => {
    const cluster = newCluster();
    cluster.advance(1500);
    cluster.advance('1m30s');
    expect(cluster.now()).toBe(91_500);
    expect(() => cluster.advance('soon')).toThrow(RangeError);
    expect(cluster.now()).toBe(91_500);
  });
});

describe('view', () => {
  it('is a plain JSON value with everything a lab check needs', () => {
    const cluster = newCluster();
    script(cluster, 'kubectl create deployment web --image=nginx:1.27 --replicas=3\nsim advance 30s\nkubectl cordon worker-3');
    const view: ClusterView = cluster.view();
    expect(JSON.parse(JSON.stringify(view))).toEqual(view);
    expect(view.time).toEqual({ ms: 30_000, text: '30s' });
    expect(view.api).toBe('available');
    expect(view.deployments.find((d) => d.name === 'web')).toMatchObject({ namespace: 'default', desired: 3, available: 3, ready: 3 });
    expect(view.nodes.find((n) => n.name === 'worker-3')).toMatchObject({
      status: 'Ready,SchedulingDisabled',
      unschedulable: true,
      machine: 'running',
      kubelet: 'running',
    });
    const pod = view.pods.find((p) => p.name.startsWith('web-'))!;
    expect(pod).toMatchObject({
      namespace: 'default',
      phase: 'Running',
      status: 'Running',
      ready: true,
      readyContainers: '1/1',
      ownerKind: 'ReplicaSet',
      deletionTimestamp: null,
    });
    expect(view.nodes.find((n) => n.name === pod.node)!.pods).toContain(`default/${pod.name}`);
    expect(view.services.map((s) => s.name).sort()).toEqual(['kube-dns', 'kubernetes']);
    expect(view.components.map((c) => c.name)).toEqual(['etcd', 'kube-apiserver', 'kube-controller-manager', 'kube-scheduler']);
    expect(view.events.some((e) => e.reason === 'ScalingReplicaSet' && e.object === 'deployment/web')).toBe(true);
    expect(cluster.view()).toBe(view);
  });
});

describe('snapshot, restore and subscribe', () => {
  it('restore rewinds the whole cluster, time included', () => {
    const cluster = newCluster();
    must(cluster, 'kubectl create deployment web --image=nginx:1.27 --replicas=2');
    const saved = cluster.snapshot();
    expect(JSON.parse(JSON.stringify(saved))).toEqual(saved);
    script(cluster, 'sim node fail worker-1\nsim advance 10m\nkubectl delete deployment web');
    cluster.restore(saved);
    expect(cluster.now()).toBe(0);
    expect(cluster.view().deployments.map((d) => d.name)).toContain('web');
    expect(cluster.view().nodes.find((n) => n.name === 'worker-1')!.machine).toBe('running');
    expect(() => cluster.restore({} as never)).toThrow(TypeError);
  });

  it('tells subscribers after every change until they unsubscribe', () => {
    const cluster = newCluster();
    const seen: number[] = [];
    const unsubscribe = cluster.subscribe(() => seen.push(cluster.now()));
    cluster.exec('sim advance 5s');
    cluster.advance('5s');
    cluster.restore(cluster.snapshot());
    unsubscribe();
    cluster.exec('sim advance 5s');
    expect(seen).toEqual([5_000, 10_000, 10_000]);
  });
});

describe('the kind registry', () => {
  it('resolves every plural, singular and short name, with or without the group, to one kind', () => {
    for (const info of allKinds) {
      for (const name of [info.plural, info.singular, ...info.short]) {
        expect(resolveKind(name)?.kind, name).toBe(info.kind);
        expect(resolveKind(name.toUpperCase())?.kind, name).toBe(info.kind);
        if (info.group) expect(resolveKind(`${name}.${info.group}`)?.kind, name).toBe(info.kind);
      }
    }
    expect(resolveKind('pods.apps')).toBeUndefined();
    expect(resolveKind('constructor')).toBeUndefined();
  });

  it('derives the names kubectl and the API print from group and plural', () => {
    expect(kindInfo('Deployment')).toMatchObject({
      qualified: 'deployment.apps',
      groupResource: 'deployments.apps',
      apiVersion: 'apps/v1',
    });
    expect(kindInfo('Pod')).toMatchObject({ qualified: 'pod', groupResource: 'pods', apiVersion: 'v1' });
    expect(storedKinds).not.toContain('Event');
  });

  it('the API server allocates a ClusterIP for a Service created without one, and none for a refused create', () => {
    const cluster = newCluster();
    const api = engineOf(cluster).api;
    const draft = (name: string, namespace = 'default') => ({
      kind: 'Service' as const,
      metadata: { name, namespace },
      spec: { type: 'ClusterIP' as const, clusterIP: '', selector: {}, ports: [{ port: 80, targetPort: 80, protocol: 'TCP' as const }] },
    });
    expect(api.create(draft('nowhere', 'missing')).ok).toBe(false);
    const first = api.create<'Service'>(draft('one'));
    const second = api.create<'Service'>(draft('two'));
    expect(first.ok && first.value.spec.clusterIP).toBe('10.96.0.13');
    expect(second.ok && second.value.spec.clusterIP).toBe('10.96.0.14');
  });
});
