import { geometry, layoutDiagram, wrapText, type Box } from '@/lib/labs/diagram/layout';
import { buildDiagram, kubeletNote, podDetail, podSummary } from '@/lib/labs/diagram/model';
import { nodeActions, podActions, serviceRequests, zoneActions } from '@/lib/labs/diagram/actions';
import type { ClusterView } from '@/lib/cluster';
import { createLabWorld } from '@/lib/labs/world';
import { scenario } from './support/labs';
import { baseView, webPods, withNode, withPods } from './support/views';

/** The base cluster with its workers in two zones and a Service "web" over the web pods. */
function zonedView(): ClusterView {
  const view = baseView();
  const zones: Record<string, string> = { 'worker-1': 'zone-a', 'worker-2': 'zone-b', 'worker-3': 'zone-a' };
  const pods = webPods(view);
  return {
    ...withNode(withNode(withNode(view, 'worker-1', { zone: 'zone-a' }), 'worker-2', { zone: 'zone-b' }), 'worker-3', {
      zone: 'zone-a',
    }),
    nodes: view.nodes.map((n) => ({ ...n, zone: zones[n.name] ?? null })),
    services: [
      {
        namespace: 'default',
        name: 'web',
        type: 'ClusterIP',
        clusterIP: '10.96.0.20',
        externalName: null,
        ports: ['80/TCP'],
        selector: { app: 'web' },
        endpoints: { ready: pods.slice(1).map((p) => `default/${p.name}`), notReady: [`default/${pods[0].name}`] },
      },
      {
        namespace: 'default',
        name: 'kubernetes',
        type: 'ClusterIP',
        clusterIP: '10.96.0.1',
        externalName: null,
        ports: ['443/TCP'],
        selector: {},
        endpoints: { ready: [], notReady: [] },
      },
    ],
  };
}

const overlaps = (a: Box, b: Box) => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
const inside = (inner: Box, outer: Box) =>
  inner.x >= outer.x &&
  inner.y >= outer.y &&
  inner.x + inner.w <= outer.x + outer.w + 1e-9 &&
  inner.y + inner.h <= outer.y + outer.h + 1e-9;

