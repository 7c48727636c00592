// The lab's worker protocol, driven without a Worker: the host (what lab.worker.ts runs) is called
// directly, with a fake clock and a queue for its slices, and the page's side talks to it through
// structuredClone, as postMessage would. The same reader's actions must reach the same cluster
// whichever side of the protocol the session runs on.
import { createActor } from 'xstate';
import { memoryCompletions } from '@/lib/labs/completions';
import { labErrors } from '@/lib/labs/errors';
import { clusterStateHash } from '@/lib/labs/log/hash';
import type { LabResume, LabSessionContext, LabSessionEvent } from '@/lib/labs/session/context';
import { createLabHost, type LabHost } from '@/lib/labs/session/host';
import type { FromLabWorker } from '@/lib/labs/session/protocol';
import { localLabSession, remoteLabSession, type LabWorkerPort } from '@/lib/labs/session/remote';
import type { LabScenario } from '@/lib/labs/schema';
import { createLabWorld } from '@/lib/labs/world';
import { scenario, settleJump, startSession, testMachine } from './support/labs';

/** A host whose real time moves 1 ms per look at the clock, and whose slices run when the test says. */
function hostedLab() {
  const posted: FromLabWorker[] = [];
  const queue: (() => void)[] = [];
  let ms = 0;
  const host = createLabHost((message) => posted.push(structuredClone(message)), {
    now: () => ms++,
    later: (run) => queue.push(run),
  });
  /** Runs queued slices until the host has nothing left to do (or the limit). */
  const drain = (limit = 100_000) => {
    let slices = 0;
    while (queue.length > 0 && slices < limit) {
      queue.shift()!();
      slices++;
    }
    return slices;
  };
  return { host, posted, drain, queue };
}

const start = (host: LabHost, lab: LabScenario, resume?: LabResume) =>
  host.handle(structuredClone({ t: 'start', scenario: lab, resume, completed: false }));
const send = (host: LabHost, event: LabSessionEvent) => host.handle(structuredClone({ t: 'send', event }));
const hosted = (host: LabHost): LabSessionContext => host.context()!;

const readerActions: LabSessionEvent[] = [
  { type: 'RUN', command: 'kubectl get pods -o wide' },
  { type: 'RUN', command: 'sim node fail worker-3' },
  { type: 'JUMP', duration: '1m' },
  { type: 'RUN', command: 'sim advance 6m' },
  { type: 'RUN', command: 'kubectl scale deployment web --replicas=5' },
  { type: 'RUN', command: 'sim advance 2m' },
];

