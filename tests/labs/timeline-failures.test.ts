import type { ClusterView, EventView } from '@/lib/cluster';
import { diffViews } from '@/lib/labs/timeline';
import { baseView, webPods, withNode, withPods } from './support/views';

const texts = (marks: ReturnType<typeof diffViews>) => marks.map((m) => m.text);

function withEvent(view: ClusterView, event: Partial<EventView> & Pick<EventView, 'reason' | 'message' | 'object'>): ClusterView {
  const full: EventView = {
    namespace: 'default',
    type: 'Warning',
    source: 'kubelet',
    firstTimestamp: 40_000,
    lastTimestamp: 40_000,
    count: 1,
    ...event,
  };
  return { ...view, events: [...view.events, full] };
}

describe('the timeline names the failures', () => {
  it('names the new events, each with its why: BackOff, Unhealthy, Killing, Failed, Pulling, Preempted, ScalingReplicaSet', () => {
    const before = baseView();
    const pod = webPods(before)[0];
    const object = `pod/${pod.name}`;
    let after = before;
    const events: [string, string][] = [
      ['BackOff', `Back-off restarting failed container nginx in pod ${pod.name}`],
      ['Unhealthy', 'Liveness probe failed: HTTP probe failed with statuscode: 500'],
      ['Killing', 'Container nginx failed liveness probe, will be restarted'],
      ['Failed', 'Failed to pull image "nginx:nope": not found'],
      ['Pulling', 'Pulling image "nginx:nope"'],
      ['Preempted', 'Preempted by pod default/vip on node worker-1'],
    ];
    for (const [reason, message] of events) after = withEvent(after, { reason, message, object });
    after = withEvent(after, {
      reason: 'ScalingReplicaSet',
      message: 'Scaled up replica set web-abc from 2 to 3',
      object: 'deployment/web',
      type: 'Normal',
    });
    const marks = diffViews(before, after).filter((m) => m.kind === 'event');
    expect(marks.map((m) => m.whys?.[0].reason)).toEqual([
      'BackOff',
      'Unhealthy',
      'Killing',
      'Failed',
      'Pulling',
      'Preempted',
      'ScalingReplicaSet',
    ]);
    const label = texts(marks)[0].split(' ')[0];
    expect(label).toMatch(/^web-[a-z0-9]{5}$/);
    expect(texts(marks)).toEqual([
      `${label} back-off restarting the container (CrashLoopBackOff)`,
      `${label} Liveness probe failed`,
      `${label} killed: failed its probe, will restart`,
      `${label} Failed: Failed to pull image "nginx:nope": not found`,
      `${label} pulling image "nginx:nope"`,
      `${label} preempted by a pod of higher priority`,
      'deployment/web scaled up replica set web-abc from 2 to 3',
    ]);
  });

  it('a repeated event (its count goes up) is named again; an unchanged one is not', () => {
    const pod = webPods(baseView())[0];
    const once = withEvent(baseView(), { reason: 'BackOff', message: 'Back-off restarting failed container', object: `pod/${pod.name}` });
    expect(diffViews(once, { ...once, events: [...once.events] })).toEqual([]);
    const twice = { ...once, events: once.events.map((e) => (e.reason === 'BackOff' ? { ...e, count: 2 } : e)) };
    expect(diffViews(once, twice).map((m) => m.whys?.[0].reason)).toEqual(['BackOff']);
  });

  it('names back-off states, restarts with the last exit, readiness, partitions and Service traffic', () => {
    const before = baseView();
    const [a, b] = webPods(before);
    const service = {
      namespace: 'default',
      name: 'web',
      type: 'ClusterIP',
      clusterIP: '10.96.0.9',
      externalName: null,
      ports: ['80/TCP'],
      selector: { app: 'web' },
      endpoints: { ready: [`default/${a.name}`, `default/${b.name}`], notReady: [] as string[] },
    };
    const start = { ...before, services: [service] };
    const after = withNode(
      withPods(
        {
          ...start,
          services: [{ ...service, endpoints: { ready: [], notReady: [`default/${a.name}`, `default/${b.name}`] } }],
        },
        (p) =>
          p.name === a.name
            ? {
                ...p,
                status: 'CrashLoopBackOff',
                restarts: 2,
                lastTermination: { container: 'nginx', reason: 'OOMKilled', exitCode: 137, finishedAt: 1 },
              }
            : p.name === b.name
              ? { ...p, ready: false }
              : p,
      ),
      'worker-3',
      { network: 'partitioned' },
    );
    const all = texts(diffViews(start, after));
    expect(all).toContain('worker-3 cut off from the network (running, unreachable)');
    expect(all.some((t) => t.endsWith(' CrashLoopBackOff'))).toBe(true);
    expect(all.some((t) => t.endsWith('restarted (last exit: OOMKilled, code 137)'))).toBe(true);
    expect(all.some((t) => t.endsWith('not ready (out of its Services)'))).toBe(true);
    expect(all.some((t) => t.startsWith('svc/web stops sending traffic to '))).toBe(true);
    expect(all).toContain('svc/web has no ready endpoints');
    expect(texts(diffViews(after, withNode(after, 'worker-3', { network: 'connected' })))).toEqual(['worker-3 reconnected']);
  });
});

describe('other events explain the marks they caused', () => {
  it('a node going NotReady carries the NodeNotReady event, a pod’s creation its Scheduled event', () => {
    const before = baseView();
    const after = withEvent(withNode(before, 'worker-3', { status: 'NotReady' }), {
      reason: 'NodeNotReady',
      message: 'Node worker-3 status is now: NodeNotReady',
      object: 'node/worker-3',
      type: 'Normal',
    });
    const marks = diffViews(before, after);
    const node = marks.find((m) => m.text === 'worker-3 NotReady');
    expect(node?.whys?.map((w) => w.reason)).toEqual(['NodeNotReady']);
    expect(node?.whys?.[0].by).toMatch(/kubelet|node-controller/);
    expect(marks.filter((m) => m.kind === 'event')).toEqual([]);
  });
});
