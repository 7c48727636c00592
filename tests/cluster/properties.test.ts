// Property tests over random command sequences (fast-check).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Cluster } from '@/lib/cluster';
import { EventLog } from '@/lib/cluster/apiserver/events';
import { engineOf } from '@/lib/cluster/cluster';
import { defaults } from '@/lib/cluster/engine/config';
import { defaultSelector } from '@/lib/cluster/scheduler/podtopologyspread';
import { firstUntoleratedTaint } from '@/lib/cluster/api/taints';
import { taintKeys } from '@/lib/cluster/api/taints';
import type { Pod } from '@/lib/cluster/api/types';
import { newCluster } from './fixtures';

const workers = ['worker-1', 'worker-2', 'worker-3'];
const apps = ['web', 'api', 'cache'];

const command = fc.oneof(
  fc
    .record({ app: fc.constantFrom(...apps), n: fc.integer({ min: 0, max: 6 }) })
    .map(({ app, n }) => `kubectl create deployment ${app} --image=nginx:1.27 --replicas=${n}`),
  fc
    .record({ app: fc.constantFrom(...apps), n: fc.integer({ min: 0, max: 8 }) })
    .map(({ app, n }) => `kubectl scale deployment ${app} --replicas=${n}`),
  fc.constantFrom(...apps).map((app) => `kubectl delete deployment ${app}`),
  fc.constantFrom('a', 'b').map((name) => `kubectl run bare-${name} --image=busybox:1.36`),
  fc.constantFrom('a', 'b').map((name) => `kubectl delete pod bare-${name}`),
  fc.constantFrom(...workers).map((w) => `kubectl cordon ${w}`),
  fc.constantFrom(...workers).map((w) => `kubectl uncordon ${w}`),
  fc.constantFrom(...workers).map((w) => `kubectl taint node ${w} dedicated=x:NoSchedule`),
  fc.constantFrom(...workers).map((w) => `kubectl taint node ${w} dedicated:NoSchedule-`),
  fc.constantFrom(...workers).map((w) => `sim node fail ${w}`),
  fc.constantFrom(...workers).map((w) => `sim node recover ${w}`),
  fc.constantFrom(...workers).map((w) => `sim kubelet stop ${w}`),
  fc.constantFrom(...workers).map((w) => `sim kubelet start ${w}`),
  fc.constantFrom('etcd-1', 'etcd-2', 'etcd-3').map((m) => `sim etcd fail ${m}`),
  fc.constantFrom('etcd-1', 'etcd-2', 'etcd-3').map((m) => `sim etcd recover ${m}`),
  fc.constantFrom('5s', '30s', '1m', '3m', '6m', '45m').map((d) => `sim advance ${d}`),
);

const commands = fc.array(command, { minLength: 1, maxLength: 25 });

/** Undoes every failure so the cluster has room for everything again. */
function heal(cluster: Cluster): void {
  for (const member of cluster.view().etcd.members) if (!member.healthy) cluster.exec(`sim etcd recover ${member.name}`);
  for (const w of workers) {
    cluster.exec(`sim node recover ${w}`);
    cluster.exec(`sim kubelet start ${w}`);
    cluster.exec(`kubectl uncordon ${w}`);
    cluster.exec(`kubectl taint node ${w} dedicated:NoSchedule-`);
  }
}

