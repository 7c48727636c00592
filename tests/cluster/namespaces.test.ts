// Namespaces (row #103): created by kubectl or a manifest, labelled with their name, refused in
// bad shapes; deleting one turns it Terminating while the namespace controller empties it, and
// it goes once nothing is left in it.
import { describe, expect, it } from 'vitest';
import { apiErrors, fieldErrors } from '@/lib/cluster/api/errors';
import { engineOf } from '@/lib/cluster/cluster';
import { must, newCluster } from './fixtures';

const namespaceFile = 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: staging\n  labels: { team: web }\n';

const withApp = () => {
  const cluster = newCluster({ workers: 2, files: { 'ns.yaml': namespaceFile } });
  must(cluster, 'kubectl create namespace dev');
  must(cluster, 'kubectl create deployment api --image=httpd:2.4 --replicas=3 -n dev');
  must(cluster, 'kubectl expose deployment api --port 80 -n dev');
  cluster.advance('20s');
  return cluster;
};

const inNamespace = (cluster: ReturnType<typeof newCluster>, namespace: string) =>
  engineOf(cluster)
    .store.dump()
    .filter((object) => object.metadata.namespace === namespace);

describe('Namespaces', () => {
  it('#103 kubectl create namespace and a Namespace manifest both create one, labelled with its own name', () => {
    const cluster = newCluster({ files: { 'ns.yaml': namespaceFile } });
    expect(must(cluster, 'kubectl create namespace dev')).toBe('namespace/dev created\n');
    expect(must(cluster, 'kubectl apply -f ns.yaml')).toBe('namespace/staging created\n');
    expect(must(cluster, 'kubectl apply -f ns.yaml')).toBe('namespace/staging unchanged\n');
    const labels = must(cluster, 'kubectl get ns staging --show-labels').split('\n')[1];
    expect(labels).toMatch(/ kubernetes\.io\/metadata\.name=staging,team=web$/);
    expect(must(cluster, 'kubectl create deployment api --image=httpd:2.4 -n dev')).toBe('deployment.apps/api created\n');
  });

  it('#103 kubectl create namespace --dry-run=client prints the object and creates nothing', () => {
    const cluster = newCluster();
    expect(must(cluster, 'kubectl create namespace dev --dry-run=client -o yaml')).toBe(
      'apiVersion: v1\nkind: Namespace\nmetadata:\n  creationTimestamp: null\n  name: dev\nspec: {}\nstatus: {}\n',
    );
    expect(must(cluster, 'kubectl create ns dev --dry-run=client')).toBe('namespace/dev created (dry run)\n');
    expect(cluster.exec('kubectl get ns dev').exitCode).toBe(1);
  });

  it('#103 a name that is not a DNS label, a taken name or two names are refused and create nothing', () => {
    const cluster = newCluster();
    const before = must(cluster, 'kubectl get ns');
    const invalid = cluster.exec('kubectl create namespace Dev');
    expect(invalid.stderr).toBe(`The Namespace "Dev" is invalid: ${fieldErrors.dnsLabel('metadata.name', 'Dev')}\n`);
    expect(cluster.exec('kubectl create namespace a.b').exitCode).toBe(1);
    expect(cluster.exec('kubectl create namespace default').stderr).toBe(
      `Error from server (AlreadyExists): ${apiErrors.alreadyExists('namespaces', 'default').message}\n`,
    );
    expect(cluster.exec('kubectl create namespace a b').stderr).toBe('error: exactly one NAME is required, got 2\n');
    expect(must(cluster, 'kubectl get ns')).toBe(before);
  });

  it('#103 default, kube-system and kube-public may not be deleted; kube-node-lease is kept by the simulator', () => {
    const cluster = newCluster();
    for (const name of ['default', 'kube-system', 'kube-public']) {
      expect(cluster.exec(`kubectl delete ns ${name}`).stderr).toBe(
        `Error from server (Forbidden): ${apiErrors.immortalNamespace(name).message}\n`,
      );
    }
    expect(cluster.exec('kubectl delete ns kube-node-lease').stderr).toBe(
      `Error from server (Forbidden): ${apiErrors.leaseNamespaceKept().message}\n`,
    );
    expect(must(cluster, 'kubectl get ns -o name')).toBe(
      'namespace/default\nnamespace/kube-node-lease\nnamespace/kube-public\nnamespace/kube-system\n',
    );
  });

  it('#103 a deleted namespace is Terminating and takes nothing new while its pods stop, then it and all it held are gone', () => {
    const cluster = withApp();
    must(cluster, 'kubectl delete ns dev --wait=false');
    expect(must(cluster, 'kubectl get ns dev')).toMatch(/^dev +Terminating /m);
    expect(must(cluster, 'kubectl get ns dev -o jsonpath={.status.phase}')).toBe('Terminating\n');
    // Everything but the pods, which stop over their grace period, went at once.
    expect(new Set(inNamespace(cluster, 'dev').map((object) => object.kind))).toEqual(new Set(['Pod']));
    expect(inNamespace(cluster, 'dev').every((pod) => pod.metadata.deletionTimestamp !== undefined)).toBe(true);
    expect(cluster.exec('kubectl run x --image=nginx -n dev').stderr).toBe(
      `Error from server (Forbidden): ${apiErrors.namespaceTerminating('pods', 'x', 'dev').message}\n`,
    );
    cluster.advance('40s');
    expect(inNamespace(cluster, 'dev')).toEqual([]);
    expect(cluster.exec('kubectl get ns dev').stderr).toBe(`Error from server (NotFound): ${apiErrors.namespaceNotFound('dev').message}\n`);
    // Its events went with it: a namespace of the same name starts with none.
    must(cluster, 'kubectl create namespace dev');
    expect(cluster.exec('kubectl get events -n dev').stdout).toBe('');
  });

  it('#103 kubectl delete namespace waits until the namespace is gone', () => {
    const cluster = withApp();
    const start = cluster.now();
    expect(must(cluster, 'kubectl delete namespace dev')).toBe('namespace "dev" deleted\n');
    expect(cluster.now()).toBeGreaterThan(start);
    expect(cluster.exec('kubectl get ns dev').exitCode).toBe(1);
    expect(inNamespace(cluster, 'dev')).toEqual([]);
  });

  it('#103 a snapshot taken while a namespace terminates finishes the deletion once restored', () => {
    const cluster = withApp();
    must(cluster, 'kubectl delete ns dev --wait=false');
    cluster.restore(structuredClone(cluster.snapshot()));
    cluster.advance('40s');
    expect(cluster.exec('kubectl get ns dev').exitCode).toBe(1);
    expect(inNamespace(cluster, 'dev')).toEqual([]);
  });
});
