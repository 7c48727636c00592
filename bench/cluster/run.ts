// Mini-cluster benchmark: N workers with 30 pods each (one 29-replica Deployment per worker plus
// a DaemonSet), fail one node, advance 10 simulated minutes to steady state. Prints the median
// of several runs: wall time of the setup (create the cluster and every pod, run them 1 minute)
// and of the failure (fail worker-1, advance 10 minutes), CPU time, and the heap the finished
// cluster retains. Runs start after a few warm-up runs, so the figures are for JIT-compiled code.
// With --failures, issue 13's variant: workers in 3 zones, a readiness and a liveness probe on
// every pod, a Service in front of every Deployment, and a whole zone (zone-a) failing instead of
// one node; "steady" then means every pod outside zone-a is Running and Ready. The node lifecycle
// controller taints a fully disrupted zone's nodes at evictionLimiterQPS (0.1 node/s), so its last
// node is tainted about 10 s x its node count after the first: the clock runs 10 minutes plus that.
// Usage: npx tsx bench/cluster/run.ts [--failures] [N...]   (RUNS=n and WARMUP=n override the counts)
import { performance } from 'node:perf_hooks';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { createCluster, defaults, formatGoDuration } from '../../lib/cluster/index';
import { appDeployment } from './apps';

const failures = process.argv.includes('--failures');
const sizes = process.argv
  .slice(2)
  .map(Number)
  .filter((n) => n > 0);
const workerCounts = sizes.length > 0 ? sizes : [10, 100, 1000];
const runsFor = (n: number) => Number(process.env.RUNS ?? (n >= 1000 ? 3 : n >= 100 ? 5 : 7));
const warmupsFor = (n: number) => Number(process.env.WARMUP ?? (n >= 1000 ? 1 : n >= 100 ? 3 : 10));

// One extra, untimed run with full GCs around it measures the heap a finished cluster retains.
setFlagsFromString('--expose-gc');
const fullGc = (globalThis.gc ?? runInNewContext('gc')) as () => void;
/** Two full collections: the second frees what the first only found unreachable through weak references. */
const gc = () => {
  fullGc();
  fullGc();
};

const daemonSet = `apiVersion: apps/v1
kind: DaemonSet
metadata: { name: node-agent }
spec:
  selector: { matchLabels: { app: node-agent } }
  template:
    metadata: { labels: { app: node-agent } }
    spec:
      containers: [{ name: agent, image: "fluent/fluent-bit:3.0", resources: { requests: { cpu: 50m, memory: 64Mi } } }]
`;

/** The nodes of zone-a: workers are spread over the zones in turn. */
const zoneANodes = (workers: number) => Math.ceil(workers / 3);
const afterFailureMs = (workers: number) => 10 * 60_000 + (failures ? Math.ceil(zoneANodes(workers) / defaults.evictionRateQps) * 1000 : 0);

interface Sample {
  setupMs: number;
  failureMs: number;
  totalMs: number;
  /** CPU time (user + system) of the whole run: steadier than wall time on a shared machine. */
  cpuMs: number;
  heapMb: number;
  pods: number;
  replaced: boolean;
}

const cpuNow = () => {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1000;
};

/** Runs the scenario once. With `measureHeap`, full GCs around it give the heap the finished cluster retains. */

function runOnce(workers: number, measureHeap = false): Sample {
  const files: Record<string, string> = { 'ds.yaml': daemonSet };
  if (failures) for (let i = 0; i < workers; i++) files[`app-${i}.yaml`] = appDeployment(i, true);
  if (measureHeap) gc();
  const heapBefore = process.memoryUsage().heapUsed;
  const start = performance.now();
  const cpuStart = cpuNow();
  const cluster = createCluster({ seed: 1, workers, cpu: '4', memory: '8Gi', files, ...(failures ? { zones: 3 } : {}) });
  cluster.exec('kubectl apply -f ds.yaml');
  for (let i = 0; i < workers; i++) {
    if (!failures) cluster.exec(`kubectl create deployment app-${i} --image=nginx:1.27 --replicas=29`);
    else {
      cluster.exec(`kubectl apply -f app-${i}.yaml`);
      cluster.exec(`kubectl expose deployment app-${i} --port 80`);
    }
  }
  cluster.advance('1m');
  const setupDone = performance.now();
  cluster.exec(failures ? 'sim zone fail zone-a' : 'sim node fail worker-1');
  cluster.advance(afterFailureMs(workers));
  const end = performance.now();
  const cpuMs = cpuNow() - cpuStart;
  const view = cluster.view();
  if (measureHeap) gc();
  // The finished cluster (and its view) are still referenced here: this is what it retains.
  const heapAfter = process.memoryUsage().heapUsed + 0 * cluster.now();
  const lost = new Set(failures ? view.nodes.filter((node) => node.zone === 'zone-a').map((node) => node.name) : ['worker-1']);
  const running = view.pods.filter(
    (pod) => pod.status === 'Running' && pod.ready && pod.node !== null && !lost.has(pod.node) && pod.namespace === 'default',
  ).length;
  return {
    setupMs: setupDone - start,
    failureMs: end - setupDone,
    totalMs: end - start,
    cpuMs,
    heapMb: (heapAfter - heapBefore) / 1024 / 1024,
    pods: view.pods.length,
    replaced: running === workers * 29 + (workers - lost.size),
  };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

const rows: { n: number; sample: Sample }[] = [];
for (const n of workerCounts) {
  for (let i = 0; i < warmupsFor(n); i++) runOnce(Math.min(n, 100));
  // Timed runs without forced GCs (a forced full GC throws away JIT state and slows the next run).
  const samples: Sample[] = [];
  for (let i = 0; i < runsFor(n); i++) samples.push(runOnce(n));
  const retained = runOnce(n, true).heapMb;
  const sample: Sample = {
    setupMs: median(samples.map((s) => s.setupMs)),
    failureMs: median(samples.map((s) => s.failureMs)),
    totalMs: median(samples.map((s) => s.totalMs)),
    cpuMs: median(samples.map((s) => s.cpuMs)),
    heapMb: retained,
    pods: samples[0].pods,
    replaced: samples.every((s) => s.replaced),
  };
  rows.push({ n, sample });
  console.log(
    `N=${String(n).padStart(4)}  pods=${String(sample.pods).padStart(6)}  setup ${sample.setupMs.toFixed(1)} ms  ` +
      `fail+${formatGoDuration(afterFailureMs(n))} ${sample.failureMs.toFixed(1)} ms  total ${sample.totalMs.toFixed(1)} ms (cpu ${sample.cpuMs.toFixed(0)} ms)  retains ${sample.heapMb.toFixed(1)} MB  ` +
      `steady=${sample.replaced ? 'yes' : 'NO'}  (median of ${runsFor(n)}, after ${warmupsFor(n)} warm-up runs)`,
  );
}
const ratio = (pick: (sample: Sample) => number) => {
  const small = rows.find((row) => row.n === 100)?.sample;
  const large = rows.find((row) => row.n === 1000)?.sample;
  return small && large ? (pick(large) / pick(small)).toFixed(1) : undefined;
};
if (ratio((s) => s.totalMs)) {
  console.log(
    `ratio 1000/100 (linear would be 10): total ${ratio((s) => s.totalMs)} (cpu ${ratio((s) => s.cpuMs)}), setup ${ratio((s) => s.setupMs)}, fail+10m ${ratio((s) => s.failureMs)}`,
  );
}
