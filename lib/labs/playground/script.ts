import { formatGoDuration, parseDuration } from '@/lib/cluster/util/duration';
import type { LabEvent, LabLog } from '../log/events';
import { normaliseCommand } from '../match';
import type { LabScenario } from '../schema';
import { scriptLines } from '../lines';
import { playgroundErrors } from './errors';
import { playgroundLimits } from './limits';
import { playgroundSeedSchema, playgroundSetupSchema, type PlaygroundSeed, type PlaygroundSetup } from './schema';
import { blankSetup } from './setup';

/**
 * A playground session as a script for `clusterbook cluster --script FILE`, and a script back to a
 * session. The script builds the same cluster (sim init with the shape and seed, the lab's files
 * written with echo, its set-up lines), then runs the reader's commands at the same simulated
 * times: the time that passed between two commands becomes a `sim advance` line. Replayed by the
 * CLI it prints what the lab's terminal printed and ends on the same cluster (same state hash).
 */

const initPattern = /^sim\s+init\b/;
const advancePattern = /^sim\s+advance\s+(\S+)$/;
const maxAdvanceMs = playgroundLimits.scriptMaxMs;

/** bash's single quotes: 'it'\''s'. */
const quote = (text: string) => (/^[A-Za-z0-9._\-/:=@%+]+$/.test(text) ? text : `'${text.replace(/'/g, `'\\''`)}'`);

export function initCommand(setup: PlaygroundSetup, seed: PlaygroundSeed): string {
  const zones = setup.zones ? ` --zones ${setup.zones}` : '';
  return `sim init --workers ${setup.workers} --cpu ${setup.cpu} --memory ${setup.memory} --etcd-members ${setup.etcdMembers}${zones} --seed ${quote(String(seed))}`;
}

/** A file written line by line with echo, so the script needs nothing beside it. */
function fileCommands(name: string, text: string): string[] {
  const lines = text.split('\n');
  if (lines.at(-1) === '') lines.pop();
  return lines.map((line, i) => `echo ${line === '' ? "''" : quote(line)} ${i === 0 ? '>' : '>>'} ${quote(name)}`);
}

/** `sim advance` lines for a stretch of time, none longer than the simulator takes at once. */
function advanceLines(ms: number): string[] {
  const lines: string[] = [];
  for (let left = ms; left > 0; left -= Math.min(left, maxAdvanceMs))
    lines.push(`sim advance ${formatGoDuration(Math.min(left, maxAdvanceMs))}`);
  return lines;
}

/** The jump a `sim advance` started ran to its end with nothing typed or paused in between. */
function jumpRanWhole(events: readonly LabEvent[], index: number, ms: number): boolean {
  const start = events[index].at;
  for (const event of events.slice(index + 1)) {
    if (event.k === 'cancel' || event.k === 'run') return event.at >= start + ms && event.k === 'run';
    if (event.k === 'jumpDone') return event.at === start + ms;
  }
  return false;
}

export interface ScriptSource {
  log: LabLog;
  scenario: Pick<LabScenario, 'cluster' | 'files' | 'setup' | 'goal'>;
  setup: PlaygroundSetup;
  /** The clock once the set-up had run (the timeline's start): the set-up's own lines may move it. */
  setupEndsAt: number;
}

/** The session as a script file's text. */
export function exportScript({ log, scenario, setup, setupEndsAt }: ScriptSource): string {
  const out = [
    `# Clusterbook playground: ${scenario.goal}`,
    '# Replay it in a terminal: npx clusterbook cluster --script this-file',
    `# Made with the simulator of ${log.model}. Time that passed between commands is written as sim advance.`,
    initCommand(setup, log.seed),
  ];
  const files = Object.entries(scenario.files);
  const setupLines = scriptLines(scenario.setup);
  if (files.length || setupLines.length) {
    out.push(`# The set-up of the lab "${setup.from}"`);
    for (const [name, text] of files) out.push(...fileCommands(name, text));
    out.push(...setupLines);
  }
  out.push('# Your session');
  let clock = setupEndsAt;
  const events = log.events;
  events.forEach((event, i) => {
    if (event.k !== 'run') return;
    if (event.at > clock) out.push(...advanceLines(event.at - clock));
    clock = Math.max(clock, event.at);
    const cmd = event.cmd;
    if (cmd === 'clear') return;
    if (initPattern.test(cmd)) {
      out.push(`# ${cmd} (refused in the playground)`);
      return;
    }
    const advance = advancePattern.exec(cmd);
    const ms = advance ? parseDuration(advance[1]) : undefined;
    if (ms !== undefined) {
      // Written as typed when the lab ran it whole; a jump cut short or overlapped is the gaps' to tell.
      if (ms <= maxAdvanceMs && jumpRanWhole(events, i, ms)) {
        out.push(cmd);
        clock += ms;
      } else out.push(`# ${cmd} (cut short in the lab: the lines below say how much time passed)`);
      return;
    }
    out.push(cmd);
  });
  if (log.now > clock) out.push(...advanceLines(log.now - clock));
  return `${out.join('\n')}\n`;
}

