// Small builders shared by the cluster tests.
import { expect } from 'vitest';
import { createCluster, type Cluster, type CreateClusterOptions, type NodeView, type PodView } from '@/lib/cluster';

export function newCluster(options: CreateClusterOptions = {}): Cluster {
  return createCluster({ seed: 42, ...options });
}

/** Runs a command that must succeed and returns its stdout. */
export function must(cluster: Cluster, line: string): string {
  const result = cluster.exec(line);
  expect(result.exitCode, `${line}\n${result.stderr}`).toBe(0);
  return result.stdout;
}

export function script(cluster: Cluster, text: string): void {
  for (const line of text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#')))
    must(cluster, line);
}

export function node(cluster: Cluster, name: string): NodeView {
  const found = cluster.view().nodes.find((candidate) => candidate.name === name);
  if (!found) throw new Error(`no node ${name}`);
  return found;
}

export function pods(cluster: Cluster, filter: (pod: PodView) => boolean = () => true): PodView[] {
  return cluster.view().pods.filter(filter);
}

export const inDefault = (pod: PodView) => pod.namespace === 'default';
export const ownedBy = (kind: string, name: string) => (pod: PodView) => pod.ownerKind === kind && pod.ownerName === name;
export const nodeTaints = (cluster: Cluster, name: string) => node(cluster, name).taints.map((taint) => taint.text);

/** Advances in steps until the predicate holds; returns the simulated ms it first held, or undefined. */
export function advanceUntil(cluster: Cluster, predicate: () => boolean, limitMs: number, stepMs = 1000): number | undefined {
  const end = cluster.now() + limitMs;
  while (cluster.now() < end) {
    if (predicate()) return cluster.now();
    cluster.advance(stepMs);
  }
  return predicate() ? cluster.now() : undefined;
}

/** A 3-replica Deployment "web", a bare pod, a 1-replica StatefulSet, all pinned to worker-1 via a label. */
export const workloadsOnWorker1 = `
apiVersion: apps/v1
kind: Deployment
metadata: { name: web }
spec:
  replicas: 3
  selector: { matchLabels: { app: web } }
  template:
    metadata: { labels: { app: web } }
    spec:
      nodeSelector: { pin: here }
      containers: [{ name: nginx, image: "nginx:1.27", resources: { requests: { cpu: 100m, memory: 64Mi } } }]
---
apiVersion: v1
kind: Pod
metadata: { name: bare }
spec:
  nodeSelector: { pin: here }
  containers: [{ name: app, image: "busybox:1.36", args: [sleep, "3600"] }]
---
apiVersion: apps/v1
kind: StatefulSet
metadata: { name: db }
spec:
  replicas: 1
  serviceName: db
  selector: { matchLabels: { app: db } }
  template:
    metadata: { labels: { app: db } }
    spec:
      nodeSelector: { pin: here }
      containers: [{ name: db, image: "postgres:16" }]
`;

/** Puts web (3), bare and db-0 on worker-1, then unpins the Deployment and StatefulSet so replacements can go anywhere. */
export function clusterWithWorkloadsOnWorker1(options: CreateClusterOptions = {}): Cluster {
  const cluster = newCluster({ ...options, files: { 'workloads.yaml': workloadsOnWorker1 } });
  script(
    cluster,
    `
    kubectl label node worker-1 pin=here
    kubectl apply -f workloads.yaml
    sim advance 30s
    kubectl label node worker-2 pin=here
    kubectl label node worker-3 pin=here
    kubectl label node control-plane pin=here
  `,
  );
  return cluster;
}

/** A Deployment of nginx pods with the given requests; `extra` is spliced into the pod spec. */
export const deploymentYaml = (name: string, replicas: number, extra = '', requests = '{ cpu: 100m, memory: 64Mi }') => `
apiVersion: apps/v1
kind: Deployment
metadata: { name: ${name} }
spec:
  replicas: ${replicas}
  selector: { matchLabels: { app: ${name} } }
  template:
    metadata: { labels: { app: ${name} } }
    spec:
      ${extra}
      containers: [{ name: app, image: "nginx:1.27", resources: { requests: ${requests} } }]
`;
