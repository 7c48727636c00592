// The terminal's kubeconfig (#106): contexts kubectl config creates, switches and removes, the
// namespace a context gives every command, the global -n on every command, and -n's guard on apply.
import { describe, expect, it } from 'vitest';
import { kubeconfigErrors, manifestErrors } from '@/lib/cluster/api/errors';
import { createCluster } from '@/lib/cluster';
import { must, newCluster } from './fixtures';

describe('kubectl config and the namespace commands default to (#106)', () => {
  it('set-context --current --namespace makes every command default to that namespace, until it is cleared', () => {
    const cluster = newCluster();
    expect(cluster.exec('kubectl config set-context --namespace=dev').stderr).toBe(`${kubeconfigErrors.contextNameOrCurrent()}\n`);
    expect(cluster.exec('kubectl config set-context NAME --current').stderr).toBe(`${kubeconfigErrors.contextNameAndCurrent()}\n`);
    must(cluster, 'kubectl create namespace dev');
    expect(must(cluster, 'kubectl config set-context --current --namespace=dev')).toBe('Context "kubernetes-admin@kubernetes" modified.\n');
    must(cluster, 'kubectl create deployment web --image=nginx:1.27');
    cluster.advance('30s');
    expect(cluster.exec('kubectl get deploy -n default').stdout).toBe('');
    expect(must(cluster, 'kubectl get deploy')).toMatch(/^web\s+1\/1/m);
    expect(must(cluster, 'kubectl get deploy web -n dev -o jsonpath={.metadata.namespace}')).toBe('dev\n');
    expect(must(cluster, 'kubectl logs deploy/web --tail=1')).not.toBe('');
    expect(must(cluster, 'kubectl expose deployment web --port 80')).toBe('service/web exposed\n');
    expect(must(cluster, 'sim curl web')).toMatch(/1\/1 requests succeeded/);
    expect(must(cluster, 'kubectl config view --minify -o jsonpath={..namespace}')).toBe('dev\n');
    expect(must(cluster, 'kubectl config get-contexts').split('\n')[1]).toMatch(
      /^\*\s+kubernetes-admin@kubernetes\s+kubernetes\s+kubernetes-admin\s+dev$/,
    );
    // -n still wins, and -A still lists everything.
    expect(must(cluster, 'kubectl get deploy -A')).toMatch(/^kube-system\s+coredns/m);
    must(cluster, 'kubectl config set-context --current --namespace=');
    expect(must(cluster, 'kubectl get deploy')).not.toMatch(/^web\s/m);
    expect(must(cluster, 'kubectl config view')).not.toContain('namespace:');
  });

  it('creates, switches, renames and deletes contexts; one without the cluster leaves kubectl without a server', () => {
    const cluster = newCluster();
    expect(must(cluster, 'kubectl config set-context ops --cluster=kubernetes --user=kubernetes-admin --namespace=kube-system')).toBe(
      'Context "ops" created.\n',
    );
    expect(must(cluster, 'kubectl config use-context ops')).toBe('Switched to context "ops".\n');
    expect(must(cluster, 'kubectl config current-context')).toBe('ops\n');
    expect(must(cluster, 'kubectl get deploy')).toMatch(/^coredns\s/m);
    must(cluster, 'kubectl config set-context lost --namespace=x');
    must(cluster, 'kubectl config use-context lost');
    const refused = cluster.exec('kubectl get pods');
    expect(refused).toMatchObject({ exitCode: 1, stderr: `${kubeconfigErrors.noServer()}\n` });
    // kubectl config itself reads only the file, so it still works.
    expect(must(cluster, 'kubectl config rename-context lost gone')).toBe('Context "lost" renamed to "gone".\n');
    const removed = cluster.exec('kubectl config delete-context gone');
    expect(removed.stdout).toBe('deleted context gone from /root/.kube/config\n');
    expect(removed.stderr).toMatch(/^warning: this removed your active context/);
    expect(cluster.exec('kubectl config view --minify').stderr).toBe(`${kubeconfigErrors.minifyNeedsContext()}\n`);
    must(cluster, 'kubectl config use-context kubernetes-admin@kubernetes');
    expect(must(cluster, 'kubectl get pods -n kube-system')).toMatch(/^etcd-control-plane\s/m);
    expect(cluster.exec('kubectl config use-context nope').stderr).toBe('error: no context exists with the name: "nope"\n');
  });

  it('keeps the kubeconfig in snapshots, and leaves an untouched cluster’s snapshot without it', () => {
    const cluster = newCluster();
    expect(cluster.snapshot().state.kubeconfig).toBeUndefined();
    must(cluster, 'kubectl config set-context --current --namespace=kube-system');
    const snapshot = cluster.snapshot();
    const copy = createCluster({ seed: 1 });
    copy.restore(snapshot);
    expect(must(copy, 'kubectl config view --minify -o jsonpath={..namespace}')).toBe('kube-system\n');
  });

  it('takes the global -n on commands without namespaced objects, before or after the command', () => {
    const cluster = newCluster();
    expect(must(cluster, 'kubectl -n kube-system cordon worker-1')).toBe('node/worker-1 cordoned\n');
    expect(must(cluster, 'kubectl uncordon worker-1 --namespace=default')).toBe('node/worker-1 uncordoned\n');
    expect(must(cluster, 'kubectl taint nodes worker-1 a=b:NoSchedule -n dev')).toBe('node/worker-1 tainted\n');
    expect(cluster.exec('kubectl cordon worker-1 -n').stderr).toBe("error: flag needs an argument: 'n' in -n\n");
  });

  it('refuses to apply a file meant for another namespace when -n names one, and not when the context does', () => {
    const file =
      'apiVersion: v1\nkind: Pod\nmetadata: { name: box, namespace: dev }\nspec:\n  containers: [{ name: box, image: busybox:1.36 }]\n';
    const cluster = newCluster({ files: { 'box.yaml': file } });
    must(cluster, 'kubectl create namespace dev');
    expect(cluster.exec('kubectl apply -f box.yaml -n default').stderr).toBe(`${manifestErrors.namespaceMismatch('dev', 'default')}\n`);
    must(cluster, 'kubectl config set-context --current --namespace=kube-system');
    expect(must(cluster, 'kubectl apply -f box.yaml')).toBe('pod/box created\n');
    expect(must(cluster, 'kubectl get pod box -n dev -o name')).toBe('pod/box\n');
  });
});
