import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { run } from '@/bin/commands/cluster';
import { memoryIo } from '@/bin/commands/io';
import { createCluster } from '@/lib/cluster';
import { memoryCompletions } from '@/lib/labs/completions';
import { decodeLabLog, encodeLabLog } from '@/lib/labs/log/codec';
import { clusterStateHash } from '@/lib/labs/log/hash';
import { logOf } from '@/lib/labs/log/storage';
import { normaliseCommand } from '@/lib/labs/match';
import { playgroundErrors } from '@/lib/labs/playground/errors';
import { playgroundLimits } from '@/lib/labs/playground/limits';
import { exportScript, importScript } from '@/lib/labs/playground/script';
import { blankSetup, formOf, parsePlaygroundForm, playgroundScenario, setupFromLab } from '@/lib/labs/playground/setup';
import { createActor } from 'xstate';
import { createLabWorld, labsDir, scenario, settleJump, testMachine, type Session } from './support/labs';

const context = (session: Session) => session.getSnapshot().context;

/** The CLI, in-process, on a script file: one JSON step per command. */
async function cli(script: string) {
  const dir = mkdtempSync(join(tmpdir(), 'playground-'));
  writeFileSync(join(dir, 'session.sh'), script);
  const { io, stdout, stderr } = memoryIo('', dir);
  const status = await run(['--script', 'session.sh', '--json'], io);
  expect(stderr()).toBe('');
  expect(status).toBe(0);
  return stdout()
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as { command: string; stdout: string; stderr: string; exitCode: number });
}

/** What the lab's terminal printed for each command the reader ran (notes aside). */
function labTranscript(session: Session) {
  const out: { command: string; output: string }[] = [];
  for (const block of context(session).terminal) {
    if (block.kind === 'command') out.push({ command: block.text, output: '' });
    else if (block.kind !== 'note' && out.length) out.at(-1)!.output += `${block.text}\n`;
  }
  return out;
}

/** A session in the playground's scenario, driven like the panel drives it. */
function startPlayground(setup = blankSetup, seed: number | string = 1, labs: Parameters<typeof playgroundScenario>[2] = []) {
  const lab = playgroundScenario(setup, seed, labs);
  const actor = createActor(testMachine, { input: { scenario: lab, world: createLabWorld(lab), completions: memoryCompletions() } });
  actor.start();
  return { actor, lab };
}

function play(session: Session, commands: string[]) {
  for (const command of commands) {
    session.send({ type: 'RUN', command });
    settleJump(session);
    // The reader waits a few seconds before the next command: the export must carry that time.
    session.send({ type: 'PLAY' });
    for (let i = 0; i < 20; i++) session.send({ type: 'FRAME', elapsedMs: 1000 / 60 });
    session.send({ type: 'SET_SPEED', speed: 60 });
    for (let i = 0; i < 5; i++) session.send({ type: 'FRAME', elapsedMs: 1000 / 60 });
    session.send({ type: 'PAUSE' });
    session.send({ type: 'SET_SPEED', speed: 1 });
  }
}

describe('the playground shape picker', () => {
  const labs = [{ id: 'node-failure' }];
  const good = formOf(blankSetup, 1);

  it('turns a filled-in form into a shape and a seed', () => {
    expect(parsePlaygroundForm({ ...good, workers: '5', zones: '2', seed: 'blue-7' }, labs)).toEqual({
      setup: { ...blankSetup, workers: 5, zones: 2 },
      seed: 'blue-7',
    });
  });

  it.each([
    ['workers', '0', playgroundErrors.workers],
    ['workers', String(playgroundLimits.workers.max + 1), playgroundErrors.workers],
    ['workers', '2.5', playgroundErrors.wholeNumber('workers')],
    ['cpu', '0', playgroundErrors.cpu],
    ['cpu', 'lots', playgroundErrors.cpu],
    ['memory', '64Mi', playgroundErrors.memory],
    ['memory', '2Pi', playgroundErrors.memory],
    ['etcdMembers', '2', playgroundErrors.etcdMembers],
    ['zones', '4', playgroundErrors.zones(3)],
    ['seed', 'a b', playgroundErrors.seed],
    ['seed', '', playgroundErrors.seed],
    ['from', 'no-such-lab', playgroundErrors.unknownLab('no-such-lab')],
  ] as const)('refuses %s = "%s" with its own message', (field, value, message) => {
    expect(parsePlaygroundForm({ ...good, [field]: value }, labs)).toEqual({ errors: { [field]: message } });
  });
});

