// Shared by the Deployment tests (#52-#59): a "web" Deployment built from rollout fields, and
// readers of its ReplicaSets, pods and conditions.
import type { Cluster } from '@/lib/cluster';
import type { Deployment, Pod, ReplicaSet } from '@/lib/cluster/api/types';
import { engineOf } from '@/lib/cluster/cluster';
import { annotations } from '@/lib/cluster/controllers/deployment.util';
import { isPodActive } from '@/lib/cluster/controllers/podutil';
import { must, newCluster } from '../fixtures';

/** Counts, per node, the active pods among `related` lists (the input of getPodsRankedByRelatedPodsOnSameNode); the controller keeps these counts itself. */
export function relatedPodsOnNodes(related: readonly (readonly Pod[])[]): (node: string) => number {
  const onNode = new Map<string, number>();
  for (const pods of related) {
    for (let i = 0; i < pods.length; i++) {
      const pod = pods[i];
      if (!isPodActive(pod)) continue;
      const node = pod.spec.nodeName ?? '';
      onNode.set(node, (onNode.get(node) ?? 0) + 1);
    }
  }
  return (node) => onNode.get(node) ?? 0;
}

export interface Spec {
  replicas?: number;
  image?: string;
  strategy?: string;
  extraSpec?: string;
  requests?: string;
  annotations?: string;
}

/** A Deployment manifest "web" with the given rollout fields (YAML flow style). */
export function manifest({ replicas = 3, image = 'nginx:1.27', strategy, extraSpec = '', requests, annotations: notes }: Spec): string {
  return `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
${notes ? `  annotations: ${notes}\n` : ''}spec:
  replicas: ${replicas}
${strategy ? `  strategy: ${strategy}\n` : ''}${extraSpec}  selector: { matchLabels: { app: web } }
  template:
    metadata: { labels: { app: web } }
    spec:
      containers: [{ name: nginx, image: "${image}"${requests ? `, resources: { requests: { cpu: "${requests}" } }` : ''} }]
`;
}

export function clusterWith(spec: Spec, seed = 42): Cluster {
  const cluster = newCluster({ seed, files: { 'web.yaml': manifest(spec) } });
  must(cluster, 'kubectl apply -f web.yaml');
  return cluster;
}

export const deployment = (cluster: Cluster) => engineOf(cluster).store.get('Deployment', 'default/web') as Deployment;
export const replicaSets = (cluster: Cluster): ReplicaSet[] => {
  const d = deployment(cluster);
  return engineOf(cluster).store.dependentsOf(d.metadata.uid, 'ReplicaSet');
};
export const byRevision = (cluster: Cluster) =>
  Object.fromEntries(
    replicaSets(cluster).map((rs) => [rs.metadata.annotations[annotations.revision], rs.spec.template.spec.containers[0].image]),
  );
export const podsOf = (cluster: Cluster, rs: ReplicaSet): Pod[] => engineOf(cluster).store.dependentsOf(rs.metadata.uid, 'Pod');
export const progressing = (cluster: Cluster) => deployment(cluster).status.conditions?.find((c) => c.type === 'Progressing');

/** `rollout status` until done (fails the test if it does not end well). */
export const settle = (cluster: Cluster) => must(cluster, 'kubectl rollout status deployment/web');
