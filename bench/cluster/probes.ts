// Probe cost: a cluster of about 1,000 pods, run for 10 simulated minutes, with and without a
// readiness and a liveness probe on every pod (every 10s each: 120,000 probes), one app hung
// half way (its probes fail, it is restarted). Healthy probes must cost a timer and no store
// write. Prints the median wall and CPU time of each variant, interleaved run by run.
// Usage: npx tsx bench/cluster/probes.ts [WORKERS]   (RUNS=n overrides the count)
import { performance } from 'node:perf_hooks';
import { createCluster } from '../../lib/cluster/index';
import { appDeployment } from './apps';

const workers = Number(process.argv[2] ?? 34);
const runs = Number(process.env.RUNS ?? 5);

const cpuNow = () => {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1000;
};

function runOnce(probes: boolean): { wallMs: number; cpuMs: number; pods: number; ready: number } {
  const files: Record<string, string> = {};
  for (let i = 0; i < workers; i++) files[`app-${i}.yaml`] = appDeployment(i, probes);
  const start = performance.now();
  const cpuStart = cpuNow();
  const cluster = createCluster({ seed: 1, workers, files });
  for (let i = 0; i < workers; i++) cluster.exec(`kubectl apply -f app-${i}.yaml`);
  cluster.advance('5m');
  cluster.exec('sim app hang deployment/app-0');
  cluster.advance('5m');
  const wallMs = performance.now() - start;
  const cpuMs = cpuNow() - cpuStart;
  const view = cluster.view();
  const own = view.pods.filter((pod) => pod.namespace === 'default');
  return { wallMs, cpuMs, pods: own.length, ready: own.filter((pod) => pod.ready).length };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
// Warm-up, then the two variants alternate so that load on the machine hits both alike.
runOnce(false);
runOnce(true);
const samples = { without: [] as ReturnType<typeof runOnce>[], with: [] as ReturnType<typeof runOnce>[] };
for (let i = 0; i < runs; i++) {
  samples.without.push(runOnce(false));
  samples.with.push(runOnce(true));
}
for (const [name, list] of Object.entries(samples)) {
  console.log(
    `${name.padEnd(7)} probes: pods=${list[0].pods} ready=${list[0].ready}  wall ${median(list.map((s) => s.wallMs)).toFixed(1)} ms  cpu ${median(list.map((s) => s.cpuMs)).toFixed(0)} ms  (median of ${runs})`,
  );
}
