import type { ClusterFactory, ClusterView, ExecResult, QuizCluster, ViewNode, ViewPod } from '@/lib/quiz/simulation/port';

/**
 * A deliberately tiny stand-in for the mini-cluster, enough to test grading: it knows a handful
 * of kubectl commands (several ways to reach the same state, as real kubectl has) and a crude
 * node failure timeline. The real model is exercised in real-cluster.test.ts.
 */
interface FakeNode extends ViewNode {
  failedAt?: number;
}

const ok = (stdout = ''): ExecResult => ({ stdout, stderr: '', exitCode: 0 });
const fail = (stderr: string): ExecResult => ({ stdout: '', stderr, exitCode: 1 });

function seconds(duration: string): number {
  let total = 0;
  for (const [, n, unit] of duration.matchAll(/(\d+)(ms|s|m|h)/g)) total += Number(n) * { ms: 0.001, s: 1, m: 60, h: 3600 }[unit]!;
  return total;
}

export class FakeCluster implements QuizCluster {
  time = 0;
  nodes: FakeNode[] = ['worker-1', 'worker-2', 'worker-3'].map((name) => ({
    name,
    status: 'Ready',
    schedulable: true,
    taints: [],
    labels: {},
  }));
  pods: (ViewPod & { owner?: string })[] = [];
  deployments = new Map<string, number>();
  readonly log: string[] = [];
  private counter = 0;

  constructor(readonly seed: number) {}

  exec(line: string): ExecResult {
    this.log.push(line);
    const words = line.trim().split(/\s+/);
    const flag = (name: string) => words.find((w) => w.startsWith(`--${name}=`))?.split('=')[1];
    const node = (name: string | undefined) => this.nodes.find((n) => n.name === name?.replace(/^nodes?\//, ''));
    const [program, verb, ...rest] = words;
    if (program === 'sim' && verb === 'advance') return this.advance(seconds(rest[0] ?? ''));
    if (program === 'sim' && verb === 'node' && rest[0] === 'fail') {
      const target = node(rest[1]);
      if (!target) return fail(`node ${rest[1]} not found`);
      target.failedAt = this.time;
      return ok();
    }
    if (program !== 'kubectl') return fail(`unknown program ${program}`);
    switch (verb) {
      case 'get':
        return ok(this.pods.map((p) => `${p.name} ${p.status} ${p.node ?? '<none>'}`).join('\n'));
      case 'cordon':
      case 'uncordon': {
        const target = node(rest[0]);
        if (!target) return fail(`Error from server (NotFound): nodes "${rest[0]}" not found`);
        this.setSchedulable(target, verb === 'uncordon');
        return ok(`node/${target.name} ${verb}ed`);
      }
      case 'patch': {
        const target = node(rest[0] === 'node' ? rest[1] : rest[0]);
        if (!target) return fail('error: resource not found');
        if (line.includes('"unschedulable":true')) this.setSchedulable(target, false);
        if (line.includes('"unschedulable":false')) this.setSchedulable(target, true);
        return ok(`node/${target.name} patched`);
      }
      case 'create': {
        const name = rest[1];
        if (rest[0] !== 'deployment' || !name) return fail('error: unknown create');
        this.deployments.set(name, Number(flag('replicas') ?? 1));
        this.reconcile();
        return ok(`deployment.apps/${name} created`);
      }
      case 'scale': {
        const target = rest.find((w) => !w.startsWith('-') && w !== 'deployment');
        const name = target?.replace(/^(deployment|deploy|deployments)\//, '');
        const replicas = flag('replicas');
        if (!name || !this.deployments.has(name)) return fail(`Error from server (NotFound): deployments.apps "${name}" not found`);
        if (replicas === undefined) return fail('error: required flag(s) "replicas" not set');
        this.deployments.set(name, Number(replicas));
        this.reconcile();
        return ok(`deployment.apps/${name} scaled`);
      }
      default:
        return fail(`error: unknown command "${verb}" for "kubectl"`);
    }
  }

  view(): ClusterView {
    return {
      nodes: this.nodes.map(({ failedAt: _failedAt, ...n }) => ({ ...n, taints: [...n.taints] })),
      pods: this.pods.map(({ owner: _owner, ...p }) => ({ ...p })),
      deployments: [...this.deployments].map(([name, replicas]) => {
        const running = this.pods.filter((p) => p.owner === name && p.status === 'Running').length;
        return { name, namespace: 'default', replicas, ready: running, available: running };
      }),
    };
  }

  private setSchedulable(node: FakeNode, schedulable: boolean) {
    node.schedulable = schedulable;
    node.taints = node.taints.filter((t) => t.key !== 'node.kubernetes.io/unschedulable');
    if (!schedulable) node.taints.push({ key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule' });
    node.status =
      node.failedAt !== undefined && this.time - node.failedAt >= 50 ? 'NotReady' : schedulable ? 'Ready' : 'Ready,SchedulingDisabled';
  }

  private advance(by: number): ExecResult {
    this.time += by;
    for (const node of this.nodes) {
      if (node.failedAt === undefined) continue;
      if (this.time - node.failedAt >= 50) node.status = 'NotReady';
      if (this.time - node.failedAt >= 360) {
        for (const pod of this.pods) if (pod.node === node.name) pod.status = 'Terminating';
      }
    }
    this.reconcile();
    return ok();
  }

  /** Deployments keep their count of live pods, placed round-robin on Ready, schedulable nodes. */
  private reconcile() {
    for (const [name, replicas] of this.deployments) {
      const live = this.pods.filter((p) => p.owner === name && p.status !== 'Terminating');
      for (const extra of live.slice(replicas)) this.pods.splice(this.pods.indexOf(extra), 1);
      const usable = this.nodes.filter((n) => n.schedulable && n.status === 'Ready');
      for (let i = live.length; i < replicas; i++) {
        const target = usable[this.counter % Math.max(usable.length, 1)];
        this.pods.push({
          name: `${name}-${++this.counter}`,
          namespace: 'default',
          status: target ? 'Running' : 'Pending',
          node: target?.name,
          owner: name,
        });
      }
    }
  }
}

/** A factory that also remembers every cluster it made, so tests can look inside. */
export function fakeClusterFactory(): ClusterFactory & { made: FakeCluster[] } {
  const made: FakeCluster[] = [];
  const factory = async ({ seed }: { seed: number }) => {
    const cluster = new FakeCluster(seed);
    made.push(cluster);
    return cluster;
  };
  return Object.assign(factory, { made });
}
