// kubectl's output shapes and error texts, as the reference lists them.
import { describe, expect, it } from 'vitest';
import { kubectlErrors } from '@/lib/cluster/api/errors';
import { must, newCluster, pods, script } from './fixtures';

const manifests = `
apiVersion: apps/v1
kind: Deployment
metadata: { name: web, labels: { app: web } }
spec:
  replicas: 2
  selector: { matchLabels: { app: web } }
  template:
    metadata: { labels: { app: web } }
    spec:
      containers: [{ name: nginx, image: "nginx:1.27", resources: { requests: { cpu: 250m, memory: 128Mi } } }]
---
apiVersion: v1
kind: Service
metadata: { name: web }
spec:
  selector: { app: web }
  ports: [{ port: 80, targetPort: 8080 }]
---
apiVersion: apps/v1
kind: DaemonSet
metadata: { name: agent }
spec:
  selector: { matchLabels: { app: agent } }
  template:
    metadata: { labels: { app: agent } }
    spec: { containers: [{ name: agent, image: "fluent/fluent-bit:3.0" }] }
`;

describe('kubectl get', () => {
  it('prints nodes with the documented columns, and -o wide adds the node details', () => {
    const cluster = newCluster();
    const lines = must(cluster, 'kubectl get nodes').split('\n');
    expect(lines[0]).toBe('NAME            STATUS   ROLES           AGE   VERSION');
    expect(lines[2]).toBe('worker-1        Ready    <none>          0s    v1.32.0');
    expect(must(cluster, 'kubectl get no -o wide').split('\n')[0]).toMatch(
      /^NAME\s+STATUS\s+ROLES\s+AGE\s+VERSION\s+INTERNAL-IP\s+EXTERNAL-IP\s+OS-IMAGE\s+KERNEL-VERSION\s+CONTAINER-RUNTIME$/,
    );
  });

  it('names Deployment pods <deployment>-<hash>-<5 chars> and shows ContainerCreating, then Running', () => {
    const cluster = newCluster({ files: { 'all.yaml': manifests } });
    expect(must(cluster, 'kubectl apply -f all.yaml')).toBe(
      'deployment.apps/web created\nservice/web created\ndaemonset.apps/agent created\n',
    );
    const out = must(cluster, 'kubectl get pods -o wide');
    expect(out.split('\n')[0]).toMatch(/^NAME\s+READY\s+STATUS\s+RESTARTS\s+AGE\s+IP\s+NODE\s+NOMINATED NODE\s+READINESS GATES$/);
    expect(out).toMatch(/^web-[bcdfghjklmnpqrstvwxz2456789]{6,10}-[bcdfghjklmnpqrstvwxz2456789]{5}\s+0\/1\s+ContainerCreating\s/m);
    cluster.advance('20s');
    expect(must(cluster, 'kubectl get po -l app=web')).toMatch(/^web-\S+\s+1\/1\s+Running\s+0\s+20s$/m);
    expect(must(cluster, 'kubectl get deploy')).toMatch(/^web\s+2\/2\s+2\s+2\s+20s$/m);
    expect(must(cluster, 'kubectl get ds')).toMatch(/^agent\s+3\s+3\s+3\s+3\s+3\s+<none>\s+20s$/m);
    expect(must(cluster, 'kubectl get svc')).toMatch(/^web\s+ClusterIP\s+10\.96\.\d+\.\d+\s+<none>\s+80\/TCP\s+20s$/m);
    expect(must(cluster, 'kubectl apply -f all.yaml')).toBe(
      'deployment.apps/web unchanged\nservice/web unchanged\ndaemonset.apps/agent unchanged\n',
    );
  });

  it('names StatefulSet pods <name>-0, <name>-1 and creates them in order', () => {
    const cluster = newCluster({
      files: {
        's.yaml':
          'apiVersion: apps/v1\nkind: StatefulSet\nmetadata: { name: db }\nspec:\n  replicas: 3\n  serviceName: db\n  selector: { matchLabels: { app: db } }\n  template:\n    metadata: { labels: { app: db } }\n    spec: { containers: [{ name: db, image: "postgres:16" }] }\n',
      },
    });
    must(cluster, 'kubectl apply -f s.yaml');
    expect(pods(cluster, (p) => p.name.startsWith('db-')).map((p) => p.name)).toEqual(['db-0']);
    cluster.advance('1m');
    expect(
      pods(cluster, (p) => p.name.startsWith('db-'))
        .map((p) => p.name)
        .sort(),
    ).toEqual(['db-0', 'db-1', 'db-2']);
    expect(must(cluster, 'kubectl get sts')).toMatch(/^db\s+3\/3\s/m);
    must(cluster, 'kubectl scale sts db --replicas=1');
    cluster.advance('1m');
    expect(pods(cluster, (p) => p.name.startsWith('db-')).map((p) => p.name)).toEqual(['db-0']);
  });

  it('prints the documented errors for unknown commands, flags, resources and objects', () => {
    const cluster = newCluster();
    expect(cluster.exec('kubectl frobnicate').stderr).toBe(`${kubectlErrors.unknownCommand('frobnicate')}\n`);
    expect(cluster.exec('kubectl get pods --colour').stderr).toBe('error: unknown flag: --colour\n');
    expect(cluster.exec('kubectl get pod missing').stderr).toBe('Error from server (NotFound): pods "missing" not found\n');
    expect(cluster.exec('kubectl get deploy missing').stderr).toBe('Error from server (NotFound): deployments.apps "missing" not found\n');
    expect(cluster.exec('kubectl get widgets').stderr).toBe('error: the server doesn\'t have a resource type "widgets"\n');
    const empty = cluster.exec('kubectl get pods');
    expect(empty).toEqual({ stdout: '', stderr: 'No resources found in default namespace.\n', exitCode: 0 });
  });

  it('uses kubectl durations in AGE and shows events like kubectl get events', () => {
    const cluster = newCluster();
    script(cluster, 'kubectl create deployment web --image=nginx:1.27\nsim advance 5m12s');
    expect(must(cluster, 'kubectl get deploy web')).toMatch(/\s5m12s$/m);
    cluster.advance('51h');
    expect(must(cluster, 'kubectl get nodes')).toMatch(/worker-1\s+Ready\s+<none>\s+2d3h\s/);
    const fresh = newCluster();
    script(fresh, 'kubectl create deployment web --image=nginx:1.27\nsim advance 30s');
    const events = must(fresh, 'kubectl get events');
    expect(events.split('\n')[0]).toMatch(/^LAST SEEN\s+TYPE\s+REASON\s+OBJECT\s+MESSAGE$/);
    expect(events).toMatch(/Normal\s+ScalingReplicaSet\s+deployment\/web\s+Scaled up replica set web-\S+ from 0 to 1/);
    expect(events).toMatch(/Normal\s+Scheduled\s+pod\/web-\S+\s+Successfully assigned default\/web-\S+ to worker-\d/);
  });
});

