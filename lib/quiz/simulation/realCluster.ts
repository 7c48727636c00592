import type { Cluster, ClusterView as ModelView } from '@/lib/cluster';
import type { ClusterFactory, ClusterOptions, ClusterView, QuizCluster } from './port';

/**
 * The one place the quiz meets the mini-cluster (lib/cluster): its view is narrowed to what
 * questions grade on. The model is imported on demand, so only a simulation question pays for it.
 */
export function toQuizView(view: ModelView): ClusterView {
  return {
    nodes: view.nodes.map((n) => ({
      name: n.name,
      status: n.status,
      schedulable: !n.unschedulable,
      taints: n.taints.map(({ key, value, effect }) => ({ key, value, effect })),
      labels: n.labels,
    })),
    pods: view.pods.map((p) => ({ name: p.name, namespace: p.namespace, status: p.status, node: p.node ?? undefined })),
    deployments: view.deployments.map((d) => ({
      name: d.name,
      namespace: d.namespace,
      replicas: d.desired,
      ready: d.ready,
      available: d.available,
    })),
  };
}

export function adapt(cluster: Cluster): QuizCluster {
  return { exec: (line) => cluster.exec(line), view: () => toQuizView(cluster.view()) };
}

/** Loads the model (a separate chunk in the browser) and returns a factory of fresh clusters. */
export async function loadClusterFactory(): Promise<ClusterFactory> {
  const { createCluster } = await import('@/lib/cluster');
  return async ({ seed, files }: ClusterOptions) => adapt(createCluster({ seed, files, cwd: '/' }));
}
