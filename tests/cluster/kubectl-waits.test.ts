import { createCluster } from '@/lib/cluster';
import { kubectlErrors, waitErrors } from '@/lib/cluster/api/errors';

const web = `
apiVersion: apps/v1
kind: Deployment
metadata: { name: web }
spec:
  replicas: 2
  selector: { matchLabels: { app: web } }
  template:
    metadata: { labels: { app: web } }
    spec: { containers: [{ name: nginx, image: "nginx:1.27" }] }
`;
const agent = `
apiVersion: apps/v1
kind: DaemonSet
metadata: { name: log-agent }
spec:
  selector: { matchLabels: { app: log-agent } }
  template:
    metadata: { labels: { app: log-agent } }
    spec: { containers: [{ name: agent, image: "fluent/fluent-bit:3.1" }] }
`;
const budget = `
apiVersion: policy/v1
kind: PodDisruptionBudget
metadata: { name: web }
spec: { minAvailable: 2, selector: { matchLabels: { app: web } } }
`;

function cluster(workers = 3) {
  const c = createCluster({ seed: 7, workers, files: { 'web.yaml': web, 'agent.yaml': agent, 'pdb.yaml': budget } });
  const run = (line: string) => c.exec(line);
  const now = () => c.view().time.ms;
  const pods = () => c.view().pods;
  return { c, run, now, pods };
}

