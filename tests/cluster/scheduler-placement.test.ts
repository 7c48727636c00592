// Facts #50 and #60-#69: node affinity, inter-pod affinity, topology spreading, PreferNoSchedule,
// priority classes and preemption, each read against kube-scheduler's plugins.
import { describe, expect, it } from 'vitest';
import type { Cluster } from '@/lib/cluster';
import { labelSelectorMatches, nodeSelectorTermMatches } from '@/lib/cluster/scheduler/selectors';
import type { Node } from '@/lib/cluster/api/types';
import { deploymentYaml, must, newCluster, pods, script } from './fixtures';

const pod = (name: string, spec: string, labels = '{}', cpu = '100m') => `
apiVersion: v1
kind: Pod
metadata: { name: ${name}, labels: ${labels} }
spec:
  ${spec}
  containers: [{ name: app, image: "nginx:1.27", resources: { requests: { cpu: ${cpu}, memory: 64Mi } } }]
`;

const deployment = (name: string, replicas: number, spec = '', cpu = '100m') =>
  deploymentYaml(name, replicas, spec, `{ cpu: ${cpu}, memory: 64Mi }`);

const priorityClass = (name: string, value: number, extra = '') => `
apiVersion: scheduling.k8s.io/v1
kind: PriorityClass
metadata: { name: ${name} }
value: ${value}
${extra}
`;

const nodeOf = (cluster: Cluster, name: string) => pods(cluster, (p) => p.name === name)[0]?.node ?? null;
const replicasOf = (cluster: Cluster, app: string) => pods(cluster, (p) => p.labels.app === app && p.deletionTimestamp === null);
const perNode = (cluster: Cluster, app: string) => {
  const counts = new Map<string, number>();
  for (const p of replicasOf(cluster, app)) if (p.node) counts.set(p.node, (counts.get(p.node) ?? 0) + 1);
  return counts;
};
const failedScheduling = (cluster: Cluster, podName: string) =>
  cluster
    .view()
    .events.filter((e) => e.reason === 'FailedScheduling' && e.object === `pod/${podName}`)
    .map((e) => e.message)
    .at(-1);
const json = (cluster: Cluster, args: string) => JSON.parse(must(cluster, `kubectl get ${args} -o json`));
const taintedControlPlane = '1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }';

const nodeWith = (name: string, labels: Record<string, string>) => ({ metadata: { name, labels } }) as unknown as Node;

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