describe('the diagram shows the failures people meet', () => {
  it('draws each Service with its ready and not-ready endpoints, by chip label, leaving out the API server’s own', () => {
    const view = zonedView();
    const model = buildDiagram(view);
    expect(model.services.map((s) => s.key)).toEqual(['default/web']);
    const [web] = model.services;
    const pods = webPods(view);
    expect(web.notReady.map((e) => e.key)).toEqual([`default/${pods[0].name}`]);
    expect(web.ready).toHaveLength(2);
    expect(web.ready.every((e) => /^web-[a-z0-9]{5}$/.test(e.label))).toBe(true);
    expect(web.headless).toBe(false);
  });

  it('#119 marks a headless Service (clusterIP None) as such', () => {
    const view = zonedView();
    const headless = { ...view, services: view.services.map((svc) => ({ ...svc, clusterIP: 'None' })) };
    expect(buildDiagram(headless).services.map((svc) => svc.headless)).toEqual([true]);
  });

  it('groups zoned workers by zone, each zone frame around exactly its nodes, nothing overlapping', () => {
    const model = buildDiagram(zonedView());
    expect(model.zones).toEqual(['zone-a', 'zone-b']);
    expect(model.workers.map((n) => n.name)).toEqual(['worker-1', 'worker-3', 'worker-2']);
    for (const width of [320, 390, 760, 1200]) {
      const layout = layoutDiagram(model, width);
      expect(layout.zones.map((z) => z.zone)).toEqual(['zone-a', 'zone-b']);
      for (const zone of layout.zones) {
        for (const { node, box } of layout.workers)
          expect(inside(box, zone.box), `${node.name} in ${zone.zone} at ${width}`).toBe(zone.nodes.includes(node.name));
      }
      expect(overlaps(layout.zones[0].box, layout.zones[1].box)).toBe(false);
      const service = layout.services[0];
      for (const zone of layout.zones) expect(overlaps(service.box, zone.box)).toBe(false);
      for (const slot of service.endpoints) expect(inside(slot, { x: 0, y: 0, w: service.box.w, h: service.box.h })).toBe(true);
      expect(layout.height).toBeGreaterThanOrEqual(service.box.y + service.box.h);
    }
  });

  it('a pod in back-off says so in words, with its restarts, on a taller chip that pushes the next row down', () => {
    const view = withPods(baseView(), (p) =>
      p.name === 'solo'
        ? {
            ...p,
            status: 'CrashLoopBackOff',
            restarts: 4,
            waitingReason: 'CrashLoopBackOff',
            waitingImage: 'nginx:1.27',
            lastTermination: { container: 'solo', reason: 'OOMKilled', exitCode: 137, finishedAt: 20_000 },
          }
        : p,
    );
    const model = buildDiagram(view);
    const solo = model.workers.flatMap((n) => n.pods).find((p) => p.name === 'solo')!;
    expect(solo.phase).toBe('Failed');
    expect(solo.trouble).toBe('CrashLoopBackOff (OOMKilled)');
    // A crash loop is not fixed by a push: no push is offered.
    expect(solo.pullImage).toBeNull();
    expect(podDetail(solo)).toBe('CrashLoopBackOff (OOMKilled) · 4 restarts');
    expect(podSummary(solo)).toBe('solo: CrashLoopBackOff, CrashLoopBackOff (OOMKilled), 4 restarts');
    const layout = layoutDiagram(model, 390);
    const node = layout.workers.find((w) => w.node.pods.includes(solo))!;
    expect(node.box.h).toBeGreaterThanOrEqual(geometry.nodeHeader + geometry.tallChipHeight);
  });

  it('names image errors and a Running pod that takes no traffic; a restarted but healthy pod shows only its restarts', () => {
    const names = webPods(baseView()).map((p) => p.name);
    const view = withPods(baseView(), (p) => {
      if (p.name === names[0])
        return { ...p, status: 'ImagePullBackOff', waitingReason: 'ImagePullBackOff', waitingImage: 'nginx:9.9', ready: false };
      if (p.name === names[1]) return { ...p, ready: false };
      if (p.name === names[2])
        return { ...p, restarts: 1, lastTermination: { container: 'nginx', reason: 'Error', exitCode: 1, finishedAt: 1 } };
      return p;
    });
    const pods = new Map(
      buildDiagram(view)
        .workers.flatMap((n) => n.pods)
        .map((p) => [p.name, p]),
    );
    expect(podDetail(pods.get(names[0])!)).toBe('ImagePullBackOff');
    expect(pods.get(names[0])!.pullImage).toBe('nginx:9.9');
    expect(podDetail(pods.get(names[1])!)).toBe('not ready');
    expect(podDetail(pods.get(names[2])!)).toBe('1 restart');
    expect(podDetail(pods.get('solo')!)).toBe('');
  });

  it('marks pods created after the lab began as new', () => {
    const view = baseView();
    const last = Math.max(...view.pods.map((p) => p.createdAt));
    const pods = buildDiagram(view, last - 1).workers.flatMap((n) => n.pods);
    expect(pods.some((p) => p.isNew)).toBe(true);
    expect(pods.every((p) => p.isNew === p.createdAt > last - 1)).toBe(true);
    expect(
      buildDiagram(view)
        .workers.flatMap((n) => n.pods)
        .some((p) => p.isNew),
    ).toBe(false);
  });

  it('a partitioned node is running, unreachable; its evicted coredns leaves the summary', () => {
    const view = withNode(baseView(), 'worker-2', { network: 'partitioned', status: 'NotReady' });
    const node = buildDiagram(view).workers.find((n) => n.name === 'worker-2')!;
    expect(kubeletNote(node)).toBe('running, unreachable');
    // Every coredns pod on worker-2 evicted (Terminating for ever on a node that cannot confirm).
    const withDns = withPods(
      {
        ...view,
        pods: [
          ...view.pods,
          {
            ...view.pods[0],
            namespace: 'kube-system',
            name: 'coredns-abc-1',
            ownerKind: 'ReplicaSet',
            ownerName: 'coredns-abc',
            node: 'worker-2',
          },
        ],
      },
      (p) => (p.namespace === 'kube-system' && p.name.startsWith('coredns') && p.node === 'worker-2' ? { ...p, deletionTimestamp: 5 } : p),
    );
    expect(buildDiagram(withDns).workers.find((n) => n.name === 'worker-2')!.systemPods).toEqual(['kube-proxy']);
  });

  it('wraps a long taint over lines instead of cutting it off', () => {
    const taint = 'node.kubernetes.io/unreachable:NoExecute';
    const lines = wrapText(taint, 120);
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.join('')).toBe(taint);
    expect(lines.every((l) => l.length * geometry.noteCharWidth <= 120)).toBe(true);
    expect(wrapText('short', 300)).toEqual(['short']);
  });
});