describe('kubectl waits as it does upstream, on the virtual clock, and never forever', () => {
  // Reference #72: the API lists in etcd key order; kubectl get sorts only with --sort-by.
  it('#72 get events lists by namespace and name, not by time; --sort-by=.metadata.creationTimestamp sorts by time', () => {
    const { run } = cluster();
    run('kubectl apply -f web.yaml');
    run('sim advance 30s');
    run('kubectl scale deployment web --replicas=3');
    run('sim advance 30s');
    const objects = (text: string) =>
      text
        .trim()
        .split('\n')
        .slice(1)
        .map((line) => line.split(/\s{2,}/)[3]);
    const listed = objects(run('kubectl get events').stdout);
    // Key order: every event of one object together, objects by name (deployment/web before the nodes' "worker-*").
    const firstOf = (name: string) => listed.indexOf(name);
    expect(firstOf('deployment/web')).toBeLessThan(firstOf('node/worker-1'));
    const scaled = run('kubectl get events')
      .stdout.split('\n')
      .filter((line) => line.includes('ScalingReplicaSet'));
    expect(scaled.map((line) => line.trim().split(/\s+/)[0])).toEqual(['60s', '30s']);
    // With --sort-by the newest events come last, after every node's events.
    const sorted = run('kubectl get events --sort-by=.metadata.creationTimestamp').stdout.trim().split('\n');
    expect(sorted.at(-1)).toMatch(/Started/);
    expect(sorted.findIndex((line) => line.includes('from 2 to 3'))).toBeGreaterThan(
      sorted.findIndex((line) => line.includes('node/worker-3')),
    );
  });

  // Reference #73: kubectl pkg/cmd/delete (waitForDeletion, 168h cap), pkg/cmd/wait IsDeleted.
  it('#73 delete waits until the pod is gone, letting simulated time pass', () => {
    const { run, now, pods } = cluster();
    run('kubectl apply -f web.yaml');
    run('sim advance 30s');
    const [victim] = pods().filter((p) => p.ownerName?.startsWith('web'));
    const before = now();
    const result = run(`kubectl delete pod ${victim.name}`);
    expect(result).toMatchObject({ exitCode: 0, stdout: `pod "${victim.name}" deleted\n` });
    expect(now()).toBeGreaterThan(before);
    expect(pods().some((p) => p.name === victim.name)).toBe(false);
  });

  it('#73 --wait=false returns at once, leaving the pod Terminating', () => {
    const { run, now, pods } = cluster();
    run('kubectl apply -f web.yaml');
    run('sim advance 30s');
    const [victim] = pods().filter((p) => p.ownerName?.startsWith('web'));
    const before = now();
    expect(run(`kubectl delete pod ${victim.name} --wait=false`).exitCode).toBe(0);
    expect(now()).toBe(before);
    expect(pods().find((p) => p.name === victim.name)?.status).toBe('Terminating');
  });

  it("#73 deleting a pod on a dead node hangs: --timeout gives kubectl wait's error, no timeout is interrupted for the learner", () => {
    const { run, now, pods } = cluster();
    run('kubectl apply -f web.yaml');
    run('sim advance 30s');
    const [victim] = pods().filter((p) => p.ownerName?.startsWith('web'));
    run(`sim node fail ${victim.node}`);
    run('sim advance 1m');
    let start = now();
    const timed = run(`kubectl delete pod ${victim.name} --timeout=20s`);
    expect(timed.exitCode).toBe(1);
    expect(timed.stdout).toBe(`pod "${victim.name}" deleted\n`);
    expect(timed.stderr.trim()).toBe(kubectlErrors.waitTimedOut('pods', victim.name));
    expect(now() - start).toBe(20_000);
    start = now();
    const hung = run(`kubectl delete pod ${victim.name}`);
    expect(hung.exitCode).toBe(130);
    expect(hung.stderr).toContain('still waiting after 5m0s');
    expect(now() - start).toBe(5 * 60_000);
    expect(pods().find((p) => p.name === victim.name)?.status).toBe('Terminating');
    // What learners then find: force deletion, with kubectl's warning, does not wait.
    const forced = run(`kubectl delete pod ${victim.name} --force --grace-period=0`);
    expect(forced.stdout).toBe(`pod "${victim.name}" force deleted\n`);
    expect(forced.stderr.trim()).toBe(kubectlErrors.forceDeleteWarning());
    expect(pods().some((p) => p.name === victim.name)).toBe(false);
  });

  // Reference #74: kubectl pkg/drain (evictPods: 0 means no global timeout), pkg/cmd/drain.
  it("#74 drain with a blocking budget and an explicit --timeout prints kubectl's timeout errors", () => {
    const { run } = cluster(2);
    run('kubectl apply -f web.yaml');
    run('kubectl apply -f pdb.yaml');
    run('sim advance 30s');
    const node = run('kubectl get pods -o wide').stdout.split('\n')[1].split(/\s+/)[6];
    const result = run(`kubectl drain ${node} --ignore-daemonsets --timeout=30s`);
    expect(result.exitCode).toBe(1);
    const pod = /evicting pod default\/(\S+)/.exec(result.stdout)![1];
    const cause = kubectlErrors.drainEvictTimeout(pod, 'default', '30s');
    expect(result.stderr).toContain(`error: unable to drain node "${node}" due to error: ${cause}, continuing command...`);
    expect(result.stderr.trim().endsWith(`There are pending nodes to be drained:\n ${node}\nerror: ${cause}`)).toBe(true);
  });

  it('#74 drain without --timeout waits forever, so the simulator interrupts it at its horizon', () => {
    const { run, now } = cluster(2);
    run('kubectl apply -f web.yaml');
    run('kubectl apply -f pdb.yaml');
    run('sim advance 30s');
    const node = run('kubectl get pods -o wide').stdout.split('\n')[1].split(/\s+/)[6];
    const start = now();
    const result = run(`kubectl drain ${node} --ignore-daemonsets`);
    expect(result.exitCode).toBe(130);
    expect(result.stderr).toContain('(will retry after 5s)');
    expect(result.stderr).toContain('forever when --timeout is 0');
    expect(now() - start).toBeGreaterThanOrEqual(5 * 60_000 - 5_000);
    expect(now() - start).toBeLessThanOrEqual(5 * 60_000);
  });

  // Reference #75: pkg/controller/daemon daemon_controller.go updateDaemonSetStatus (counts only nodes that should run the pod).
  it('#75 a DaemonSet counts neither the node nor the pod an unreachable node keeps, and counts them again on recovery', () => {
    const { run } = cluster();
    run('kubectl apply -f agent.yaml');
    run('sim advance 30s');
    const columns = () => run('kubectl get ds log-agent').stdout.split('\n')[1].split(/\s+/).slice(1, 6);
    expect(columns()).toEqual(['3', '3', '3', '3', '3']);
    run('sim node fail worker-2');
    run('sim advance 2m');
    expect(columns()).toEqual(['2', '2', '2', '2', '2']);
    // The pod is still there (#18); it is just not counted.
    expect(run('kubectl get pods -o wide').stdout).toMatch(/log-agent-\S+.*worker-2/);
    run('sim node recover worker-2');
    run('sim advance 2m');
    expect(columns()).toEqual(['3', '3', '3', '3', '3']);
  });

  // Reference #76: kubectl pkg/scale (the /scale subresource), which DaemonSets do not have.
  it('#76 kubectl scale of a DaemonSet fails as upstream does, and of a missing one with NotFound', () => {
    const { run } = cluster();
    run('kubectl apply -f agent.yaml');
    const result = run('kubectl scale daemonset log-agent --replicas=2');
    expect(result.exitCode).toBe(1);
    expect(result.stderr.trim()).toBe(kubectlErrors.noScaleSubresource());
    expect(run('kubectl scale ds missing --replicas=2').stderr.trim()).toBe(
      'Error from server (NotFound): daemonsets.apps "missing" not found',
    );
  });
});

