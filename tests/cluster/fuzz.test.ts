// Fuzzing: thousands of random and mangled command lines. Nothing throws, nothing crashes inside
// the simulator, and a command that fails changes nothing unless it reports partial success on
// stdout (kubectl drain cordons before refusing; delete a b may delete a and miss b).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { apiErrors, fieldErrors, formatApiError, kubectlErrors, simErrors } from '@/lib/cluster/api/errors';
import { podLimit } from '@/lib/cluster/apiserver/validation';
import { engineOf } from '@/lib/cluster/cluster';
import { newCluster } from './fixtures';

/**
 * The most timers one command may schedule (the simulator's unit of work). A deterministic
 * stand-in for "no command takes more than 2 s"; bench/cluster/fuzz-timing.ts checks the clock.
 */
const workBudget = 200_000;
const timersScheduled = (cluster: ReturnType<typeof newCluster>) => engineOf(cluster).clock.snapshot().nextSeq;

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
      // 130: a wait the simulator interrupted for the learner, as Ctrl+C would (#73).
      expect([0, 1, 2, 127, 130]).toContain(result.exitCode);
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

describe('bad input gets a clear error and changes nothing', () => {
  const deployment = (name: string, extra = '') =>
    `apiVersion: apps/v1\nkind: Deployment\nmetadata: { name: ${name}${extra} }\nspec:\n  replicas: 1\n  selector: { matchLabels: { app: ${name} } }\n  template:\n    metadata: { labels: { app: ${name} } }\n    spec: { containers: [{ name: app, image: "nginx:1.27" }] }\n`;
  const service = 'apiVersion: v1\nkind: Service\nmetadata: { name: front }\nspec: { selector: { app: web }, ports: [{ port: 80 }] }\n';

  it.each(['toString', 'constructor', '__proto__', 'hasOwnProperty', 'valueOf'])(
    'an Object.prototype name (%s) as verb, flag, resource or selector is an ordinary unknown',
    (name) => {
      const cluster = newCluster();
      const verb = cluster.exec(`kubectl ${name}`);
      expect(verb).toEqual({ stdout: '', stderr: `${kubectlErrors.unknownCommand(name)}\n`, exitCode: 1 });
      expect(cluster.exec(`kubectl get pods --${name}`).stderr).toBe(`${kubectlErrors.unknownFlag(`--${name}`)}\n`);
      expect(cluster.exec(`kubectl get ${name}`).stderr).toBe(`${kubectlErrors.unknownResource(name)}\n`);
      expect(cluster.exec(`sim ${name}`).exitCode).toBe(1);
      expect(cluster.exec(`sim etcd fail ${name}`).exitCode).toBe(1);
      const selected = cluster.exec(`kubectl get nodes -l ${name}`);
      expect(selected.stdout).toBe('');
      expect(selected.stderr).toBe('No resources found\n');
    },
  );

  it('a label named constructor matches only objects that carry it', () => {
    const cluster = newCluster();
    expect(cluster.exec('kubectl get nodes -l constructor').stdout).toBe('');
    expect(cluster.exec('kubectl get nodes -l constructor=x').stdout).toBe('');
    expect(cluster.exec('kubectl label node worker-1 constructor=yes').exitCode).toBe(0);
    const names = cluster.exec('kubectl get nodes -l constructor -o name').stdout;
    expect(names).toBe('node/worker-1\n');
    expect(cluster.exec('kubectl get nodes -l !constructor -o name').stdout).not.toContain('worker-1');
  });

  it.each([
    ['0x10', 16],
    ['0o17', 15],
    ['017', 15],
    ['0b101', 5],
    ['1_0', 10],
    ['0x_1f', 31],
    ['+3', 3],
  ])('--replicas=%s is read as Go reads it (%i)', (text, replicas) => {
    const cluster = newCluster();
    expect(cluster.exec(`kubectl create deployment web --image=nginx --replicas=${text}`).exitCode).toBe(0);
    expect(engineOf(cluster).store.get('Deployment', 'default/web')?.spec.replicas).toBe(replicas);
  });

  it.each([
    ['', 'invalid syntax'],
    ['1e3', 'invalid syntax'],
    ['1.5', 'invalid syntax'],
    ['_1', 'invalid syntax'],
    ['1__0', 'invalid syntax'],
    ['1_', 'invalid syntax'],
    ['0x', 'invalid syntax'],
    ['08', 'invalid syntax'],
    ['2147483648', 'value out of range'],
    ['99999999999999999999x', 'value out of range'],
  ])('--replicas=%j is refused like pflag refuses it', (text, why) => {
    const cluster = newCluster();
    const before = cluster.snapshot();
    const result = cluster.exec(`kubectl create deployment web --image=nginx --replicas=${text || '""'}`);
    expect(result.stderr).toBe(
      `${kubectlErrors.invalidFlagValue(text, '-r, --replicas', `strconv.ParseInt: parsing ${JSON.stringify(text)}: ${why}`)}\n`,
    );
    expect(cluster.snapshot()).toEqual(before);
  });

  it('kubectl scale reads --replicas as an integer and refuses a negative count with kubectl text', () => {
    const cluster = newCluster();
    cluster.exec('kubectl create deployment web --image=nginx');
    const before = cluster.snapshot();
    expect(cluster.exec('kubectl scale deployment web --replicas=1e3').stderr).toBe(
      'error: invalid argument "1e3" for "--replicas" flag: strconv.ParseInt: parsing "1e3": invalid syntax\n',
    );
    expect(cluster.exec('kubectl scale deployment web --replicas=-1').stderr).toBe(`${kubectlErrors.negativeScale()}\n`);
    expect(cluster.snapshot()).toEqual(before);
  });

  it('replica counts past the pod limit are refused by the API server, naming the field', () => {
    const cluster = newCluster({ files: { 'big.yaml': deployment('big').replace('replicas: 1', 'replicas: 1000000000') } });
    const max = podLimit(engineOf(cluster).store.count('Node'));
    const before = cluster.snapshot();
    const scaled = cluster.exec('kubectl create deployment web --image=nginx --replicas=100000');
    expect(scaled.stderr).toBe(
      `error: failed to create deployment: Deployment.apps "web" is invalid: ${fieldErrors.tooManyReplicas('spec.replicas', 100000, max)}\n`,
    );
    expect(cluster.exec('kubectl apply -f big.yaml').stderr).toBe(
      `The Deployment "big" is invalid: ${fieldErrors.tooManyReplicas('spec.replicas', 1000000000, max)}\n`,
    );
    expect(cluster.snapshot()).toEqual(before);
    cluster.exec('kubectl create deployment web --image=nginx');
    expect(cluster.exec('kubectl scale deployment web --replicas=100000').stderr).toBe(
      `The Deployment "web" is invalid: ${fieldErrors.tooManyReplicas('spec.replicas', 100000, max)}\n`,
    );
    expect(engineOf(cluster).store.get('Deployment', 'default/web')?.spec.replicas).toBe(1);
  });

  it('the API server refuses pods past the simulator limit with a clear message', () => {
    const cluster = newCluster();
    const engine = engineOf(cluster);
    const max = podLimit(engine.store.count('Node'));
    const existing = engine.store.count('Pod');
    for (let i = existing; i < max; i++)
      engine.api.create({
        kind: 'Pod',
        metadata: { name: `filler-${i}`, namespace: 'default' },
        spec: {
          containers: [],
          nodeSelector: { none: 'none' },
          tolerations: [],
          volumes: [],
          hostNetwork: false,
          terminationGracePeriodSeconds: 0,
        },
        status: { phase: 'Pending', conditions: [], containerStatuses: [] },
      } as never);
    const result = cluster.exec('kubectl run one-more --image=nginx');
    expect(result.stderr).toBe(`${formatApiError(apiErrors.tooManyPods('one-more', max))}\n`);
    expect(engine.store.count('Pod')).toBe(max);
  });

  it('annotations past 256 KiB and bodies past the request limits are refused with the API server messages', () => {
    const big = (bytes: number) => `\n  annotations: { note: "${'x'.repeat(bytes)}" }`;
    const cluster = newCluster({
      files: {
        'notes.yaml': deployment('notes').replace('metadata: { name: notes }', `metadata:\n  name: notes${big(262_144)}`),
        'huge.yaml': `apiVersion: v1\nkind: Pod\nmetadata: { name: huge }\nspec: { containers: [{ name: a, image: "${'y'.repeat(2_000_000)}" }] }\n`,
        'large.yaml': `apiVersion: v1\nkind: Pod\nmetadata: { name: large }\nspec: { containers: [{ name: a, image: "${'y'.repeat(1_000_000)}" }] }\n`,
      },
    });
    const before = cluster.snapshot();
    expect(cluster.exec('kubectl apply -f notes.yaml').stderr).toBe(
      `The Deployment "notes" is invalid: ${fieldErrors.annotationsTooLong()}\n`,
    );
    expect(cluster.exec('kubectl apply -f huge.yaml').stderr).toBe(`${formatApiError(apiErrors.requestTooLarge())}\n`);
    expect(cluster.exec('kubectl apply -f large.yaml').stderr).toBe(`${formatApiError(apiErrors.etcdRequestTooLarge())}\n`);
    expect(cluster.snapshot()).toEqual(before);
  });

  it('a failed apply of several files consumes nothing, not even a ClusterIP', () => {
    const cluster = newCluster({ files: { 'svc.yaml': service, 'other.yaml': service.replace('front', 'back') } });
    const before = cluster.snapshot();
    expect(cluster.exec('kubectl apply -f svc.yaml -f missing.yaml').stderr).toBe('error: the path "missing.yaml" does not exist\n');
    expect(cluster.snapshot()).toEqual(before);
    cluster.exec('kubectl apply -f other.yaml');
    expect(engineOf(cluster).store.get('Service', 'default/back')?.spec.clusterIP).toBe('10.96.0.13');
  });

  it('manifest mistakes are explained in kubectl terms, never a schema library text or --validate=false', () => {
    const files = {
      'float.yaml': deployment('f').replace('replicas: 1', 'replicas: 1.5'),
      'word.yaml': deployment('w').replace('replicas: 1', 'replicas: many'),
      'empty.yaml': deployment('e').replace('containers: [{ name: app, image: "nginx:1.27" }]', 'containers: []'),
      'kindless.yaml': 'metadata: { name: x }\n',
    };
    const cluster = newCluster({ files });
    for (const file of Object.keys(files)) {
      const { stderr, exitCode } = cluster.exec(`kubectl apply -f ${file}`);
      expect(exitCode).toBe(1);
      expect(stderr).not.toMatch(/Invalid input|expected int|received|validate=false|Too small/);
    }
    expect(cluster.exec('kubectl apply -f float.yaml').stderr).toBe(
      'error: error validating "float.yaml": error validating data: ValidationError(Deployment.spec): invalid type for field "replicas": got "number", expected "integer"\n',
    );
    expect(cluster.exec('kubectl apply -f kindless.yaml').stderr).toBe(
      'error: error validating "kindless.yaml": error validating data: [apiVersion not set, kind not set]\n',
    );
  });

  it('durations past Go limits and waits past the simulator limits end at once with a clear message', () => {
    const cluster = newCluster({
      files: {
        'pdb.yaml':
          'apiVersion: policy/v1\nkind: PodDisruptionBudget\nmetadata: { name: all }\nspec: { minAvailable: 100%, selector: { matchLabels: { app: web } } }\n',
      },
    });
    cluster.exec('kubectl create deployment web --image=nginx --replicas=3');
    cluster.exec('kubectl apply -f pdb.yaml');
    cluster.exec('sim advance 30s');
    const before = cluster.snapshot();
    const digits = `${'9'.repeat(400)}h`;
    expect(cluster.exec(`sim advance ${digits}`).stderr).toBe(`${simErrors.advanceUsage(digits)}\n`);
    expect(cluster.exec('sim advance 10000h').stderr).toBe(`${simErrors.advanceTooLong(10000 * 3_600_000)}\n`);
    expect(cluster.exec('kubectl drain worker-1 --ignore-daemonsets --timeout 10000h').stderr).toBe(
      `${kubectlErrors.waitTooLong('--timeout', 10000 * 3_600_000)}\n`,
    );
    expect(cluster.exec(`kubectl drain worker-1 --timeout ${digits}`).stderr).toBe(
      `${kubectlErrors.invalidDuration(digits, '--timeout')}\n`,
    );
    expect(cluster.snapshot()).toEqual(before);
    expect(cluster.exec('sim init --workers ""').exitCode).toBe(1);
    expect(cluster.exec('sim init --workers 1e3').stderr).toContain('strconv.ParseInt: parsing "1e3": invalid syntax');
    expect(cluster.exec('sim init --etcd-members 2').stderr).toBe(
      `${simErrors.invalidFlag('etcd-members', '2: etcd runs 1, 3 or 5 members here')}\n`,
    );
    expect(cluster.snapshot()).toEqual(before);
  });

  it('every command of the fuzz corpus stays within a bounded amount of simulated work', () => {
    const cluster = newCluster({ etcdMembers: 3, files: { 'app.yaml': 'kind: Deployment' } });
    let most = 0;
    for (const line of [...valid, 'sim advance 24h', 'kubectl create deployment big --image=nginx --replicas=4000', 'sim advance 1m']) {
      const before = timersScheduled(cluster);
      cluster.exec(line);
      const work = timersScheduled(cluster) - before;
      most = Math.max(most, work);
      expect(work, line).toBeLessThan(workBudget);
    }
    // The budget is not vacuous: the heaviest command does real work.
    expect(most).toBeGreaterThan(1000);
  });
});
