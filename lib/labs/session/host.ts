import { createActor, fromCallback, type ActorRefFrom } from 'xstate';
import { logOf } from '../log/storage';
import { labPolicy } from '../policy';
import { createLabWorld } from '../world';
import type { LabSessionContext, LabSessionShown, LabSessionState } from './context';
import { toLabWorkerSchema, type FromLabWorker, type ToLabWorker } from './protocol';
import { labSessionMachine } from './session.machine';

/**
 * The session's owner on the far side of the protocol (in the browser, a Web Worker): it holds
 * the cluster and the session machine, drives time itself, and posts what the panel shows.
 *
 * Time comes in slices. While a jump (a long `sim advance`) is under way, one slice runs as many
 * of the jump's frames as fit in `labPolicy.workerSliceMs` of real time, draws the diagram once,
 * posts, and yields, so the page sees progress and a cancel is read between two slices. While
 * playing, a slice is one frame of real time. The log records what happened either way, so a
 * replay reaches the same state however the slices fell.
 */

/** Real time and scheduling, injected: the worker passes performance.now and a zero-delay yield. */
export interface LabHostClock {
  now(): number;
  later(run: () => void, ms: number): void;
}

/** The machine without its own animation frames: the host decides when frames happen. */
const hostedMachine = labSessionMachine.provide({ actors: { frames: fromCallback(() => () => {}) } });
type HostedActor = ActorRefFrom<typeof hostedMachine>;

/** Fields the page never sees: the cluster itself, where completion is saved, and the restore points. */
const ownerOnly = new Set<string>(['cluster', 'completions', 'checkpoints']);

export interface LabHost {
  /** Takes one message from the page; anything that does not match the protocol is dropped. */
  handle(message: unknown): void;
  /** For tests and the worker's own use: the running session, once started. */
  context(): LabSessionContext | undefined;
  /** Stops the session (the page closed the lab). */
  stop(): void;
}

export function createLabHost(post: (message: FromLabWorker) => void, clock: LabHostClock): LabHost {
  let actor: HostedActor | undefined;
  let shown: Partial<Record<string, unknown>> = {};
  let shownValue: LabSessionState | undefined;
  let scheduled = false;
  let lastFrame: number | undefined;

  const fail = (error: unknown) => {
    actor?.stop();
    actor = undefined;
    post({ t: 'failed', message: error instanceof Error ? error.message : String(error) });
  };

  const flush = () => {
    if (!actor) return;
    const snapshot = actor.getSnapshot();
    const changes: Partial<Record<string, unknown>> = {};
    let changed = snapshot.value !== shownValue;
    for (const [key, value] of Object.entries(snapshot.context)) {
      if (ownerOnly.has(key) || shown[key] === value) continue;
      changes[key] = value;
      changed = true;
    }
    if (!changed) return;
    shown = { ...shown, ...changes };
    shownValue = snapshot.value as LabSessionState;
    post({ t: 'shown', value: shownValue, now: snapshot.context.cluster.now(), changes: changes as Partial<LabSessionShown> });
  };

  const slice = () => {
    scheduled = false;
    try {
      runSlice();
    } catch (error) {
      fail(error);
    }
  };

  const runSlice = () => {
    if (!actor) return;
    const state = actor.getSnapshot();
    if (state.matches('paused')) {
      lastFrame = undefined;
      return;
    }
    const start = clock.now();
    actor.send({ type: 'FRAME', elapsedMs: lastFrame === undefined ? 0 : start - lastFrame, draw: false });
    lastFrame = start;
    while (actor.getSnapshot().matches('jumping') && clock.now() - start < labPolicy.workerSliceMs)
      actor.send({ type: 'FRAME', elapsedMs: 0, draw: false });
    actor.send({ type: 'DRAW' });
    flush();
    schedule();
  };

  function schedule() {
    if (!actor || scheduled) return;
    const state = actor.getSnapshot();
    if (state.matches('paused')) {
      lastFrame = undefined;
      return;
    }
    scheduled = true;
    // A jump goes on at once (the page is not waiting on us); playing follows real time, a frame at a time.
    clock.later(slice, state.matches('jumping') ? 0 : labPolicy.workerFrameMs);
  }

  const apply = (message: ToLabWorker) => {
    switch (message.t) {
      case 'start': {
        if (actor) return;
        const completed = message.completed;
        const completions = { has: () => completed, record: (lab: string) => post({ t: 'completed', lab }) };
        const world = createLabWorld(message.scenario);
        actor = createActor(hostedMachine, { input: { scenario: message.scenario, world, completions, resume: message.resume } });
        actor.start();
        return;
      }
      case 'send':
        actor?.send(message.event);
        return;
      case 'exec': {
        if (!actor) return;
        post({ t: 'exec', id: message.id, result: actor.getSnapshot().context.cluster.exec(message.command) });
        return;
      }
      case 'log':
        if (actor) post({ t: 'log', id: message.id, log: logOf(actor.getSnapshot().context, message.withHash) });
        return;
    }
  };

  return {
    handle(raw) {
      const parsed = toLabWorkerSchema.safeParse(raw);
      if (!parsed.success) return;
      try {
        apply(parsed.data as ToLabWorker);
        flush();
        schedule();
      } catch (error) {
        fail(error);
      }
    },
    context: () => actor?.getSnapshot().context,
    stop() {
      actor?.stop();
      actor = undefined;
    },
  };
}
