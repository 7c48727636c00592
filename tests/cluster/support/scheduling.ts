// Shared by the scheduler tests (#50, #60-#69): manifests for pods, Deployments and priority
// classes, and readers of where pods landed and why they did not.
import type { Cluster } from '@/lib/cluster';
import type { Node } from '@/lib/cluster/api/types';
import { deploymentYaml, must, pods } from '../fixtures';

export const pod = (name: string, spec: string, labels = '{}', cpu = '100m') => `
apiVersion: v1
kind: Pod
metadata: { name: ${name}, labels: ${labels} }
spec:
  ${spec}
  containers: [{ name: app, image: "nginx:1.27", resources: { requests: { cpu: ${cpu}, memory: 64Mi } } }]
`;

export const deployment = (name: string, replicas: number, spec = '', cpu = '100m') =>
  deploymentYaml(name, replicas, spec, `{ cpu: ${cpu}, memory: 64Mi }`);

export const priorityClass = (name: string, value: number, extra = '') => `
apiVersion: scheduling.k8s.io/v1
kind: PriorityClass
metadata: { name: ${name} }
value: ${value}
${extra}
`;

export const nodeOf = (cluster: Cluster, name: string) => pods(cluster, (p) => p.name === name)[0]?.node ?? null;
export const replicasOf = (cluster: Cluster, app: string) => pods(cluster, (p) => p.labels.app === app && p.deletionTimestamp === null);
export const perNode = (cluster: Cluster, app: string) => {
  const counts = new Map<string, number>();
  for (const p of replicasOf(cluster, app)) if (p.node) counts.set(p.node, (counts.get(p.node) ?? 0) + 1);
  return counts;
};
export const failedScheduling = (cluster: Cluster, podName: string) =>
  cluster
    .view()
    .events.filter((e) => e.reason === 'FailedScheduling' && e.object === `pod/${podName}`)
    .map((e) => e.message)
    .at(-1);
export const json = (cluster: Cluster, args: string) => JSON.parse(must(cluster, `kubectl get ${args} -o json`));
export const taintedControlPlane = '1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }';

export const nodeWith = (name: string, labels: Record<string, string>) => ({ metadata: { name, labels } }) as unknown as Node;
