// Container environment variables (row #120): stored values and fieldRefs, the kubelet's
// expansion, what the container's shell and logs see, describe, and kubectl set env.
import { describe, expect, it } from 'vitest';
import { fieldErrors } from '@/lib/cluster/api/errors';
import type { Cluster } from '@/lib/cluster/cluster';
import { expandReferences } from '@/lib/cluster/kubelet/envvars';
import { setEnvErrors } from '@/lib/cluster/kubectl/set.env';
import { advanceUntil, must, newCluster } from './fixtures';

const deployment = `apiVersion: apps/v1
kind: Deployment
metadata: { name: web }
spec:
  replicas: 1
  selector: { matchLabels: { app: web } }
  template:
    metadata: { labels: { app: web } }
    spec:
      containers:
        - name: web
          image: "busybox:1.36"
          command: ["sh", "-c", "while true; do echo \\"$GREETING from $(POD_NAME)\\"; sleep 10; done"]
          env:
            - { name: GREETING, value: hello }
            - { name: POD_NAME, valueFrom: { fieldRef: { fieldPath: metadata.name } } }
            - { name: MY_IP, valueFrom: { fieldRef: { fieldPath: status.podIP } } }
            - { name: URL, value: "http://$(MY_IP):80/$(UNSET)" }
            - { name: TEAM, valueFrom: { fieldRef: { fieldPath: "metadata.labels['app']" } } }
`;

function running(): { cluster: Cluster; pod: string } {
  const cluster = newCluster({
    workers: 1,
    files: {
      'web.yaml': deployment,
      'bad.yaml':
        'apiVersion: v1\nkind: Pod\nmetadata: { name: bad }\nspec:\n  containers:\n    - name: c\n      image: "busybox:1.36"\n      env: [{ name: "A=B", value: x }, { value: y }, { name: X, valueFrom: { fieldRef: { fieldPath: spec.nope } } }]\n',
    },
  });
  must(cluster, 'kubectl apply -f web.yaml');
  expect(advanceUntil(cluster, () => /1\/1\s+Running/.test(must(cluster, 'kubectl get pods')), 60_000)).toBeDefined();
  return { cluster, pod: must(cluster, 'kubectl get pods -o jsonpath={.items[0].metadata.name}').trim() };
}

