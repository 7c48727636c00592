import { evaluateCheck, type CheckInput } from '@/lib/labs/checks';
import { labCheckSchema, type LabCheck } from '@/lib/labs/schema';
import { baseView, webPods, withNode, withPods } from './support/views';

const check = (input: unknown): LabCheck => labCheckSchema.parse({ label: 'the goal', failure: 'failed', ...(input as object) });
const on = (view = baseView(), transcript: CheckInput['transcript'] = []): CheckInput => ({ view, transcript });

describe('check predicates over the cluster view', () => {
  it('a workload check fills its failure message with live numbers', () => {
    const view = baseView();
    const result = evaluateCheck(
      check({
        check: 'workload',
        workload: 'deployment/web',
        available: '>= 4',
        failure: 'web has {available} of {desired} replicas available',
      }),
      on(view),
    );
    expect(result).toEqual({ label: 'the goal', passed: false, reason: 'web has 3 of 3 replicas available' });
    expect(evaluateCheck(check({ check: 'workload', workload: 'deployment/web', available: 3 }), on(view)).passed).toBe(true);
  });

  it('a workload that does not exist fails with zero counts', () => {
    const result = evaluateCheck(
      check({ check: 'workload', workload: 'statefulset/db', ready: 1, failure: 'db has {ready} of {desired} ready' }),
      on(),
    );
    expect(result.reason).toBe('db has 0 of 0 ready');
  });

  it('a pods check counts the pods of a Deployment through its ReplicaSet, and bare pods as owner none', () => {
    const view = baseView();
    expect(evaluateCheck(check({ check: 'pods', owner: 'deployment/web', count: 3 }), on(view)).passed).toBe(true);
    expect(evaluateCheck(check({ check: 'pods', owner: 'none', count: 1 }), on(view)).passed).toBe(true);
    expect(evaluateCheck(check({ check: 'pods', name: 'web-*', status: 'Running', count: 3 }), on(view)).passed).toBe(true);
  });

  it('a pods check filters by node, by absence from a node and by status words', () => {
    const view = baseView();
    const node = webPods(view)[0].node!;
    const away = check({ check: 'pods', owner: 'deployment/web', notOnNode: node, count: '>= 3', failure: '{count} pods away: {pods}' });
    expect(evaluateCheck(away, on(view)).passed).toBe(false);
    const terminating = withPods(view, (p) => (p.node === node ? { ...p, status: 'Terminating' } : p));
    expect(evaluateCheck(check({ check: 'pods', node, status: 'Terminating', count: '>= 1' }), on(terminating)).passed).toBe(true);
    expect(evaluateCheck(check({ check: 'pods', node, notStatus: ['Terminating', 'Pending'], count: 0 }), on(terminating)).passed).toBe(
      true,
    );
  });

  it('a node check reads the status word, taints and the machine', () => {
    const view = withNode(baseView(), 'worker-2', {
      status: 'NotReady',
      machine: 'poweredOff',
      taints: [
        { key: 'node.kubernetes.io/unreachable', effect: 'NoExecute', text: 'node.kubernetes.io/unreachable:NoExecute', timeAdded: 60_000 },
      ],
    });
    expect(evaluateCheck(check({ check: 'node', node: 'worker-2', status: 'NotReady', machine: 'poweredOff' }), on(view)).passed).toBe(
      true,
    );
    expect(
      evaluateCheck(check({ check: 'node', node: 'worker-2', taint: 'node.kubernetes.io/unreachable:NoExecute' }), on(view)).passed,
    ).toBe(true);
    const missing = evaluateCheck(
      check({ check: 'node', node: 'worker-1', taint: 'node.kubernetes.io/unreachable:NoExecute', failure: 'taints: {taints}' }),
      on(view),
    );
    expect(missing.reason).toBe('taints: none');
  });

  it('a taint given as key=value:Effect must match the value too', () => {
    const view = withNode(baseView(), 'worker-1', {
      taints: [{ key: 'maintenance', value: 'true', effect: 'NoSchedule', text: 'maintenance=true:NoSchedule', timeAdded: null }],
    });
    expect(evaluateCheck(check({ check: 'node', node: 'worker-1', taint: 'maintenance=true:NoSchedule' }), on(view)).passed).toBe(true);
    expect(evaluateCheck(check({ check: 'node', node: 'worker-1', taint: 'maintenance=false:NoSchedule' }), on(view)).passed).toBe(false);
    expect(evaluateCheck(check({ check: 'node', node: 'worker-1', noTaint: 'maintenance:NoSchedule' }), on(view)).passed).toBe(false);
  });

  it('an etcd check reports healthy members and the quorum size', () => {
    const view = {
      ...baseView(),
      etcd: {
        members: [
          { name: 'etcd-1', healthy: true },
          { name: 'etcd-2', healthy: false },
          { name: 'etcd-3', healthy: false },
        ],
        quorum: false,
        quorumSize: 2,
      },
    };
    const result = evaluateCheck(check({ check: 'etcd', quorum: true, failure: '{healthy} of {members}, needs {quorumSize}' }), on(view));
    expect(result.reason).toBe('1 of 3, needs 2');
  });

  it('an event check matches reason and object globs and sums repeated events', () => {
    const view = baseView();
    expect(evaluateCheck(check({ check: 'event', reason: 'Scheduled', object: 'pod/web-*', count: 3 }), on(view)).passed).toBe(true);
    expect(evaluateCheck(check({ check: 'event', reason: 'NodeNotReady', failure: 'seen {count}' }), on(view)).reason).toBe('seen 0');
  });

  it('a command check judges the transcript: outcome and the API state at the time', () => {
    const transcript = [
      { command: 'kubectl  scale deployment web --replicas=5', exitCode: 1, api: 'no-quorum' as const },
      { command: 'kubectl scale deployment web --replicas=5', exitCode: 0, api: 'available' as const },
    ];
    const refused = check({ check: 'command', command: 'kubectl scale *', outcome: 'failed', whenApi: 'no-quorum' });
    expect(evaluateCheck(refused, on(baseView(), transcript)).passed).toBe(true);
    expect(evaluateCheck(refused, on(baseView(), transcript.slice(1))).passed).toBe(false);
    expect(
      evaluateCheck(check({ check: 'command', command: 'kubectl scale deployment web --replicas=5', count: 2 }), on(baseView(), transcript))
        .passed,
    ).toBe(true);
  });
});
