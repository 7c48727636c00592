// Where the model used to part from a real cluster in ways learners meet (rows #96-#102): a
// sibling's bad image, a failed pull on restart, images whose default command exits, exec probes,
// named target ports, the kubernetes Service's own endpoints, and memory.current.
import { describe, expect, it } from 'vitest';
import type { Cluster } from '@/lib/cluster';
import { execProbeMessages } from '@/lib/cluster/kubelet/execprobe';
import { must, newCluster, pods } from './fixtures';

const files: Record<string, string> = {};
let applied = 0;
function apply(cluster: Cluster, manifest: string): void {
  const name = `fidelity-${++applied}.yaml`;
  files[name] = manifest;
  must(cluster, `kubectl apply -f ${name}`);
}
const cluster = (seed = 42) => newCluster({ seed, files });
const status = (c: Cluster, name: string) => pods(c, (pod) => pod.name === name)[0];
const jsonpath = (c: Cluster, pod: string, path: string) => must(c, `kubectl get pod ${pod} -o jsonpath={${path}}`).trim();
const getPod = (c: Cluster, name: string) => must(c, `kubectl get pod ${name}`).split('\n')[1].split(/\s+/);

const twoContainers = `apiVersion: v1
kind: Pod
metadata: { name: two }
spec:
  containers:
  - { name: web, image: "nginx:1.27" }
  - { name: side, image: "registry.example.com/shop/missing:1.0" }
`;

describe('#96 one container whose image fails does not hold back the others', () => {
  it('the other container runs; the failing one waits in ErrImagePull then ImagePullBackOff; READY 1/2', () => {
    const c = cluster();
    apply(c, twoContainers);
    c.advance('20s');
    const [, ready, reason] = getPod(c, 'two');
    expect(ready).toBe('1/2');
    expect(['ErrImagePull', 'ImagePullBackOff']).toContain(reason);
    expect(jsonpath(c, 'two', '.status.containerStatuses[0].state.running.startedAt')).not.toBe('');
    expect(jsonpath(c, 'two', '.status.phase')).toBe('Running');
    c.advance('60s');
    expect(getPod(c, 'two')[2]).toMatch(/^(ErrImagePull|ImagePullBackOff)$/);
    const events = c.view().events.filter((event) => event.object === 'pod/two');
    expect(events.some((event) => event.reason === 'Started' && event.message === 'Started container web')).toBe(true);
    expect(events.some((event) => event.reason === 'Started' && event.message.endsWith('side'))).toBe(false);
  });

  it('pushing the image lets the waiting container start on a later retry, with restart count 0', () => {
    const c = cluster();
    apply(c, twoContainers);
    c.advance('30s');
    must(c, 'sim registry push registry.example.com/shop/missing:1.0');
    c.advance('6m');
    expect(getPod(c, 'two').slice(1, 4)).toEqual(['2/2', 'Running', '0']);
  });
});

describe('#97 a restart goes through the image manager', () => {
  const always = `apiVersion: v1
kind: Pod
metadata: { name: al }
spec:
  containers:
  - { name: web, image: "nginx:1.27", imagePullPolicy: Always }
`;
  it('with imagePullPolicy Always and the tag gone, the restarted container waits in ErrImagePull/ImagePullBackOff', () => {
    const c = cluster();
    apply(c, always);
    c.advance('30s');
    must(c, 'sim registry rm nginx:1.27');
    must(c, 'sim app crash al');
    c.advance('5s');
    expect(getPod(c, 'al').slice(1, 3)).toEqual(['0/1', 'ErrImagePull']);
    const seen = new Set<string>();
    for (let i = 0; i < 20; i++) {
      c.advance('5s');
      seen.add(getPod(c, 'al')[2]);
    }
    expect(seen.has('ImagePullBackOff')).toBe(true);
    expect(jsonpath(c, 'al', '.status.containerStatuses[0].lastState.terminated.reason')).toBe('Error');
    const failed = c
      .view()
      .events.filter((event) => event.object === 'pod/al' && event.message.startsWith('Failed to pull image "nginx:1.27"'));
    expect(failed.length).toBeGreaterThan(0);
    must(c, 'sim registry push nginx:1.27');
    c.advance('6m');
    expect(getPod(c, 'al').slice(1, 3)).toEqual(['1/1', 'Running']);
    expect(jsonpath(c, 'al', '.status.containerStatuses[0].restartCount')).toBe('1');
  });

  it('IfNotPresent restarts from the node cache even with the tag gone', () => {
    const c = cluster();
    apply(c, always.replace('Always', 'IfNotPresent'));
    c.advance('30s');
    must(c, 'sim registry rm nginx:1.27');
    must(c, 'sim app crash al');
    c.advance('10s');
    expect(getPod(c, 'al').slice(1, 4)).toEqual(['1/1', 'Running', '1']);
  });
});

