// kubectl create -f and delete -f, and create's generators (#108): service clusterip|nodeport,
// poddisruptionbudget, priorityclass, their dry runs, and the generators of kinds the model lacks.
import { describe, expect, it } from 'vitest';
import { kubectlErrors } from '@/lib/cluster/api/errors';
import { must, newCluster } from './fixtures';

const pod = 'apiVersion: v1\nkind: Pod\nmetadata: { name: box }\nspec:\n  containers: [{ name: box, image: busybox:1.36 }]\n';

describe('kubectl create and delete from files, and create’s generators (#108)', () => {
  it('creates a file’s objects without apply’s annotation, refuses them again by file, and deletes them by file', () => {
    const cluster = newCluster({ files: { 'box.yaml': pod } });
    expect(must(cluster, 'kubectl create -f box.yaml')).toBe('pod/box created\n');
    expect(must(cluster, 'kubectl get pod box -o jsonpath={.metadata.annotations}')).toBe('');
    const again = cluster.exec('kubectl create -f box.yaml');
    expect(again).toMatchObject({
      exitCode: 1,
      stderr: 'Error from server (AlreadyExists): error when creating "box.yaml": pods "box" already exists\n',
    });
    expect(must(cluster, 'kubectl delete -f box.yaml --wait=false')).toBe('pod "box" deleted\n');
    cluster.advance('1m');
    expect(cluster.exec('kubectl delete -f box.yaml').stderr).toBe(
      'Error from server (NotFound): error when deleting "box.yaml": pods "box" not found\n',
    );
    expect(must(cluster, 'kubectl create -f box.yaml --save-config')).toBe('pod/box created\n');
    expect(must(cluster, 'kubectl get pod box -o yaml')).toContain('kubectl.kubernetes.io/last-applied-configuration');
  });

  it('create service names ports PORT-TARGET and selects app=NAME; the Service routes to pods with that label', () => {
    const cluster = newCluster();
    must(cluster, 'kubectl create deployment web --image=nginx:1.27 --replicas=2');
    expect(must(cluster, 'kubectl create service clusterip web --tcp=80:80')).toBe('service/web created\n');
    const dry = must(cluster, 'kubectl create service nodeport np --tcp=8080:80 --dry-run=client -o yaml');
    expect(dry).toContain(
      '  - name: 8080-80\n    port: 8080\n    protocol: TCP\n    targetPort: 80\n  selector:\n    app: np\n  type: NodePort\n',
    );
    expect(cluster.exec('kubectl get svc np').exitCode).toBe(1);
    must(cluster, 'kubectl create service nodeport np --tcp=8080:80');
    expect(must(cluster, 'kubectl get svc np')).toMatch(/NodePort\s+10\.96\.\S+\s+<none>\s+8080:3\d{4}\/TCP/);
    expect(cluster.exec('kubectl create service clusterip x').stderr).toBe('error: at least one tcp port specifier must be provided\n');
    cluster.advance('30s');
    expect(must(cluster, 'sim curl web --count 2')).toContain('2/2 requests succeeded');
  });

  it('create pdb and priorityclass make objects the model uses; generators of missing kinds say so', () => {
    const cluster = newCluster();
    must(cluster, 'kubectl create deployment web --image=nginx:1.27 --replicas=2');
    expect(must(cluster, 'kubectl create pdb web-pdb --selector=app=web --min-available=1')).toBe(
      'poddisruptionbudget.policy/web-pdb created\n',
    );
    cluster.advance('30s');
    expect(must(cluster, 'kubectl get pdb web-pdb')).toMatch(/^web-pdb\s+1\s+N\/A\s+1\s/m);
    expect(cluster.exec('kubectl create pdb other --selector=app=web').stderr).toBe(
      'error: one of min-available or max-unavailable must be specified\n',
    );
    expect(must(cluster, 'kubectl create priorityclass high --value=1000')).toBe('priorityclass.scheduling.k8s.io/high created\n');
    expect(must(cluster, 'kubectl get pc high -o jsonpath={.value}')).toBe('1000\n');
    for (const [line, plural] of [
      ['kubectl create configmap app --from-literal=a=b', 'configmaps'],
      ['kubectl create secret generic db --from-literal=p=s', 'secrets'],
      ['kubectl create job hello --image=busybox -- echo hi', 'jobs'],
    ]) {
      expect(cluster.exec(line).stderr, line).toBe(`${kubectlErrors.unmodelledResource(plural)}\n`);
    }
  });

  it('#109 #119 create service loadbalancer allocates node ports; clusterip --clusterip=None is headless; externalname makes an alias (#121)', () => {
    const cluster = newCluster({
      files: {
        'svc.yaml':
          'apiVersion: v1\nkind: Service\nmetadata: { name: fixed }\nspec:\n  clusterIP: 10.96.0.50\n  selector: { app: x }\n  ports: [{ port: 80 }]\n',
      },
    });
    expect(must(cluster, 'kubectl create service loadbalancer lb --tcp=80:8080')).toBe('service/lb created\n');
    expect(must(cluster, 'kubectl get svc lb')).toMatch(/^lb\s+LoadBalancer\s+10\.96\.\S+\s+<pending>\s+80:3\d{4}\/TCP/m);
    expect(cluster.exec('kubectl create service loadbalancer lb2 --node-port=30080 --tcp=80').stderr).toBe(
      'error: unknown flag: --node-port\n',
    );
    expect(cluster.exec('kubectl create service externalname ext').stderr).toBe('error: required flag(s) "external-name" not set\n');
    expect(must(cluster, 'kubectl create service externalname ext --external-name db.example.com')).toBe('service/ext created\n');
    expect(cluster.exec('kubectl create service foo bar').stderr).toBe(
      'error: unknown command "foo bar"\nSee \'kubectl create service -h\' for help and examples\n',
    );
    expect(cluster.exec('kubectl create service').stderr).toContain('  loadbalancer    Create a LoadBalancer service\n');
    // create_service.go's Validate: a headless Service needs no --tcp, and its ports are then omitted.
    expect(must(cluster, 'kubectl create service clusterip bare --clusterip=None --dry-run=client -o yaml')).not.toContain('ports');
    expect(cluster.exec('kubectl create service clusterip bare --clusterip=None')).toEqual({
      stdout: 'service/bare created\n',
      stderr: '',
      exitCode: 0,
    });
    expect(cluster.exec('kubectl create service clusterip hl --clusterip=None --tcp=80')).toEqual({
      stdout: 'service/hl created\n',
      stderr: '',
      exitCode: 0,
    });
    expect(must(cluster, 'kubectl get svc hl -o jsonpath={.spec.clusterIPs}')).toBe('["None"]\n');
    expect(must(cluster, 'kubectl get svc bare')).toMatch(/^bare\s+ClusterIP\s+None\s+<none>\s+<none>\s+0s$/m);
    const fromFile = cluster.exec('kubectl create -f svc.yaml');
    expect(fromFile).toMatchObject({ exitCode: 0, stdout: 'service/fixed created\n' });
    expect(fromFile.stderr).toMatch(/^Warning: spec\.clusterIP is not simulated: /);
  });
});