describe('kubectl wait', () => {
  const fresh = () => {
    const cluster = createCluster({ seed: 3, workers: 2, files: { 'web.yaml': web } });
    cluster.exec('kubectl apply -f web.yaml');
    return cluster;
  };

  it('#104 spends simulated time until each pod is Ready, then prints one "condition met" per object', () => {
    const cluster = fresh();
    const start = cluster.now();
    const result = cluster.exec('kubectl wait --for=condition=Ready pod -l app=web --timeout=60s');
    expect(result.exitCode).toBe(0);
    const names = cluster.exec('kubectl get pods -l app=web -o name').stdout.trim().split('\n');
    expect(result.stdout).toBe(names.map((name) => `${name} condition met\n`).join(''));
    expect(cluster.now()).toBeGreaterThan(start);
    // Ready is now true: asked again, it is met at once (condition names and values ignore case).
    const now = cluster.now();
    expect(cluster.exec('kubectl wait --for=condition=ready=TRUE pod -l app=web').exitCode).toBe(0);
    expect(cluster.now()).toBe(now);
    expect(cluster.exec("kubectl wait --for=jsonpath='{.status.readyReplicas}'=2 deployment/web").stdout).toBe(
      'deployment.apps/web condition met\n',
    );
    expect(cluster.exec('kubectl wait --for=jsonpath=.status.phase=Running pod -l app=web').exitCode).toBe(0);
  });

  it('#104 times out after --timeout of simulated time on a condition that does not come (a dead node is Unknown, not False)', () => {
    const cluster = fresh();
    cluster.exec('sim advance 30s');
    cluster.exec('sim node fail worker-1');
    const start = cluster.now();
    const result = cluster.exec('kubectl wait --for=condition=Ready=False node/worker-1 --timeout=90s');
    expect(result.stderr).toBe(`${kubectlErrors.waitTimedOut('nodes', 'worker-1')}\n`);
    expect(cluster.now() - start).toBe(90_000);
    expect(cluster.exec('kubectl wait --for=condition=Ready=Unknown node/worker-1 --timeout=0').stdout).toBe(
      'node/worker-1 condition met\n',
    );
  });

  it('#104 --for=delete waits for the pods it found; ones already gone count as deleted', () => {
    const cluster = fresh();
    cluster.exec('sim advance 30s');
    const [first] = cluster.exec('kubectl get pods -o name').stdout.trim().split('\n');
    cluster.exec(`kubectl delete ${first} --wait=false`);
    expect(cluster.exec(`kubectl wait --for=delete ${first}`).stdout).toBe(`${first} condition met\n`);
    expect(cluster.exec(`kubectl get ${first}`).exitCode).toBe(1);
    expect(cluster.exec(`kubectl wait --for=delete ${first}`)).toEqual({ stdout: '', stderr: '', exitCode: 0 });
  });

  it('#104 refuses a missing --for, an unknown condition, no objects and missing objects, and changes nothing', () => {
    const cluster = fresh();
    const now = cluster.now();
    expect(cluster.exec('kubectl wait pod -l app=web').stderr).toBe(`${waitErrors.forRequired()}\n`);
    expect(cluster.exec('kubectl wait --for=ready pod -l app=web').stderr).toBe(`${waitErrors.unrecognizedCondition('ready')}\n`);
    expect(cluster.exec('kubectl wait --for=condition=Ready pod -l app=none').stderr).toBe(`${waitErrors.noMatchingResources()}\n`);
    expect(cluster.exec('kubectl wait --for=condition=Ready pod/missing').stderr).toBe(
      'Error from server (NotFound): pods "missing" not found\n',
    );
    expect(cluster.exec("kubectl wait --for=jsonpath='{.status.phase}'= pod -l app=web").stderr).toBe(
      `${waitErrors.jsonpathEmptyValue()}\n`,
    );
    expect(cluster.now()).toBe(now);
  });

  it('#104 -f waits for the objects the files name, as the API has them; arguments beside -f are refused as the builder does', () => {
    const cluster = fresh();
    const start = cluster.now();
    const available = cluster.exec('kubectl wait -f web.yaml --for=condition=Available --timeout=60s');
    expect(available).toEqual({ stdout: 'deployment.apps/web condition met\n', stderr: '', exitCode: 0 });
    expect(cluster.now()).toBeGreaterThan(start);
    const now = cluster.now();
    expect(cluster.exec('kubectl wait -f web.yaml pods --for=condition=Ready').stderr).toBe(`${kubectlErrors.resourcesWithPaths()}\n`);
    expect(cluster.exec('kubectl wait -f web.yaml deploy/web --for=condition=Ready').stderr).toBe(`${kubectlErrors.tuplesWithPaths()}\n`);
    expect(cluster.exec('kubectl wait -f nope.yaml --for=condition=Ready').stderr).toBe(`${kubectlErrors.pathNotExist('nope.yaml')}\n`);
    // A selector filters the files' objects by their live labels.
    expect(cluster.exec('kubectl wait -f web.yaml -l app=other --for=condition=Available').stderr).toBe(
      `${waitErrors.noMatchingResources()}\n`,
    );
    expect(cluster.now()).toBe(now);
    cluster.exec('kubectl delete -f web.yaml --wait=false');
    expect(cluster.exec('kubectl wait -f web.yaml --for=condition=Available').stderr).toBe(
      'Error from server (NotFound): deployments.apps "web" not found\n',
    );
    expect(cluster.exec('kubectl wait -f web.yaml --for=delete')).toEqual({ stdout: '', stderr: '', exitCode: 0 });
    expect(cluster.exec('kubectl delete -f web.yaml deploy web').stderr).toBe(`${kubectlErrors.resourcesWithPaths()}\n`);
  });

  it('--for=create waits until the selection finds something, spending simulated time, or times out (#104)', () => {
    const cluster = createCluster({ seed: 3 });
    const start = cluster.now();
    expect(cluster.exec('kubectl wait --for=create pod/nope --timeout=5s').stderr).toBe(`${waitErrors.createTimedOut()}\n`);
    expect(cluster.now() - start).toBeGreaterThanOrEqual(5000);
    cluster.exec('kubectl create deployment web --image=nginx:1.27 --replicas=2');
    const met = cluster.exec('kubectl wait --for=create pod -l app=web --timeout=30s');
    expect(met.exitCode).toBe(0);
    expect(met.stdout).toMatch(/^pod\/web-\S+ condition met\npod\/web-\S+ condition met\n$/);
    expect(cluster.exec('kubectl wait --for=create deployment/web').stdout).toBe('deployment.apps/web condition met\n');
  });
});
