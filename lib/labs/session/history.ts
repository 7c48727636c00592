import { formatGoDuration } from '@/lib/cluster/util/duration';
import { evaluateChecks } from '../checks';
import { buildDiagram, shareUnchanged } from '../diagram/model';
import { labErrors } from '../errors';
import type { LabEvent } from '../log/events';
import { labPolicy } from '../policy';
import type { TimelineEntry } from '../timeline';
import { advanceInSteps } from './clock';
import type { Checkpoint, LabSessionContext, LabSessionInput } from './context';
import { cancelJumpNote, finishJumpNote, initialContext, observe, runCommand } from './operations';

/**
 * The session as a function of its log. Every change the reader makes is an event appended to
 * the log and applied by `applyEvent`; replaying the same events on the same scenario rebuilds
 * the same context (cluster, terminal, timeline, checks). Rewind, redo, branches, reloads and
 * links are all replays, from the nearest checkpoint.
 */

type Change = Partial<LabSessionContext>;

/** Moves the cluster to the event's time (in the same small steps a live frame uses), then applies it. */
export function applyEvent(context: LabSessionContext, event: LabEvent): LabSessionContext {
  advanceInSteps(context.cluster, event.at - context.cluster.now());
  const next: LabSessionContext = { ...context, log: [...context.log, event] };
  switch (event.k) {
    case 'run':
      return { ...next, ...runCommand(next, event.cmd) };
    case 'tick':
      return { ...next, ...observe(next) };
    case 'jumpDone':
      return { ...next, ...finishJumpNote(next, event.ms, event.at), jump: null };
    case 'cancel':
      return { ...next, ...cancelJumpNote(next, event.at), jump: null };
    case 'clear':
      return { ...next, terminal: [] };
  }
}

function withCheckpoint(context: LabSessionContext): LabSessionContext {
  const last = context.checkpoints.at(-1);
  const due =
    !last ||
    context.log.length - last.index >= labPolicy.checkpointEveryEvents ||
    (context.log.length > last.index && context.cluster.now() - last.at >= labPolicy.checkpointEveryMs);
  if (!due) return context;
  const { checkpoints: _, ...rest } = context;
  const point: Checkpoint = { index: context.log.length, at: context.cluster.now(), cluster: context.cluster.snapshot(), context: rest };
  let checkpoints = [...context.checkpoints, point];
  // Thin out the middle: keep the start and the newest, and every other one between.
  if (checkpoints.length > labPolicy.checkpointsMax)
    checkpoints = checkpoints.filter((_point, i) => i === 0 || i === checkpoints.length - 1 || i % 2 === 0);
  return { ...context, checkpoints };
}

const sameEvent = (a: LabEvent, b: LabEvent) => JSON.stringify(a) === JSON.stringify(b);

/** Restores the nearest checkpoint at or before `index` events and replays `events` up to it. */
function replayTo(context: LabSessionContext, events: readonly LabEvent[], index: number): LabSessionContext {
  const checkpoints = context.checkpoints.filter(
    (c) => c.index <= index && events.slice(0, c.index).every((e, i) => sameEvent(e, c.context.log[i])),
  );
  const point = checkpoints.at(-1)!;
  context.cluster.restore(point.cluster);
  let replayed: LabSessionContext = { ...point.context, cluster: context.cluster, completions: context.completions, checkpoints };
  for (const event of events.slice(point.index, index)) replayed = withCheckpoint(applyEvent(replayed, event));
  return replayed;
}

/**
 * A live event: applied and appended. Doing something new after a rewind starts a branch: the
 * future is dropped from the timeline, and the branch left behind stays reachable until a reset.
 */
export function act(context: LabSessionContext, event: LabEvent): LabSessionContext {
  const branched: LabSessionContext = context.future.length
    ? {
        ...context,
        left: [...context.log, ...context.future],
        future: [],
        futureTimeline: [],
        checkpoints: context.checkpoints.filter((c) => c.index <= context.log.length),
      }
    : context;
  return withCheckpoint(applyEvent(branched, event));
}

/** After a frame moved the clock: look at the cluster, and log a tick if the look changed anything. */
export function observeFrame(context: LabSessionContext, draw = true): Change {
  const change = observe(context, undefined, context.log.length + 1, draw);
  const changed = change.timeline !== context.timeline || change.reached !== context.reached || change.justCompleted;
  if (!changed) return change;
  // No checkpoint here: a frame must stay cheap (a snapshot costs milliseconds); the next action
  // or replay takes one, and a rewind replays the ticks in between.
  return { ...context, ...change, log: [...context.log, { k: 'tick', at: context.cluster.now() }] };
}