describe('event retention', () => {
  it("drops events an hour after they last happened, like the API server's --event-ttl", () => {
    const cluster = newCluster();
    script(cluster, 'kubectl create deployment web --image=nginx:1.27\nsim advance 59m');
    expect(must(cluster, 'kubectl get events')).toContain('ScalingReplicaSet');
    cluster.advance('2m');
    expect(cluster.exec('kubectl get events')).toEqual({ stdout: '', stderr: 'No resources found in default namespace.\n', exitCode: 0 });
  });
});

describe('kubectl changes', () => {
  it("runs, scales, labels, taints and deletes with kubectl's messages", () => {
    const cluster = newCluster();
    expect(must(cluster, 'kubectl run nginx --image=nginx:1.27')).toBe('pod/nginx created\n');
    expect(cluster.exec('kubectl run nginx --image=nginx:1.27').stderr).toBe(
      'Error from server (AlreadyExists): pods "nginx" already exists\n',
    );
    expect(must(cluster, 'kubectl create deployment web --image=nginx:1.27 --replicas=2')).toBe('deployment.apps/web created\n');
    expect(cluster.exec('kubectl create deployment web --image=nginx:1.27').stderr).toBe(
      'error: failed to create deployment: deployments.apps "web" already exists\n',
    );
    expect(must(cluster, 'kubectl scale deployment/web --replicas=4')).toBe('deployment.apps/web scaled\n');
    expect(cluster.exec('kubectl scale deployment web --replicas=x').stderr).toContain('invalid argument "x" for "--replicas" flag');
    expect(must(cluster, 'kubectl label node worker-1 disk=ssd')).toBe('node/worker-1 labeled\n');
    expect(cluster.exec('kubectl label node worker-1 disk=hdd').stderr).toBe(
      "error: 'disk' already has a value (ssd), and --overwrite is false\n",
    );
    expect(must(cluster, 'kubectl taint node worker-1 gpu=yes:NoSchedule')).toBe('node/worker-1 tainted\n');
    expect(must(cluster, 'kubectl taint node worker-1 gpu:NoSchedule-')).toBe('node/worker-1 untainted\n');
    expect(must(cluster, 'kubectl delete pod nginx')).toBe('pod "nginx" deleted\n');
    expect(must(cluster, 'kubectl delete deployment web')).toBe('deployment.apps "web" deleted\n');
    cluster.advance('1m');
    expect(pods(cluster, (p) => p.namespace === 'default')).toHaveLength(0);
  });

  it('applies a changed template as a rolling update', () => {
    const v1 =
      'apiVersion: apps/v1\nkind: Deployment\nmetadata: { name: web }\nspec:\n  replicas: 4\n  selector: { matchLabels: { app: web } }\n  template:\n    metadata: { labels: { app: web } }\n    spec: { containers: [{ name: web, image: "nginx:1.26" }] }\n';
    const cluster = newCluster({ files: { 'v1.yaml': v1, 'v2.yaml': v1.replace('1.26', '1.27') } });
    script(cluster, 'kubectl apply -f v1.yaml\nsim advance 30s');
    expect(must(cluster, 'kubectl apply -f v2.yaml')).toBe('deployment.apps/web configured\n');
    const during = cluster.view();
    expect(during.replicaSets.filter((rs) => rs.name.startsWith('web-'))).toHaveLength(2);
    cluster.advance('2m');
    const rsets = cluster.view().replicaSets.filter((rs) => rs.name.startsWith('web-'));
    expect(rsets.map((rs) => rs.desired).sort()).toEqual([0, 4]);
    expect(cluster.view().deployments.find((d) => d.name === 'web')!.available).toBe(4);
    expect(must(cluster, 'kubectl describe deployment web')).toContain(
      'Replicas:               4 desired | 4 updated | 4 total | 4 available | 0 unavailable',
    );
  });

  it('validates manifests with kubectl-like errors and applies nothing from an invalid file', () => {
    const cluster = newCluster({
      files: {
        'bad.yaml':
          'apiVersion: apps/v1\nkind: Deployment\nmetadata: { name: web }\nspec:\n  replicas: 2\n  template:\n    metadata: { labels: { app: web } }\n    spec: { containers: [{ name: web, image: nginx }] }\n',
        'kind.yaml': 'apiVersion: v1\nkind: Widget\nmetadata: { name: w }\n',
        'broken.yaml': 'apiVersion: v1\nkind: Pod\nmetadata: { name: [\n',
        '/abs/pod.yaml': 'apiVersion: v1\nkind: Pod\nmetadata: { name: abs }\nspec: { containers: [{ name: a, image: "busybox:1.36" }] }\n',
      },
      cwd: '/work',
    });
    const bad = cluster.exec('kubectl apply -f bad.yaml');
    expect(bad.exitCode).toBe(1);
    expect(bad.stderr).toMatch(
      /^error: error validating "bad\.yaml": error validating data: ValidationError\(Deployment\.spec\): missing required field "selector"\n$/,
    );
    expect(cluster.exec('kubectl apply -f kind.yaml').stderr).toContain('no matches for kind "Widget" in version "v1"');
    expect(cluster.exec('kubectl apply -f broken.yaml').stderr).toMatch(
      /^error: error parsing broken\.yaml: error converting YAML to JSON/,
    );
    expect(cluster.exec('kubectl apply -f nowhere.yaml').stderr).toBe('error: the path "nowhere.yaml" does not exist\n');
    expect(must(cluster, 'kubectl apply -f /abs/pod.yaml')).toBe('pod/abs created\n');
    expect(must(cluster, 'kubectl apply -f ../abs/pod.yaml')).toBe('pod/abs unchanged\n');
  });

  it('describes nodes, pods and deployments', () => {
    const cluster = newCluster();
    script(cluster, 'kubectl create deployment web --image=nginx:1.27\nsim advance 20s');
    const pod = pods(cluster, (p) => p.name.startsWith('web-'))[0];
    const described = must(cluster, `kubectl describe pod ${pod.name}`);
    expect(described).toMatch(new RegExp(`^Name:\\s+${pod.name}$`, 'm'));
    expect(described).toMatch(/^Status:\s+Running$/m);
    expect(described).toMatch(/^Controlled By:\s+ReplicaSet\/web-\S+$/m);
    expect(described).toMatch(/Normal\s+Scheduled\s+\d+s\s+default-scheduler\s+Successfully assigned/);
    const nodeText = must(cluster, `kubectl describe node ${pod.node}`);
    expect(nodeText).toMatch(/^Taints:\s+<none>$/m);
    expect(nodeText).toContain(`default       ${pod.name}`);
    expect(cluster.exec('kubectl describe pod nope').stderr).toBe('Error from server (NotFound): pods "nope" not found\n');
  });
});

