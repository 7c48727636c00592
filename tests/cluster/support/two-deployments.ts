import { createCluster } from '@/lib/cluster';

const web = (name: string, tier: string) => `
apiVersion: apps/v1
kind: Deployment
metadata: { name: ${name}, labels: { tier: ${tier} } }
spec:
  replicas: 1
  selector: { matchLabels: { app: ${name} } }
  template:
    metadata: { labels: { app: ${name}, tier: ${tier} } }
    spec: { containers: [{ name: nginx, image: "nginx:1.27" }] }
`;

/** Two workers running Deployments front (tier web) and back (tier api): the resource builder's tests' cluster. */
export function twoDeployments(seed: number) {
  const c = createCluster({ seed, workers: 2, files: { 'a.yaml': web('front', 'web'), 'b.yaml': web('back', 'api') } });
  c.exec('kubectl apply -f a.yaml -f b.yaml');
  c.exec('sim advance 30s');
  return (line: string) => c.exec(line);
}
