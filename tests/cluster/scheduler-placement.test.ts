// Facts #50 and #60-#65: node affinity, inter-pod affinity, topology spreading, filter messages
// and PreferNoSchedule, each read against kube-scheduler's plugins. Priority and preemption
// (#66-#69) are in scheduler-preemption.test.ts.
import { describe, expect, it } from 'vitest';
import type { Cluster } from '@/lib/cluster';
import { labelSelectorMatches, nodeSelectorTermMatches } from '@/lib/cluster/scheduler/selectors';
import { must, newCluster, script } from './fixtures';
import { deployment, failedScheduling, nodeOf, nodeWith, perNode, pod, replicasOf, taintedControlPlane } from './support/scheduling';

describe('node affinity', () => {
  it('#60 matches In, NotIn, Exists, DoesNotExist, Gt and Lt, and matchFields on metadata.name', () => {
    const node = nodeWith('worker-1', { disk: 'ssd', gen: '5' });
    const term = (key: string, operator: string, values?: string[]) =>
      nodeSelectorTermMatches({ matchExpressions: [{ key, operator: operator as 'In', values }] }, node);
    expect(term('disk', 'In', ['hdd', 'ssd'])).toBe(true);
    expect(term('disk', 'NotIn', ['ssd'])).toBe(false);
    expect(term('zone', 'NotIn', ['a'])).toBe(true);
    expect(term('disk', 'Exists')).toBe(true);
    expect(term('disk', 'DoesNotExist')).toBe(false);
    expect(term('gen', 'Gt', ['4'])).toBe(true);
    expect(term('gen', 'Lt', ['5'])).toBe(false);
    // Gt and Lt compare integers; a value that is not one never matches.
    expect(term('disk', 'Gt', ['1'])).toBe(false);
    expect(nodeSelectorTermMatches({ matchFields: [{ key: 'metadata.name', operator: 'In', values: ['worker-1'] }] }, node)).toBe(true);
    expect(nodeSelectorTermMatches({}, node)).toBe(false);
    expect(labelSelectorMatches({}, { app: 'web' })).toBe(true);
    expect(labelSelectorMatches(undefined, { app: 'web' })).toBe(false);
  });

  it('#60 required terms are ORed, nodeSelector must hold too, and a miss reads as upstream prints it', () => {
    const required = (terms: string) =>
      `affinity: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: ${terms} } } }`;
    const cluster = newCluster({
      files: {
        'gt.yaml': pod('gt', required('[{ matchExpressions: [{ key: gen, operator: Gt, values: ["4"] }] }]')),
        'or.yaml': pod(
          'or',
          required(
            '[{ matchExpressions: [{ key: disk, operator: In, values: [nvme] }] }, { matchFields: [{ key: metadata.name, operator: In, values: [worker-3] }] }]',
          ),
        ),
        'both.yaml': pod(
          'both',
          `nodeSelector: { disk: ssd }\n  ${required('[{ matchExpressions: [{ key: gen, operator: Lt, values: ["4"] }] }]')}`,
        ),
        'none.yaml': pod(
          'none',
          required('[{ matchExpressions: [{ key: disk, operator: DoesNotExist }, { key: gen, operator: Exists }] }]'),
        ),
      },
    });
    script(
      cluster,
      `kubectl label node worker-1 disk=ssd gen=3
      kubectl label node worker-2 disk=hdd gen=5
      kubectl apply -f gt.yaml
      kubectl apply -f or.yaml
      kubectl apply -f both.yaml
      kubectl apply -f none.yaml
      sim advance 10s`,
    );
    expect(nodeOf(cluster, 'gt')).toBe('worker-2');
    expect(nodeOf(cluster, 'or')).toBe('worker-3');
    expect(nodeOf(cluster, 'both')).toBe('worker-1');
    expect(nodeOf(cluster, 'none')).toBeNull();
    expect(failedScheduling(cluster, 'none')).toBe(
      `0/4 nodes are available: ${taintedControlPlane}, 3 node(s) didn't match Pod's node affinity/selector. ` +
        'preemption: 0/4 nodes are available: 4 Preemption is not helpful for scheduling.',
    );
  });

  it('#61 preferred terms pull pods to the nodes with the most matching weight', () => {
    const preferred = `affinity: { nodeAffinity: { preferredDuringSchedulingIgnoredDuringExecution: [
      { weight: 20, preference: { matchExpressions: [{ key: disk, operator: In, values: [ssd] }] } },
      { weight: 80, preference: { matchExpressions: [{ key: gpu, operator: Exists }] } } ] } }`;
    const files: Record<string, string> = {};
    for (let i = 0; i < 4; i++) files[`p${i}.yaml`] = pod(`p${i}`, preferred);
    const cluster = newCluster({ files });
    script(cluster, 'kubectl label node worker-1 disk=ssd\nkubectl label node worker-3 gpu=yes');
    for (let i = 0; i < 4; i++) must(cluster, `kubectl apply -f p${i}.yaml`);
    cluster.advance('10s');
    for (let i = 0; i < 4; i++) expect(nodeOf(cluster, `p${i}`)).toBe('worker-3');
  });
});

