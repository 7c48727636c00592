import { twoDeployments } from './support/two-deployments';
import { kubectlErrors } from '@/lib/cluster/api/errors';

const cluster = () => twoDeployments(11);

describe("kubectl's resource builder: one way to turn arguments into objects for every command", () => {
  it('delete, scale, label and describe accept -l; delete and scale accept --all', () => {
    const run = cluster();
    expect(run('kubectl scale deployment -l tier=web --replicas=2').stdout).toBe('deployment.apps/front scaled\n');
    expect(run('kubectl label deployments --all team=shop').stdout).toBe('deployment.apps/back labeled\ndeployment.apps/front labeled\n');
    expect(run('kubectl describe deployments -l tier=api').stdout).toMatch(/^Name:\s+back/);
    expect(run('kubectl delete pods -l tier=api --wait=false').stdout).toMatch(/^pod "back-\S+" deleted\n$/);
    expect(run('kubectl scale deployments --all --replicas=0').stdout).toBe('deployment.apps/back scaled\ndeployment.apps/front scaled\n');
    expect(run('kubectl delete deployments --all').stdout).toBe('deployment.apps "back" deleted\ndeployment.apps "front" deleted\n');
  });

  it("gives kubectl's errors for arguments that do not select anything, and changes nothing", () => {
    const run = cluster();
    const before = run('kubectl get deployments -o yaml').stdout;
    expect(run('kubectl delete deployments').stderr.trim()).toBe(kubectlErrors.requiredResourceName());
    expect(run('kubectl scale deployments --replicas=3').stderr.trim()).toBe(kubectlErrors.requiredResourceName());
    expect(run('kubectl delete deployment front -l tier=web').stderr.trim()).toBe(kubectlErrors.nameWithSelector());
    expect(run('kubectl label deployments --all -l tier=web x=y').stderr.trim()).toBe(kubectlErrors.allAndSelector());
    expect(run('kubectl delete deployment front deployment/back').stderr.trim()).toBe(kubectlErrors.mixedResourceForms());
    expect(run('kubectl delete pods --field-selector=spec.bogus=1').stderr.trim()).toContain('field label not supported: spec.bogus');
    expect(run('kubectl get deployments -o yaml').stdout).toBe(before);
  });

  it('a selector that matches nothing is not an error for delete, but is for scale', () => {
    const run = cluster();
    expect(run('kubectl delete pods -l tier=none')).toMatchObject({ exitCode: 0, stdout: 'No resources found\n' });
    const scaled = run('kubectl scale deployments -l tier=none --replicas=2');
    expect(scaled.exitCode).toBe(1);
    expect(scaled.stderr.trim()).toBe(kubectlErrors.noObjectsToScale());
  });

  it('names that are missing are reported one by one while the others are acted on', () => {
    const run = cluster();
    const result = run('kubectl scale deployment front nope --replicas=2');
    expect(result.exitCode).toBe(1);
    expect(result.stdout).toBe('deployment.apps/front scaled\n');
    expect(result.stderr.trim()).toBe('Error from server (NotFound): deployments.apps "nope" not found');
  });
});
