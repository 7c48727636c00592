// A partitioned node in the lab's diagram and timeline: "running, unreachable", and named marks.
import { describe, expect, it } from 'vitest';
import { createCluster } from '@/lib/cluster';
import { buildDiagram, kubeletNote, machineNote } from '@/lib/labs/diagram/model';
import { diffViews } from '@/lib/labs/timeline';

describe('a partitioned node in the lab', () => {
  it('is drawn as running but unreachable, and the timeline names the cut and the reconnection', () => {
    const cluster = createCluster({ seed: 3 });
    const before = cluster.view();
    cluster.exec('sim network partition worker-2');
    const cut = cluster.view();
    const worker = buildDiagram(cut).workers.find((node) => node.name === 'worker-2')!;
    expect(worker.network).toBe('partitioned');
    expect(kubeletNote(worker)).toBe('running, unreachable');
    expect(machineNote(worker)).toBe('running, unreachable');
    expect(kubeletNote(buildDiagram(cut).workers.find((node) => node.name === 'worker-1')!)).toBe('');
    expect(diffViews(before, cut).map((mark) => mark.text)).toContain('worker-2 cut off from the network (running, unreachable)');
    cluster.exec('sim network heal worker-2');
    expect(diffViews(cut, cluster.view()).map((mark) => mark.text)).toContain('worker-2 reconnected');
    // A stopped kubelet says so first: that is the line a reader needs.
    cluster.exec('sim network partition worker-2');
    cluster.exec('sim kubelet stop worker-2');
    expect(kubeletNote(buildDiagram(cluster.view()).workers.find((node) => node.name === 'worker-2')!)).toBe('kubelet stopped');
  });
});
