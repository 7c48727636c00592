import { createCluster } from '@/lib/cluster';
import { kubectlErrors } from '@/lib/cluster/api/errors';
import { threeWayMerge } from '@/lib/cluster/kubectl/merge';
import type { Json } from '@/lib/cluster/kubectl/output/objects';

const deployment = (extra: { replicas?: number; image?: string; labels?: string } = {}) => `
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
${extra.labels ? `  labels: { ${extra.labels} }\n` : ''}spec:
${extra.replicas !== undefined ? `  replicas: ${extra.replicas}\n` : ''}  selector: { matchLabels: { app: web } }
  template:
    metadata: { labels: { app: web } }
    spec:
      containers:
        - name: nginx
          image: ${extra.image ?? 'nginx:1.27'}
`;

function cluster(files: Record<string, string>) {
  const c = createCluster({ seed: 3, workers: 2, files });
  const run = (line: string) => c.exec(line);
  const replicas = () => Number(run('kubectl get deploy web -o jsonpath={.spec.replicas}').stdout);
  return { run, replicas };
}

describe('kubectl apply merges the file with the live object (client-side three-way merge)', () => {
  // Reference #70: kubectl pkg/cmd/apply (patcher), apimachinery strategicpatch CreateThreeWayMergePatch.
  it('#70 re-applying after kubectl scale says configured and restores the file replicas', () => {
    const { run, replicas } = cluster({ 'web.yaml': deployment({ replicas: 2 }) });
    expect(run('kubectl apply -f web.yaml').stdout).toBe('deployment.apps/web created\n');
    expect(run('kubectl apply -f web.yaml').stdout).toBe('deployment.apps/web unchanged\n');
    run('kubectl scale deployment web --replicas=5');
    expect(replicas()).toBe(5);
    expect(run('kubectl apply -f web.yaml').stdout).toBe('deployment.apps/web configured\n');
    expect(replicas()).toBe(2);
  });

  it('#70 a manifest that never set replicas keeps the scaled count, and applying it again is unchanged', () => {
    const { run, replicas } = cluster({ 'web.yaml': deployment() });
    run('kubectl apply -f web.yaml');
    run('kubectl scale deployment web --replicas=4');
    expect(run('kubectl apply -f web.yaml').stdout).toBe('deployment.apps/web unchanged\n');
    expect(replicas()).toBe(4);
  });

  it('#70 a field dropped from the file is removed only if the previous apply set it', () => {
    const { run, replicas } = cluster({
      'with.yaml': deployment({ replicas: 3, labels: 'team: a' }),
      'without.yaml': deployment({ labels: 'tier: web' }),
    });
    run('kubectl apply -f with.yaml');
    run('kubectl label deployment web owner=ops');
    expect(run('kubectl apply -f without.yaml').stdout).toBe('deployment.apps/web configured\n');
    // replicas and the team label came from the last apply: gone (replicas back to its default);
    // the owner label was added by kubectl label: kept, next to the file's new one.
    expect(replicas()).toBe(1);
    expect(run('kubectl get deploy web -o jsonpath={.metadata.labels}').stdout.trim()).toBe('{"owner":"ops","tier":"web"}');
  });

  it('#70 an image change in the file rolls into the live template, and view-last-applied shows the file', () => {
    const { run } = cluster({ 'a.yaml': deployment({ replicas: 2 }), 'b.yaml': deployment({ replicas: 2, image: 'nginx:1.28' }) });
    run('kubectl apply -f a.yaml');
    expect(run('kubectl apply -f b.yaml').stdout).toBe('deployment.apps/web configured\n');
    expect(run('kubectl get deploy web -o jsonpath={.spec.template.spec.containers[0].image}').stdout.trim()).toBe('nginx:1.28');
    expect(run('kubectl apply view-last-applied deployment web').stdout).toContain('image: nginx:1.28');
    expect(run('kubectl apply view-last-applied deployment/web -o json').stdout).toContain('"image": "nginx:1.28"');
  });

  it('#70 applying over an object made by kubectl create warns about the missing annotation and patches it in', () => {
    const { run } = cluster({ 'web.yaml': deployment({ replicas: 2 }) });
    run('kubectl create deployment web --image=nginx:1.27');
    expect(run('kubectl apply view-last-applied deployment web').stderr.trim()).toBe(kubectlErrors.noLastApplied('web'));
    const applied = run('kubectl apply -f web.yaml');
    expect(applied.stdout).toBe('deployment.apps/web configured\n');
    expect(applied.stderr.trim()).toBe(kubectlErrors.missingLastApplied('deployments/web'));
    expect(run('kubectl apply -f web.yaml').stderr).toBe('');
  });

  it('#70 a pod accepts a new image but no other spec change', () => {
    const pod = (image: string, extra = '') =>
      `apiVersion: v1\nkind: Pod\nmetadata: { name: p }\nspec:\n${extra}  containers: [{ name: p, image: "${image}" }]\n`;
    const { run } = cluster({
      'a.yaml': pod('nginx:1.27'),
      'b.yaml': pod('nginx:1.28'),
      'c.yaml': pod('nginx:1.28', '  nodeSelector: { disk: ssd }\n'),
    });
    run('kubectl apply -f a.yaml');
    expect(run('kubectl apply -f b.yaml').stdout).toBe('pod/p configured\n');
    const refused = run('kubectl apply -f c.yaml');
    expect(refused.exitCode).toBe(1);
    expect(refused.stderr.trim()).toBe(kubectlErrors.podUpdateForbidden('p'));
    expect(run('kubectl get pod p -o jsonpath={.spec.nodeSelector}').stdout.trim()).toBe('');
  });

  it('#70 lists with a merge key merge by element; other lists are replaced whole', () => {
    const original = { spec: { containers: [{ name: 'a', image: 'x' }], tolerations: [{ key: 'k' }] } };
    const modified = { spec: { containers: [{ name: 'a', image: 'y' }], tolerations: [{ key: 'j' }] } };
    const current: Json = {
      spec: {
        containers: [
          { name: 'a', image: 'x', imagePullPolicy: 'IfNotPresent' },
          { name: 'sidecar', image: 's' },
        ],
        tolerations: [{ key: 'k' }, { key: 'm' }],
      },
    };
    expect(threeWayMerge(original, modified, current)).toEqual({
      spec: {
        containers: [
          { name: 'a', image: 'y', imagePullPolicy: 'IfNotPresent' },
          { name: 'sidecar', image: 's' },
        ],
        tolerations: [{ key: 'j' }],
      },
    });
    // A container the previous apply set and the file dropped is removed; Service ports merge on port.
    expect(
      threeWayMerge(
        { spec: { containers: [{ name: 'a' }, { name: 'b' }] } },
        { spec: { containers: [{ name: 'a' }] } },
        { spec: { containers: [{ name: 'a' }, { name: 'b' }] } },
      ),
    ).toEqual({ spec: { containers: [{ name: 'a' }] } });
    expect(
      threeWayMerge(undefined, { spec: { ports: [{ port: 80, name: 'http' }] } }, { spec: { ports: [{ port: 80, protocol: 'TCP' }] } }),
    ).toEqual({
      spec: { ports: [{ port: 80, protocol: 'TCP', name: 'http' }] },
    });
  });
});
