import { memoryCompletions } from '@/lib/labs/completions';
import { labErrors } from '@/lib/labs/errors';
import { labPolicy } from '@/lib/labs/policy';
import { runSolution, scenario, settleJump, startSession, type Session } from './support/labs';

const frame = (session: Session, ms = 1000 / 60) => session.send({ type: 'FRAME', elapsedMs: ms });
const context = (session: Session) => session.getSnapshot().context;
const outputs = (session: Session) => context(session).terminal.map((b) => b.text);

describe('a lab session', () => {
  it('starts paused at the end of its setup, with the start on the timeline', async () => {
    const session = startSession(await scenario('node-failure'));
    expect(session.getSnapshot().value).toBe('paused');
    expect(context(session).view.time.text).toBe('30s');
    expect(context(session).timeline.map((e) => e.marks[0].text)).toEqual(['Lab starts']);
  });

  it('frames move the clock only while playing, by frame time times speed', async () => {
    const session = startSession(await scenario('node-failure'));
    frame(session, 100);
    expect(context(session).view.time.ms).toBe(30_000);
    session.send({ type: 'PLAY' });
    session.send({ type: 'SET_SPEED', speed: 60 });
    for (let i = 0; i < 60; i++) frame(session);
    expect(context(session).view.time.ms).toBe(90_000);
    session.send({ type: 'PAUSE' });
    frame(session);
    expect(context(session).view.time.ms).toBe(90_000);
  });

  it('a long frame counts as at most the policy maximum', async () => {
    const session = startSession(await scenario('node-failure'));
    session.send({ type: 'PLAY' });
    frame(session, 10_000);
    expect(context(session).view.time.ms).toBe(30_000 + labPolicy.maxFrameMs);
  });

  it('a jump is spread over frames, echoed as its command, and ends back in paused', async () => {
    const session = startSession(await scenario('node-failure'));
    session.send({ type: 'JUMP', duration: '5m' });
    expect(session.getSnapshot().value).toBe('jumping');
    frame(session);
    const afterOne = context(session).view.time.ms;
    expect(afterOne).toBeGreaterThan(30_000);
    expect(afterOne).toBeLessThan(30_000 + 5 * 60_000);
    const frames = settleJump(session);
    expect(frames).toBeGreaterThan(20);
    expect(session.getSnapshot().value).toBe('paused');
    expect(context(session).view.time.ms).toBe(30_000 + 5 * 60_000);
    expect(outputs(session)).toEqual(expect.arrayContaining(['sim advance 5m', 'advanced 5m0s; now 5m30s']));
  });

  it('clicking a node runs the sim command for it, and a second click powers it back on', async () => {
    const session = startSession(await scenario('node-failure'));
    session.send({ type: 'TOGGLE_NODE', node: 'worker-3' });
    expect(outputs(session)).toEqual(expect.arrayContaining(['sim node fail worker-3', 'machine worker-3 lost power']));
    session.send({ type: 'TOGGLE_NODE', node: 'worker-3' });
    expect(outputs(session)).toEqual(expect.arrayContaining(['sim node recover worker-3', 'machine worker-3 is booting']));
  });

  it("a failing command shows kubectl's error in the scrollback", async () => {
    const session = startSession(await scenario('node-failure'));
    session.send({ type: 'RUN', command: 'kubectl get pod nope' });
    const last = context(session).terminal.at(-1)!;
    expect(last).toMatchObject({ kind: 'stderr', text: 'Error from server (NotFound): pods "nope" not found' });
  });

  it('sim init is refused, since a new cluster would orphan the timeline', async () => {
    const session = startSession(await scenario('node-failure'));
    session.send({ type: 'RUN', command: 'sim init --workers 5' });
    expect(context(session).terminal.at(-1)).toMatchObject({ kind: 'stderr', text: labErrors.noReinit });
    expect(context(session).view.nodes).toHaveLength(4);
  });

  it('the timeline records the node going NotReady while time passes', async () => {
    const session = startSession(await scenario('node-failure'));
    session.send({ type: 'TOGGLE_NODE', node: 'worker-3' });
    session.send({ type: 'JUMP', duration: '1m' });
    settleJump(session);
    const marks = context(session).timeline.flatMap((e) => e.marks.map((m) => m.text));
    expect(marks).toEqual(
      expect.arrayContaining(['$ sim node fail worker-3', 'worker-3 NotReady', 'worker-3 tainted unreachable:NoExecute']),
    );
    expect(context(session).announcement).toMatch(/worker-3 NotReady|Check passed/);
  });

  it('rewinding restores the cluster at that entry, forgets the later entries and pauses', async () => {
    const session = startSession(await scenario('node-failure'));
    session.send({ type: 'TOGGLE_NODE', node: 'worker-3' });
    const failedAt = context(session).timeline.at(-1)!;
    session.send({ type: 'PLAY' });
    session.send({ type: 'SET_SPEED', speed: 60 });
    for (let i = 0; i < 120; i++) frame(session);
    expect(context(session).view.nodes.find((n) => n.name === 'worker-3')!.status).toBe('NotReady');
    session.send({ type: 'REWIND', entryId: failedAt.id });
    expect(session.getSnapshot().value).toBe('paused');
    expect(context(session).view.time.ms).toBe(failedAt.at);
    expect(context(session).view.nodes.find((n) => n.name === 'worker-3')!.status).toBe('Ready');
    expect(context(session).timeline.at(-1)!.id).toBe(failedAt.id);
    expect(outputs(session).at(-1)).toBe('rewound to 30s');
  });

  it('a rewind before a command forgets it for the command checks', async () => {
    const lab = await scenario('first-look');
    const session = startSession(lab);
    session.send({ type: 'RUN', command: 'kubectl cluster-info' });
    expect(context(session).checks[0].passed).toBe(true);
    session.send({ type: 'REWIND', entryId: 0 });
    expect(context(session).checks[0].passed).toBe(false);
  });

  it('reset returns to the starting cluster and timeline and hides the hints, the solution and the old terminal', async () => {
    const session = startSession(await scenario('node-failure'));
    session.send({ type: 'SHOW_HINT' });
    session.send({ type: 'SHOW_SOLUTION' });
    session.send({ type: 'TOGGLE_NODE', node: 'worker-3' });
    session.send({ type: 'JUMP', duration: '1m' });
    settleJump(session);
    session.send({ type: 'RESET' });
    expect(context(session).view.time.ms).toBe(30_000);
    expect(context(session).timeline).toHaveLength(1);
    expect(context(session).view.nodes.every((n) => n.status === 'Ready')).toBe(true);
    expect(context(session).hintsShown).toBe(0);
    expect(context(session).solutionShown).toBe(false);
    expect(context(session).terminal.map((block) => block.text)).toEqual([labErrors.reset]);
  });

  it('hints are revealed one at a time and stop at the last', async () => {
    const lab = await scenario('node-failure');
    const session = startSession(lab);
    for (let i = 0; i < lab.hints.length + 2; i++) session.send({ type: 'SHOW_HINT' });
    expect(context(session).hintsShown).toBe(lab.hints.length);
  });

  it('Ctrl+L and the clear command empty the scrollback', async () => {
    const session = startSession(await scenario('node-failure'));
    session.send({ type: 'RUN', command: 'kubectl get nodes' });
    session.send({ type: 'CLEAR_TERMINAL' });
    expect(context(session).terminal).toEqual([]);
    session.send({ type: 'RUN', command: 'kubectl get nodes' });
    session.send({ type: 'RUN', command: 'clear' });
    expect(context(session).terminal).toEqual([]);
  });

  it('finishing the lab records its completion once, and a finished lab shows as completed on the next visit', async () => {
    const lab = await scenario('first-look');
    const completions = memoryCompletions();
    const record = vi.spyOn(completions, 'record');
    const session = startSession(lab, completions);
    expect(context(session).completed).toBe(false);
    runSolution(session, lab);
    session.send({ type: 'RUN', command: 'kubectl get nodes' });
    expect(record).toHaveBeenCalledTimes(1);
    expect(record).toHaveBeenCalledWith('first-look');
    expect(context(session).announcement).toContain('Lab complete');
    expect(context(session).completed).toBe(true);
    expect(context(startSession(lab, completions)).completed).toBe(true);
  });
});