describe('a playground session exported as a script', () => {
  const commands = [
    'kubectl create deployment web --image=nginx --replicas=4',
    'kubectl get pods -o wide',
    'sim node fail worker-2',
    'sim advance 1m',
    'kubectl get nodes',
    "echo '  indented: yes' > note.txt",
    'cat note.txt',
    'sim init --workers 9',
    'kubectl get pods',
  ];

  it('replays in the CLI to the same transcript and the same cluster', async () => {
    const { actor } = startPlayground({ ...blankSetup, workers: 4, zones: 2, etcdMembers: 3 }, 'tide');
    play(actor, commands);
    const log = logOf(context(actor), true);
    const script = exportScript({ log, scenario: context(actor).scenario, setup: log.setup!, setupEndsAt: context(actor).timeline[0].at });
    expect(script).toContain('sim init --workers 4 --cpu 4 --memory 8Gi --etcd-members 3 --zones 2 --seed tide\n');
    const steps = await cli(script);
    const byCommand = steps.filter(
      (s) => (!s.command.startsWith('sim init') && !/^sim advance /.test(s.command)) || s.command === 'sim advance 1m',
    );
    const lab = labTranscript(actor).filter((entry) => !entry.command.startsWith('sim init'));
    // The lab says it is advancing, then the note when done; the CLI prints the note as output.
    expect(byCommand.map((s) => s.command)).toEqual(lab.map((e) => e.command));
    for (const [i, step] of byCommand.entries()) {
      if (step.command === 'sim advance 1m') continue;
      expect(step.stdout + step.stderr, step.command).toBe(lab[i].output);
    }
    const replayed = createCluster();
    replayed.run(script);
    expect(clusterStateHash(replayed)).toBe(log.hash);
  });

  it.each(readdirSync(labsDir).map((f) => f.replace(/\.yaml$/, '')))(
    'starting from the set-up of the lab %s, the script writes its files and reaches the same cluster',
    async (id) => {
      const lab = await scenario(id);
      const { setup, seed } = setupFromLab(lab);
      const { actor } = startPlayground(setup, seed, [lab]);
      play(actor, ['kubectl get pods -A']);
      const log = logOf(context(actor), true);
      const script = exportScript({ log, scenario: context(actor).scenario, setup, setupEndsAt: context(actor).timeline[0].at });
      for (const name of Object.keys(lab.files)) expect(script).toMatch(new RegExp(`^echo .* > ${name.replace('.', '\\.')}$`, 'm'));
      const replayed = createCluster();
      const steps = replayed.run(script);
      expect(steps.filter((s) => s.command.startsWith('kubectl apply')).every((s) => s.exitCode === 0)).toBe(true);
      expect(clusterStateHash(replayed)).toBe(log.hash);
    },
  );

  it('imports back into a playground that reaches the same cluster', async () => {
    const { actor } = startPlayground({ ...blankSetup, workers: 2 }, 7);
    play(actor, commands.slice(0, 5));
    const log = logOf(context(actor), true);
    const imported = importScript(
      exportScript({ log, scenario: context(actor).scenario, setup: log.setup!, setupEndsAt: context(actor).timeline[0].at }),
    );
    if ('error' in imported) throw new Error(imported.error);
    expect(imported.setup).toEqual({ ...blankSetup, workers: 2 });
    expect(imported.seed).toBe(7);
    const again = playgroundScenario(imported.setup, imported.seed, []);
    const resumed = createActor(testMachine, {
      input: {
        scenario: again,
        world: createLabWorld(again),
        completions: memoryCompletions(),
        resume: { events: imported.events, now: imported.now },
      },
    });
    resumed.start();
    expect(clusterStateHash(context(resumed).cluster)).toBe(log.hash);
    expect(labTranscript(resumed).map((e) => e.command)).toContain('kubectl get nodes');
  });
});

