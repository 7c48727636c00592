// The interactive-only parts of the lab terminal: node shells and kubectl get -w.
import { describe, expect, it } from 'vitest';
import { createCluster } from '@/lib/cluster';
import { nodeCommandParts, nodeShellTarget, onNode, startWatch, watchStep, watchTarget } from '@/lib/labs/terminal/interactive';

describe('node shell', () => {
  it('a bare sim ssh NODE opens a shell; its lines run as sim ssh NODE -- LINE', () => {
    expect(nodeShellTarget('sim ssh worker-1')).toBe('worker-1');
    expect(nodeShellTarget('sim ssh worker-1 -- crictl ps')).toBeUndefined();
    expect(nodeCommandParts(onNode('worker-1', 'crictl ps | grep web'))).toEqual({ node: 'worker-1', line: 'crictl ps | grep web' });
  });
});

describe('kubectl get -w', () => {
  it('recognises the watch flag only on get', () => {
    expect(watchTarget('kubectl get pods -w')).toBe('kubectl get pods');
    expect(watchTarget('kubectl get pods --watch -o wide')).toBe('kubectl get pods -o wide');
    expect(watchTarget('kubectl describe pods -w')).toBeUndefined();
  });

  it('prints a row when an object changes, not when only its age does', () => {
    const cluster = createCluster({ seed: 3 });
    cluster.exec('kubectl create deployment web --image=nginx:1.27 --replicas=2');
    let state = startWatch('kubectl get pods', cluster.exec('kubectl get pods').stdout);
    expect(Object.keys(state.rows)).toHaveLength(2);
    cluster.advance('30s');
    const step = watchStep(state, cluster.exec('kubectl get pods').stdout);
    expect(step.lines.length).toBe(2);
    for (const line of step.lines) expect(line).toMatch(/Running/);
    state = step.state;
    cluster.advance('30s');
    expect(watchStep(state, cluster.exec('kubectl get pods').stdout).lines).toEqual([]);
  });
});
