// Headless Services and cluster DNS (row #119): no virtual IP, endpoints labelled headless with
// their pods' hostnames, no kube-proxy rules, and names resolved with a pod's search list.
import { describe, expect, it } from 'vitest';
import { fieldErrors } from '@/lib/cluster/api/errors';
import { headlessLabel } from '@/lib/cluster/api/services';
import type { Cluster } from '@/lib/cluster/cluster';
import { engineOf } from '@/lib/cluster/cluster';
import { searchNames } from '@/lib/cluster/proxy/dns';
import { curlMessages } from '@/lib/cluster/proxy/curl';
import { rulesAt } from '@/lib/cluster/proxy/proxier';
import { advanceUntil, must, newCluster } from './fixtures';

const statefulSet = `apiVersion: v1
kind: Service
metadata: { name: nginx, labels: { app: nginx } }
spec:
  clusterIP: None
  selector: { app: nginx }
  ports: [{ port: 80, name: web }]
---
apiVersion: apps/v1
kind: StatefulSet
metadata: { name: web }
spec:
  serviceName: nginx
  replicas: 2
  selector: { matchLabels: { app: nginx } }
  template:
    metadata: { labels: { app: nginx } }
    spec:
      containers: [{ name: nginx, image: "nginx:1.27", ports: [{ containerPort: 80, name: web }] }]
`;

const service = (name: string, spec: string) => `apiVersion: v1\nkind: Service\nmetadata: { name: ${name} }\nspec:\n${spec}`;

function withStatefulSet(): Cluster {
  const cluster = newCluster({
    workers: 2,
    files: {
      'sts.yaml': statefulSet,
      'np.yaml': service('np', '  type: NodePort\n  clusterIP: None\n  selector: { app: nginx }\n  ports: [{ port: 80 }]\n'),
      'portless.yaml': service('portless', '  selector: { app: nginx }\n'),
      'headless-portless.yaml': service('bare', '  clusterIP: None\n  selector: { app: nginx }\n'),
      'plain.yaml': service('flip', '  selector: { app: nginx }\n  ports: [{ port: 80 }]\n'),
      'flipped.yaml': service('flip', '  clusterIP: None\n  selector: { app: nginx }\n  ports: [{ port: 80 }]\n'),
    },
  });
  must(cluster, 'kubectl apply -f sts.yaml');
  const ready = advanceUntil(cluster, () => /web-1\s+1\/1\s+Running/.test(must(cluster, 'kubectl get pods')), 120_000);
  expect(ready).toBeDefined();
  return cluster;
}

const curlLines = (cluster: Cluster, line: string) => cluster.exec(line).stdout.trimEnd().split('\n');

