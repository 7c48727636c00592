// kubectl get's structured printers: real object shapes, kubectl's List, jsonpath and
// custom-columns, and agreement with describe.
import { describe, expect, it } from 'vitest';
import { jsonpath } from '@/lib/cluster/kubectl/output/jsonpath';
import type { Json } from '@/lib/cluster/kubectl/output/objects';
import { outputErrors } from '@/lib/cluster/kubectl/output/printers';
import { must, newCluster } from '../fixtures';

function withWeb() {
  const cluster = newCluster();
  must(cluster, 'kubectl create deployment web --image=nginx:1.27 --replicas=3');
  cluster.advance('30s');
  return cluster;
}

describe('-o yaml and -o json', () => {
  it('a node Lease prints as the API serves it', () => {
    const yaml = must(newCluster(), 'kubectl get lease worker-3 -n kube-node-lease -o yaml');
    expect(yaml).toMatch(/^apiVersion: coordination\.k8s\.io\/v1\nkind: Lease\nmetadata:\n {2}creationTimestamp: "2025-01-06T09:00:00Z"\n/);
    expect(yaml).toContain('\n  name: worker-3\n  namespace: kube-node-lease\n  resourceVersion: "');
    expect(yaml).toContain('\nspec:\n  holderIdentity: worker-3\n');
  });

  it('the leader-election Leases of the control plane are in kube-system', () => {
    const out = must(newCluster(), 'kubectl get leases -n kube-system -o name');
    expect(out).toBe('lease.coordination.k8s.io/kube-controller-manager\nlease.coordination.k8s.io/kube-scheduler\n');
  });

  it('a list query prints a v1 List, one named object prints bare', () => {
    const cluster = withWeb();
    const list = JSON.parse(must(cluster, 'kubectl get pods -o json'));
    expect(list).toMatchObject({ apiVersion: 'v1', kind: 'List', metadata: { resourceVersion: '' } });
    expect(list.items).toHaveLength(3);
    const pod = list.items[0];
    expect(pod.metadata.ownerReferences[0]).toMatchObject({ apiVersion: 'apps/v1', kind: 'ReplicaSet', controller: true });
    expect(pod.status.containerStatuses[0].containerID).toMatch(/^containerd:\/\/[0-9a-f]{64}$/);
    const single = JSON.parse(must(cluster, `kubectl get pod ${pod.metadata.name} -o json`));
    expect(single.kind).toBe('Pod');
    expect(single).toEqual(pod);
  });

  it('yaml quotes what would read as another type and lists items at the parent indent', () => {
    const yaml = must(withWeb(), 'kubectl get deploy web -o yaml');
    expect(yaml).toContain('\n      containers:\n      - image: nginx:1.27\n        imagePullPolicy: IfNotPresent\n');
    expect(yaml).toMatch(/resourceVersion: "\d+"/);
  });
});

