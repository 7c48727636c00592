// Facts #66-#69: priority classes, preemption and its messages, and the order pods waiting for
// room are retried in, each read against kube-scheduler's DefaultPreemption and queue.
import { describe, expect, it } from 'vitest';
import { must, newCluster, pods, script } from './fixtures';
import { deployment, failedScheduling, json, nodeOf, pod, priorityClass, replicasOf, taintedControlPlane } from './support/scheduling';

describe('priority classes', () => {
  it('#66 the built-in classes, user classes, the global default and the admission texts', () => {
    const cluster = newCluster({
      files: {
        'low.yaml': priorityClass('low', 10, 'globalDefault: true\npreemptionPolicy: Never'),
        'other.yaml': priorityClass('other', 20, 'globalDefault: true'),
        'huge.yaml': priorityClass('huge', 1000000001),
        'sys.yaml': priorityClass('system-mine', 5),
        'plain.yaml': pod('plain', ''),
        'lost.yaml': pod('lost', 'priorityClassName: missing'),
        'crit.yaml': pod('crit', 'priorityClassName: system-node-critical'),
      },
    });
    const table = must(cluster, 'kubectl get pc');
    expect(table.split('\n')[0].split(/\s{2,}/)).toEqual(['NAME', 'VALUE', 'GLOBAL-DEFAULT', 'AGE', 'PREEMPTIONPOLICY']);
    expect(table).toMatch(/system-cluster-critical\s+2000000000\s+false/);
    expect(table).toMatch(/system-node-critical\s+2000001000\s+false/);
    must(cluster, 'kubectl apply -f low.yaml');
    expect(cluster.exec('kubectl apply -f other.yaml').stderr).toContain(
      'priorityclasses.scheduling.k8s.io "other" is forbidden: PriorityClass low is already marked as default. Only one default can exist',
    );
    expect(cluster.exec('kubectl apply -f huge.yaml').stderr).toContain(
      'value: Forbidden: maximum allowed value of a user defined priority is 1000000000',
    );
    expect(cluster.exec('kubectl apply -f sys.yaml').stderr).toContain("priority class names with 'system-' prefix are reserved");
    const lost = cluster.exec('kubectl apply -f lost.yaml');
    expect(lost.stderr).toContain('Error from server (Forbidden): pods "lost" is forbidden: no PriorityClass with name missing was found');
    expect(pods(cluster, (p) => p.name === 'lost')).toHaveLength(0);
    script(cluster, 'kubectl apply -f plain.yaml\nkubectl apply -f crit.yaml');
    const plain = json(cluster, 'pod plain');
    expect([plain.spec.priorityClassName, plain.spec.priority, plain.spec.preemptionPolicy]).toEqual(['low', 10, 'Never']);
    expect(json(cluster, 'pod crit').spec.priority).toBe(2000001000);
    expect(must(cluster, 'kubectl get priorityclasses low')).toMatch(/low\s+10\s+true\s+\S+\s+Never/);
  });
});

