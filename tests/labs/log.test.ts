import { createActor } from 'xstate';
import { memoryCompletions } from '@/lib/labs/completions';
import { decodeLabLog, encodeLabLog } from '@/lib/labs/log/codec';
import { labModelVersion, type LabLog } from '@/lib/labs/log/events';
import { clusterStateHash } from '@/lib/labs/log/hash';
import { labPolicy } from '@/lib/labs/policy';
import type { LabResume, LabSessionContext } from '@/lib/labs/session/context';
import { createLabWorld } from '@/lib/labs/world';
import { scenario, settleJump, startSession, testMachine, type Session } from './support/labs';

const context = (session: Session) => session.getSnapshot().context;
const frames = (session: Session, count: number, ms = 1000 / 60) => {
  for (let i = 0; i < count; i++) session.send({ type: 'FRAME', elapsedMs: ms });
};

/** What the reader sees and what the checks read: everything a replay must rebuild. */
function visible(c: LabSessionContext) {
  return {
    hash: clusterStateHash(c.cluster),
    clock: c.cluster.now(),
    terminal: c.terminal,
    timeline: c.timeline,
    checks: c.checks,
    reached: c.reached,
    transcript: c.transcript,
    view: c.view,
    log: c.log,
  };
}

async function resumed(id: string, resume: LabResume) {
  const lab = await scenario(id);
  const actor = createActor(testMachine, {
    input: { scenario: lab, world: createLabWorld(lab), completions: memoryCompletions(), resume },
  });
  actor.start();
  return actor;
}

const resumeOf = (c: LabSessionContext): LabResume => ({ events: c.log, now: c.cluster.now() });

/** A session played the way a reader plays: clicks, playing at 60x, typing mid-play, a jump paused half-way. */
async function playedSession() {
  const session = startSession(await scenario('node-failure'));
  session.send({ type: 'TOGGLE_NODE', node: 'worker-3' });
  session.send({ type: 'SET_SPEED', speed: 60 });
  session.send({ type: 'PLAY' });
  frames(session, 70, 17);
  session.send({ type: 'RUN', command: 'kubectl get nodes' });
  frames(session, 13, 16);
  session.send({ type: 'PAUSE' });
  session.send({ type: 'JUMP', duration: '5m' });
  frames(session, 20);
  session.send({ type: 'PAUSE' });
  session.send({ type: 'RUN', command: 'kubectl describe node worker-3 | grep Taints' });
  session.send({ type: 'JUMP', duration: '1m' });
  settleJump(session);
  session.send({ type: 'CLEAR_TERMINAL' });
  session.send({ type: 'RUN', command: 'kubectl get pods -o wide' });
  session.send({ type: 'PLAY' });
  frames(session, 30, 33);
  session.send({ type: 'PAUSE' });
  return session;
}

