// kubectl set resources (#107): requests and limits merged into a Deployment's template, a rollout
// that carries them to new pods, kubectl's usage errors, and the API server's request <= limit rule.
import { describe, expect, it } from 'vitest';
import { fieldErrors, kubectlErrors, setResourcesErrors } from '@/lib/cluster/api/errors';
import { inDefault, must, newCluster, pods } from './fixtures';

const resourcesOf = (cluster: ReturnType<typeof newCluster>) =>
  JSON.parse(must(cluster, "kubectl get deploy web -o jsonpath='{.spec.template.spec.containers[0].resources}'"));

describe('kubectl set resources (#107)', () => {
  it('merges limits and requests into the template and rolls them out; an unchanged template prints nothing', () => {
    const cluster = newCluster();
    must(cluster, 'kubectl create deployment web --image=nginx:1.27 --replicas=2');
    cluster.advance('30s');
    const before = pods(cluster, inDefault).map((pod) => pod.name);
    expect(must(cluster, 'kubectl set resources deployment web -c=nginx --limits=cpu=200m,memory=512Mi')).toBe(
      'deployment.apps/web resource requirements updated\n',
    );
    // A limit without a request is requested at the limit.
    expect(resourcesOf(cluster)).toEqual({ limits: { cpu: '200m', memory: '512Mi' }, requests: { cpu: '200m', memory: '512Mi' } });
    expect(cluster.exec('kubectl set resources deployment web --limits=cpu=200m')).toMatchObject({ stdout: '', exitCode: 0 });
    must(cluster, 'kubectl set resources deploy/web --requests=cpu=100m,memory=64Mi');
    expect(resourcesOf(cluster).requests).toEqual({ cpu: '100m', memory: '64Mi' });
    cluster.advance('2m');
    const after = pods(cluster, inDefault);
    expect(after).toHaveLength(2);
    expect(after.some((pod) => before.includes(pod.name))).toBe(false);
    expect(must(cluster, `kubectl get pod ${after[0].name} -o jsonpath='{.status.qosClass}'`)).toBe('Burstable\n');
    expect(must(cluster, 'kubectl rollout history deployment web').trim().split('\n')).toHaveLength(5);
  });

  it('refuses a request above its limit, through set resources and apply alike', () => {
    const manifest = `apiVersion: v1
kind: Pod
metadata: { name: greedy }
spec:
  containers: [{ name: app, image: nginx:1.27, resources: { requests: { memory: 1Gi }, limits: { memory: 256Mi } } }]
`;
    const cluster = newCluster({ files: { 'greedy.yaml': manifest } });
    must(cluster, 'kubectl create deployment web --image=nginx:1.27');
    must(cluster, 'kubectl set resources deployment web --limits=cpu=200m');
    const refused = cluster.exec('kubectl set resources deployment web --requests=cpu=1');
    expect(refused.exitCode).toBe(1);
    expect(refused.stderr).toBe(
      `The Deployment "web" is invalid: ${fieldErrors.requestOverLimit('spec.template.spec.containers[0]', '1', 'cpu', '200m')}\n`,
    );
    expect(resourcesOf(cluster).requests).toEqual({ cpu: '200m' });
    expect(cluster.exec('kubectl apply -f greedy.yaml').stderr).toBe(
      `The Pod "greedy" is invalid: ${fieldErrors.requestOverLimit('spec.containers[0]', '1Gi', 'memory', '256Mi')}\n`,
    );
  });

  it('answers kubectl’s usage errors and changes nothing', () => {
    const cluster = newCluster();
    must(cluster, 'kubectl create deployment web --image=nginx:1.27');
    const template = resourcesOf(cluster);
    const cases: [string, string][] = [
      ['kubectl set resources deployment web', setResourcesErrors.required()],
      ['kubectl set resources deployment web --limits=cpu', setResourcesErrors.syntax('cpu')],
      ['kubectl set resources deployment web --limits=cpu=lots', setResourcesErrors.quantity()],
      ['kubectl set resources deployment web --limits=nvidia.com/gpu=1', setResourcesErrors.unmodelled('nvidia.com/gpu')],
      ['kubectl set resources deployment web -c db --limits=cpu=1', setResourcesErrors.noContainer('db')],
      [
        'kubectl set serviceaccount deployment/web builder',
        kubectlErrors.unsimulatedCommand('set serviceaccount', 'x').replace(/: x$/, ': '),
      ],
    ];
    for (const [line, error] of cases) {
      const result = cluster.exec(line);
      expect(result.exitCode, line).toBe(1);
      expect(result.stderr.startsWith(error), line).toBe(true);
    }
    expect(must(cluster, 'kubectl set resources deployment web -c "ngi*" --limits=memory=128Mi')).toContain('updated');
    expect(resourcesOf(cluster)).not.toEqual(template);
  });
});