describe("#98 an image's default command decides whether it keeps running", () => {
  it('busybox, alpine and ubuntu alone run a shell that exits 0: Completed, then CrashLoopBackOff', () => {
    const c = cluster();
    for (const image of ['busybox:1.36', 'alpine:3.21', 'ubuntu:24.04']) must(c, `kubectl run ${image.split(':')[0]} --image=${image}`);
    c.advance('60s');
    for (const name of ['busybox', 'alpine', 'ubuntu']) {
      const [, ready, reason] = getPod(c, name);
      expect(ready).toBe('0/1');
      expect(reason).toBe('CrashLoopBackOff');
      expect(jsonpath(c, name, '.status.containerStatuses[0].lastState.terminated.reason')).toBe('Completed');
      expect(jsonpath(c, name, '.status.containerStatuses[0].lastState.terminated.exitCode')).toBe('0');
    }
  });

  it('with restartPolicy Never the pod ends Completed; nginx and busybox with a command keep running', () => {
    const c = cluster();
    must(c, 'kubectl run once --image=busybox:1.36 --restart=Never');
    must(c, 'kubectl run hello --image=busybox:1.36 --restart=Never -- sh -c "echo hello"');
    must(c, 'kubectl run sleeper --image=busybox:1.36 -- sleep 3600');
    must(c, 'kubectl run cmd --image=busybox:1.36 --command -- sleep 3600');
    must(c, 'kubectl run web --image=nginx:1.27');
    c.advance('2m');
    expect(getPod(c, 'once')[2]).toBe('Completed');
    expect(getPod(c, 'hello')[2]).toBe('Completed');
    for (const name of ['sleeper', 'cmd', 'web']) expect(getPod(c, name).slice(1, 4)).toEqual(['1/1', 'Running', '0']);
    expect(jsonpath(c, 'sleeper', '.spec.containers[0].args')).toBe('["sleep","3600"]');
    expect(jsonpath(c, 'cmd', '.spec.containers[0].command')).toBe('["sleep","3600"]');
  });

  it('kubectl run refuses an unknown restart policy and creates nothing', () => {
    const c = cluster();
    const result = c.exec('kubectl run x --image=busybox:1.36 --restart=Sometimes');
    expect(result.exitCode).not.toBe(0);
    expect(result.stderr).toContain('invalid restart policy: Sometimes');
    expect(status(c, 'x')).toBeUndefined();
  });
});

describe('#99 an exec probe runs against what the container did', () => {
  const docsExample = `apiVersion: v1
kind: Pod
metadata: { name: liveness-exec }
spec:
  containers:
  - name: liveness
    image: registry.k8s.io/busybox:1.27.2
    args: [/bin/sh, -c, "touch /tmp/healthy; sleep 30; rm -f /tmp/healthy; sleep 600"]
    livenessProbe:
      exec: { command: [cat, /tmp/healthy] }
      initialDelaySeconds: 5
      periodSeconds: 5
`;
  it("the docs' liveness example passes for 30s, then fails with busybox's cat message and restarts", () => {
    const c = cluster();
    apply(c, docsExample);
    c.advance('30s');
    expect(c.view().events.some((event) => event.reason === 'Unhealthy')).toBe(false);
    c.advance('60s');
    const unhealthy = c.view().events.find((event) => event.reason === 'Unhealthy');
    expect(unhealthy?.message).toBe(`Liveness probe failed: ${execProbeMessages.catMissing('/tmp/healthy', true)}`);
    expect(Number(jsonpath(c, 'liveness-exec', '.status.containerStatuses[0].restartCount'))).toBeGreaterThanOrEqual(1);
    // sh as PID 1 ignores SIGTERM: the kill ends with SIGKILL.
    expect(jsonpath(c, 'liveness-exec', '.status.containerStatuses[0].lastState.terminated.exitCode')).toBe('137');
  });

  it('an exec readiness probe follows sim app unready and heal; a probe checking an untouched file passes', () => {
    const c = cluster();
    apply(
      c,
      `apiVersion: v1
kind: Pod
metadata: { name: ex }
spec:
  containers:
  - name: web
    image: nginx:1.27
    readinessProbe: { exec: { command: [cat, /etc/nginx/nginx.conf] }, periodSeconds: 5 }
`,
    );
    c.advance('30s');
    expect(getPod(c, 'ex')[1]).toBe('1/1');
    must(c, 'sim app unready ex');
    c.advance('30s');
    expect(getPod(c, 'ex')[1]).toBe('0/1');
    must(c, 'sim app heal ex');
    c.advance('30s');
    expect(getPod(c, 'ex')[1]).toBe('1/1');
  });

  it('`false` as a readiness command never passes', () => {
    const c = cluster();
    apply(
      c,
      `apiVersion: v1
kind: Pod
metadata: { name: never }
spec:
  containers:
  - name: web
    image: nginx:1.27
    readinessProbe: { exec: { command: ["false"] }, periodSeconds: 5 }
`,
    );
    c.advance('60s');
    expect(getPod(c, 'never').slice(1, 3)).toEqual(['0/1', 'Running']);
  });
});

