// Fuzzing: thousands of random and mangled command lines. Nothing throws, nothing crashes inside
// the simulator, and a command that fails changes nothing unless it reports partial success on
// stdout (kubectl drain cordons before refusing; delete a b may delete a and miss b).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { newCluster } from './fixtures';

const valid = [
  'kubectl get pods -A -o wide',
  'kubectl get nodes',
  'kubectl get deploy,rs,svc',
  'kubectl get events -n kube-system',
  'kubectl create deployment web --image=nginx:1.27 --replicas=3',
  'kubectl scale deployment web --replicas=5',
  'kubectl run solo --image=busybox:1.36',
  'kubectl delete pod solo',
  'kubectl delete deployment web --force --grace-period=0',
  'kubectl cordon worker-1',
  'kubectl uncordon worker-1',
  'kubectl drain worker-2 --ignore-daemonsets --force',
  'kubectl taint node worker-3 gpu=true:NoSchedule',
  'kubectl taint node worker-3 gpu:NoSchedule-',
  'kubectl label node worker-1 disk=ssd',
  'kubectl describe node worker-1',
  'kubectl describe deployment web',
  'kubectl apply -f app.yaml',
  'kubectl apply -f bad.yaml',
  'kubectl cluster-info',
  'sim node fail worker-2',
  'sim node recover worker-2',
  'sim kubelet stop worker-3',
  'sim kubelet start worker-3',
  'sim etcd fail etcd-2',
  'sim etcd recover etcd-2',
  'sim advance 30s',
  'sim time',
  'sim runtime stop worker-1',
  'sim runtime start worker-1',
  'sim node add extra --cpu 2 --memory 4Gi',
  'sim init --workers 2 --seed 5',
  'kubectl taint nodes --all node-role.kubernetes.io/control-plane-',
  'kubectl label nodes worker-1 worker-2 disk=ssd --overwrite',
  'kubectl label nodes -l disk=ssd disk-',
  'kubectl cordon node/worker-3',
  'kubectl uncordon -l kubernetes.io/os=linux',
  'kubectl get events --field-selector involvedObject.kind=Pod,type=Normal',
  'kubectl describe node/worker-1 deploy/web',
];

const junk = [
  '--',
  '-',
  '-n',
  '--replicas',
  '--replicas=-1',
  '--image=',
  '=',
  '/',
  'pod/',
  '"',
  "'",
  '\\',
  '-o',
  'yaml',
  '9999999999',
  '-A',
  '#',
  '--force',
  '--grace-period=abc',
  '5x',
  '\t',
  'ünïcödé',
  'nodes/',
  ',',
  'x=y:Bad',
  '--timeout=1s',
];

const mangled = fc
  .tuple(
    fc.constantFrom(...valid),
    fc.array(fc.nat(), { minLength: 3, maxLength: 3 }),
    fc.constantFrom(...junk),
    fc.string({ maxLength: 12 }),
  )
  .map(([line, [a, b, c], piece, noise]) => {
    const tokens = line.split(' ');
    switch (a % 7) {
      case 0:
        tokens.splice(b % tokens.length, 1);
        break;
      case 1:
        tokens.splice(b % (tokens.length + 1), 0, piece);
        break;
      case 2:
        tokens[b % tokens.length] = tokens[c % tokens.length];
        break;
      case 3:
        return line.slice(0, b % (line.length + 1));
      case 4:
        tokens[b % tokens.length] += noise;
        break;
      case 5:
        return `${line} ${noise}`;
      default:
        return line;
    }
    return tokens.join(' ');
  });

const anyLine = fc.oneof(
  { weight: 6, arbitrary: mangled },
  { weight: 1, arbitrary: fc.string({ maxLength: 40 }) },
  { weight: 1, arbitrary: fc.constantFrom(...valid) },
);

describe('fuzzing the command language', () => {
  it('thousands of random or mangled lines never throw, and failures change nothing they do not report', () => {
    const app =
      'apiVersion: apps/v1\nkind: Deployment\nmetadata: { name: app }\nspec:\n  replicas: 2\n  selector: { matchLabels: { app: app } }\n  template:\n    metadata: { labels: { app: app } }\n    spec: { containers: [{ name: app, image: "nginx:1.27" }] }\n';
    const lines = fc.sample(fc.array(anyLine, { minLength: 3000, maxLength: 3000 }), { numRuns: 1, seed: 20250106 })[0];
    const cluster = newCluster({ etcdMembers: 3, files: { 'app.yaml': app, 'bad.yaml': 'kind: Deployment\nspec: [' } });
    let failures = 0;
    for (const line of lines) {
      const before = JSON.stringify(cluster.snapshot());
      const result = cluster.exec(line);
      expect(result.stderr).not.toContain('internal error');
      expect([0, 1, 2, 127]).toContain(result.exitCode);
      if (result.exitCode === 0) continue;
      failures++;
      // A pipeline or list reports the status of its last command, as a shell does: an earlier one may have changed state.
      if (JSON.stringify(cluster.snapshot()) !== before && !/[|;&]/.test(line))
        expect(result.stdout, `failed but changed state: ${line}`).not.toBe('');
    }
    expect(failures).toBeGreaterThan(500);
  });

  it('a rejected command leaves the snapshot byte-for-byte identical', () => {
    const cluster = newCluster();
    cluster.exec('kubectl create deployment web --image=nginx:1.27 --replicas=2');
    cluster.advance('20s');
    for (const line of [
      'kubectl scale deployment web --replicas=-3',
      'kubectl delete pod nope',
      'kubectl taint node worker-1 bad',
      'kubectl create deployment web --image=x',
      'kubectl run Bad_Name --image=x',
      'kubectl apply -f missing.yaml',
      'sim advance 5 minutes',
      'sim node fail nowhere',
      'sim etcd fail etcd-9',
      'kubectl get pods --output=xml',
      'kubectl label node worker-1 kubernetes.io/hostname=other',
      'sim init --workers many',
    ]) {
      const before = cluster.snapshot();
      const result = cluster.exec(line);
      expect(result.exitCode, line).not.toBe(0);
      expect(cluster.snapshot(), line).toEqual(before);
    }
  });
});