describe('Headless Services (#119)', () => {
  it('#119 clusterIP None is stored as None, printed as the CLUSTER-IP, and only a ClusterIP Service may be headless', () => {
    const cluster = withStatefulSet();
    expect(must(cluster, 'kubectl get svc nginx')).toMatch(/^nginx\s+ClusterIP\s+None\s+<none>\s+80\/TCP\s/m);
    expect(must(cluster, 'kubectl get svc nginx -o jsonpath={.spec.clusterIP}/{.spec.clusterIPs[0]}')).toBe('None/None\n');
    expect(must(cluster, 'kubectl describe svc nginx')).toMatch(/^IP:\s+None\nIPs:\s+None$/m);
    expect(cluster.exec('kubectl apply -f np.yaml').stderr).toBe(`The Service "np" is invalid: ${fieldErrors.headlessType('NodePort')}\n`);
    expect(cluster.exec('kubectl apply -f portless.yaml').stderr).toBe(
      `The Service "portless" is invalid: ${fieldErrors.portsRequired()}\n`,
    );
    must(cluster, 'kubectl apply -f headless-portless.yaml');
    expect(must(cluster, 'kubectl get svc bare')).toMatch(/^bare\s+ClusterIP\s+None\s+<none>\s+<none>\s/m);
    // No ports: the Endpoints list the pods' addresses alone.
    expect(must(cluster, 'kubectl get endpoints bare')).toMatch(/^bare\s+10\.244\.\d+\.\d+,10\.244\.\d+\.\d+\s/m);
  });

  it('#119 the ClusterIP, or None, is fixed for the Service’s life; leaving it out of a manifest keeps it', () => {
    const cluster = withStatefulSet();
    must(cluster, 'kubectl apply -f plain.yaml');
    const allocated = must(cluster, 'kubectl get svc flip -o jsonpath={.spec.clusterIP}').trim();
    expect(allocated).toMatch(/^10\.96\./);
    expect(cluster.exec('kubectl apply -f flipped.yaml').stderr).toBe(
      `The Service "flip" is invalid: ${fieldErrors.clusterIPChanged('None')}\n`,
    );
    expect(cluster.exec(`kubectl patch svc flip -p '{"spec":{"clusterIP":"10.96.0.99"}}'`).stderr).toContain(
      'spec.clusterIPs[0]: Invalid value: []string{"10.96.0.99"}: may not change once set',
    );
    // The same IP sent back (get -o yaml, then apply) changes nothing.
    expect(must(cluster, `kubectl patch svc flip -p '{"spec":{"clusterIP":"${allocated}"}}'`)).toBe('service/flip patched (no change)\n');
    must(cluster, 'kubectl delete svc flip');
    must(cluster, 'kubectl apply -f flipped.yaml');
    expect(must(cluster, 'kubectl apply -f plain.yaml')).toBe('service/flip configured\n');
    expect(must(cluster, 'kubectl get svc flip -o jsonpath={.spec.clusterIP}')).toBe('None\n');
  });

  it('#119 endpoints of a headless Service are labelled headless and name the StatefulSet pods’ hostnames; kube-proxy has no rule for it', () => {
    const cluster = withStatefulSet();
    expect(must(cluster, 'kubectl get pod web-0 -o jsonpath={.spec.hostname}.{.spec.subdomain}')).toBe('web-0.nginx\n');
    const engine = engineOf(cluster);
    const endpoints = engine.store.get('Endpoints', 'default/nginx')!;
    expect(endpoints.metadata.labels[headlessLabel]).toBe('');
    expect(endpoints.subsets[0].addresses.map((address) => address.hostname).sort()).toEqual(['web-0', 'web-1']);
    const slices = [...engine.store.list('EndpointSlice')].filter(
      (slice) => slice.metadata.labels['kubernetes.io/service-name'] === 'nginx',
    );
    expect(slices.map((slice) => slice.metadata.labels[headlessLabel])).toEqual(['']);
    expect(slices[0].endpoints.map((endpoint) => endpoint.hostname).sort()).toEqual(['web-0', 'web-1']);
    expect(must(cluster, 'kubectl describe endpointslices -l kubernetes.io/service-name=nginx')).toMatch(/^ {4}Hostname:\s+web-0$/m);
    expect(rulesAt(engine, 'default/nginx', cluster.now())).toBeUndefined();
    // A Service that is not headless carries no such label, and its endpoints no hostname (the pods' subdomain is nginx).
    must(cluster, 'kubectl expose statefulset web --name other --port 80');
    cluster.advance('2s');
    const other = engine.store.get('Endpoints', 'default/other')!;
    expect(other.metadata.labels[headlessLabel]).toBeUndefined();
    expect(other.subsets[0].addresses.every((address) => address.hostname === undefined)).toBe(true);
    expect(rulesAt(engine, 'default/other', cluster.now())?.endpoints).toHaveLength(2);
  });

  it('#119 cluster DNS: a headless name answers with the ready pods, POD.SERVICE with one, and the search list finds short names first', () => {
    const cluster = withStatefulSet();
    expect(searchNames('web-0.nginx', 'default')).toEqual([
      'web-0.nginx.default.svc.cluster.local',
      'web-0.nginx.svc.cluster.local',
      'web-0.nginx.cluster.local',
      'web-0.nginx',
    ]);
    expect(searchNames('nginx.default.svc.cluster.local.', 'dev')).toEqual(['nginx.default.svc.cluster.local']);
    const ips = new Map(['web-0', 'web-1'].map((pod) => [pod, must(cluster, `kubectl get pod ${pod} -o jsonpath={.status.podIP}`).trim()]));
    const spread = curlLines(cluster, 'sim curl nginx --count 20');
    expect(spread.at(-1)).toBe('20/20 requests succeeded');
    // Each request connects straight to a pod's own address on the Service's port.
    for (const [pod, ip] of ips)
      expect(spread.some((line) => line.startsWith(`200 OK from ${pod} on `) && line.endsWith(`(${ip}:80)`))).toBe(true);
    for (const name of ['web-1.nginx', 'web-1.nginx.default', 'web-1.nginx.default.svc.cluster.local']) {
      const lines = curlLines(cluster, `sim curl ${name} --count 3`);
      expect(lines.slice(0, 3).every((line) => line.startsWith('200 OK from web-1 '))).toBe(true);
    }
    // An endpoint without a hostname answers to its dashed IP (one with a hostname only to that).
    must(cluster, 'kubectl apply -f headless-portless.yaml');
    cluster.advance('2s');
    const dashed = ips.get('web-1')!.replaceAll('.', '-');
    const node = must(cluster, 'kubectl get pod web-1 -o jsonpath={.spec.nodeName}').trim();
    expect(curlLines(cluster, `sim curl ${dashed}.bare`)[0]).toBe(`200 OK from web-1 on ${node} (${ips.get('web-1')}:80)`);
    expect(cluster.exec(`sim curl ${dashed}.nginx`).stderr).toBe(`${curlMessages.unresolved(`${dashed}.nginx`)}\n`);
    expect(cluster.exec('sim curl web-2.nginx')).toMatchObject({
      stdout: '',
      stderr: `${curlMessages.unresolved('web-2.nginx')}\n`,
      exitCode: 1,
    });
    expect(cluster.exec('sim curl nginx.elsewhere').stderr).toBe(`${curlMessages.unresolved('nginx.elsewhere')}\n`);
    expect(cluster.exec('kubectl exec web-0 -- hostname').stdout).toBe('web-0\n');
  });

  it('#119 a headless Service with no ready pod is not found (NXDOMAIN); a pod on a dead node still listed times out', () => {
    const cluster = withStatefulSet();
    const node = must(cluster, 'kubectl get pod web-0 -o jsonpath={.spec.nodeName}').trim();
    must(cluster, `sim node fail ${node}`);
    const lines = curlLines(cluster, 'sim curl web-0.nginx');
    expect(lines[0]).toBe(curlMessages.timeout('web-0.nginx', 80));
    // Once the node is Unknown its pod is no longer ready: DNS stops answering for it.
    const gone = advanceUntil(cluster, () => cluster.exec('sim curl web-0.nginx').stderr !== '', 120_000, 1000);
    expect(gone).toBeDefined();
    expect(cluster.exec('sim curl web-0.nginx').stderr).toBe(`${curlMessages.unresolved('web-0.nginx')}\n`);
    must(cluster, 'kubectl scale statefulset web --replicas=0');
    advanceUntil(cluster, () => cluster.exec('sim curl nginx').stderr !== '', 120_000, 1000);
    expect(cluster.exec('sim curl nginx').stderr).toBe(`${curlMessages.unresolved('nginx.default')}\n`);
  });

  it('#119 a pod’s hostname and subdomain are RFC 1123 labels', () => {
    const cluster = newCluster({
      files: {
        'pod.yaml':
          'apiVersion: v1\nkind: Pod\nmetadata: { name: box }\nspec:\n  hostname: Box_1\n  containers: [{ name: c, image: "busybox:1.36" }]\n',
      },
    });
    expect(cluster.exec('kubectl apply -f pod.yaml').stderr).toBe(
      `The Pod "box" is invalid: ${fieldErrors.dnsLabel('spec.hostname', 'Box_1')}\n`,
    );
  });

  it('#119 kubectl expose --cluster-ip None makes a headless Service; a chosen IP is warned about; a pod reads the search list in /etc/resolv.conf', () => {
    const cluster = withStatefulSet();
    expect(cluster.exec('kubectl expose statefulset web --name peers --port 80 --cluster-ip=None')).toEqual({
      stdout: 'service/peers exposed\n',
      stderr: '',
      exitCode: 0,
    });
    expect(must(cluster, 'kubectl get svc peers -o jsonpath={.spec.clusterIP}')).toBe('None\n');
    expect(cluster.exec('kubectl expose statefulset web --name np --port 80 --cluster-ip=None --type=NodePort').stderr).toBe(
      `The Service "np" is invalid: ${fieldErrors.headlessType('NodePort')}\n`,
    );
    expect(cluster.exec('kubectl expose statefulset web --name fixed --port 80 --cluster-ip=10.96.0.77').stderr).toMatch(
      /^Warning: spec\.clusterIP is not simulated: /,
    );
    expect(must(cluster, 'kubectl exec web-0 -- cat /etc/resolv.conf')).toBe(
      'search default.svc.cluster.local svc.cluster.local cluster.local\nnameserver 10.96.0.10\noptions ndots:5\n',
    );
  });
});

