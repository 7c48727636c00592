// Rollout benchmark: a 1,000-replica Deployment across 100 workers (4 CPU, 8Gi each) rolls out a
// new image with the default RollingUpdate (25% / 25%): `kubectl set image` then
// `kubectl rollout status`, which advances simulated time until the rollout is complete. Times
// that pair (the setup, creating the cluster and the first 1,000 pods, is not timed). Prints the
// median of several runs after warm-ups, with the simulated time the rollout took. Goal: under 300 ms.
// Usage: npx tsx bench/cluster/rollout.ts   (RUNS=n and WARMUP=n override the counts)
import { performance } from 'node:perf_hooks';
import { createCluster } from '../../lib/cluster/index';

const workers = 100;
const replicas = 1000;
const runs = Number(process.env.RUNS ?? 5);
const warmups = Number(process.env.WARMUP ?? 2);

interface Sample {
  rolloutMs: number;
  cpuMs: number;
  simulatedMs: number;
  done: boolean;
}

const cpuNow = () => {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1000;
};

function runOnce(seed: number): Sample {
  const cluster = createCluster({ seed, workers, cpu: '4', memory: '8Gi' });
  cluster.exec(`kubectl create deployment web --image=nginx:1.27 --replicas=${replicas}`);
  const first = cluster.exec('kubectl rollout status deployment/web');
  if (first.exitCode !== 0) throw new Error(`first rollout failed: ${first.stderr}`);
  const simStart = cluster.now();
  const start = performance.now();
  const cpuStart = cpuNow();
  cluster.exec('kubectl set image deployment/web nginx=nginx:1.28');
  const status = cluster.exec('kubectl rollout status deployment/web');
  const rolloutMs = performance.now() - start;
  const cpuMs = cpuNow() - cpuStart;
  const view = cluster.view();
  const updated = view.pods.filter((pod) => pod.ownerKind === 'ReplicaSet' && pod.status === 'Running' && !pod.name.startsWith('coredns'));
  return {
    rolloutMs,
    cpuMs,
    simulatedMs: cluster.now() - simStart,
    done: status.exitCode === 0 && status.stdout.endsWith('successfully rolled out\n') && updated.length === replicas,
  };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

for (let i = 0; i < warmups; i++) runOnce(100 + i);
const samples: Sample[] = [];
for (let i = 0; i < runs; i++) samples.push(runOnce(1 + i));
console.log(
  `rollout of ${replicas} pods on ${workers} workers: ${median(samples.map((s) => s.rolloutMs)).toFixed(1)} ms ` +
    `(cpu ${median(samples.map((s) => s.cpuMs)).toFixed(0)} ms), ${(median(samples.map((s) => s.simulatedMs)) / 1000).toFixed(0)}s simulated, ` +
    `complete=${samples.every((s) => s.done) ? 'yes' : 'NO'} (median of ${runs}, after ${warmups} warm-up runs; goal under 300 ms)`,
);