describe('preemption', () => {
  const fill = deployment('low', 3, '', '"3"');

  it('#67 a higher-priority pod evicts one lower-priority pod and is nominated to its node', () => {
    const cluster = newCluster({
      files: { 'low.yaml': fill, 'pc.yaml': priorityClass('high', 1000), 'vip.yaml': pod('vip', 'priorityClassName: high', '{}', '"3"') },
    });
    script(cluster, 'kubectl apply -f low.yaml\nkubectl apply -f pc.yaml\nsim advance 20s\nkubectl apply -f vip.yaml\nsim advance 1s');
    const vip = json(cluster, 'pod vip');
    const events = cluster.view().events.filter((e) => e.reason === 'Preempted');
    expect(events).toHaveLength(1);
    expect(events[0].message).toBe(`Preempted by pod ${vip.metadata.uid} on node ${vip.status.nominatedNodeName}`);
    const victim = json(cluster, `pod ${events[0].object.replace('pod/', '')}`);
    expect(victim.spec.nodeName).toBe(vip.status.nominatedNodeName);
    expect(victim.metadata.deletionTimestamp).toBeDefined();
    expect(victim.status.conditions).toContainEqual(
      expect.objectContaining({
        type: 'DisruptionTarget',
        status: 'True',
        reason: 'PreemptionByScheduler',
        message: 'default-scheduler: preempting to accommodate a higher priority pod',
      }),
    );
    // The first attempt's message has no preemption part: preemption found victims.
    expect(failedScheduling(cluster, 'vip')).toBe(`0/4 nodes are available: ${taintedControlPlane}, 3 Insufficient cpu.`);
    cluster.advance('40s');
    expect(nodeOf(cluster, 'vip')).toBe(vip.status.nominatedNodeName);
    expect(pods(cluster, (p) => p.name === 'vip')[0].status).toBe('Running');
    // The replacement the ReplicaSet makes has nowhere to go (#69): the room is the preemptor's.
    expect(replicasOf(cluster, 'low').filter((p) => p.node === null)).toHaveLength(1);
  });

  it('#67 prefers the node whose victims have the lowest priority, then the fewest victims, and respects PDBs', () => {
    const cluster = newCluster({
      files: {
        'pcs.yaml': `${priorityClass('mid', 100)}\n---\n${priorityClass('top', 1000)}`,
        'a.yaml': pod('a', 'nodeName: worker-1\n  priorityClassName: mid', '{ tier: a }', '"3"'),
        'b.yaml': pod('b', 'nodeName: worker-2', '{ tier: b }', '"3"'),
        'c1.yaml': pod('c1', 'nodeName: worker-3', '{ tier: c }', '"1500m"'),
        'c2.yaml': pod('c2', 'nodeName: worker-3', '{ tier: c }', '"1500m"'),
        'pdb.yaml': `apiVersion: policy/v1\nkind: PodDisruptionBudget\nmetadata: { name: keep-b }\nspec: { minAvailable: 1, selector: { matchLabels: { tier: b } } }`,
        'top.yaml': pod('top', 'priorityClassName: top', '{}', '"3"'),
      },
    });
    script(
      cluster,
      'kubectl apply -f pcs.yaml\nkubectl apply -f a.yaml\nkubectl apply -f b.yaml\nkubectl apply -f c1.yaml\nkubectl apply -f c2.yaml\nkubectl apply -f pdb.yaml\nsim advance 20s',
    );
    must(cluster, 'kubectl apply -f top.yaml');
    cluster.advance('1s');
    // worker-1's victim has priority 100; worker-2's only victim is PDB-protected; worker-3 needs two.
    // Fewest PDB violations first: worker-1 or worker-3; lowest highest priority: worker-3 (0 < 100).
    expect(json(cluster, 'pod top').status.nominatedNodeName).toBe('worker-3');
    const victims = cluster
      .view()
      .events.filter((e) => e.reason === 'Preempted')
      .map((e) => e.object)
      .sort();
    expect(victims).toEqual(['pod/c1', 'pod/c2']);
  });

  it('#68 the preemption part says why nothing was evicted', () => {
    const cluster = newCluster({
      files: {
        'low.yaml': fill,
        'pcs.yaml': `${priorityClass('high', 1000)}\n---\n${priorityClass('polite', 1000, 'preemptionPolicy: Never')}`,
        'same.yaml': pod('same', '', '{}', '"3"'),
        'polite.yaml': pod('polite', 'priorityClassName: polite', '{}', '"3"'),
        'giant.yaml': pod('giant', 'priorityClassName: high', '{}', '"6"'),
      },
    });
    script(
      cluster,
      'kubectl apply -f low.yaml\nkubectl apply -f pcs.yaml\nsim advance 20s\nkubectl apply -f same.yaml\nkubectl apply -f polite.yaml\nkubectl apply -f giant.yaml\nsim advance 2s',
    );
    const head = `0/4 nodes are available: ${taintedControlPlane}, 3 Insufficient cpu.`;
    expect(failedScheduling(cluster, 'same')).toBe(
      `${head} preemption: 0/4 nodes are available: 1 Preemption is not helpful for scheduling, 3 No preemption victims found for incoming pod.`,
    );
    expect(failedScheduling(cluster, 'polite')).toBe(`${head} preemption: not eligible due to preemptionPolicy=Never.`);
    expect(failedScheduling(cluster, 'giant')).toBe(
      `${head} preemption: 0/4 nodes are available: 1 Preemption is not helpful for scheduling, 3 Insufficient cpu.`,
    );
    expect(cluster.view().events.filter((e) => e.reason === 'Preempted')).toHaveLength(0);
  });

  it('#68 while its victim still terminates, the nominated pod does not preempt again', () => {
    const cluster = newCluster({
      files: { 'low.yaml': fill, 'pc.yaml': priorityClass('high', 1000), 'vip.yaml': pod('vip', 'priorityClassName: high', '{}', '"3"') },
    });
    script(cluster, 'kubectl apply -f low.yaml\nkubectl apply -f pc.yaml\nsim advance 20s');
    // With the kubelets stopped, nothing confirms the victim's deletion: it stays Terminating.
    script(
      cluster,
      'sim kubelet stop worker-1\nsim kubelet stop worker-2\nsim kubelet stop worker-3\nkubectl apply -f vip.yaml\nsim advance 1s',
    );
    expect(json(cluster, 'pod vip').status.nominatedNodeName).toMatch(/^worker-/);
    // Any pod that goes away makes the scheduler try the waiting pods again.
    const dns = pods(cluster, (p) => p.name.startsWith('coredns-'))[0].name;
    script(cluster, `kubectl delete pod -n kube-system ${dns} --grace-period=0 --force\nsim advance 1s`);
    expect(failedScheduling(cluster, 'vip')).toBe(
      `0/4 nodes are available: ${taintedControlPlane}, 3 Insufficient cpu. preemption: not eligible due to a terminating pod on the nominated node.`,
    );
    expect(cluster.view().events.filter((e) => e.reason === 'Preempted')).toHaveLength(1);
  });

  it('#69 pods waiting for room are retried highest priority first', () => {
    const cluster = newCluster({
      files: {
        'low.yaml': fill,
        'pc.yaml': priorityClass('high', 1000),
        'early.yaml': pod('early', 'preemptionPolicy: Never', '{}', '"3"'),
        'late.yaml': pod('late', 'priorityClassName: high\n  preemptionPolicy: Never', '{}', '"3"'),
      },
    });
    script(
      cluster,
      'kubectl apply -f low.yaml\nkubectl apply -f pc.yaml\nsim advance 20s\nkubectl apply -f early.yaml\nkubectl apply -f late.yaml\nsim advance 2s',
    );
    must(cluster, 'kubectl scale deployment low --replicas=2');
    cluster.advance('40s');
    expect(nodeOf(cluster, 'late')).not.toBeNull();
    expect(nodeOf(cluster, 'early')).toBeNull();
  });
});