describe('ExternalName Services (#121)', () => {
  it('#121 an ExternalName Service is a DNS alias: no IP, no endpoints, no rules; its name follows the CNAME', () => {
    const cluster = withStatefulSet();
    must(cluster, 'kubectl create service externalname db --external-name database.example.com');
    must(cluster, 'kubectl create service externalname peers --external-name nginx.default.svc.cluster.local');
    cluster.advance('2s');
    expect(must(cluster, 'kubectl get svc db')).toMatch(/^db\s+ExternalName\s+<none>\s+database\.example\.com\s+<none>\s/m);
    expect(must(cluster, 'kubectl get svc db -o jsonpath={.spec}')).toBe(
      '{"externalName":"database.example.com","selector":{"app":"db"},"sessionAffinity":"None","type":"ExternalName"}\n',
    );
    expect(must(cluster, 'kubectl describe svc db')).toMatch(
      /^IP Families:\s+<none>\nIP:\nIPs:\s+<none>\nExternal Name:\s+database\.example\.com$/m,
    );
    const engine = engineOf(cluster);
    expect(engine.store.get('Endpoints', 'default/db')).toBeUndefined();
    expect(rulesAt(engine, 'default/db', cluster.now())).toBeUndefined();
    // Nothing outside the cluster answers; an alias of an in-cluster name reaches its pods.
    expect(cluster.exec('sim curl db').stderr).toBe(`${curlMessages.unresolved('db.default')}\n`);
    expect(curlLines(cluster, 'sim curl peers --count 4').at(-1)).toBe('4/4 requests succeeded');
  });

  it('#121 the API server wants an RFC 1123 externalName and no ClusterIP; kubectl wants --external-name', () => {
    const cluster = newCluster({
      files: {
        'none.yaml': service('a', '  type: ExternalName\n'),
        'headless.yaml': service('b', '  type: ExternalName\n  externalName: db.example.com\n  clusterIP: None\n'),
      },
    });
    expect(cluster.exec('kubectl apply -f none.yaml').stderr).toBe(`The Service "a" is invalid: ${fieldErrors.externalNameRequired()}\n`);
    expect(cluster.exec('kubectl apply -f headless.yaml').stderr).toBe(
      `The Service "b" is invalid: ${fieldErrors.externalNameClusterIP()}\n`,
    );
    expect(cluster.exec('kubectl create service externalname c --external-name Bad_Name').stderr).toContain(
      fieldErrors.externalName('Bad_Name'),
    );
    expect(cluster.exec('kubectl create service externalname c').stderr).toBe('error: required flag(s) "external-name" not set\n');
    expect(cluster.exec('kubectl get svc a b c').exitCode).toBe(1);
  });
});