describe('-o jsonpath and custom-columns', () => {
  it('fields, [*], filters and range print what -o json holds', () => {
    const cluster = withWeb();
    const list = JSON.parse(must(cluster, 'kubectl get pods -o json'));
    const names = list.items.map((item: { metadata: { name: string } }) => item.metadata.name);
    expect(must(cluster, "kubectl get pods -o jsonpath='{.items[*].metadata.name}'")).toBe(`${names.join(' ')}\n`);
    expect(must(cluster, 'kubectl get pods -o jsonpath="{.items[0].metadata.name}"')).toBe(`${names[0]}\n`);
    expect(must(cluster, `kubectl get pods -o jsonpath='{range .items[*]}{.metadata.name}{"\\n"}{end}'`)).toBe(`${names.join('\n')}\n`);
    const ready = must(
      cluster,
      `kubectl get nodes -o jsonpath='{.items[?(@.metadata.name=="worker-2")].status.conditions[?(@.type=="Ready")].status}'`,
    );
    expect(ready).toBe('True\n');
  });

  it('client-go semantics: maps print as JSON, slices, negative indexes, recursive descent', () => {
    const data: Json = { a: [{ n: 1, m: { x: 'y' } }, { n: 2 }, { n: 3 }] };
    expect(jsonpath('{.a[-1].n}', data)).toBe('3');
    expect(jsonpath('{.a[0:2].n}', data)).toBe('1 2');
    expect(jsonpath('{.a[0].m}', data)).toBe('{"x":"y"}');
    expect(jsonpath('{..n}', data)).toBe('1 2 3');
    expect(jsonpath('{.a[?(@.n>1)].n}', data)).toBe('2 3');
    expect(jsonpath('n={.a[1].n}', data)).toBe('n=2');
  });

  it('custom-columns prints a column per path, <none> for missing fields', () => {
    const out = must(withWeb(), 'kubectl get pods -o custom-columns=NAME:.metadata.name,NODE:.spec.nodeName,GONE:.spec.nothing');
    const [header, ...rows] = out.trimEnd().split('\n');
    expect(header.split(/\s+/)).toEqual(['NAME', 'NODE', 'GONE']);
    expect(rows).toHaveLength(3);
    for (const row of rows) expect(row).toMatch(/^web-\S+\s+worker-\d\s+<none>$/);
  });

  it('bad formats and templates give kubectl errors', () => {
    const cluster = newCluster();
    expect(cluster.exec('kubectl get pods -o xml').stderr).toBe(`${outputErrors.noPrinter('xml')}\n`);
    expect(cluster.exec("kubectl get pods -o jsonpath='{.items'").exitCode).toBe(1);
  });
});

describe('get and describe agree', () => {
  it('node address, pod node and IP are the same values', () => {
    const cluster = withWeb();
    const pod = JSON.parse(must(cluster, 'kubectl get pods -o json')).items[1];
    const described = must(cluster, `kubectl describe pod ${pod.metadata.name}`);
    expect(described).toMatch(new RegExp(`\nNode: +${pod.spec.nodeName}/${pod.status.hostIP}\n`));
    expect(described).toMatch(new RegExp(`\nIP: +${pod.status.podIP}\n`));
    const ip = must(cluster, `kubectl get node ${pod.spec.nodeName} -o jsonpath='{.status.addresses[?(@.type=="InternalIP")].address}'`);
    expect(must(cluster, `kubectl describe node ${pod.spec.nodeName}`)).toContain(`InternalIP:  ${ip.trim()}`);
  });

  it('--sort-by orders the table by a field', () => {
    const out = must(withWeb(), 'kubectl get pods --sort-by=.spec.nodeName -o wide');
    const nodes = out
      .trimEnd()
      .split('\n')
      .slice(1)
      .map((line) => line.split(/\s+/)[6]);
    expect(nodes).toEqual([...nodes].sort());
  });

  it('#116 --no-headers leaves out the header line, and the widths come from the rows alone', () => {
    const cluster = withWeb();
    const full = must(cluster, 'kubectl get pods -o wide').trimEnd().split('\n');
    const bare = must(cluster, 'kubectl get pods -o wide --no-headers').trimEnd().split('\n');
    expect(bare.map((line) => line.split(/\s+/))).toEqual(full.slice(1).map((line) => line.split(/\s+/)));
    // READY holds "1/1": without its header, the column is 3 wide, plus the 3 spaces of padding.
    expect(bare[0]).toMatch(/^web-\S+ {3}1\/1 {3}Running {3}/);
    const columns = must(cluster, 'kubectl get pods -o custom-columns=NAME:.metadata.name --no-headers');
    expect(columns.trimEnd().split('\n')).toEqual(full.slice(1).map((line) => line.split(/\s+/)[0]));
    // Several types: no header and no blank line between them.
    expect(must(cluster, 'kubectl get deploy,rs --no-headers').trimEnd().split('\n')).toHaveLength(2);
    expect(must(cluster, 'kubectl events --no-headers')).not.toMatch(/LAST SEEN/);
  });
});