describe('a lab is its log', () => {
  it('replaying the log of a played session rebuilds the same cluster, terminal, timeline and checks', async () => {
    const session = await playedSession();
    const before = visible(context(session));
    expect(before.log.length).toBeGreaterThan(8);
    const replay = await resumed('node-failure', resumeOf(context(session)));
    expect(visible(replay.getSnapshot().context)).toEqual(before);
  });

  it('a rewind lands on the state the entry recorded, and redo goes forward to the same end', async () => {
    const session = await playedSession();
    const end = visible(context(session));
    const entries = context(session).timeline;
    const middle = entries[Math.floor(entries.length / 2)];
    session.send({ type: 'REWIND', entryId: middle.id });
    const rewound = context(session);
    expect(rewound.log).toHaveLength(middle.snapshot);
    expect(rewound.timeline.at(-1)!.id).toBe(middle.id);
    expect(rewound.futureTimeline.length).toBeGreaterThan(0);
    const fresh = await resumed('node-failure', { events: rewound.log, now: rewound.cluster.now() });
    expect(clusterStateHash(fresh.getSnapshot().context.cluster)).toBe(clusterStateHash(rewound.cluster));
    session.send({ type: 'REDO', entryId: rewound.futureTimeline.at(-1)!.id });
    const redone = visible(context(session));
    expect(redone.timeline).toEqual(end.timeline);
    expect([...redone.log, ...context(session).future]).toEqual(end.log);
    const again = await resumed('node-failure', { events: redone.log, now: redone.clock });
    expect(clusterStateHash(again.getSnapshot().context.cluster)).toBe(redone.hash);
  });

  it('doing something new after a rewind starts a branch, and the branch left behind is one step away', async () => {
    const session = await playedSession();
    const oldLog = context(session).log;
    const oldHash = clusterStateHash(context(session).cluster);
    session.send({ type: 'REWIND', entryId: context(session).timeline[1].id });
    session.send({ type: 'RUN', command: 'kubectl cordon worker-1' });
    expect(context(session).future).toEqual([]);
    expect(context(session).futureTimeline).toEqual([]);
    expect(context(session).left).toEqual(oldLog);
    session.send({ type: 'SWITCH_BRANCH' });
    expect(context(session).log).toEqual(oldLog);
    expect(context(session).left?.at(-1)).toMatchObject({ k: 'run', cmd: 'kubectl cordon worker-1' });
    const fresh = await resumed('node-failure', { events: oldLog, now: oldLog.at(-1)!.at });
    expect(clusterStateHash(fresh.getSnapshot().context.cluster)).toBe(clusterStateHash(context(session).cluster));
    expect(context(session).cluster.now()).toBe(oldLog.at(-1)!.at);
    expect(oldHash).not.toBe('');
  });

  it('reset forgets both branches and starts over', async () => {
    const session = await playedSession();
    session.send({ type: 'REWIND', entryId: context(session).timeline[1].id });
    session.send({ type: 'RUN', command: 'kubectl get nodes' });
    session.send({ type: 'RESET' });
    expect(context(session).log).toEqual([]);
    expect(context(session).left).toBeNull();
    expect(context(session).checkpoints).toHaveLength(1);
  });

  it('keeps a bounded number of restore points however long the session runs', async () => {
    const session = startSession(await scenario('first-look'));
    for (let i = 0; i < 400; i++) session.send({ type: 'RUN', command: `kubectl scale deployment web --replicas=${(i % 4) + 1}` });
    expect(context(session).log.length).toBeGreaterThanOrEqual(400);
    expect(context(session).checkpoints.length).toBeLessThanOrEqual(labPolicy.checkpointsMax);
    const first = context(session).timeline[1];
    session.send({ type: 'REWIND', entryId: first.id });
    expect(context(session).log).toHaveLength(first.snapshot);
  });
});

describe('a lab log in a link', () => {
  const log = (events: LabLog['events']): LabLog => ({ v: 1, model: labModelVersion, lab: 'node-failure', seed: 7, events, now: 0 });

  it('survives the round trip exactly', async () => {
    const session = await playedSession();
    const original = {
      ...log(context(session).log),
      now: context(session).cluster.now(),
      hash: clusterStateHash(context(session).cluster),
    };
    expect(await decodeLabLog(await encodeLabLog(original))).toEqual(original);
  });

  it('fits a 50-command session in about 2,000 characters', async () => {
    const commands = [
      'kubectl get pods -o wide',
      'sim node fail worker-2',
      'kubectl describe node worker-2',
      'sim advance 1m',
      'kubectl get nodes',
    ];
    const events: LabLog['events'] = [];
    for (let i = 0; i < 50; i++) {
      events.push({ k: 'run', at: i * 20_000, cmd: commands[i % commands.length] });
      events.push({ k: 'tick', at: i * 20_000 + 7_300 });
    }
    const text = await encodeLabLog(log(events));
    expect(text.length).toBeLessThan(2_000);
    expect(text).toMatch(/^[A-Za-z0-9_-]+$/);
  });

  it.each([
    ['text that is not base64url', 'not a link!'],
    ['base64 that is not deflate', 'AAAA'],
    ['a payload far too long', 'A'.repeat(70_000)],
  ])('refuses %s without throwing', async (_name, text) => {
    expect(await decodeLabLog(text)).toBeUndefined();
  });

  it('refuses a log whose events go back in time', async () => {
    const text = await encodeLabLog(
      log([
        { k: 'tick', at: 5_000 },
        { k: 'tick', at: 4_000 },
      ]),
    );
    expect(await decodeLabLog(text)).toBeUndefined();
  });
});
