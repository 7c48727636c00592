// Prints full transcripts of the labs (set-up plus solution, then a tour of read commands) and of
// the benchmark scenario at a small size, so a refactor can be checked byte for byte:
//   npx tsx bench/cluster/transcripts.ts > before.txt   (then again after, and diff the two)
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { createCluster, type Cluster } from '../../lib/cluster/index';

const reads = [
  'kubectl get nodes -o wide',
  'kubectl get pods -A -o wide',
  'kubectl get deployments,replicasets,daemonsets,statefulsets -A',
  'kubectl get events -A',
  'kubectl describe nodes',
  'kubectl describe pods -A',
  'kubectl get leases -n kube-node-lease',
  'kubectl get services -A',
  'kubectl get pdb -A',
];

function dump(name: string, cluster: Cluster, lines: string[]): void {
  console.log(`### ${name}`);
  for (const line of [...lines, ...reads]) {
    const result = cluster.exec(line);
    console.log(`$ ${line}  [t=${cluster.now()} exit=${result.exitCode}]`);
    process.stdout.write(result.stdout);
    if (result.stderr) process.stdout.write(`stderr: ${result.stderr}`);
  }
  console.log(JSON.stringify(cluster.view()));
}

const scriptLines = (text: string | undefined) =>
  (text ?? '')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('#'));

const labsDir = path.join(process.cwd(), 'content/labs');
for (const file of readdirSync(labsDir)
  .filter((name) => name.endsWith('.yaml'))
  .sort()) {
  const lab = parse(readFileSync(path.join(labsDir, file), 'utf8'));
  const shape = lab.cluster ?? {};
  const cluster = createCluster({
    seed: shape.seed ?? 1,
    workers: shape.workers ?? 3,
    cpu: shape.cpu,
    memory: shape.memory,
    etcdMembers: shape.etcdMembers ?? 1,
    files: lab.files ?? {},
  });
  dump(file, cluster, [...scriptLines(lab.setup), ...scriptLines(lab.solution), 'sim advance 20m']);
}

for (const workers of [3, 12, 25]) {
  const files = {
    'ds.yaml':
      'apiVersion: apps/v1\nkind: DaemonSet\nmetadata: { name: node-agent }\nspec:\n  selector: { matchLabels: { app: node-agent } }\n  template:\n    metadata: { labels: { app: node-agent } }\n    spec:\n      containers: [{ name: agent, image: "fluent/fluent-bit:3.0", resources: { requests: { cpu: 50m, memory: 64Mi } } }]\n',
  };
  const cluster = createCluster({ seed: 1, workers, cpu: '4', memory: '8Gi', files });
  const lines = ['kubectl apply -f ds.yaml'];
  for (let i = 0; i < workers; i++) lines.push(`kubectl create deployment app-${i} --image=nginx:1.27 --replicas=${Math.min(29, 3 + i)}`);
  lines.push(
    'sim advance 1m',
    'sim node fail worker-1',
    'sim advance 10m',
    'kubectl drain worker-2 --ignore-daemonsets --delete-emptydir-data',
    'sim advance 2m',
    'sim node recover worker-1',
    'sim advance 3m',
    'kubectl uncordon worker-2',
    'kubectl scale deployment app-0 --replicas=7',
    'sim advance 1h',
  );
  dump(`bench-${workers}`, cluster, lines);
}