describe('inter-pod affinity', () => {
  const antiSelf = (key = 'kubernetes.io/hostname') =>
    `affinity: { podAntiAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [{ labelSelector: { matchLabels: { app: web } }, topologyKey: ${key} }] } }`;

  it('#62 required anti-affinity puts one replica per node and leaves the rest Pending with upstream text', () => {
    const cluster = newCluster({ files: { 'web.yaml': deployment('web', 4, antiSelf()) } });
    script(cluster, 'kubectl apply -f web.yaml\nsim advance 20s');
    const counts = perNode(cluster, 'web');
    expect([...counts.keys()].sort()).toEqual(['worker-1', 'worker-2', 'worker-3']);
    const pending = replicasOf(cluster, 'web').filter((p) => p.node === null);
    expect(pending).toHaveLength(1);
    expect(failedScheduling(cluster, pending[0].name)).toBe(
      `0/4 nodes are available: ${taintedControlPlane}, 3 node(s) didn't match pod anti-affinity rules. ` +
        'preemption: 0/4 nodes are available: 1 Preemption is not helpful for scheduling, 3 No preemption victims found for incoming pod.',
    );
  });

  it('#62 required affinity follows the matching pod; the first of a self-affine group may go anywhere', () => {
    const withDb = `affinity: { podAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [{ labelSelector: { matchLabels: { app: db } }, topologyKey: kubernetes.io/hostname }] } }`;
    const self = `affinity: { podAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [{ labelSelector: { matchLabels: { app: pack } }, topologyKey: kubernetes.io/hostname }] } }`;
    const cluster = newCluster({
      files: {
        'cache.yaml': pod('cache', withDb),
        'db.yaml': pod('db', 'nodeName: worker-2', '{ app: db }'),
        'pack.yaml': deployment('pack', 3, self),
      },
    });
    script(cluster, 'kubectl apply -f cache.yaml\nsim advance 5s');
    expect(nodeOf(cluster, 'cache')).toBeNull();
    expect(failedScheduling(cluster, 'cache')).toBe(
      `0/4 nodes are available: ${taintedControlPlane}, 3 node(s) didn't match pod affinity rules. ` +
        'preemption: 0/4 nodes are available: 4 Preemption is not helpful for scheduling.',
    );
    script(cluster, 'kubectl apply -f db.yaml\nkubectl apply -f pack.yaml\nsim advance 20s');
    expect(nodeOf(cluster, 'cache')).toBe('worker-2');
    expect(perNode(cluster, 'pack').size).toBe(1);
    expect([...perNode(cluster, 'pack').values()]).toEqual([3]);
  });

  it("#62 an existing pod's anti-affinity keeps matching pods off its domain (symmetry)", () => {
    const loner = `affinity: { podAntiAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [{ labelSelector: { matchLabels: { app: web } }, topologyKey: kubernetes.io/hostname }] } }`;
    const cluster = newCluster({
      files: { 'loner.yaml': pod('loner', `nodeName: worker-1\n  ${loner}`), 'web.yaml': deployment('web', 6) },
    });
    script(cluster, 'kubectl apply -f loner.yaml\nsim advance 5s\nkubectl apply -f web.yaml\nsim advance 20s');
    expect(perNode(cluster, 'web').get('worker-1')).toBeUndefined();
    expect(replicasOf(cluster, 'web').every((p) => p.node !== null)).toBe(true);
  });

  it('#62 preferred anti-affinity spreads bare pods that nothing else would spread', () => {
    const files: Record<string, string> = {};
    const soft = `affinity: { podAntiAffinity: { preferredDuringSchedulingIgnoredDuringExecution: [{ weight: 100, podAffinityTerm: { labelSelector: { matchLabels: { app: solo } }, topologyKey: kubernetes.io/hostname } }] } }`;
    for (let i = 0; i < 3; i++) files[`s${i}.yaml`] = pod(`s${i}`, soft, '{ app: solo }');
    const cluster = newCluster({ files });
    for (let i = 0; i < 3; i++) script(cluster, `kubectl apply -f s${i}.yaml\nsim advance 2s`);
    expect(new Set([0, 1, 2].map((i) => nodeOf(cluster, `s${i}`))).size).toBe(3);
  });
});