describe('importing a script', () => {
  it.each([
    ['kubectl get pods\nsim init --workers 2', playgroundErrors.lateInit(2)],
    ['sim init --workers 0', playgroundErrors.initFlag(1, playgroundErrors.workers)],
    ['sim init --nodes 3', playgroundErrors.initUnknown(1, '--nodes')],
    ['sim init --zones 5 --workers 3', playgroundErrors.initFlag(1, playgroundErrors.zones(3))],
    ['sim advance soon', playgroundErrors.advance(1, '"soon" is not a duration such as 30s, 5m or 1h30m')],
    ['sim advance 20h\nsim advance 5h', playgroundErrors.tooLong],
    ['# only a comment\n\n', playgroundErrors.empty],
    ['kubectl get pods\u0000', playgroundErrors.notText],
  ])('refuses %j with a message', (text, error) => {
    expect(importScript(text)).toEqual({ error });
  });

  it.each([
    ['a line over the length limit', `kubectl get pods ${'x'.repeat(playgroundLimits.commandMaxChars)}`, playgroundErrors.lineTooLong(1)],
    ['more commands than a log keeps', 'kubectl get pods\n'.repeat(playgroundLimits.scriptMaxCommands + 1), playgroundErrors.tooManyLines],
  ])('refuses %s', (_name, text, error) => {
    expect(importScript(text)).toEqual({ error });
  });

  it('a script without sim init starts on the default cluster; sim advance moves its clock', () => {
    const imported = importScript('kubectl get nodes\nsim advance 90s\nkubectl get pods\n');
    expect(imported).toMatchObject({ setup: blankSetup, seed: 1, now: 90_000 });
    expect('events' in imported && imported.events.map((e) => [e.k, e.at])).toEqual([
      ['run', 0],
      ['run', 0],
      ['tick', 90_000],
      ['jumpDone', 90_000],
      ['run', 90_000],
    ]);
  });
});

describe('a playground log in a link', () => {
  it('keeps the shape and start through the round trip, and older links still read', async () => {
    const { actor } = startPlayground({ ...blankSetup, workers: 6, zones: 3 }, 'x');
    actor.send({ type: 'RUN', command: 'kubectl get nodes' });
    const log = logOf(context(actor), true);
    expect(await decodeLabLog(await encodeLabLog(log))).toEqual(log);
    const { setup: _, ...chapterLog } = log;
    expect(await decodeLabLog(await encodeLabLog(chapterLog))).toEqual(chapterLog);
  });

  it('refuses a link whose shape breaks the limits', async () => {
    const { actor } = startPlayground();
    const log = { ...logOf(context(actor)), setup: { ...blankSetup, workers: 500 } };
    expect(await decodeLabLog(await encodeLabLog(log))).toBeUndefined();
  });
});

describe('commands keep the spacing inside their quotes', () => {
  it.each([
    ['kubectl   get  nodes ', 'kubectl get nodes'],
    ["echo '  a:  1'  > f", "echo '  a:  1' > f"],
    ['echo "x \\"  y"   z', 'echo "x \\"  y" z'],
  ])('%j -> %j', (line, normal) => expect(normaliseCommand(line)).toBe(normal));
});

it('the playground starts no check, hint or completion of its own', () => {
  const { actor } = startPlayground();
  expect(context(actor).checks).toEqual([]);
  expect(context(actor).completed).toBe(false);
});
