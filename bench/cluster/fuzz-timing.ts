// The wall-clock half of "no single command takes more than 2 s": runs the heavy and hostile
// commands the fuzz test uses against a default-size cluster and reports each one's time.
// Usage: npx tsx bench/cluster/fuzz-timing.ts   (prints /proc/loadavg too: figures are load-bound)
import { readFileSync } from 'node:fs';
import { createCluster } from '../../lib/cluster';

const limitMs = 2_000;
const pdb =
  'apiVersion: policy/v1\nkind: PodDisruptionBudget\nmetadata: { name: all }\nspec: { minAvailable: 100%, selector: { matchLabels: { app: web } } }\n';
const lines = [
  'kubectl create deployment web --image=nginx --replicas=3',
  'kubectl apply -f pdb.yaml',
  'sim advance 30s',
  'kubectl drain worker-1 --ignore-daemonsets --timeout 24h',
  'kubectl drain worker-2 --ignore-daemonsets --timeout 10000h',
  `sim advance ${'9'.repeat(400)}h`,
  'sim advance 10000h',
  'sim advance 24h',
  'kubectl create deployment big --image=nginx --replicas=4000',
  'sim advance 1m',
  'kubectl create deployment huge --image=nginx --replicas=100000',
  'kubectl scale deployment big --replicas=1e5',
  'kubectl get pods -A',
  'kubectl describe node worker-3',
  'kubectl toString',
  'kubectl get nodes -l constructor',
];
const cluster = createCluster({ seed: 1, files: { 'pdb.yaml': pdb } });
let worst = 0;
for (const line of lines) {
  const start = performance.now();
  const result = cluster.exec(line);
  const ms = performance.now() - start;
  worst = Math.max(worst, ms);
  const first = (result.stderr || result.stdout).split('\n')[0].slice(0, 90);
  console.log(`${ms.toFixed(0).padStart(6)} ms  exit=${result.exitCode}  ${line.slice(0, 60)}  | ${first}`);
}
console.log(`worst ${worst.toFixed(0)} ms (limit ${limitMs} ms): ${worst <= limitMs ? 'ok' : 'TOO SLOW'}`);
try {
  console.log(`loadavg ${readFileSync('/proc/loadavg', 'utf8').trim()}`);
} catch {
  // Not Linux: no load figure.
}
process.exitCode = worst <= limitMs ? 0 : 1;
