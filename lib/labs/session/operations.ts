import type { ClusterView } from '@/lib/cluster';
import { formatGoDuration, parseDuration } from '@/lib/cluster/util/duration';
import { allPassed, evaluateChecks, reachedChecks } from '../checks';
import { buildDiagram, shareUnchanged } from '../diagram/model';
import { labErrors } from '../errors';
import { labPolicy } from '../policy';
import { diffViews, recordOnTimeline, type TimelineMark } from '../timeline';
import { normaliseCommand } from '../match';
import { explainOutput } from '../why';
import { announcementFor } from './announce';
import { startJump } from './clock';
import type { LabSessionContext, LabSessionInput, TerminalBlock } from './context';

/**
 * What the lab session does to its context, as plain functions: each takes the context and
 * returns the fields that change. The machine (session.machine.ts) decides when each runs.
 * The cluster is the one mutable thing here: commands and rewinds act on it, then `observe`
 * reads the result back into plain data.
 */

type Change = Partial<LabSessionContext>;

const intro =
  'Type kubectl or sim commands. Tab completes commands and names, Up and Down walk your history, Ctrl+L clears. Click a node to power it off or on.';

export function initialContext({ scenario, world, completions }: LabSessionInput): LabSessionContext {
  const { cluster, failures } = world;
  const view = cluster.view();
  const transcript: LabSessionContext['transcript'] = [];
  const checks = evaluateChecks(scenario.checks, { view, transcript });
  const terminal: TerminalBlock[] = [{ id: 1, kind: 'note', text: intro }];
  if (failures.length)
    terminal.push({ id: 2, kind: 'stderr', text: `${labErrors.setupBroken}\n${failures.map((f) => `${f.line}: ${f.output}`).join('\n')}` });
  return {
    scenario,
    cluster,
    completions,
    setupFailed: failures.length > 0,
    view,
    diagram: buildDiagram(view, cluster.now()),
    checks,
    reached: reachedChecks([], checks),
    transcript,
    timeline: [{ id: 0, at: cluster.now(), marks: [{ kind: 'action', tone: 'neutral', text: 'Lab starts' }], snapshot: 0 }],
    log: [],
    future: [],
    futureTimeline: [],
    left: null,
    checkpoints: [],
    nextId: 3,
    noteId: -1,
    terminal,
    speed: 1,
    jump: null,
    frameMs: 0,
    hintsShown: 0,
    solutionShown: false,
    completed: completions.has(scenario.id),
    justCompleted: false,
    announcement: '',
  };
}

export function appendTerminal(
  context: Pick<LabSessionContext, 'terminal' | 'nextId'>,
  blocks: Omit<TerminalBlock, 'id'>[],
): Pick<LabSessionContext, 'terminal' | 'nextId'> {
  let nextId = context.nextId;
  const added = blocks.filter((b) => b.text !== '').map((b) => ({ ...b, id: nextId++ }));
  return { terminal: [...context.terminal, ...added].slice(-labPolicy.scrollbackMaxBlocks), nextId };
}

/**
 * Reads the cluster back after anything happened: timeline, diagram, checks, completion, announcement.
 * A timeline entry names `logLength`, the log's length once this change is in it (a rewind lands there).
 */
export function observe(
  context: LabSessionContext,
  action?: { text: string; id: number },
  logLength = context.log.length,
  draw = true,
): Change {
  const view = context.cluster.view();
  const marks: TimelineMark[] = diffViews(context.view, view);
  if (action) marks.unshift({ kind: 'action', tone: 'neutral', text: action.text });
  const checks = shareUnchanged(
    context.checks,
    evaluateChecks(context.scenario.checks, { view, transcript: context.transcript, reached: new Set(context.reached) }),
  );
  const reached = reachedChecks(context.reached, checks);
  const snapshot = () => logLength;
  // An action brings the id it reserved; other changes take the next free one if they start an entry.
  const timeline = recordOnTimeline(
    context.timeline,
    { at: view.time.ms, marks, snapshot, isAction: Boolean(action) },
    action?.id ?? context.nextId,
  );
  const usedId = timeline.at(-1)!.id >= context.nextId;
  const justCompleted = !context.completed && allPassed(checks);
  const announcement = announcementFor(view.time.text, marks, context.checks, checks, justCompleted);
  return {
    view,
    ...(draw ? drawDiagram(context, view) : {}),
    checks,
    reached,
    timeline,
    nextId: usedId ? timeline.at(-1)!.id + 1 : context.nextId,
    completed: context.completed || justCompleted,
    justCompleted,
    ...(announcement ? { announcement } : {}),
  };
}