describe('topology spreading', () => {
  const zones = `kubectl label node worker-1 topology.kubernetes.io/zone=zone-a
    kubectl label node worker-2 topology.kubernetes.io/zone=zone-a
    kubectl label node worker-3 topology.kubernetes.io/zone=zone-b`;
  const zoneOf = (node: string) => (node === 'worker-3' ? 'zone-b' : 'zone-a');
  const perZone = (cluster: Cluster, app: string) => {
    const counts: Record<string, number> = {};
    for (const p of replicasOf(cluster, app)) if (p.node) counts[zoneOf(p.node)] = (counts[zoneOf(p.node)] ?? 0) + 1;
    return counts;
  };

  it('#50 replicas of a ReplicaSet spread over zones by the system default constraints', () => {
    for (const seed of [1, 2, 3]) {
      const cluster = newCluster({ seed, files: { 'web.yaml': deployment('web', 4) } });
      script(cluster, `${zones}\nkubectl apply -f web.yaml\nsim advance 20s`);
      expect(perZone(cluster, 'web'), `seed ${seed}`).toEqual({ 'zone-a': 2, 'zone-b': 2 });
    }
  });

  it('#50 bare pods that no Service or ReplicaSet selects are not spread by the defaults', () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 4; i++) files[`b${i}.yaml`] = pod(`b${i}`, '', '{ app: bare }');
    const cluster = newCluster({ files });
    script(cluster, zones);
    for (let i = 0; i < 4; i++) must(cluster, `kubectl apply -f b${i}.yaml`);
    cluster.advance('10s');
    const zoneB = [0, 1, 2, 3].filter((i) => nodeOf(cluster, `b${i}`) === 'worker-3').length;
    // Only the resource scores decide: one zone-b node takes about a third, not half.
    expect(zoneB).toBeLessThan(2);
  });

  it('#63 DoNotSchedule keeps the skew within maxSkew and says so when it cannot', () => {
    const spread = `topologySpreadConstraints: [{ maxSkew: 1, topologyKey: topology.kubernetes.io/zone, whenUnsatisfiable: DoNotSchedule, labelSelector: { matchLabels: { app: web } } }]`;
    const cluster = newCluster({
      files: { 'web.yaml': deployment('web', 5, `nodeSelector: { topology.kubernetes.io/zone: zone-a }\n      ${spread}`) },
    });
    script(cluster, `${zones}\nkubectl apply -f web.yaml\nsim advance 20s`);
    // Node affinity keeps zone-b out of the eligible domains, so zone-a alone sets the minimum.
    expect(perZone(cluster, 'web')).toEqual({ 'zone-a': 5 });
    const open = newCluster({ files: { 'web.yaml': deployment('web', 5, spread) } });
    script(open, `${zones}\nkubectl cordon worker-3\nkubectl apply -f web.yaml\nsim advance 20s`);
    // zone-b's only node is cordoned but still an eligible domain with 0 pods: one pod in zone-a, the rest wait.
    expect(perZone(open, 'web')).toEqual({ 'zone-a': 1 });
    const pending = replicasOf(open, 'web').find((p) => p.node === null)!;
    expect(failedScheduling(open, pending.name)).toBe(
      `0/4 nodes are available: ${taintedControlPlane}, 1 node(s) were unschedulable, 2 node(s) didn't match pod topology spread constraints. ` +
        'preemption: 0/4 nodes are available: 2 No preemption victims found for incoming pod, 2 Preemption is not helpful for scheduling.',
    );
  });

  it('#63 a node without the key is refused as unresolvable, and minDomains counts missing domains as empty', () => {
    const spread = (extra: string) =>
      `topologySpreadConstraints: [{ maxSkew: 1, topologyKey: topology.kubernetes.io/zone, whenUnsatisfiable: DoNotSchedule, labelSelector: { matchLabels: { app: web } }${extra} }]`;
    const cluster = newCluster({ files: { 'web.yaml': deployment('web', 4, spread(', minDomains: 3')) } });
    script(
      cluster,
      `kubectl label node worker-1 topology.kubernetes.io/zone=zone-a\nkubectl label node worker-2 topology.kubernetes.io/zone=zone-b\nkubectl apply -f web.yaml\nsim advance 20s`,
    );
    expect(replicasOf(cluster, 'web').filter((p) => p.node !== null)).toHaveLength(2);
    const pending = replicasOf(cluster, 'web').find((p) => p.node === null)!;
    expect(failedScheduling(cluster, pending.name)).toBe(
      "0/4 nodes are available: 1 node(s) didn't match pod topology spread constraints (missing required label), " +
        `${taintedControlPlane}, 2 node(s) didn't match pod topology spread constraints. ` +
        'preemption: 0/4 nodes are available: 2 No preemption victims found for incoming pod, 2 Preemption is not helpful for scheduling.',
    );
  });

  it('#63 ScheduleAnyway constraints only score: every replica runs', () => {
    const spread = `topologySpreadConstraints: [{ maxSkew: 1, topologyKey: topology.kubernetes.io/zone, whenUnsatisfiable: ScheduleAnyway, labelSelector: { matchLabels: { app: web } } }]`;
    const cluster = newCluster({ files: { 'web.yaml': deployment('web', 6, spread) } });
    script(cluster, `${zones}\nkubectl apply -f web.yaml\nsim advance 20s`);
    expect(perZone(cluster, 'web')).toEqual({ 'zone-a': 3, 'zone-b': 3 });
  });
});