describe('#100 a named targetPort resolves per pod (FindPort)', () => {
  const manifest = `apiVersion: apps/v1
kind: Deployment
metadata: { name: web }
spec:
  replicas: 2
  selector: { matchLabels: { app: web } }
  template:
    metadata: { labels: { app: web } }
    spec:
      containers:
      - { name: nginx, image: "nginx:1.27", ports: [{ name: http, containerPort: 8080 }] }
---
apiVersion: v1
kind: Pod
metadata: { name: odd, labels: { app: web } }
spec:
  containers:
  - { name: nginx, image: "nginx:1.27", ports: [{ containerPort: 80 }] }
---
apiVersion: v1
kind: Service
metadata: { name: web }
spec:
  selector: { app: web }
  ports: [{ port: 80, targetPort: http }]
`;
  it('pods with the name get its number; a pod without it is left out of the Endpoints and of traffic', () => {
    const c = cluster();
    apply(c, manifest);
    c.advance('60s');
    const endpoints = JSON.parse(must(c, 'kubectl get endpoints web -o json'));
    expect(endpoints.subsets).toHaveLength(1);
    expect(endpoints.subsets[0].ports).toEqual([{ port: 8080, protocol: 'TCP' }]);
    const names = endpoints.subsets[0].addresses.map((a: { targetRef: { name: string } }) => a.targetRef.name);
    expect(names).toHaveLength(2);
    expect(names).not.toContain('odd');
    expect(must(c, 'kubectl describe svc web')).toMatch(/^TargetPort: +http\/TCP$/m);
    const curl = must(c, 'sim curl web --count 20');
    expect(curl).not.toContain(' odd ');
    expect(curl).toContain(':8080)');
    expect(must(c, 'kubectl get svc web -o yaml')).toContain('targetPort: http');
  });
});

describe('#101 the kubernetes Service has the API server as its endpoint', () => {
  it('Endpoints and EndpointSlice named kubernetes, control-plane IP, port 6443 https', () => {
    const c = cluster();
    const ip = must(c, 'kubectl get node control-plane -o jsonpath={.status.addresses[0].address}').trim();
    expect(must(c, 'kubectl get endpoints -A')).toMatch(new RegExp(`^default +kubernetes +${ip.replaceAll('.', '\\.')}:6443 `, 'm'));
    const endpoints = JSON.parse(must(c, 'kubectl get endpoints kubernetes -o json'));
    expect(endpoints.metadata.labels).toEqual({ 'endpointslice.kubernetes.io/skip-mirror': 'true' });
    expect(endpoints.subsets).toEqual([{ addresses: [{ ip }], ports: [{ name: 'https', port: 6443, protocol: 'TCP' }] }]);
    const slice = JSON.parse(must(c, 'kubectl get endpointslice kubernetes -o json'));
    expect(slice.metadata.labels).toEqual({ 'kubernetes.io/service-name': 'kubernetes' });
    expect(slice.metadata.ownerReferences).toBeUndefined();
    expect(slice.endpoints).toEqual([{ addresses: [ip], conditions: { ready: true } }]);
    expect(must(c, 'kubectl describe svc kubernetes')).toMatch(new RegExp(`^Endpoints: +${ip.replaceAll('.', '\\.')}:6443$`, 'm'));
  });
});

describe("#102 node-shell memory.current follows the app's memory", () => {
  it('sim app memory moves the container cgroup and crictl stats', () => {
    const c = cluster();
    apply(
      c,
      `apiVersion: v1
kind: Pod
metadata: { name: mem }
spec:
  nodeSelector: { kubernetes.io/hostname: worker-1 }
  containers:
  - { name: app, image: "nginx:1.27", resources: { limits: { memory: 256Mi } } }
`,
    );
    c.advance('30s');
    const cgroup = () => {
      const uid = jsonpath(c, 'mem', '.metadata.uid').replaceAll('-', '_');
      return must(
        c,
        `sim ssh worker-1 -- cat /sys/fs/cgroup/kubepods.slice/kubepods-burstable.slice/kubepods-burstable-pod${uid}.slice/memory.current`,
      ).trim();
    };
    const before = Number(cgroup());
    must(c, 'sim app memory mem 200Mi');
    const after = Number(cgroup());
    expect(after - before).toBe(200 * 1024 * 1024 - 4 * 1024 * 1024);
  });
});