describe('nslookup in a container (#119, #121)', () => {
  it('#119 #121 prints the cluster DNS server, CNAMEs and one address per record; NXDOMAIN exits 1', () => {
    const cluster = withStatefulSet();
    must(cluster, 'kubectl create service externalname alias --external-name nginx.default.svc.cluster.local');
    must(cluster, 'kubectl create service externalname db --external-name database.example.com');
    cluster.advance('2s');
    const head = 'Server:\t\t10.96.0.10\nAddress:\t10.96.0.10#53\n\n';
    const ips = ['web-0', 'web-1'].map((pod) => must(cluster, `kubectl get pod ${pod} -o jsonpath={.status.podIP}`).trim());
    const records = (name: string) => ips.map((ip) => `Name:\t${name}\nAddress: ${ip}\n`).join('');
    expect(must(cluster, 'kubectl exec web-0 -- nslookup kubernetes.default')).toBe(
      `${head}Name:\tkubernetes.default.svc.cluster.local\nAddress: 10.96.0.1\n\n`,
    );
    expect(must(cluster, 'kubectl exec web-0 -- nslookup nginx')).toBe(`${head}${records('nginx.default.svc.cluster.local')}\n`);
    expect(must(cluster, 'kubectl exec web-0 -- nslookup alias')).toBe(
      `${head}alias.default.svc.cluster.local\tcanonical name = nginx.default.svc.cluster.local.\n${records('nginx.default.svc.cluster.local')}\n`,
    );
    expect(must(cluster, 'kubectl exec web-0 -- nslookup web-1.nginx')).toBe(
      `${head}Name:\tweb-1.nginx.default.svc.cluster.local\nAddress: ${ips[1]}\n\n`,
    );
    // The DNS server's own log, as the docs' DNS debugging page reads it.
    expect(must(cluster, 'kubectl logs -n kube-system -l k8s-app=kube-dns').split('\n').slice(0, 3)).toEqual([
      '.:53',
      expect.stringMatching(/^\[INFO\] plugin\/reload: Running configuration SHA512 = [0-9a-f]{128}$/),
      'CoreDNS-1.11.3',
    ]);
    for (const name of ['db', 'nope'])
      expect(cluster.exec(`kubectl exec web-0 -- nslookup ${name}`)).toEqual({
        stdout: `${head}** server can't find ${name}: NXDOMAIN\n\n`,
        stderr: 'command terminated with exit code 1\n',
        exitCode: 1,
      });
  });
});