describe('the lab worker protocol', () => {
  it('the same actions reach the same cluster, terminal and log in a worker host as on the page', async () => {
    const lab = await scenario('node-failure');
    const page = startSession(lab);
    const { host, drain } = hostedLab();
    start(host, lab);
    for (const action of readerActions) {
      page.send(action);
      settleJump(page, 100_000);
      send(host, action);
      drain();
    }
    const here = page.getSnapshot().context;
    const there = hosted(host);
    expect(clusterStateHash(there.cluster)).toBe(clusterStateHash(here.cluster));
    expect(there.cluster.now()).toBe(here.cluster.now());
    expect(there.log).toEqual(here.log);
    expect(there.terminal).toEqual(here.terminal);
    expect(there.timeline).toEqual(here.timeline);
  });

  it('a long advance runs in slices, and a cancel between two slices stops it at a time the log replays to', async () => {
    const lab = await scenario('node-failure');
    const { host, drain, posted } = hostedLab();
    start(host, lab);
    send(host, { type: 'RUN', command: 'sim advance 24h' });
    drain(5);
    const shown = posted.filter((m) => m.t === 'shown');
    // Each slice posts its progress: the jump's remaining time goes down between posts.
    const remaining = shown.flatMap((m) => (m.t === 'shown' && m.changes.jump ? [m.changes.jump.remainingMs] : []));
    expect(remaining.length).toBeGreaterThanOrEqual(3);
    expect([...remaining].sort((a, b) => b - a)).toEqual(remaining);
    send(host, { type: 'CANCEL_JUMP' });
    const at = hosted(host).cluster.now();
    // A slice queued before the cancel finds the session paused and does nothing; none follows it.
    drain();
    const stopped = hosted(host);
    expect(stopped.cluster.now()).toBe(at);
    expect(at).toBeGreaterThan(30_000);
    expect(at).toBeLessThan(24 * 3_600_000);
    expect(stopped.jump).toBeNull();
    expect(stopped.log.at(-1)).toEqual({ k: 'cancel', at });
    expect(stopped.terminal.at(-1)?.text).toContain('now ');

    const replay = createActor(testMachine, {
      input: { scenario: lab, world: createLabWorld(lab), completions: memoryCompletions(), resume: { events: stopped.log, now: at } },
    });
    replay.start();
    const replayed = replay.getSnapshot().context;
    expect(replayed.cluster.now()).toBe(at);
    expect(clusterStateHash(replayed.cluster)).toBe(clusterStateHash(stopped.cluster));
    expect(replayed.terminal.map((b) => b.text)).toEqual(stopped.terminal.map((b) => b.text));
  });

  it('the page side shows what the host posts, and answers commands and the hash from the cluster', async () => {
    const lab = await scenario('node-failure');
    const { host, drain } = hostedLab();
    const port: LabWorkerPort = { postMessage: (message) => host.handle(structuredClone(message)), onmessage: null };
    const toPage = createLabHost((message) => port.onmessage?.({ data: structuredClone(message) } as MessageEvent), {
      now: () => 0,
      later: () => {},
    });
    port.postMessage = (message) => toPage.handle(structuredClone(message));
    const completions = memoryCompletions();
    const remote = remoteLabSession(port, { scenario: lab, completions });
    const session = await remote.ready;
    expect(session.getSnapshot().context.view.time.ms).toBe(30_000);
    const seen: number[] = [];
    session.subscribe((s) => seen.push(s.context.log.length));
    session.send({ type: 'RUN', command: 'sim node fail worker-3' });
    expect(session.getSnapshot().context.terminal.at(-2)?.text).toBe('sim node fail worker-3');
    expect(seen.at(-1)).toBe(1);
    const nodes = await session.exec('kubectl get nodes');
    expect(nodes.stdout).toMatch(/worker-3/);
    const log = await session.log(true);
    expect(log.hash).toBe(clusterStateHash(toPage.context()!.cluster));
    expect(log.events).toEqual(toPage.context()!.log);
    expect(drain()).toBe(0);
    expect(host.context()).toBeUndefined();
  });

  it('the page-thread session answers the same questions the same way', async () => {
    const lab = await scenario('node-failure');
    const actor = createActor(testMachine, { input: { scenario: lab, world: createLabWorld(lab), completions: memoryCompletions() } });
    actor.start();
    const session = localLabSession(actor);
    expect(session.getSnapshot()).toBe(session.getSnapshot());
    session.send({ type: 'RUN', command: 'sim node fail worker-3' });
    expect(session.getSnapshot().context.now).toBe(30_000);
    expect((await session.exec('kubectl get nodes')).stdout).toMatch(/worker-3/);
    expect((await session.log(true)).hash).toBe(clusterStateHash(actor.getSnapshot().context.cluster));
  });

  it('a message that is not in the protocol changes nothing', async () => {
    const lab = await scenario('node-failure');
    const { host, posted } = hostedLab();
    start(host, lab);
    const before = posted.length;
    const clock = hosted(host).cluster.now();
    for (const bad of [
      null,
      'RUN',
      { t: 'send', event: { type: 'RUN' } },
      { t: 'send', event: { type: 'EXPLODE' } },
      { t: 'exec', id: -1, command: 'x' },
    ])
      host.handle(bad);
    expect(posted.length).toBe(before);
    expect(hosted(host).cluster.now()).toBe(clock);
  });

  it('a worker that fails says so to the page, which stops asking', async () => {
    const lab = await scenario('node-failure');
    const port: LabWorkerPort = { postMessage: () => {}, onmessage: null };
    const remote = remoteLabSession(port, { scenario: lab, completions: memoryCompletions() });
    port.onmessage?.({ data: { t: 'failed', message: 'boom' } } as MessageEvent);
    await expect(remote.ready).rejects.toThrow('boom');
    expect(remote.failure()).toBe('boom');
    await expect(remote.exec('kubectl get nodes')).rejects.toThrow('boom');
    expect(labErrors.workerFailed).toMatch(/Reload/);
  });
});
