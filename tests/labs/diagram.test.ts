import { geometry, layoutDiagram, layoutNodeInterior } from '@/lib/labs/diagram/layout';
import { buildDiagram, phaseOf, shareUnchanged } from '@/lib/labs/diagram/model';
import { baseView, withNode, withPods } from './support/views';

describe('the diagram model', () => {
  it('splits the control plane from the workers, pods by node, system pods by short name', () => {
    const model = buildDiagram(baseView());
    expect(model.controlPlane.map((n) => n.name)).toEqual(['control-plane']);
    expect(model.workers.map((n) => n.name)).toEqual(['worker-1', 'worker-2', 'worker-3']);
    expect(
      model.workers
        .flatMap((n) => n.pods)
        .map((p) => p.label)
        .sort(),
    ).toHaveLength(4);
    expect(model.workers.every((n) => n.systemPods.includes('kube-proxy'))).toBe(true);
    expect(model.unscheduled).toEqual([]);
  });

  it('sorts workers in natural order, so worker-10 comes after worker-9', () => {
    const view = baseView();
    const extra = { ...view.nodes[1], name: 'worker-10' };
    expect(buildDiagram({ ...view, nodes: [...view.nodes, extra] }).workers.map((n) => n.name)).toEqual([
      'worker-1',
      'worker-2',
      'worker-3',
      'worker-10',
    ]);
  });

  it('pods without a node wait in the unscheduled tray', () => {
    const view = withPods(baseView(), (p) => (p.name === 'solo' ? { ...p, node: null, status: 'Pending' } : p));
    expect(buildDiagram(view).unscheduled.map((p) => p.name)).toEqual(['solo']);
  });

  it('maps kubectl status words to the phases it draws', () => {
    expect(['Pending', 'ContainerCreating', 'Running', 'Terminating', 'ErrImagePull', 'Completed'].map(phaseOf)).toEqual([
      'Pending',
      'ContainerCreating',
      'Running',
      'Terminating',
      'Failed',
      'Other',
    ]);
  });

  it('keeps the identity of every unchanged part, so memoised pieces skip rendering', () => {
    const before = buildDiagram(baseView());
    const same = shareUnchanged(before, buildDiagram(baseView()));
    expect(same).toBe(before);
    const after = shareUnchanged(before, buildDiagram(withNode(baseView(), 'worker-2', { status: 'NotReady' })));
    expect(after).not.toBe(before);
    expect(after.workers[0]).toBe(before.workers[0]);
    expect(after.workers[1]).not.toBe(before.workers[1]);
    expect(after.workers[1].pods).toBe(before.workers[1].pods);
    expect(after.components).toBe(before.components);
  });
});

describe('the diagram layout', () => {
  const model = buildDiagram(baseView());

  it('fits as many node columns as the width allows, up to four', () => {
    expect(layoutDiagram(model, 340).workers.map((w) => w.box.x)).toEqual([0, expect.any(Number), 0]);
    const wide = layoutDiagram(model, 720);
    expect(new Set(wide.workers.map((w) => w.box.y)).size).toBe(1);
  });

  it('nodes in a row share the height of the tallest', () => {
    const layout = layoutDiagram(model, 720);
    expect(new Set(layout.workers.map((w) => w.box.h)).size).toBe(1);
  });

  it('chips go in two columns only in wide nodes', () => {
    expect(layoutDiagram(model, 340).chipColumns).toBe(1);
    const node = model.workers.find((n) => n.pods.length > 1) ?? model.workers[0];
    const interior = layoutNodeInterior({ ...node, pods: [...node.pods, ...node.pods.map((p) => ({ ...p, key: `${p.key}x` }))] }, 320, 2);
    expect(interior.pods[0].y).toBe(interior.pods[1].y);
    expect(interior.pods[0].w).toBeCloseTo((320 - 2 * geometry.pad - geometry.chipGap) / 2);
  });

  it('puts the unscheduled tray below the workers', () => {
    const pending = buildDiagram(withPods(baseView(), (p) => (p.name === 'solo' ? { ...p, node: null, status: 'Pending' } : p)));
    const layout = layoutDiagram(pending, 720);
    expect(layout.tray!.box.y).toBeGreaterThan(Math.max(...layout.workers.map((w) => w.box.y + w.box.h)));
    expect(layout.height).toBe(layout.tray!.box.y + layout.tray!.box.h);
  });
});
