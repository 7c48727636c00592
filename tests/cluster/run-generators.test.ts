// Reference #112 (kubectl run's BasicPod and create deployment's buildPodSpec) and #51's
// terminal status of a deleted pod, which get --watch (#111) shows.
import { describe, expect, it } from 'vitest';
import { createCluster } from '@/lib/cluster';
import { kubectlErrors } from '@/lib/cluster/api/errors';

const json = (text: string) => JSON.parse(text) as unknown;
const equivalent = `apiVersion: apps/v1
kind: Deployment
metadata: { name: web, labels: { app: web } }
spec:
  replicas: 1
  selector: { matchLabels: { app: web } }
  template:
    metadata: { labels: { app: web } }
    spec: { containers: [{ name: nginx, image: "nginx:1.27", ports: [{ containerPort: 8080 }] }] }
`;

describe('#112 kubectl run and create deployment build the object kubectl sends', () => {
  it('#112 create deployment: the words after NAME are the command, --port the first container port, and apply of the same object gives the same pod-template-hash', () => {
    const cluster = createCluster({ seed: 4, files: { 'web.yaml': equivalent } });
    expect(cluster.exec('kubectl create deployment sleeper --image=busybox:1.36 -- sleep 3600').exitCode).toBe(0);
    const [container] = json(cluster.exec("kubectl get deploy sleeper -o jsonpath='{.spec.template.spec.containers}'").stdout) as object[];
    expect(container).toMatchObject({ name: 'busybox', image: 'busybox:1.36', command: ['sleep', '3600'] });
    cluster.exec('sim advance 20s');
    // The command runs: busybox sleeps instead of exiting at once.
    expect(cluster.exec('kubectl get pods -l app=sleeper -o jsonpath={.items[0].status.phase}').stdout.trim()).toBe('Running');
    expect(cluster.exec('kubectl create deployment web --image=nginx:1.27 --port=8080').exitCode).toBe(0);
    const created = cluster.exec('kubectl get rs -l app=web -o name').stdout;
    expect(cluster.exec('kubectl expose deployment web').stdout).toBe('service/web exposed\n');
    cluster.exec('kubectl delete deployment web');
    cluster.exec('kubectl apply -f web.yaml');
    expect(cluster.exec('kubectl get rs -l app=web -o name').stdout).toBe(created);
  });

  it('#112 create deployment refuses what kubectl refuses, and changes nothing', () => {
    const cluster = createCluster({ seed: 4 });
    const before = cluster.exec('kubectl get all -A -o name').stdout;
    expect(cluster.exec('kubectl create deployment a b --image=nginx').stderr).toBe(`${kubectlErrors.exactlyOneName(2)}\n`);
    expect(cluster.exec('kubectl create deployment --image=nginx').stderr).toBe(`${kubectlErrors.exactlyOneName(0)}\n`);
    expect(cluster.exec('kubectl create deployment two --image=busybox --image=nginx -- sleep 1').stderr).toBe(
      'error: cannot specify multiple --image options and command\n',
    );
    expect(cluster.exec('kubectl get all -A -o name').stdout).toBe(before);
    expect(cluster.exec('kubectl create -n kube-system deployment sys --image=nginx').stdout).toBe('deployment.apps/sys created\n');
  });

  it('#112 run: -l replaces run=NAME, --port is the containerPort, --expose adds the Service first', () => {
    const cluster = createCluster({ seed: 4 });
    expect(cluster.exec('kubectl run web --image=nginx:1.27 --port=80 --expose')).toEqual({
      stdout: 'service/web created\npod/web created\n',
      stderr: '',
      exitCode: 0,
    });
    expect(cluster.exec("kubectl get svc web -o jsonpath='{.spec.selector.run} {.spec.ports[0].port}'").stdout.trim()).toBe('web 80');
    cluster.exec('sim advance 20s');
    expect(cluster.exec('sim curl web').stdout).toMatch(/^200 .*web/);
    expect(cluster.exec('kubectl run tagged --image=nginx:1.27 -l app=shop,tier=web').exitCode).toBe(0);
    expect(json(cluster.exec("kubectl get pod tagged -o jsonpath='{.metadata.labels}'").stdout)).toEqual({ app: 'shop', tier: 'web' });
    expect(cluster.exec('kubectl run x --image=nginx --expose').stderr).toMatch(/^error: --port must be set when exposing a service\n/);
    expect(cluster.exec('kubectl run y --image=nginx --port=abc').stderr).toBe('error: strconv.Atoi: parsing "abc": invalid syntax\n');
    expect(cluster.exec('kubectl run web --image=nginx').stderr).toBe('Error from server (AlreadyExists): pods "web" already exists\n');
    expect(cluster.exec('kubectl get pods x y -o name').stdout).toBe('');
  });
});

describe('#51 a deleted pod gets its terminal status before it goes', () => {
  it('#51 nginx exits 0 on SIGTERM (Completed, Succeeded), an unknown app 143 (Error, Failed), one that never started is ContainerStatusUnknown', () => {
    const cluster = createCluster({ seed: 4, workers: 1 });
    cluster.exec('kubectl run nginx --image=nginx:1.27');
    cluster.exec('kubectl run shop --image=registry.example.com/shop/web:1.0');
    cluster.exec('kubectl run stuck --image=httpd:2.4 --image-pull-policy=Never');
    cluster.exec('sim advance 30s');
    cluster.exec('kubectl delete pod nginx shop stuck --wait=false');
    const watch = cluster.exec('kubectl get pods -w --output-watch-events --request-timeout=60s').stdout;
    const rows = watch
      .trimEnd()
      .split('\n')
      .slice(1)
      .map((line) => line.split(/ +/).slice(0, 4));
    const last = (pod: string) => rows.filter((row) => row[1] === pod).slice(-2);
    expect(last('nginx')).toEqual([
      ['MODIFIED', 'nginx', '0/1', 'Completed'],
      ['DELETED', 'nginx', '0/1', 'Completed'],
    ]);
    expect(last('shop')).toEqual([
      ['MODIFIED', 'shop', '0/1', 'Error'],
      ['DELETED', 'shop', '0/1', 'Error'],
    ]);
    expect(last('stuck')).toEqual([
      ['MODIFIED', 'stuck', '0/1', 'ContainerStatusUnknown'],
      ['DELETED', 'stuck', '0/1', 'ContainerStatusUnknown'],
    ]);
    expect(cluster.exec('kubectl get pods -o name').stdout).toBe('');
  });
});