/** The diagram of a view; parts that did not change keep their identity, so React skips them. */
export function drawDiagram(context: Pick<LabSessionContext, 'diagram' | 'timeline'>, view: ClusterView): Change {
  return { diagram: shareUnchanged(context.diagram, buildDiagram(view, context.timeline[0].at)) };
}

const advancePattern = /^sim\s+advance\s+(\S+)$/;
const reinitPattern = /^sim\s+init\b/;

/** Runs one line typed in the terminal (or by a control), then observes the cluster. */
export function runCommand(context: LabSessionContext, line: string): Change {
  const command = normaliseCommand(line);
  if (!command) return {};
  if (command === 'clear') return { terminal: [] };
  const actionId = context.nextId;
  let next: LabSessionContext = { ...context, nextId: actionId + 1 };
  const advance = advancePattern.exec(command);
  const jumpMs = advance ? parseDuration(advance[1]) : undefined;
  let exitCode = 0;
  if (reinitPattern.test(command)) {
    // A new cluster would leave the timeline's snapshots pointing at another world.
    exitCode = 1;
    next = {
      ...next,
      ...appendTerminal(next, [
        { kind: 'command', text: command },
        { kind: 'stderr', text: labErrors.noReinit },
      ]),
    };
  } else if (jumpMs !== undefined) {
    // Time passes over the next frames instead of at once, so the timeline sees every step.
    next = {
      ...next,
      jump: startJump(context.jump, jumpMs, true),
      ...appendTerminal(next, [
        { kind: 'command', text: command },
        { kind: 'note', text: labErrors.advancing(formatGoDuration(jumpMs)) },
      ]),
    };
  } else {
    const result = context.cluster.exec(command);
    exitCode = result.exitCode;
    next = {
      ...next,
      ...appendTerminal(next, [
        { kind: 'command', text: command },
        { kind: 'stdout', text: result.stdout.replace(/\n$/, ''), ...eventWhys(result.stdout, context.view) },
        { kind: 'stderr', text: result.stderr.replace(/\n$/, '') },
      ]),
    };
  }
  next = { ...next, transcript: [...context.transcript, { command, exitCode, api: context.view.api, entryId: actionId }] };
  return { ...next, ...observe(next, { text: `$ ${command}`, id: actionId }) };
}

/** A read leaves the view as it was, so the events it lists are those of the view before it. */
function eventWhys(stdout: string, view: ClusterView): Pick<TerminalBlock, 'whys'> {
  if (!/\bREASON\b|^Events:/m.test(stdout)) return {};
  const whys = explainOutput(stdout, view);
  return whys.length > 0 ? { whys } : {};
}

/** The command a click on a node stands for: power it off, or back on. */
export function nodeToggleCommand(view: ClusterView, node: string): string {
  const found = view.nodes.find((n) => n.name === node);
  return found?.machine === 'poweredOff' ? `sim node recover ${node}` : `sim node fail ${node}`;
}

export function etcdToggleCommand(view: ClusterView, member: string): string {
  const found = view.etcd.members.find((m) => m.name === member);
  return found && !found.healthy ? `sim etcd recover ${member}` : `sim etcd fail ${member}`;
}

/** What Ctrl+C or Cancel prints when it stops a `sim advance` part way. */
export function cancelJumpNote(context: LabSessionContext, nowMs: number): Change {
  // From the clock alone (not the jump's remaining time, which a replay does not count down), so a replay prints the same.
  const jump = context.jump;
  if (!jump?.echo) return {};
  return appendTerminal(context, [{ kind: 'note', text: labErrors.stopped(formatGoDuration(jump.totalMs), formatGoDuration(nowMs)) }]);
}

export function finishJumpNote(context: LabSessionContext, totalMs: number, nowMs: number): Change {
  return appendTerminal(context, [{ kind: 'note', text: labErrors.advanced(formatGoDuration(totalMs), formatGoDuration(nowMs)) }]);
}
