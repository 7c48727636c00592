import { parseDuration } from '@/lib/cluster/util/duration';
import { assign, fromCallback, setup } from 'xstate';
import { advanceInSteps, planFrame } from './clock';
import type { LabSessionContext, LabSessionEvent, LabSessionInput } from './context';
import { normaliseCommand } from '../match';
import { act, observeFrame, redoTo, resetLab, rewindTo, startContext, switchBranch } from './history';
import { drawDiagram, etcdToggleCommand, finishJumpNote, nodeToggleCommand } from './operations';

/** Sends FRAME with the real milliseconds since the last frame, once per animation frame. */
const animationFrames = fromCallback<LabSessionEvent>(({ sendBack }) => {
  let last: number | undefined;
  let handle = requestAnimationFrame(function frame(now) {
    sendBack({ type: 'FRAME', elapsedMs: last === undefined ? 0 : now - last });
    last = now;
    handle = requestAnimationFrame(frame);
  });
  return () => cancelAnimationFrame(handle);
});

/**
 * A lab session: one mini-cluster, a clock that is paused, playing (1x, 10x, 60x) or working off a
 * jump, the timeline of what happened with a snapshot per entry for rewinding, the terminal's
 * scrollback and the checks. Time enters only through FRAME events from the `frames` actor, so
 * tests drive it frame by frame.
 */
export const labSessionMachine = setup({
  types: {
    context: {} as LabSessionContext,
    events: {} as LabSessionEvent,
    input: {} as LabSessionInput,
  },
  actors: { frames: animationFrames },
  guards: {
    'a jump is under way': ({ context }) => context.jump !== null,
    'no jump is left': ({ context }) => context.jump === null,
  },
  actions: {
    'take this frame while playing': assign(({ context, event }) => frameChange(context, event, true)),
    'take this frame of the jump': assign(({ context, event }) => frameChange(context, event, false)),
    'advance the cluster': ({ context }) => advanceInSteps(context.cluster, context.frameMs),
    'observe the cluster': assign(({ context, event }) => observeFrame(context, !(event.type === 'FRAME' && event.draw === false))),
    'draw the diagram': assign(({ context }) => drawDiagram(context, context.view)),
    'start a jump': assign(({ context, event }) =>
      event.type === 'JUMP' && parseDuration(event.duration) !== undefined ? run(context, `sim advance ${event.duration}`) : {},
    ),
    'cancel the jump': assign(({ context }) => act(context, { k: 'cancel', at: context.cluster.now() })),
    'set the speed': assign({ speed: ({ event, context }) => (event.type === 'SET_SPEED' ? event.speed : context.speed) }),
    'run the command': assign(({ context, event }) => (event.type === 'RUN' ? run(context, event.command) : {})),
    'toggle the node': assign(({ context, event }) =>
      event.type === 'TOGGLE_NODE' ? run(context, nodeToggleCommand(context.view, event.node)) : {},
    ),
    'toggle the etcd member': assign(({ context, event }) =>
      event.type === 'TOGGLE_ETCD_MEMBER' ? run(context, etcdToggleCommand(context.view, event.member)) : {},
    ),
    'rewind to the entry': assign(({ context, event }) => (event.type === 'REWIND' ? rewindTo(context, event.entryId) : {})),
    'redo to the entry': assign(({ context, event }) => (event.type === 'REDO' ? redoTo(context, event.entryId) : {})),
    'switch to the other branch': assign(({ context }) => switchBranch(context)),
    'reset the lab': assign(({ context }) => resetLab(context)),
    'reveal the next hint': assign({ hintsShown: ({ context }) => Math.min(context.hintsShown + 1, context.scenario.hints.length) }),
    'reveal the solution': assign({ solutionShown: true }),
    'clear the terminal': assign(({ context }) => act(context, { k: 'clear', at: context.cluster.now() })),
    'save the completion': ({ context }) => {
      if (context.justCompleted) context.completions.record(context.scenario.id);
    },
  },
}).createMachine({
  id: 'labSession',
  context: ({ input }) => startContext(input),
  initial: 'paused',
  on: {
    SET_SPEED: { actions: 'set the speed' },
    JUMP: { actions: ['start a jump', 'save the completion'] },
    RUN: { actions: ['run the command', 'save the completion'] },
    TOGGLE_NODE: { actions: ['toggle the node', 'save the completion'] },
    TOGGLE_ETCD_MEMBER: { actions: ['toggle the etcd member', 'save the completion'] },
    REWIND: { target: '.paused', actions: 'rewind to the entry' },
    REDO: { target: '.paused', actions: 'redo to the entry' },
    SWITCH_BRANCH: { target: '.paused', actions: 'switch to the other branch' },
    RESET: { target: '.paused', actions: 'reset the lab' },
    SHOW_HINT: { actions: 'reveal the next hint' },
    SHOW_SOLUTION: { actions: 'reveal the solution' },
    CLEAR_TERMINAL: { actions: 'clear the terminal' },
    DRAW: { actions: 'draw the diagram' },
    CANCEL_JUMP: { guard: 'a jump is under way', actions: 'cancel the jump' },
  },
  states: {
    paused: {
      always: { guard: 'a jump is under way', target: 'jumping' },
      on: { PLAY: 'playing' },
    },
    jumping: {
      invoke: { src: 'frames' },
      always: { guard: 'no jump is left', target: 'paused' },
      on: {
        FRAME: { actions: ['take this frame of the jump', 'advance the cluster', 'observe the cluster', 'save the completion'] },
        PLAY: 'playing',
        PAUSE: { target: 'paused', actions: 'cancel the jump' },
      },
    },
    playing: {
      invoke: { src: 'frames' },
      on: {
        FRAME: { actions: ['take this frame while playing', 'advance the cluster', 'observe the cluster', 'save the completion'] },
        PAUSE: 'paused',
      },
    },
  },
});

/** A command line from the terminal or a control, as a logged event. */
function run(context: LabSessionContext, line: string): Partial<LabSessionContext> {
  const cmd = normaliseCommand(line);
  return cmd ? act(context, { k: 'run', at: context.cluster.now(), cmd }) : {};
}

function frameChange(context: LabSessionContext, event: LabSessionEvent, playing: boolean): Partial<LabSessionContext> {
  if (event.type !== 'FRAME') return {};
  const plan = planFrame(event.elapsedMs, context.speed, playing, context.jump);
  if (!plan.finished?.echo) return { frameMs: plan.advanceMs, jump: plan.jump };
  // The note (and its event) read the clock as it will be once this frame's time has passed.
  const at = context.cluster.now() + plan.advanceMs;
  return {
    frameMs: plan.advanceMs,
    jump: plan.jump,
    ...finishJumpNote(context, plan.finished.totalMs, at),
    log: [...context.log, { k: 'jumpDone', at, ms: plan.finished.totalMs }],
  };
}
