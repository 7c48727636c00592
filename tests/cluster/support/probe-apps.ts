// Manifests and lookups the probe, restart and termination tests share: a one-container
// Deployment or Pod with extra container fields, applied on a one-worker cluster.
import type { Cluster } from '@/lib/cluster';
import { must, newCluster, pods } from '../fixtures';

export interface ContainerOptions {
  name?: string;
  image?: string;
  extra?: string;
}

export const deployment = (spec: string, { name = 'web', image = 'nginx:1.27' }: ContainerOptions = {}) => `
apiVersion: apps/v1
kind: Deployment
metadata: { name: ${name} }
spec:
  replicas: 1
  selector: { matchLabels: { app: ${name} } }
  template:
    metadata: { labels: { app: ${name} } }
    spec:
      containers:
        - name: ${name}
          image: ${image}
${spec
  .split('\n')
  .filter(Boolean)
  .map((line) => `          ${line}`)
  .join('\n')}
`;

export const pod = (spec: string, podSpec = '') => `
apiVersion: v1
kind: Pod
metadata: { name: job }
spec:
${podSpec
  .split('\n')
  .filter(Boolean)
  .map((line) => `  ${line}`)
  .join('\n')}
  containers:
    - name: job
      image: busybox:1.36
${spec
  .split('\n')
  .filter(Boolean)
  .map((line) => `      ${line}`)
  .join('\n')}
`;

export function applied(files: Record<string, string>, seed = 42): Cluster {
  const cluster = newCluster({ seed, workers: 1, files });
  for (const file of Object.keys(files)) must(cluster, `kubectl apply -f ${file}`);
  return cluster;
}

export const onlyPod = (cluster: Cluster, app = 'web') => pods(cluster, (p) => p.labels.app === app || p.name === app)[0];
export const eventsOf = (cluster: Cluster) => must(cluster, 'kubectl get events');
/** The count kubectl prints for an event message in `describe` (1 when it is shown without (xN)). */
export function eventCount(cluster: Cluster, podName: string, message: string): number {
  const line = must(cluster, `kubectl describe pod ${podName}`)
    .split('\n')
    .find((l) => l.includes(message));
  if (!line) return 0;
  return Number(/\(x(\d+) over/.exec(line)?.[1] ?? 1);
}
