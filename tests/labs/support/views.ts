// Small ClusterView builders for the pure lab tests: a real cluster's view, changed by hand.
import { createCluster, type ClusterView, type NodeView, type PodView } from '@/lib/cluster';

let base: ClusterView | undefined;

/** A 3-worker cluster's view at 30s, with a Deployment "web" of 3 pods and a bare pod "solo". */
export function baseView(): ClusterView {
  if (!base) {
    const cluster = createCluster({ seed: 7, workers: 3 });
    cluster.exec('kubectl create deployment web --image=nginx:1.27 --replicas=3');
    cluster.exec('kubectl run solo --image=busybox:1.36 -- sleep 3600');
    cluster.advance('30s');
    base = cluster.view();
  }
  return structuredClone(base);
}

export function withNode(view: ClusterView, name: string, change: Partial<NodeView>): ClusterView {
  return { ...view, nodes: view.nodes.map((n) => (n.name === name ? { ...n, ...change } : n)) };
}

export function withPods(view: ClusterView, change: (pod: PodView) => PodView): ClusterView {
  return { ...view, pods: view.pods.map(change) };
}

export const webPods = (view: ClusterView) => view.pods.filter((p) => p.ownerKind === 'ReplicaSet' && p.ownerName?.startsWith('web-'));