describe('filters, messages and scores', () => {
  it('#64 a node reports only its first failing filter, and reasons are counted and sorted', () => {
    const big = newCluster({ files: { 'p.yaml': pod('p', 'nodeSelector: { disk: ssd }', '{}', '"8"') } });
    script(
      big,
      'kubectl label node worker-1 disk=ssd\nkubectl taint node worker-2 dedicated=db:NoSchedule\nkubectl apply -f p.yaml\nsim advance 2s',
    );
    expect(failedScheduling(big, 'p')).toBe(
      "0/4 nodes are available: 1 Insufficient cpu, 1 node(s) didn't match Pod's node affinity/selector, " +
        '1 node(s) had untolerated taint {dedicated: db}, ' +
        taintedControlPlane +
        '. preemption: 0/4 nodes are available: 1 No preemption victims found for incoming pod, 3 Preemption is not helpful for scheduling.',
    );
  });

  it('#65 PreferNoSchedule taints only lower a node score, and a toleration lifts that', () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 3; i++) files[`t${i}.yaml`] = pod(`t${i}`, '');
    files['ok.yaml'] = pod(
      'ok',
      'tolerations: [{ key: spot, operator: Exists, effect: PreferNoSchedule }]\n  nodeSelector: { kubernetes.io/hostname: worker-1 }',
    );
    const cluster = newCluster({ files });
    script(cluster, 'kubectl taint node worker-1 spot=yes:PreferNoSchedule\nkubectl taint node worker-2 spot=yes:PreferNoSchedule');
    for (let i = 0; i < 3; i++) must(cluster, `kubectl apply -f t${i}.yaml`);
    must(cluster, 'kubectl apply -f ok.yaml');
    cluster.advance('10s');
    for (let i = 0; i < 3; i++) expect(nodeOf(cluster, `t${i}`)).toBe('worker-3');
    expect(nodeOf(cluster, 'ok')).toBe('worker-1');
  });
});