describe('properties over random command sequences', () => {
  it('no pod is ever bound to two nodes, and node pod lists agree with pod.node', () => {
    fc.assert(
      fc.property(commands, (lines) => {
        const cluster = newCluster({ etcdMembers: 3 });
        for (const line of lines) {
          cluster.exec(line);
          const view = cluster.view();
          const seen = new Map<string, string>();
          for (const n of view.nodes) {
            for (const key of n.pods) {
              expect(seen.has(key), `${key} on ${seen.get(key)} and ${n.name}`).toBe(false);
              seen.set(key, n.name);
            }
          }
          for (const pod of view.pods) {
            const key = `${pod.namespace}/${pod.name}`;
            if (pod.node && view.nodes.some((n) => n.name === pod.node)) expect(seen.get(key)).toBe(pod.node);
          }
        }
      }),
      { numRuns: 40 },
    );
  });

  it('the scheduler never binds a pod to an unschedulable node or one with a taint it does not tolerate', () => {
    fc.assert(
      fc.property(commands, (lines) => {
        const cluster = newCluster({ etcdMembers: 3 });
        const engine = engineOf(cluster);
        const bound = new Map<string, string | undefined>();
        for (const pod of engine.store.list('Pod')) bound.set(`${pod.metadata.namespace}/${pod.metadata.name}`, pod.spec.nodeName);
        const violations: string[] = [];
        engine.store.watch((event) => {
          if (event.kind !== 'Pod') return;
          const pod = event.object as Pod;
          const before = bound.get(event.key);
          bound.set(event.key, event.type === 'DELETED' ? undefined : pod.spec.nodeName);
          if (event.type !== 'MODIFIED' || before || !pod.spec.nodeName) return;
          const node = engine.store.get('Node', pod.spec.nodeName)!;
          const unschedulable = { key: taintKeys.unschedulable, effect: 'NoSchedule' as const };
          if (node.spec.unschedulable && firstUntoleratedTaint([unschedulable], pod.spec.tolerations, ['NoSchedule']))
            violations.push(`${event.key} -> cordoned ${node.metadata.name}`);
          const taint = firstUntoleratedTaint(node.spec.taints, pod.spec.tolerations, ['NoSchedule', 'NoExecute']);
          if (taint) violations.push(`${event.key} -> ${node.metadata.name} despite ${taint.key}:${taint.effect}`);
        });
        for (const line of lines) cluster.exec(line);
        expect(violations).toEqual([]);
      }),
      { numRuns: 40 },
    );
  });

  it('Deployments converge to their replica count once capacity allows', () => {
    fc.assert(
      fc.property(commands, (lines) => {
        const cluster = newCluster({ etcdMembers: 3 });
        for (const line of lines) cluster.exec(line);
        heal(cluster);
        cluster.advance('15m');
        for (const deployment of cluster.view().deployments) {
          expect(deployment.available, deployment.name).toBe(deployment.desired);
          expect(
            cluster
              .view()
              .pods.filter(
                (p) =>
                  p.ownerName?.startsWith(`${deployment.name}-`) && p.deletionTimestamp === null && p.namespace === deployment.namespace,
              ),
          ).toHaveLength(deployment.desired);
        }
      }),
      { numRuns: 30 },
    );
  });

  it('without etcd quorum nothing is written: objects and events stay exactly as they were', () => {
    fc.assert(
      fc.property(commands, (lines) => {
        const cluster = newCluster({ etcdMembers: 3 });
        for (const line of lines) {
          const quorate = cluster.view().etcd.quorum;
          const before = cluster.snapshot();
          cluster.exec(line);
          if (quorate || line.startsWith('sim etcd recover')) continue;
          const after = cluster.snapshot();
          expect(after.objects, line).toEqual(before.objects);
          expect(after.events, line).toEqual(before.events);
        }
      }),
      { numRuns: 40 },
    );
  });

  it('the same seed gives the same transcript', () => {
    fc.assert(
      fc.property(commands, fc.integer({ min: 0, max: 1000 }), (lines, seed) => {
        const transcript = () => {
          const cluster = newCluster({ seed, etcdMembers: 3 });
          const steps = cluster.run([...lines, 'kubectl get pods -A -o wide', 'kubectl get events -A'].join('\n'));
          return { steps, snapshot: cluster.snapshot() };
        };
        expect(transcript()).toEqual(transcript());
      }),
      { numRuns: 20 },
    );
  });

  it('restoring a snapshot and replaying the same commands gives the same transcript', () => {
    fc.assert(
      fc.property(commands, commands, (prefix, suffix) => {
        const cluster = newCluster({ etcdMembers: 3 });
        cluster.run(prefix.join('\n'));
        const saved = cluster.snapshot();
        const tail = [...suffix, 'kubectl get pods -A -o wide', 'kubectl get events -A', 'kubectl get nodes'].join('\n');
        const first = cluster.run(tail);
        const end = cluster.snapshot();
        cluster.restore(JSON.parse(JSON.stringify(saved)));
        expect(cluster.snapshot()).toEqual(saved);
        expect(cluster.run(tail)).toEqual(first);
        expect(cluster.snapshot()).toEqual(end);
        const elsewhere = newCluster({ seed: 999 });
        elsewhere.restore(saved);
        expect(elsewhere.run(tail)).toEqual(first);
      }),
      { numRuns: 25 },
    );
  });
});

