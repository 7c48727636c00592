// Services (rows #29-#32): the Endpoints and EndpointSlice controllers, describe svc, expose and
// NodePorts. kube-proxy and `sim curl` (#33, #34) are in services-traffic.test.ts.
import { describe, expect, it } from 'vitest';
import type { Cluster } from '@/lib/cluster';
import { fieldErrors } from '@/lib/cluster/api/errors';
import { engineOf } from '@/lib/cluster/cluster';
import { defaults } from '@/lib/cluster/engine/config';
import { advanceUntil, must, newCluster, script } from './fixtures';
import { column, endpoints, isReady, pinnedWeb, slices, spreadWeb, webOnWorker1, webPods } from './support/services';

describe('Services, Endpoints and EndpointSlices', () => {
  it('#29 Endpoints: Ready pods in addresses, others in notReadyAddresses; get endpoints prints ready ip:port, 3 then + N more', () => {
    const cluster = spreadWeb(5);
    const ep = endpoints(cluster)!;
    const ips = webPods(cluster).map((pod) => pod.status.podIP!);
    expect(ep.subsets).toHaveLength(1);
    expect(ep.subsets[0].addresses.map((a) => a.ip).sort()).toEqual([...ips].sort());
    expect(ep.subsets[0].notReadyAddresses).toEqual([]);
    expect(ep.subsets[0].ports).toEqual([{ name: '', port: 80, protocol: 'TCP' }]);
    const sorted = [...ips].sort();
    expect(column(cluster, 'kubectl get endpoints web', 'ENDPOINTS')).toBe(
      `${sorted
        .slice(0, 3)
        .map((ip) => `${ip}:80`)
        .join(',')} + 2 more...`,
    );
    // The view's ServiceView.endpoints is the Endpoints object.
    const view = cluster.view().services.find((svc) => svc.name === 'web')!;
    expect(view.endpoints.ready).toHaveLength(5);

    must(cluster, 'kubectl scale deployment web --replicas=0');
    // Pods being deleted leave the Endpoints at once (the slice keeps them as terminating).
    expect(endpoints(cluster)!.subsets).toEqual([]);
    expect(column(cluster, 'kubectl get endpoints web', 'ENDPOINTS')).toBe('<none>');
  });

  it('#29 a pod whose Ready goes False moves to notReadyAddresses, and the ENDPOINTS cell goes empty', () => {
    const cluster = webOnWorker1(1);
    expect(endpoints(cluster)!.subsets[0].addresses).toHaveLength(1);
    must(cluster, 'sim node fail worker-1');
    advanceUntil(cluster, () => !isReady(webPods(cluster)[0]), 70_000);
    const subset = endpoints(cluster)!.subsets[0];
    expect(subset.addresses).toEqual([]);
    expect(subset.notReadyAddresses.map((a) => a.targetRef?.name)).toEqual([webPods(cluster)[0].metadata.name]);
    expect(column(cluster, 'kubectl get endpoints web', 'ENDPOINTS')).toBe('');
    expect(cluster.view().services.find((svc) => svc.name === 'web')!.endpoints.notReady).toHaveLength(1);
  });

  it("#29 #30 endpoints list pods by IP, and host-network pods (their node's IP) by uid, as LessEndpointAddress orders them", () => {
    const cluster = newCluster({ files: { 'web.yaml': pinnedWeb(3).replace('nodeSelector:', 'hostNetwork: true\n      nodeSelector:') } });
    script(
      cluster,
      'kubectl label node worker-1 pin=here\nkubectl apply -f web.yaml\nkubectl expose deployment web --port 80\nsim advance 30s',
    );
    const byUid = (cluster: Cluster) =>
      webPods(cluster)
        .map((pod) => pod.metadata.uid)
        .sort();
    const listed = (cluster: Cluster) => ({
      endpoints: endpoints(cluster)!.subsets[0].addresses.map((address) => address.targetRef!.uid),
      slice: slices(cluster)[0].endpoints.map((endpoint) => endpoint.targetRef!.uid),
    });
    expect(new Set(webPods(cluster).map((pod) => pod.status.podIP)).size).toBe(1);
    expect(listed(cluster)).toEqual({ endpoints: byUid(cluster), slice: byUid(cluster) });
    script(
      cluster,
      'kubectl scale deployment web --replicas=5\nsim advance 30s\nkubectl delete pod ' +
        webPods(cluster)[0].metadata.name +
        '\nsim advance 30s',
    );
    expect(webPods(cluster)).toHaveLength(5);
    expect(listed(cluster)).toEqual({ endpoints: byUid(cluster), slice: byUid(cluster) });

    const spread = spreadWeb(6);
    script(
      spread,
      'kubectl scale deployment web --replicas=2\nsim advance 30s\nkubectl scale deployment web --replicas=7\nsim advance 30s',
    );
    const ips = endpoints(spread)!.subsets[0].addresses.map((address) => address.ip);
    expect(ips).toHaveLength(7);
    expect(ips).toEqual([...ips].sort());
    expect(slices(spread)[0].endpoints.map((endpoint) => endpoint.addresses[0])).toEqual(ips);
  });

  it('#30 EndpointSlice: named <svc>-<5 chars>, labelled, keeps not-ready and terminating pods with their conditions', () => {
    const cluster = spreadWeb(2);
    const [slice] = slices(cluster);
    expect(slices(cluster)).toHaveLength(1);
    expect(slice.metadata.name).toMatch(/^web-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
    expect(slice.metadata.labels['endpointslice.kubernetes.io/managed-by']).toBe('endpointslice-controller.k8s.io');
    expect(slice.endpoints.every((e) => e.conditions.ready && e.conditions.serving && !e.conditions.terminating)).toBe(true);
    const listed = must(cluster, 'kubectl get endpointslices -l kubernetes.io/service-name=web');
    expect(listed.split('\n')[0].split(/\s{2,}/)).toEqual(['NAME', 'ADDRESSTYPE', 'PORTS', 'ENDPOINTS', 'AGE']);
    expect(listed).toContain(`${slice.metadata.name}   IPv4          80      `);

    must(cluster, 'kubectl scale deployment web --replicas=0');
    const terminating = slices(cluster)[0].endpoints;
    expect(terminating).toHaveLength(2);
    expect(terminating.every((e) => !e.conditions.ready && e.conditions.serving && e.conditions.terminating)).toBe(true);

    cluster.advance('10s');
    const [placeholder] = slices(cluster);
    expect(placeholder.metadata.name).toBe(slice.metadata.name);
    expect(placeholder.endpoints).toEqual([]);
    expect(placeholder.ports).toBeNull();
    expect(column(cluster, 'kubectl get endpointslices -l kubernetes.io/service-name=web', 'PORTS')).toBe('<unset>');
    expect(column(cluster, 'kubectl get endpointslices -l kubernetes.io/service-name=web', 'ENDPOINTS')).toBe('<unset>');
    expect(must(cluster, `kubectl get endpointslice ${slice.metadata.name} -o yaml`)).toMatch(/endpoints: null\n[\s\S]*ports: null\n/);
  });

  it('#30 a Service that selects nothing keeps a placeholder slice; its deletion takes the slices and Endpoints along', () => {
    const cluster = newCluster();
    must(cluster, 'kubectl create deployment web --image=nginx:1.27 --replicas=1');
    must(cluster, 'kubectl expose deployment web --port 80 --name lonely');
    must(cluster, 'kubectl delete deployment web');
    cluster.advance('10s');
    expect(slices(cluster, 'lonely')).toHaveLength(1);
    expect(slices(cluster, 'lonely')[0].endpoints).toEqual([]);
    must(cluster, 'kubectl delete service lonely');
    expect(slices(cluster, 'lonely')).toEqual([]);
    expect(endpoints(cluster, 'lonely')).toBeUndefined();
  });

  it('#30 a slice or Endpoints object deleted by hand is written again at once', () => {
    const cluster = spreadWeb(2);
    const [slice] = slices(cluster);
    const before = endpoints(cluster)!.subsets;
    cluster.advance('1s');
    must(cluster, `kubectl delete endpointslice ${slice.metadata.name}`);
    must(cluster, 'kubectl delete endpoints web');
    const [again] = slices(cluster);
    expect(again.metadata.name).not.toBe(slice.metadata.name);
    expect(again.endpoints).toEqual(slice.endpoints);
    expect(endpoints(cluster)!.subsets).toEqual(before);
  });

  it('#30 the ENDPOINTS column of a slice lists every address, a pod on a dead node included', () => {
    const cluster = webOnWorker1(2);
    must(cluster, 'sim node fail worker-1');
    cluster.advance('70s');
    const ips = webPods(cluster).map((pod) => pod.status.podIP!);
    expect(webPods(cluster).some(isReady)).toBe(false);
    expect(column(cluster, 'kubectl get endpointslices -l kubernetes.io/service-name=web', 'ENDPOINTS').split(',').sort()).toEqual(
      [...ips].sort(),
    );
    expect(column(cluster, 'kubectl get endpoints web', 'ENDPOINTS')).toBe('');
  });

  it('#31 describe svc: the Endpoints line holds only ready endpoints from the slices; <none> without a slice', () => {
    const cluster = webOnWorker1(2);
    const ready = (text: string) => /^Endpoints: +(.*)$/m.exec(text)?.[1] ?? '';
    const before = must(cluster, 'kubectl describe svc web');
    expect(ready(before).split(',').sort()).toEqual(
      webPods(cluster)
        .map((pod) => `${pod.status.podIP}:80`)
        .sort(),
    );
    for (const line of [
      'Selector:                 app=web',
      'Type:                     ClusterIP',
      'Port:                     <unset>  80/TCP',
      'TargetPort:               80/TCP',
      'Session Affinity:         None',
      'Internal Traffic Policy:  Cluster',
    ])
      expect(before).toContain(line);
    expect(before).not.toContain('NodePort:');
    must(cluster, 'sim node fail worker-1');
    cluster.advance('70s');
    expect(must(cluster, 'kubectl describe svc web')).toMatch(/^Endpoints:\n/m);
    // The kubernetes Service has no selector: its one slice is the API server's own (#101).
    expect(must(cluster, 'kubectl describe svc kubernetes')).toMatch(/^Endpoints: +192\.168\.49\.2:6443$/m);
  });

  it('#32 expose: the Deployment selector, targetPort = port unless --target-port, ClusterIP from 10.96.0.0/12', () => {
    const cluster = newCluster({
      files: {
        'web-svc.yaml': 'apiVersion: v1\nkind: Service\nmetadata: { name: web }\nspec: { selector: { app: web }, ports: [{ port: 80 }] }\n',
      },
    });
    must(cluster, 'kubectl create deployment web --image=nginx:1.27');
    expect(must(cluster, 'kubectl expose deployment web --port 80')).toBe('service/web exposed\n');
    const svc = engineOf(cluster).store.get('Service', 'default/web')!;
    expect(svc.spec).toMatchObject({ type: 'ClusterIP', selector: { app: 'web' }, ports: [{ port: 80, targetPort: 80, protocol: 'TCP' }] });
    expect(svc.spec.clusterIP).toMatch(/^10\.(9[6-9]|10[0-9]|11[01])\.\d+\.\d+$/);
    expect(column(cluster, 'kubectl get svc web', 'PORT(S)')).toBe('80/TCP');
    must(cluster, 'kubectl expose deployment web --port 8080 --target-port 80 --name web-alt');
    expect(engineOf(cluster).store.get('Service', 'default/web-alt')!.spec.ports[0]).toMatchObject({ port: 8080, targetPort: 80 });
    // Without --save-config expose keeps no last-applied configuration: a later apply warns and patches it in.
    expect(svc.metadata.annotations).not.toHaveProperty(['kubectl.kubernetes.io/last-applied-configuration']);
    const again = cluster.exec('kubectl expose deployment web --port 80');
    expect(again).toMatchObject({ exitCode: 1, stderr: 'Error from server (AlreadyExists): services "web" already exists\n' });
    const applied = cluster.exec('kubectl apply -f web-svc.yaml');
    expect(applied.stderr).toContain('is missing the kubectl.kubernetes.io/last-applied-configuration annotation');
    expect(applied.stdout).toBe('service/web configured\n');
  });

  it('#32 NodePorts come from 30000-32767 without collisions; an explicit one is validated', () => {
    const cluster = newCluster();
    must(cluster, 'kubectl create deployment web --image=nginx:1.27');
    const ports = new Set<number>();
    for (let i = 0; i < 20; i++) {
      must(cluster, `kubectl expose deployment web --port 80 --type NodePort --name web-${i}`);
      const cell = column(cluster, `kubectl get svc web-${i}`, 'PORT(S)');
      const match = /^80:(\d+)\/TCP$/.exec(cell);
      expect(match, cell).not.toBeNull();
      const port = Number(match![1]);
      expect(port).toBeGreaterThanOrEqual(defaults.nodePortRange.min);
      expect(port).toBeLessThanOrEqual(defaults.nodePortRange.max);
      ports.add(port);
    }
    expect(ports.size).toBe(20);
    expect(must(cluster, 'kubectl describe svc web-0')).toMatch(/^NodePort: +<unset> {2}3\d{4}\/TCP$/m);
    const taken = [...ports][0];
    const manifest = (name: string, nodePort: number) =>
      `apiVersion: v1\nkind: Service\nmetadata: { name: ${name} }\nspec:\n  type: NodePort\n  selector: { app: web }\n  ports: [{ port: 80, nodePort: ${nodePort} }]\n`;
    const files = { 'clash.yaml': manifest('clash', taken), 'low.yaml': manifest('low', 8080) };
    const withFiles = newCluster({ files });
    must(withFiles, 'kubectl create deployment web --image=nginx:1.27');
    must(withFiles, 'kubectl apply -f clash.yaml');
    // Applying the same Service again keeps its port: it is not a clash with itself.
    expect(withFiles.exec('kubectl apply -f clash.yaml').exitCode).toBe(0);
    files['clash.yaml'] = manifest('clash2', taken);
    const refused = withFiles.exec('kubectl apply -f clash.yaml');
    expect(refused.stderr).toContain(fieldErrors.nodePortAllocated(0, taken));
    expect(engineOf(withFiles).store.get('Service', 'default/clash2')).toBeUndefined();
    const low = withFiles.exec('kubectl apply -f low.yaml');
    expect(low.stderr).toContain(fieldErrors.nodePortOutOfRange(0, 8080, '30000-32767'));
  });

  it('#32 an applied NodePort Service keeps its port across updates and drops it as ClusterIP', () => {
    const service = (type: string, targetPort: number) =>
      `apiVersion: v1\nkind: Service\nmetadata: { name: web }\nspec:\n  type: ${type}\n  selector: { app: web }\n  ports: [{ port: 80, targetPort: ${targetPort} }]\n`;
    const files: Record<string, string> = { 'svc.yaml': service('NodePort', 80) };
    const cluster = newCluster({ files });
    must(cluster, 'kubectl apply -f svc.yaml');
    const port = () => engineOf(cluster).store.get('Service', 'default/web')!.spec.ports[0];
    const allocated = port().nodePort;
    expect(allocated).toBeGreaterThanOrEqual(defaults.nodePortRange.min);
    files['svc.yaml'] = service('NodePort', 8080);
    expect(must(cluster, 'kubectl apply -f svc.yaml')).toBe('service/web configured\n');
    expect(port()).toMatchObject({ targetPort: 8080, nodePort: allocated });
    files['svc.yaml'] = service('ClusterIP', 8080);
    must(cluster, 'kubectl apply -f svc.yaml');
    expect(port().nodePort).toBeUndefined();
    expect(column(cluster, 'kubectl get svc web', 'PORT(S)')).toBe('80/TCP');
  });

  it('#101 the API server brings back a deleted kubernetes Service and its endpoints on its next 10s round', () => {
    const cluster = newCluster();
    const before = must(cluster, 'kubectl get svc kubernetes -o jsonpath={.spec.clusterIP}');
    must(cluster, 'kubectl delete svc kubernetes');
    cluster.advance('9s');
    expect(cluster.exec('kubectl get svc kubernetes').exitCode).toBe(1);
    cluster.advance('1s');
    expect(must(cluster, 'kubectl get svc kubernetes -o jsonpath={.spec.clusterIP}')).toBe(before);
    expect(must(cluster, 'kubectl get endpoints kubernetes')).toMatch(/kubernetes\s+192\.168\.49\.2:6443\s/);
    must(cluster, 'kubectl delete endpointslice kubernetes');
    cluster.advance('10s');
    expect(must(cluster, 'kubectl get endpointslices -o name')).toContain('endpointslice.discovery.k8s.io/kubernetes\n');
  });
});