describe('Container environment variables (#120)', () => {
  it('#120 the kubelet expands $(NAME) from earlier variables and leaves undefined ones as written; $$ escapes', () => {
    const known = new Map([['A', '1']]);
    expect(expandReferences('x$(A)y$(B)z$$(A)', (name) => known.get(name))).toBe('x1y$(B)z$(A)');
  });

  it('#120 values and fieldRefs are stored (apiVersion defaulted) and the container sees them resolved', () => {
    const { cluster, pod } = running();
    const ip = must(cluster, `kubectl get pod ${pod} -o jsonpath={.status.podIP}`).trim();
    expect(must(cluster, 'kubectl get deploy web -o jsonpath={.spec.template.spec.containers[0].env[1].valueFrom.fieldRef}')).toBe(
      '{"apiVersion":"v1","fieldPath":"metadata.name"}\n',
    );
    const env = must(cluster, `kubectl exec ${pod} -- env`).trimEnd().split('\n');
    expect(env).toEqual(
      expect.arrayContaining([
        'GREETING=hello',
        `POD_NAME=${pod}`,
        `MY_IP=${ip}`,
        `URL=http://${ip}:80/$(UNSET)`,
        'TEAM=web',
        `HOSTNAME=${pod}`,
      ]),
    );
    expect(env.indexOf('GREETING=hello')).toBeLessThan(env.indexOf(`POD_NAME=${pod}`));
    expect(must(cluster, `kubectl exec ${pod} -- sh -c 'echo $GREETING-\${TEAM}'`)).toBe('hello-web\n');
    expect(cluster.exec(`kubectl exec ${pod} -- printenv GREETING NOPE`)).toMatchObject({ stdout: 'hello\n', exitCode: 1 });
    // $GREETING is the shell's; $(POD_NAME) is expanded by the kubelet before the shell starts.
    expect(must(cluster, `kubectl logs ${pod}`).split('\n')[0]).toBe(`hello from ${pod}`);
  });

  it('#120 describe lists the variables; a template’s fieldRefs have no value', () => {
    const { cluster, pod } = running();
    const described = must(cluster, `kubectl describe pod ${pod}`);
    expect(described).toMatch(/^ {4}Environment:\n {6}GREETING: {2}hello\n {6}POD_NAME: {2}\S+ \(v1:metadata\.name\)$/m);
    expect(must(cluster, 'kubectl describe deploy web')).toMatch(/^ {6}POD_NAME:\s+ \(v1:metadata\.name\)$/m);
    must(cluster, 'kubectl create deployment plain --image=nginx:1.27');
    expect(must(cluster, 'kubectl describe deploy plain')).toMatch(/^ {4}Environment:\s+<none>$/m);
  });

  it('#120 the API server checks names and fieldRef paths', () => {
    const { cluster } = running();
    const at = 'spec.containers[0].env';
    expect(cluster.exec('kubectl apply -f bad.yaml').stderr).toBe(
      `The Pod "bad" is invalid: \n* ${fieldErrors.envName(`${at}[0]`, 'A=B')}\n* ${fieldErrors.envNameRequired(`${at}[1]`)}\n* ${fieldErrors.envFieldPath(`${at}[2]`, 'spec.nope', ['metadata.name', 'metadata.namespace', 'metadata.uid', 'spec.nodeName', 'spec.serviceAccountName', 'status.hostIP', 'status.hostIPs', 'status.podIP', 'status.podIPs'])}\n`,
    );
  });

  it('#120 kubectl set env sets and removes variables in place, rolls out, and lists without changing', () => {
    const { cluster } = running();
    const list = () => must(cluster, 'kubectl set env deployment/web --list');
    expect(list()).toBe(
      "# Deployment web, container web\nGREETING=hello\n# POD_NAME from field path metadata.name\n# MY_IP from field path status.podIP\nURL=http://$(MY_IP):80/$(UNSET)\n# TEAM from field path metadata.labels['app']\n",
    );
    expect(must(cluster, 'kubectl set env deployment/web GREETING=hi MODE=prod URL-')).toBe('deployment.apps/web env updated\n');
    expect(list()).toContain('GREETING=hi\n# POD_NAME');
    expect(list().endsWith("# TEAM from field path metadata.labels['app']\nMODE=prod\n")).toBe(true);
    expect(list()).not.toContain('URL=');
    // The same values again: no patch, no output.
    expect(cluster.exec('kubectl set env deployment/web MODE=prod')).toEqual({ stdout: '', stderr: '', exitCode: 0 });
    // --list shows the changes it is given and writes nothing.
    expect(must(cluster, 'kubectl set env deployment/web --list EXTRA=1')).toContain('EXTRA=1');
    expect(list()).not.toContain('EXTRA');
    cluster.advance('1m');
    expect(must(cluster, 'kubectl rollout history deployment/web')).toMatch(/^2\s+<none>$/m);
    const pod = must(cluster, 'kubectl get pods -o jsonpath={.items[0].metadata.name}').trim();
    expect(must(cluster, `kubectl exec ${pod} -- printenv GREETING MODE`)).toBe('hi\nprod\n');
  });

  it('#120 kubectl set env refuses what kubectl refuses', () => {
    const { cluster } = running();
    const before = must(cluster, 'kubectl get deploy web -o yaml');
    const cases: [string, string][] = [
      ['kubectl set env deployment/web MODE=a web', setEnvErrors.order(['deployment/web', 'MODE=a', 'web'])],
      ['kubectl set env deployment/web 1A=x', setEnvErrors.keyName('1A')],
      ['kubectl set env deployment/web MODE- MODE=x', setEnvErrors.both()],
      ['kubectl set env deployment/web -e oops', setEnvErrors.unknown('oops')],
      [
        'kubectl set env deployment/web GREETING=other --overwrite=false',
        `error: deployments/web ${setEnvErrors.overwrite('GREETING', 'hello')}`,
      ],
      ['kubectl set env deployment/web --from=configmap/settings', setEnvErrors.from()],
    ];
    for (const [line, error] of cases) expect(cluster.exec(line), line).toMatchObject({ stderr: `${error}\n`, exitCode: 1 });
    expect(cluster.exec('kubectl set env deployment/web -c db X=1')).toEqual({
      stdout: '',
      stderr: `${setEnvErrors.noMatch('Deployment', 'web', 'db')}\n`,
      exitCode: 0,
    });
    expect(must(cluster, 'kubectl get deploy web -o yaml')).toBe(before);
  });

  it('#120 kubectl run --env gives the pod’s container NAME=VALUE variables; a bad one is refused before anything is sent', () => {
    const cluster = newCluster({ workers: 1 });
    expect(cluster.exec('kubectl run bad --image=busybox:1.36 --env=1X=y')).toMatchObject({
      stderr: 'error: invalid env: 1X=y\n',
      exitCode: 1,
    });
    expect(cluster.exec('kubectl run bad --image=busybox:1.36 --env=nope').stderr).toBe('error: invalid env: nope\n');
    must(cluster, 'kubectl run box --image=busybox:1.36 --env=MODE=prod --env="GREETING=hi there" -- sleep 3600');
    expect(advanceUntil(cluster, () => /1\/1\s+Running/.test(must(cluster, 'kubectl get pod box')), 60_000)).toBeDefined();
    expect(must(cluster, 'kubectl exec box -- printenv MODE GREETING')).toBe('prod\nhi there\n');
    expect(cluster.exec('kubectl get pod bad').exitCode).toBe(1);
  });
});