describe('QoS classes and limits', () => {
  const qos = `
apiVersion: v1
kind: Pod
metadata: { name: only-limits }
spec:
  containers: [{ name: app, image: "nginx:1.27", resources: { limits: { cpu: 500m, memory: 128Mi } } }]
---
apiVersion: v1
kind: Pod
metadata: { name: some-limits }
spec:
  containers:
    - { name: app, image: "nginx:1.27", resources: { requests: { cpu: 250m, memory: 64Mi }, limits: { cpu: 500m, memory: 128Mi } } }
---
apiVersion: v1
kind: Pod
metadata: { name: cpu-only }
spec:
  containers: [{ name: app, image: "nginx:1.27", resources: { limits: { cpu: 500m } } }]
---
apiVersion: v1
kind: Pod
metadata: { name: two-equal }
spec:
  containers:
    - { name: a, image: "nginx:1.27", resources: { requests: { cpu: 100m, memory: 64Mi }, limits: { cpu: 100m, memory: 64Mi } } }
    - { name: b, image: "busybox:1.36", resources: { limits: { cpu: 200m, memory: 32Mi } } }
`;

  it('a container with only limits gets requests equal to them, so the pod is Guaranteed, and describe pod shows its Limits', () => {
    const cluster = newCluster({ files: { 'qos.yaml': qos } });
    must(cluster, 'kubectl apply -f qos.yaml');
    const described = must(cluster, 'kubectl describe pod only-limits');
    expect(described).toContain(
      '    Limits:\n      cpu:     500m\n      memory:  128Mi\n    Requests:\n      cpu:        500m\n      memory:     128Mi\n',
    );
    expect(described).toMatch(/^QoS Class:\s+Guaranteed$/m);
    expect(must(cluster, 'kubectl describe pod two-equal')).toMatch(/^QoS Class:\s+Guaranteed$/m);
    const classes = Object.fromEntries(pods(cluster, (p) => p.namespace === 'default').map((p) => [p.name, p.qosClass]));
    expect(classes).toEqual({
      'only-limits': 'Guaranteed',
      'some-limits': 'Burstable',
      'cpu-only': 'Burstable',
      'two-equal': 'Guaranteed',
    });
  });

  it('the pod is Burstable when requests and limits differ or a resource has no limit, BestEffort with neither', () => {
    const cluster = newCluster({ files: { 'qos.yaml': qos } });
    must(cluster, 'kubectl apply -f qos.yaml');
    must(cluster, 'kubectl run plain --image=nginx:1.27');
    expect(must(cluster, 'kubectl describe pod some-limits')).toMatch(/^QoS Class:\s+Burstable$/m);
    const cpuOnly = must(cluster, 'kubectl describe pod cpu-only');
    expect(cpuOnly).toMatch(/^QoS Class:\s+Burstable$/m);
    expect(cpuOnly).toContain('    Limits:\n      cpu:  500m\n    Requests:\n      cpu:        500m\n');
    const plain = must(cluster, 'kubectl describe pod plain');
    expect(plain).toMatch(/^QoS Class:\s+BestEffort$/m);
    expect(plain).not.toContain('Limits:');
  });

  it("describe node counts each pod's limits and totals them under Allocated resources", () => {
    const cluster = newCluster({ files: { 'qos.yaml': qos } });
    script(cluster, 'kubectl label node worker-1 pin=here\nkubectl apply -f qos.yaml\nsim advance 20s');
    const node = pods(cluster, (p) => p.name === 'some-limits')[0].node!;
    const text = must(cluster, `kubectl describe node ${node}`);
    expect(text).toMatch(/^\s+default\s+some-limits\s+250m \(6%\)\s+500m \(12%\)\s+64Mi \(0%\)\s+128Mi \(1%\)\s+\d+s$/m);
    const onNode = pods(cluster, (p) => p.node === node && p.namespace === 'default').map((p) => p.name);
    const limits = { 'only-limits': [500, 128], 'some-limits': [500, 128], 'cpu-only': [500, 0], 'two-equal': [300, 96] } as Record<
      string,
      [number, number]
    >;
    const cpu = onNode.reduce((sum, name) => sum + limits[name][0], 0);
    const memory = onNode.reduce((sum, name) => sum + limits[name][1], 0);
    const allocated = text.slice(text.indexOf('Allocated resources:'));
    expect(allocated).toMatch(
      new RegExp(`^\\s+cpu\\s+\\S+ \\(\\d+%\\)\\s+${cpu % 1000 === 0 ? cpu / 1000 : `${cpu}m`} \\(${Math.floor(cpu / 40)}%\\)$`, 'm'),
    );
    expect(allocated).toMatch(new RegExp(`^\\s+memory\\s+\\S+ \\(\\d+%\\)\\s+${memory === 0 ? '0' : `${memory}Mi`} \\(\\d+%\\)$`, 'm'));
  });
});

