import { labPolicy } from '@/lib/labs/policy';
import { diffViews, podLabel, recordOnTimeline, type TimelineEntry } from '@/lib/labs/timeline';
import { baseView, webPods, withNode, withPods } from './support/views';

const texts = (marks: { text: string }[]) => marks.map((m) => m.text);

describe('the timeline of changes', () => {
  it('an unchanged view adds nothing', () => {
    const view = baseView();
    expect(diffViews(view, view)).toEqual([]);
    expect(diffViews(view, structuredClone(view))).toEqual([]);
  });

  it('a node that turns NotReady and gets a taint gives two marks, the taint without its prefix', () => {
    const before = baseView();
    const after = withNode(before, 'worker-2', {
      status: 'NotReady',
      taints: [
        { key: 'node.kubernetes.io/unreachable', effect: 'NoSchedule', text: 'node.kubernetes.io/unreachable:NoSchedule', timeAdded: null },
      ],
    });
    expect(diffViews(before, after)).toEqual([
      { kind: 'node', tone: 'bad', text: 'worker-2 NotReady' },
      { kind: 'taint', tone: 'warn', text: 'worker-2 tainted unreachable:NoSchedule' },
    ]);
  });

  it('pods that change the same way in one step share one mark', () => {
    const before = baseView();
    const after = withPods(before, (p) => (p.ownerName?.startsWith('web-') ? { ...p, status: 'Terminating' } : p));
    const names = webPods(before).map(podLabel);
    expect(texts(diffViews(before, after))).toEqual([`${names.join(', ')} Terminating`]);
  });

  it('pods that start terminating on a node tainted unreachable:NoExecute are marked as evicted', () => {
    const before = baseView();
    const node = webPods(before)[0].node!;
    const tainted = withNode(before, node, {
      taints: [
        { key: 'node.kubernetes.io/unreachable', effect: 'NoExecute', text: 'node.kubernetes.io/unreachable:NoExecute', timeAdded: 60_000 },
      ],
    });
    const after = withPods(tainted, (p) => (p.node === node && p.ownerKind === 'ReplicaSet' ? { ...p, status: 'Terminating' } : p));
    expect(texts(diffViews(tainted, after))).toEqual([expect.stringMatching(/^web-\w+ evicted \(Terminating\)$/)]);
  });

  it('a new pod, a scheduled pod and a deleted pod are each named', () => {
    const before = baseView();
    const [first, ...others] = webPods(before);
    const pending = { ...first, name: `${first.ownerName}-zzzzz`, node: null, status: 'Pending' };
    const after = { ...before, pods: [...before.pods.filter((p) => p.name !== first.name), pending] };
    expect(texts(diffViews(before, after))).toEqual(['web-zzzzz created (Pending)', `${podLabel(first)} deleted`]);
    const scheduled = { ...after, pods: after.pods.map((p) => (p.name === pending.name ? { ...p, node: 'worker-1' } : p)) };
    expect(texts(diffViews(after, scheduled))).toEqual(['web-zzzzz scheduled to worker-1']);
    expect(others.length).toBe(2);
  });

  it('a Deployment pod is labelled by its Deployment and suffix, other pods by their name', () => {
    expect(podLabel({ name: 'web-5dd8979cc6-8pttb', ownerKind: 'ReplicaSet', ownerName: 'web-5dd8979cc6' })).toBe('web-8pttb');
    expect(podLabel({ name: 'db-0', ownerKind: 'StatefulSet', ownerName: 'db' })).toBe('db-0');
  });

  it('a pod the scheduler cannot place is marked once, with its reasons and without the preemption note', () => {
    const before = baseView();
    const warning = {
      namespace: 'default',
      type: 'Warning' as const,
      reason: 'FailedScheduling',
      object: 'pod/solo',
      source: 'default-scheduler',
      message:
        '0/4 nodes are available: 3 Insufficient cpu. preemption: 0/4 nodes are available: 4 Preemption is not helpful for scheduling.',
      firstTimestamp: 1,
      lastTimestamp: 1,
      count: 1,
    };
    const after = { ...before, events: [...before.events, warning] };
    expect(texts(diffViews(before, after))).toEqual(['solo FailedScheduling: 0/4 nodes are available: 3 Insufficient cpu.']);
    expect(diffViews(after, { ...after, events: [...after.events, { ...warning, count: 2 }] })).toEqual([]);
  });

  it('losing etcd quorum is marked, with the API server refusing writes', () => {
    const before = baseView();
    const after = {
      ...before,
      api: 'no-quorum' as const,
      etcd: { ...before.etcd, quorum: false, members: [{ name: 'etcd-1', healthy: false }] },
    };
    expect(texts(diffViews(before, after))).toEqual([
      'etcd-1 failed',
      'etcd lost quorum',
      'API server no-quorum: reads and writes fail (etcd lost quorum)',
    ]);
  });

  describe('recording entries', () => {
    const mark = (text: string, kind: 'node' | 'action' = 'node') => ({ kind, tone: 'neutral' as const, text });
    const start: TimelineEntry<string>[] = [{ id: 0, at: 0, marks: [mark('Lab starts', 'action')], snapshot: 's0' }];

    it('changes close together share an entry and its newest snapshot', () => {
      const one = recordOnTimeline(start, { at: 10_000, marks: [mark('a')], snapshot: () => 's1' }, 1);
      const two = recordOnTimeline(one, { at: 11_000, marks: [mark('b')], snapshot: () => 's2' }, 2);
      expect(two).toEqual([start[0], { id: 1, at: 10_000, marks: [mark('a'), mark('b')], snapshot: 's2' }]);
    });

    it('an action always starts its own entry', () => {
      const one = recordOnTimeline(start, { at: 10_000, marks: [mark('a')], snapshot: () => 's1' }, 1);
      const two = recordOnTimeline(
        one,
        { at: 10_500, marks: [mark('$ kubectl get nodes', 'action')], snapshot: () => 's2', isAction: true },
        2,
      );
      expect(two.map((e) => e.id)).toEqual([0, 1, 2]);
    });

    it('no marks, no entry, and no snapshot taken', () => {
      const snapshot = vi.fn(() => 'never');
      expect(recordOnTimeline(start, { at: 5_000, marks: [], snapshot }, 1)).toBe(start);
      expect(snapshot).not.toHaveBeenCalled();
    });

    it('past the cap the oldest entries go, but the start stays', () => {
      let timeline = start;
      for (let i = 1; i <= labPolicy.timelineMaxEntries + 5; i++) {
        timeline = recordOnTimeline(timeline, { at: i * 10_000, marks: [mark(`m${i}`)], snapshot: () => `s${i}` }, i);
      }
      expect(timeline).toHaveLength(labPolicy.timelineMaxEntries);
      expect(timeline[0]).toBe(start[0]);
      expect(timeline[1].id).toBe(7);
    });
  });
});
