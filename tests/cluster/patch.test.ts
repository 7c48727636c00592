// kubectl patch (row #105): strategic merge (the default), JSON merge and JSON patches over the
// object as served, validated and written like an apply; nodes take labels, unschedulable, taints.
import { describe, expect, it } from 'vitest';
import { patchErrors } from '@/lib/cluster/api/errors';
import { jsonPatch, mergePatch } from '@/lib/cluster/kubectl/merge';
import { must, newCluster } from './fixtures';

const withWeb = () => {
  const cluster = newCluster({ workers: 2 });
  must(cluster, 'kubectl create deployment web --image=nginx:1.27 --replicas=2');
  cluster.advance('20s');
  return cluster;
};

const deploymentYaml = (cluster: ReturnType<typeof newCluster>) => must(cluster, 'kubectl get deploy web -o yaml');

describe('kubectl patch', () => {
  it('#105 a strategic merge patch sets replicas, and the same patch again changes nothing', () => {
    const cluster = withWeb();
    expect(must(cluster, `kubectl patch deployment web -p '{"spec":{"replicas":3}}'`)).toBe('deployment.apps/web patched\n');
    expect(must(cluster, 'kubectl get deploy web -o jsonpath={.spec.replicas}')).toBe('3\n');
    const before = deploymentYaml(cluster);
    expect(must(cluster, `kubectl patch deploy/web -p 'spec: {replicas: 3}'`)).toBe('deployment.apps/web patched (no change)\n');
    expect(deploymentYaml(cluster)).toBe(before);
  });

  it('#105 containers merge by name: patching one image keeps the rest of the container and starts a rollout', () => {
    const cluster = withWeb();
    must(
      cluster,
      `kubectl patch deployment web -p '{"spec":{"template":{"spec":{"containers":[{"name":"nginx","image":"nginx:1.28"}]}}}}'`,
    );
    expect(must(cluster, 'kubectl get deploy web -o jsonpath={.spec.template.spec.containers[0].imagePullPolicy}')).toBe('IfNotPresent\n');
    expect(must(cluster, 'kubectl rollout status deployment/web')).toMatch(/successfully rolled out\n$/);
    expect(must(cluster, 'kubectl get pods -o jsonpath={.items[*].spec.containers[0].image}').trim().split(' ')).toEqual([
      'nginx:1.28',
      'nginx:1.28',
    ]);
  });

  it('#105 --type merge and --type json', () => {
    const cluster = withWeb();
    must(cluster, `kubectl patch deployment web --type merge -p '{"metadata":{"labels":{"tier":"front"}}}'`);
    expect(must(cluster, 'kubectl get deploy -l tier=front -o name')).toBe('deployment.apps/web\n');
    must(cluster, `kubectl patch deployment web --type json -p '[{"op":"replace","path":"/spec/replicas","value":1}]'`);
    expect(must(cluster, 'kubectl get deploy web -o jsonpath={.spec.replicas}')).toBe('1\n');
  });

  it('#105 nodes take unschedulable and labels; a Service its type', () => {
    const cluster = withWeb();
    must(cluster, `kubectl patch node worker-1 -p '{"spec":{"unschedulable":true},"metadata":{"labels":{"disk":"ssd"}}}'`);
    expect(must(cluster, 'kubectl get node worker-1')).toMatch(/Ready,SchedulingDisabled/);
    expect(must(cluster, 'kubectl get nodes -l disk=ssd -o name')).toBe('node/worker-1\n');
    must(cluster, 'kubectl expose deployment web --port 80');
    must(cluster, `kubectl patch svc web -p '{"spec":{"type":"NodePort"}}'`);
    expect(must(cluster, 'kubectl get svc web')).toMatch(/NodePort\s+\S+\s+<none>\s+80:3\d{4}\/TCP/);
  });

  it('#105 a bad patch, type or result is refused and changes nothing', () => {
    const cluster = withWeb();
    const before = deploymentYaml(cluster);
    expect(cluster.exec('kubectl patch deployment web').stderr).toBe(`${patchErrors.patchRequired()}\n`);
    expect(cluster.exec(`kubectl patch deployment web --type=xml -p '{}'`).stderr).toBe(`${patchErrors.badType('xml')}\n`);
    expect(cluster.exec(`kubectl patch deployment web -p '{bad'`).stderr).toMatch(/^error: unable to parse "\{bad": /);
    expect(cluster.exec(`kubectl patch deployment web -p '{"spec":{"replicas":-1}}'`).stderr).toMatch(
      /^Error from server \(BadRequest\): the patched Deployment "web" is invalid: .*replicas.*-1/,
    );
    expect(cluster.exec(`kubectl patch deployment web --type json -p '[{"op":"replace","path":"/spec/nope/x","value":1}]'`).exitCode).toBe(
      1,
    );
    expect(cluster.exec(`kubectl patch deployment web -p '{"metadata":{"name":"other"}}'`).exitCode).toBe(1);
    expect(deploymentYaml(cluster)).toBe(before);
  });
});

describe('patch documents', () => {
  it('a JSON merge patch merges maps, deletes on null and replaces lists (RFC 7386)', () => {
    expect(mergePatch({ a: 1, b: { c: 2, d: 3 }, l: [1, 2] }, { b: { c: null, e: 4 }, l: [3] })).toEqual({
      a: 1,
      b: { d: 3, e: 4 },
      l: [3],
    });
    expect(mergePatch({ a: 1 }, [1])).toEqual([1]);
  });

  it('a JSON patch applies its operations in order and leaves its input alone (RFC 6902)', () => {
    const document = { a: { b: [1, 2] }, c: 'x' };
    const patched = jsonPatch(document, [
      { op: 'add', path: '/a/b/-', value: 3 },
      { op: 'add', path: '/a/b/0', value: 0 },
      { op: 'remove', path: '/c' },
      { op: 'copy', from: '/a/b', path: '/d' },
      { op: 'move', from: '/d', path: '/e~1f' },
      { op: 'test', path: '/a/b/3', value: 3 },
      { op: 'replace', path: '/a/b/1', value: 9 },
    ]);
    expect(patched).toEqual({ a: { b: [0, 9, 2, 3] }, 'e/f': [0, 1, 2, 3] });
    expect(document).toEqual({ a: { b: [1, 2] }, c: 'x' });
    expect(() => jsonPatch(document, [{ op: 'test', path: '/c', value: 'y' }])).toThrow('testing value /c failed');
    expect(() => jsonPatch(document, [{ op: 'remove', path: '/zz' }])).toThrow('doc is missing key');
  });

  it('#105 --patch-file reads the patch from a file; it and -p exclude each other', () => {
    const cluster = newCluster({ files: { 'scale.yaml': 'spec:\n  replicas: 4\n' } });
    must(cluster, 'kubectl create deployment web --image=nginx:1.27 --replicas=2');
    expect(must(cluster, 'kubectl patch deployment web --patch-file scale.yaml')).toBe('deployment.apps/web patched\n');
    expect(must(cluster, 'kubectl get deployment web -o jsonpath={.spec.replicas}')).toBe('4\n');
    expect(cluster.exec('kubectl patch deployment web --patch-file scale.yaml -p {}').stderr).toBe(
      'error: cannot specify --patch and --patch-file together\n',
    );
    expect(cluster.exec('kubectl patch deployment web --patch-file gone.yaml').stderr).toBe(
      'error: unable to read patch file: open gone.yaml: no such file or directory\n',
    );
  });
});