describe('kubectl get --field-selector', () => {
  it('kubectl get events --field-selector filters by involvedObject.name, involvedObject.kind, reason and type', () => {
    const cluster = newCluster();
    script(
      cluster,
      'kubectl run solo --image=nginx:1.27\nkubectl create deployment web --image=nginx:1.27\nkubectl cordon worker-2\nsim advance 20s',
    );
    const forSolo = must(cluster, 'kubectl get events --field-selector involvedObject.name=solo');
    const objects = (text: string) =>
      text
        .trim()
        .split('\n')
        .slice(1)
        .map((line) => line.split(/\s{2,}/)[3]);
    expect(new Set(objects(forSolo))).toEqual(new Set(['pod/solo']));
    expect(objects(forSolo).length).toBeGreaterThanOrEqual(4);
    expect(must(cluster, 'kubectl get events --field-selector involvedObject.kind=Node,reason=NodeNotSchedulable')).toMatch(
      /^LAST SEEN\s+TYPE\s+REASON\s+OBJECT\s+MESSAGE\n\S+\s+Normal\s+NodeNotSchedulable\s+node\/worker-2\s+Node worker-2 status is now: NodeNotSchedulable\n$/,
    );
    expect(new Set(objects(must(cluster, 'kubectl get events --field-selector involvedObject.kind=Deployment')))).toEqual(
      new Set(['deployment/web']),
    );
    expect(cluster.exec('kubectl get events --field-selector type=Warning')).toEqual({
      stdout: '',
      stderr: 'No resources found in default namespace.\n',
      exitCode: 0,
    });
    expect(objects(must(cluster, 'kubectl get events --field-selector type!=Warning,involvedObject.name=solo'))).toEqual(objects(forSolo));
    expect(must(cluster, 'kubectl get pods -A --field-selector spec.nodeName=control-plane')).toContain('kube-apiserver-control-plane');
  });

  it("an unsupported field selector gets the API server's BadRequest error, and names cannot go with a selector", () => {
    const cluster = newCluster();
    expect(cluster.exec('kubectl get events --field-selector involvedObject.color=red')).toEqual({
      stdout: '',
      stderr:
        'Error from server (BadRequest): Unable to find "/v1, Resource=events" that match label selector "", field selector "involvedObject.color=red": field label not supported: involvedObject.color\n',
      exitCode: 1,
    });
    expect(cluster.exec('kubectl get deploy --field-selector spec.replicas=1').stderr).toBe(
      'Error from server (BadRequest): Unable to find "apps/v1, Resource=deployments" that match label selector "", field selector "spec.replicas=1": field label not supported: spec.replicas\n',
    );
    expect(cluster.exec('kubectl get pod solo --field-selector status.phase=Running').stderr).toBe(
      'error: name cannot be provided when a selector is specified\n',
    );
  });
});