/** Reads the restored session without diffing: a rewind is not a change the timeline records. */
function settle(context: LabSessionContext, note: string): LabSessionContext {
  const view = context.cluster.view();
  const checks = evaluateChecks(context.scenario.checks, { view, transcript: context.transcript, reached: new Set(context.reached) });
  return {
    ...context,
    view,
    diagram: shareUnchanged(context.diagram, buildDiagram(view, context.timeline[0].at)),
    checks: shareUnchanged(context.checks, checks),
    jump: null,
    justCompleted: false,
    announcement: `At ${view.time.text}: ${note}.`,
    // Ids of their own (counting down), so the ids a replay hands out match the original's.
    terminal: [...context.terminal, { id: context.noteId, kind: 'note' as const, text: note }].slice(-labPolicy.scrollbackMaxBlocks),
    noteId: context.noteId - 1,
  };
}

/** What the reader had revealed stays revealed whichever moment they move to. */
const keepRevealed = (from: LabSessionContext, to: LabSessionContext): LabSessionContext => ({
  ...to,
  hintsShown: Math.max(from.hintsShown, to.hintsShown),
  solutionShown: from.solutionShown || to.solutionShown,
  completed: from.completed || to.completed,
  speed: from.speed,
  noteId: from.noteId,
});

const allEntries = (context: LabSessionContext): TimelineEntry<number>[] => [...context.timeline, ...context.futureTimeline];

/** Back to just after a timeline entry; what came later can be redone. */
export function rewindTo(context: LabSessionContext, entryId: number): Change {
  const entries = allEntries(context);
  const target = entries.find((e) => e.id === entryId);
  if (!target) return {};
  const events = [...context.log, ...context.future];
  const replayed = replayTo(context, events, target.snapshot);
  return settle(
    keepRevealed(context, {
      ...replayed,
      future: events.slice(target.snapshot),
      futureTimeline: entries.filter((e) => e.snapshot > target.snapshot),
      left: context.left,
    }),
    labErrors.rewound(formatGoDuration(target.at)),
  );
}

/** Forward again to a later entry of the rewound future. */
export function redoTo(context: LabSessionContext, entryId: number): Change {
  const target = context.futureTimeline.find((e) => e.id === entryId);
  if (!target) return {};
  const steps = target.snapshot - context.log.length;
  let replayed: LabSessionContext = { ...context, future: [] };
  for (const event of context.future.slice(0, steps)) replayed = withCheckpoint(applyEvent(replayed, event));
  return settle(
    keepRevealed(context, {
      ...replayed,
      future: context.future.slice(steps),
      futureTimeline: context.futureTimeline.filter((e) => e.snapshot > target.snapshot),
    }),
    labErrors.redone(formatGoDuration(target.at)),
  );
}

/** Over to the branch left behind; the one left now becomes the other branch. */
export function switchBranch(context: LabSessionContext): Change {
  if (!context.left) return {};
  const current = [...context.log, ...context.future];
  const replayed = replayTo(context, context.left, context.left.length);
  return settle(keepRevealed(context, { ...replayed, future: [], futureTimeline: [], left: current }), labErrors.switchedBranch);
}

/** Back to the start as if the lab had just opened: cluster, checks, hints, solution, terminal, branches. */
export function resetLab(context: LabSessionContext): Change {
  const start = context.checkpoints[0];
  context.cluster.restore(start.cluster);
  const fresh: LabSessionContext = { ...start.context, cluster: context.cluster, completions: context.completions, checkpoints: [start] };
  return settle({ ...fresh, terminal: [], completed: context.completed, speed: context.speed, noteId: context.noteId }, labErrors.reset);
}

/** The first context of a session: fresh, or rebuilt from a saved or shared log. */
export function startContext(input: LabSessionInput): LabSessionContext {
  let context = withCheckpoint(initialContext(input));
  const resume = input.resume;
  if (!resume) return context;
  for (const event of resume.events) context = withCheckpoint(applyEvent(context, event));
  advanceInSteps(context.cluster, resume.now - context.cluster.now());
  context = { ...context, ...observeFrame(context) };
  return {
    ...context,
    hintsShown: Math.min(resume.hintsShown ?? 0, input.scenario.hints.length),
    solutionShown: resume.solutionShown ?? false,
    jump: null,
    justCompleted: false,
    announcement: '',
  };
}