describe('the diagram menus', () => {
  const pod = { name: 'web-1', key: 'default/web-1', phase: 'Running' as const, pullImage: null };

  it('a running pod offers crash, hang, unready, memory and heal through sim app', () => {
    const commands = podActions(pod).map((a) => a.command);
    for (const verb of ['crash', 'hang', 'unready', 'heal']) expect(commands).toContain(`sim app ${verb} web-1`);
    expect(commands).toContain('sim app memory web-1 1Gi');
    expect(podActions({ ...pod, key: 'shop/web-1' }).map((a) => a.command)).toContain('sim app crash web-1 -n shop');
  });

  it('a Pending pod has no app to break: only describe and delete', () => {
    expect(podActions({ ...pod, phase: 'Pending' }).map((a) => a.command)).toEqual([
      'kubectl describe pod web-1',
      'kubectl delete pod web-1',
    ]);
  });

  it('a node offers power, the network partition and its kubelet, each the way back when it is in effect', () => {
    const node = {
      name: 'worker-2',
      machine: 'running',
      kubelet: 'running',
      network: 'connected',
      unschedulable: false,
      role: 'worker',
    } as const;
    expect(nodeActions(node).map((a) => a.command)).toEqual([
      'sim node fail worker-2',
      'sim network partition worker-2',
      'sim kubelet stop worker-2',
      'kubectl cordon worker-2',
      'kubectl drain worker-2 --ignore-daemonsets',
      'kubectl describe node worker-2',
    ]);
    const changed = nodeActions({ ...node, network: 'partitioned', kubelet: 'stopped', unschedulable: true }).map((a) => a.command);
    expect(changed).toContain('sim network heal worker-2');
    expect(changed).toContain('sim kubelet start worker-2');
    expect(changed).toContain('kubectl uncordon worker-2');
    expect(nodeActions({ ...node, machine: 'poweredOff' })[0].command).toBe('sim node recover worker-2');
  });

  it('a pod waiting on an image pull offers the push of that image first, then the registry listing', () => {
    const stuck = { ...pod, phase: 'Failed' as const, pullImage: 'registry.example.com/shop/web:2.5' };
    expect(podActions(stuck).slice(0, 2)).toEqual([
      { label: 'Push registry.example.com/shop/web:2.5 to the registry', command: 'sim registry push registry.example.com/shop/web:2.5' },
      { label: 'Registry images', command: 'sim registry list' },
    ]);
    expect(podActions({ ...stuck, phase: 'Pending' }).map((a) => a.command)[0]).toBe('sim registry push registry.example.com/shop/web:2.5');
    expect(podActions(pod).some((a) => a.command.startsWith('sim registry'))).toBe(false);
  });

  it('in the missing-image lab each stuck pod is offered the push of its own image, and the push lets the kubelet start it', async () => {
    const { cluster } = createLabWorld(await scenario('missing-image'));
    const stuck = buildDiagram(cluster.view()).workers.flatMap((n) => n.pods);
    expect(stuck.length).toBeGreaterThan(0);
    for (const pod of stuck) {
      expect(pod.pullImage).toBe('registry.example.com/shop/web:2.5');
      const push = podActions(pod)[0].command;
      expect(push).toBe('sim registry push registry.example.com/shop/web:2.5');
    }
    expect(cluster.exec(podActions(stuck[0])[0].command).exitCode).toBe(0);
    cluster.exec('sim advance 6m');
    const after = buildDiagram(cluster.view()).workers.flatMap((n) => n.pods);
    expect(after.map((p) => [p.status, p.pullImage])).toEqual(stuck.map(() => ['Running', null]));
  });

  it('only the control-plane node menu lists the registry', () => {
    const node = { name: 'n', machine: 'running', kubelet: 'running', network: 'connected', unschedulable: false } as const;
    expect(nodeActions({ ...node, role: 'control-plane' }).at(-1)?.command).toBe('sim registry list');
    expect(nodeActions({ ...node, role: 'worker' }).some((a) => a.command === 'sim registry list')).toBe(false);
  });

  it('a Service sends 10 requests through sim curl, with -n outside default', () => {
    expect(serviceRequests({ name: 'web', namespace: 'default' })).toEqual({
      label: 'Send 10 requests',
      command: 'sim curl web --count 10',
    });
    expect(serviceRequests({ name: 'api', namespace: 'shop' }).command).toBe('sim curl api --count 10 -n shop');
  });

  it('a zone offers recovery first once all its machines are off', () => {
    expect(zoneActions('zone-a', [{ machine: 'running' }])[0].command).toBe('sim zone fail zone-a');
    expect(zoneActions('zone-a', [{ machine: 'poweredOff' }, { machine: 'poweredOff' }])[0].command).toBe('sim zone recover zone-a');
  });
});
