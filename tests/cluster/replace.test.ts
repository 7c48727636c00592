// Reference #114: kubectl replace (kubectl/pkg/cmd/replace): a whole-object PUT, or with --force a
// deletion, a wait until the objects are gone, and a create.
import { describe, expect, it } from 'vitest';
import { createCluster } from '@/lib/cluster';
import { kubectlErrors } from '@/lib/cluster/api/errors';

const deployment = (replicas: string, label = '') => `apiVersion: apps/v1
kind: Deployment
metadata: { name: web${label ? `, labels: { ${label} }` : ''} }
spec:
  ${replicas}
  selector: { matchLabels: { app: web } }
  template:
    metadata: { labels: { app: web } }
    spec: { containers: [{ name: nginx, image: "nginx:1.27" }] }
`;

describe('#114 kubectl replace', () => {
  it('#114 sends the object whole: a field the file leaves out goes back to its default, no last-applied annotation is kept', () => {
    const cluster = createCluster({
      seed: 5,
      files: { 'three.yaml': deployment('replicas: 3', 'tier: web'), 'bare.yaml': deployment('paused: false') },
    });
    cluster.exec('kubectl apply -f three.yaml');
    expect(cluster.exec('kubectl replace -f bare.yaml')).toEqual({ stdout: 'deployment.apps/web replaced\n', stderr: '', exitCode: 0 });
    const served = JSON.parse(cluster.exec('kubectl get deploy web -o json').stdout);
    expect(served.spec.replicas).toBe(1);
    expect(served.metadata.labels ?? {}).toEqual({});
    expect(served.metadata.annotations?.['kubectl.kubernetes.io/last-applied-configuration']).toBeUndefined();
  });

  it('#114 a stale resourceVersion is a Conflict, a missing object NotFound, and neither changes anything', () => {
    const cluster = createCluster({ seed: 5, files: { 'bare.yaml': deployment('replicas: 2') } });
    cluster.exec('kubectl run web --image=nginx:1.27');
    cluster.exec('sim advance 10s');
    cluster.exec('kubectl get pod web -o yaml > pod.yaml');
    // Unchanged, the copy replaces the pod without a write: its resourceVersion stays current.
    expect(cluster.exec('kubectl replace -f pod.yaml').stdout).toBe('pod/web replaced\n');
    expect(cluster.exec('kubectl replace -f pod.yaml').exitCode).toBe(0);
    cluster.exec('kubectl label pod web tier=web');
    const before = cluster.exec('kubectl get pod web -o yaml').stdout;
    expect(cluster.exec('kubectl replace -f pod.yaml').stderr).toBe(
      'Error from server (Conflict): error when replacing "pod.yaml": Operation cannot be fulfilled on pods "web": the object has been modified; please apply your changes to the latest version and try again\n',
    );
    expect(cluster.exec('kubectl get pod web -o yaml').stdout).toBe(before);
    expect(cluster.exec('kubectl replace -f bare.yaml').stderr).toBe(
      'Error from server (NotFound): error when replacing "bare.yaml": deployments.apps "web" not found\n',
    );
    expect(cluster.exec('kubectl replace').stderr).toMatch(/^error: Must specify --filename to replace\n/);
    expect(cluster.exec('kubectl replace -f pod.yaml --grace-period=0').stderr).toBe('error: --grace-period must have --force specified\n');
    expect(cluster.exec('kubectl replace -f pod.yaml pods').stderr).toBe(`${kubectlErrors.resourcesWithPaths()}\n`);
  });

  it('#114 --force deletes, waits on the virtual clock until the object is gone, then creates it from the file', () => {
    const cluster = createCluster({ seed: 5 });
    cluster.exec('kubectl run web --image=nginx:1.27');
    cluster.exec('sim advance 10s');
    cluster.exec('kubectl get pod web -o yaml > pod.yaml');
    const uid = cluster.exec("kubectl get pod web -o jsonpath='{.metadata.uid}'").stdout;
    cluster.exec('kubectl label pod web tier=web');
    const start = cluster.now();
    expect(cluster.exec('kubectl replace --force -f pod.yaml')).toEqual({
      stdout: 'pod "web" deleted\npod/web replaced\n',
      stderr: '',
      exitCode: 0,
    });
    // nginx stops at once on SIGTERM; the poll sees it gone on the next whole second.
    expect(cluster.now() - start).toBeGreaterThan(0);
    expect((cluster.now() - start) % 1000).toBe(0);
    expect(cluster.exec("kubectl get pod web -o jsonpath='{.metadata.uid}'").stdout).not.toBe(uid);
    expect(cluster.exec("kubectl get pod web -o jsonpath='{.metadata.labels}'").stdout.trim()).toBe('{"run":"web"}');
    // Nothing to delete: the object is simply created.
    cluster.exec('kubectl delete pod web --wait');
    expect(cluster.exec('kubectl replace --force -f pod.yaml').stdout).toBe('pod/web replaced\n');
  });
});
