// Shared by the Services tests (#29-#34): a web Deployment exposed on port 80, and readers of
// its Endpoints, slices and pods.
import type { Cluster } from '@/lib/cluster';
import type { Endpoints, EndpointSlice, Pod } from '@/lib/cluster/api/types';
import { engineOf } from '@/lib/cluster/cluster';
import { must, newCluster, script } from '../fixtures';
export const pinnedWeb = (replicas: number) => `
apiVersion: apps/v1
kind: Deployment
metadata: { name: web }
spec:
  replicas: ${replicas}
  selector: { matchLabels: { app: web } }
  template:
    metadata: { labels: { app: web } }
    spec:
      nodeSelector: { pin: here }
      containers: [{ name: nginx, image: "nginx:1.27", ports: [{ containerPort: 80 }] }]
`;

export const endpoints = (cluster: Cluster, name = 'web'): Endpoints | undefined =>
  engineOf(cluster).store.get('Endpoints', `default/${name}`);
export const slices = (cluster: Cluster, name = 'web'): EndpointSlice[] =>
  [...engineOf(cluster).store.list('EndpointSlice')].filter((slice) => slice.metadata.labels['kubernetes.io/service-name'] === name);
export const webPods = (cluster: Cluster): Pod[] =>
  [...engineOf(cluster).store.list('Pod')].filter((pod) => pod.metadata.labels.app === 'web');
export const isReady = (pod: Pod) => pod.status.conditions.some((c) => c.type === 'Ready' && c.status === 'True');
export const column = (cluster: Cluster, line: string, header: string) => {
  const [head, row] = must(cluster, line).split('\n');
  const start = head.indexOf(header);
  const next = head.slice(start + header.length).search(/\S/);
  return row.slice(start, next === -1 ? undefined : start + header.length + next).trim();
};

/** A cluster with `replicas` web pods, all on worker-1, exposed on port 80 and running. */
export function webOnWorker1(replicas: number, expose = 'kubectl expose deployment web --port 80'): Cluster {
  const cluster = newCluster({ files: { 'web.yaml': pinnedWeb(replicas) } });
  script(cluster, `kubectl label node worker-1 pin=here\nkubectl apply -f web.yaml\n${expose}\nsim advance 30s`);
  return cluster;
}

export function spreadWeb(replicas: number): Cluster {
  const cluster = newCluster();
  script(
    cluster,
    `kubectl create deployment web --image=nginx:1.27 --replicas=${replicas}\nkubectl expose deployment web --port 80\nsim advance 30s`,
  );
  return cluster;
}