describe('the indexes behind the fast paths', () => {
  it("per-owner pod counts and the scheduler's node table always agree with a pass over every pod", () => {
    fc.assert(
      fc.property(commands, (lines) => {
        const cluster = newCluster({ etcdMembers: 3 });
        const engine = engineOf(cluster);
        for (const line of lines) {
          cluster.exec(line);
          const owners = new Map<
            string,
            { total: number; active: number; activeReady: number; boundActive: number; boundActiveReady: number }
          >();
          for (const pod of engine.store.list('Pod')) {
            const owner = pod.metadata.ownerReferences.find((ref) => ref.controller)?.uid;
            if (!owner) continue;
            const counts = owners.get(owner) ?? { total: 0, active: 0, activeReady: 0, boundActive: 0, boundActiveReady: 0 };
            const active =
              pod.metadata.deletionTimestamp === undefined && pod.status.phase !== 'Succeeded' && pod.status.phase !== 'Failed';
            const ready = pod.status.conditions.some((c) => c.type === 'Ready' && c.status === 'True');
            counts.total++;
            if (active) counts.active++;
            if (active && ready) counts.activeReady++;
            if (active && pod.spec.nodeName) counts.boundActive++;
            if (active && pod.spec.nodeName && ready) counts.boundActiveReady++;
            owners.set(owner, counts);
          }
          for (const [owner, counts] of owners) expect(engine.podCounts(owner), line).toEqual(counts);
          // Active pods per owner and node (what a ReplicaSet ranks its victims by), '' for
          // unbound, with the ready ones among them (what a DaemonSet leaves out on nodes that only keep a pod).
          const onNodes = new Map<string, { active: number; ready: number }>();
          for (const pod of engine.store.list('Pod')) {
            const owner = pod.metadata.ownerReferences.find((ref) => ref.controller)?.uid;
            const active =
              pod.metadata.deletionTimestamp === undefined && pod.status.phase !== 'Succeeded' && pod.status.phase !== 'Failed';
            if (!owner || !active) continue;
            const at = `${owner} ${pod.spec.nodeName ?? ''}`;
            const counts = onNodes.get(at) ?? { active: 0, ready: 0 };
            counts.active++;
            if (pod.status.conditions.some((c) => c.type === 'Ready' && c.status === 'True')) counts.ready++;
            onNodes.set(at, counts);
          }
          for (const [at, counts] of onNodes) {
            const [owner, node] = at.split(' ');
            expect(engine.activePodsOnNode(owner, node), line).toEqual(counts);
          }
          for (const node of ['', ...[...engine.store.list('Node')].map((n) => n.metadata.name)])
            for (const owner of owners.keys())
              expect(engine.activePodsOnNode(owner, node), line).toEqual(onNodes.get(`${owner} ${node}`) ?? { active: 0, ready: 0 });
          const table = engine.nodeTable();
          table.nodes.forEach((node, slot) => {
            const bound = [...engine.store.list('Pod')].filter((pod) => pod.spec.nodeName === node.metadata.name);
            expect(table.pods[slot], line).toBe(bound.length);
            expect(table.requestedCpu[slot], line).toBe(
              bound.reduce((sum, pod) => sum + pod.spec.containers.reduce((s, c) => s + c.requests.cpu, 0), 0),
            );
            expect(table.simple[slot], line).toBe(!node.spec.unschedulable && node.spec.taints.length === 0 ? 1 : 0);
          });
          // The default spreading selector found through the label-pair index equals a pass over
          // every Service, ReplicaSet and StatefulSet, merged in that order.
          for (const pod of engine.store.list('Pod')) {
            let merged: Record<string, string> | null = null;
            const selectors = [
              ...[...engine.store.list('Service')].map((o) => [o.metadata.namespace, o.spec.selector] as const),
              ...[...engine.store.list('ReplicaSet')].map((o) => [o.metadata.namespace, o.spec.selector] as const),
              ...[...engine.store.list('StatefulSet')].map((o) => [o.metadata.namespace, o.spec.selector] as const),
            ];
            for (const [namespace, selector] of selectors) {
              const pairs = Object.entries(selector ?? {});
              if (namespace !== pod.metadata.namespace || pairs.length === 0) continue;
              if (pairs.every(([key, value]) => pod.metadata.labels[key] === value))
                merged = { ...(merged ?? {}), ...(selector as Record<string, string>) };
            }
            const found = defaultSelector(engine, engine.cache, pod);
            expect(found === null ? null : Object.entries(found), line).toEqual(merged === null ? null : Object.entries(merged));
          }
        }
      }),
      { numRuns: 15 },
    );
  });

  it('the event log folds and drops events exactly as a plain scan of every event would, however many one name has', () => {
    type Recorded = { kind: string; name: string; reason: string; message: string; first: number; last: number; count: number };
    const entry = fc.record({
      kind: fc.constantFrom('Pod', 'ReplicaSet'),
      name: fc.constantFrom('a', 'b'),
      reason: fc.constantFrom('Created', 'Started'),
      message: fc.integer({ min: 0, max: 40 }).map((n) => `m${n}`),
      dt: fc.constantFrom(0, 0, 1000),
    });
    fc.assert(
      fc.property(fc.array(entry, { minLength: 100, maxLength: 300, size: 'max' }), fc.integer({ min: 8, max: 80 }), (entries, limit) => {
        const log = new EventLog(limit);
        let reference: Recorded[] = [];
        let now = 0;
        for (const { kind, name, reason, message, dt } of entries) {
          now += dt;
          log.record(now, { kind, namespace: 'default', name }, 'Normal', reason, message, 'kubelet');
          const repeat = reference.find((e) => e.kind === kind && e.name === name && e.reason === reason && e.message === message);
          if (repeat) {
            repeat.count++;
            repeat.last = now;
          } else reference.push({ kind, name, reason, message, first: now, last: now, count: 1 });
          if (reference.length > limit) {
            // The most recently updated half stays; at equal times, the later recorded.
            const order = reference.map((e, i) => ({ e, i })).sort((x, y) => y.e.last - x.e.last || y.i - x.i);
            const kept = new Set(order.slice(0, Math.floor(limit / 2)).map(({ e }) => e));
            reference = reference.filter((e) => kept.has(e));
          }
        }
        const shown = (
          events: readonly { involvedObject: { kind: string; name: string }; reason: string; message: string; count: number }[],
        ) => events.map((e) => `${e.involvedObject.kind}/${e.involvedObject.name} ${e.reason} ${e.message} x${e.count}`);
        const expected = reference.map((e) => `${e.kind}/${e.name} ${e.reason} ${e.message} x${e.count}`);
        expect(shown(log.list())).toEqual(expected);
        for (const kind of ['Pod', 'ReplicaSet'])
          for (const name of ['a', 'b'])
            expect(shown(log.about(kind, 'default', name))).toEqual(expected.filter((line) => line.startsWith(`${kind}/${name} `)));
      }),
      { numRuns: 300 },
    );
  });

  it('the event log keeps the most recently updated events when it outgrows its bound, and still folds repeats', () => {
    const log = new EventLog(10);
    const pod = (name: string) => ({ kind: 'Pod', namespace: 'default', name });
    for (let i = 0; i < 10; i++) log.record(i * 1000, pod(`p${i}`), 'Normal', 'Started', 'Started container app', 'kubelet');
    log.record(20_000, pod('p0'), 'Normal', 'Started', 'Started container app', 'kubelet');
    log.record(21_000, pod('p10'), 'Normal', 'Started', 'Started container app', 'kubelet');
    // Over 10 entries: only the 5 most recently updated remain, p0 among them (updated at 20s).
    expect(log.list().map((event) => event.involvedObject.name)).toEqual(['p0', 'p7', 'p8', 'p9', 'p10']);
    expect(log.about('Pod', 'default', 'p0')[0].count).toBe(2);
    expect(log.about('Pod', 'default', 'p3')).toEqual([]);
    log.record(22_000, pod('p9'), 'Normal', 'Started', 'Started container app', 'kubelet');
    expect(log.about('Pod', 'default', 'p9')[0].count).toBe(2);
    log.expire(20_000 + defaults.eventTtlMs, defaults.eventTtlMs);
    expect(log.list().map((event) => event.involvedObject.name)).toEqual(['p0', 'p9', 'p10']);
  });
});