export interface ImportedScript {
  setup: PlaygroundSetup;
  seed: PlaygroundSeed;
  /** The script's commands as the reader's, at the times its sim advance lines make. */
  events: LabEvent[];
  now: number;
}

const initFlags = {
  '--workers': 'workers',
  '--cpu': 'cpu',
  '--memory': 'memory',
  '--etcd-members': 'etcdMembers',
  '--zones': 'zones',
  '--seed': 'seed',
} as const;

/** `sim init --workers 3 ...` as a playground choice, with the simulator's words for what is wrong. */
function parseInit(command: string, line: number): { setup: PlaygroundSetup; seed: PlaygroundSeed } | { error: string } {
  const words = command.split(/\s+/).slice(2);
  const raw: Record<string, string> = {};
  for (let i = 0; i < words.length; i++) {
    const [flag, inline] = words[i].split(/=(.*)/s, 2);
    const key = initFlags[flag as keyof typeof initFlags];
    if (!key) return { error: playgroundErrors.initUnknown(line, words[i]) };
    const value = inline ?? words[++i];
    if (value === undefined) return { error: playgroundErrors.initFlag(line, `${flag} needs a value`) };
    raw[key] = value.replace(/^'(.*)'$/s, '$1');
  }
  const number = (text: string | undefined) => (text === undefined ? undefined : /^-?\d+$/.test(text) ? Number(text) : Number.NaN);
  const parsed = playgroundSetupSchema.safeParse({
    workers: number(raw.workers) ?? blankSetup.workers,
    cpu: raw.cpu ?? blankSetup.cpu,
    memory: raw.memory ?? blankSetup.memory,
    etcdMembers: number(raw.etcdMembers) ?? blankSetup.etcdMembers,
    ...(raw.zones === undefined ? {} : { zones: number(raw.zones) }),
    from: 'blank',
  });
  if (!parsed.success) return { error: playgroundErrors.initFlag(line, parsed.error.issues[0].message) };
  const seedText = raw.seed ?? '1';
  const seed = playgroundSeedSchema.safeParse(
    /^-?\d+$/.test(seedText) && Number.isSafeInteger(Number(seedText)) ? Number(seedText) : seedText,
  );
  if (!seed.success) return { error: playgroundErrors.initFlag(line, seed.error.issues[0].message) };
  return { setup: parsed.data, seed: seed.data };
}

/**
 * A script file's text as a playground session, or the first thing wrong with it (line numbers
 * count from 1). A first `sim init` line gives the shape; each `sim advance` becomes a jump that
 * runs whole; other lines are commands, which the simulator judges when they replay.
 */
export function importScript(text: string): ImportedScript | { error: string } {
  if (text.includes('\u0000')) return { error: playgroundErrors.notText };
  const lines = text.split(/\r?\n/);
  let shape: { setup: PlaygroundSetup; seed: PlaygroundSeed } = { setup: blankSetup, seed: 1 };
  const events: LabEvent[] = [];
  let clock = 0;
  let commands = 0;
  for (const [index, raw] of lines.entries()) {
    const lineNumber = index + 1;
    if (raw.length > playgroundLimits.commandMaxChars) return { error: playgroundErrors.lineTooLong(lineNumber) };
    const trimmed = raw.trim();
    if (trimmed === '' || trimmed.startsWith('#')) continue;
    const cmd = normaliseCommand(trimmed);
    if (!cmd) continue;
    if (++commands > playgroundLimits.scriptMaxCommands) return { error: playgroundErrors.tooManyLines };
    if (initPattern.test(cmd)) {
      if (commands > 1) return { error: playgroundErrors.lateInit(lineNumber) };
      const init = parseInit(cmd, lineNumber);
      if ('error' in init) return init;
      shape = init;
      continue;
    }
    const advance = advancePattern.exec(cmd);
    if (advance) {
      const ms = parseDuration(advance[1]);
      if (ms === undefined)
        return { error: playgroundErrors.advance(lineNumber, `"${advance[1]}" is not a duration such as 30s, 5m or 1h30m`) };
      if (clock + ms > maxAdvanceMs) return { error: playgroundErrors.tooLong };
      events.push({ k: 'run', at: clock, cmd });
      clock += ms;
      // The look at the cluster a live jump's frames would log, then its end.
      events.push({ k: 'tick', at: clock }, { k: 'jumpDone', at: clock, ms });
      continue;
    }
    events.push({ k: 'run', at: clock, cmd });
  }
  if (commands === 0) return { error: playgroundErrors.empty };
  return { ...shape, events, now: clock };
}
