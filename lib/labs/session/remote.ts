import type { ActorRefFrom } from 'xstate';
import type { CommandResult } from '@/lib/cluster';
import type { LabLog } from '../log/events';
import { logOf } from '../log/storage';
import type { LabCompletions } from '../completions';
import type { LabResume, LabSessionEvent, LabSessionShown, LabSessionSnapshot, LabSessionState } from './context';
import type { LabScenario } from '../schema';
import { fromLabWorkerSchema, type ToLabWorker } from './protocol';
import type { labSessionMachine } from './session.machine';

/**
 * The running session as the panel sees it, wherever it runs: views to read (a snapshot and a
 * subscription, what @xstate/react's useSelector asks for), events to send, and the two
 * questions that need the cluster, answered asynchronously. `remoteLabSession` talks to a worker;
 * `localLabSession` wraps a session actor on this thread (where there is no Worker, as in jsdom).
 */
export interface LabSessionRef {
  /** Where the cluster runs: in a Web Worker, or on the page's own thread. */
  runs: 'worker' | 'page';
  getSnapshot(): LabSessionSnapshot;
  subscribe(listener: (snapshot: LabSessionSnapshot) => void): { unsubscribe(): void };
  send(event: LabSessionEvent): void;
  /** Runs a command that only reads (a watch, a shell probe) on the cluster as it is now. */
  exec(command: string): Promise<CommandResult>;
  /** The session's log as saved or shared; with the state hash for a link. */
  log(withHash: boolean): Promise<LabLog>;
  stop(): void;
}

const snapshotOf = (value: LabSessionState, context: LabSessionSnapshot['context']): LabSessionSnapshot => ({
  value,
  context,
  matches: (state) => state === value,
});

type LabActor = ActorRefFrom<typeof labSessionMachine>;

/** A session actor on this thread, behind the same interface a worker offers. */
export function localLabSession(actor: LabActor): LabSessionRef {
  let raw: ReturnType<LabActor['getSnapshot']> | undefined;
  let shown: LabSessionSnapshot | undefined;
  // One view per actor snapshot, so React's external store sees a stable value between changes.
  const view = (): LabSessionSnapshot => {
    const now = actor.getSnapshot();
    if (now !== raw || !shown) {
      raw = now;
      const { cluster, completions: _c, checkpoints: _p, ...context } = now.context;
      shown = snapshotOf(now.value as LabSessionState, { ...context, now: cluster.now() });
    }
    return shown;
  };
  return {
    runs: 'page',
    getSnapshot: view,
    subscribe: (listener) => actor.subscribe(() => listener(view())),
    send: (event) => actor.send(event),
    exec: async (command) => actor.getSnapshot().context.cluster.exec(command),
    log: async (withHash) => logOf(actor.getSnapshot().context, withHash),
    stop: () => actor.stop(),
  };
}

/** The end of a channel to a worker (a Worker, or in tests a pair of functions). */
export interface LabWorkerPort {
  postMessage(message: ToLabWorker): void;
  onmessage: ((event: MessageEvent) => unknown) | null;
  terminate?(): void;
}

export interface RemoteStart {
  scenario: LabScenario;
  resume?: LabResume;
  completions: LabCompletions;
}

export interface RemoteLabSession extends LabSessionRef {
  /** Resolves with the session once the worker posts its first view; rejects if it fails first. */
  ready: Promise<LabSessionRef>;
  /** Set when the worker gave up: the panel shows it instead of a frozen lab. */
  failure(): string | undefined;
}

/** A session run by a worker: the page keeps only the last view the worker posted. */
export function remoteLabSession(port: LabWorkerPort, start: RemoteStart): RemoteLabSession {
  let value: LabSessionState = 'paused';
  let context: Partial<LabSessionShown> & { now?: number } = {};
  let current: LabSessionSnapshot | undefined;
  let failed: string | undefined;
  let nextId = 0;
  const listeners = new Set<(snapshot: LabSessionSnapshot) => void>();
  const waiting = new Map<number, { resolve: (answer: never) => void; reject: (error: Error) => void }>();
  let settle: { resolve: (ref: LabSessionRef) => void; reject: (error: Error) => void };
  const ready = new Promise<LabSessionRef>((resolve, reject) => {
    settle = { resolve, reject };
  });

  const ask = <T>(message: (id: number) => ToLabWorker): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      if (failed) return reject(new Error(failed));
      const id = nextId++;
      waiting.set(id, { resolve: resolve as (answer: never) => void, reject });
      port.postMessage(message(id));
    });

  const session: RemoteLabSession = {
    runs: 'worker',
    ready,
    failure: () => failed,
    getSnapshot: () => {
      if (!current) throw new Error('the lab session has not posted its first view yet');
      return current;
    },
    subscribe(listener) {
      listeners.add(listener);
      return { unsubscribe: () => void listeners.delete(listener) };
    },
    send: (event) => {
      if (!failed) port.postMessage({ t: 'send', event });
    },
    exec: (command) => ask<CommandResult>((id) => ({ t: 'exec', id, command })),
    log: (withHash) => ask<LabLog>((id) => ({ t: 'log', id, withHash })),
    stop: () => {
      port.onmessage = null;
      port.terminate?.();
    },
  };

  port.onmessage = ({ data }) => {
    const parsed = fromLabWorkerSchema.safeParse(data);
    if (!parsed.success) return;
    const message = parsed.data;
    switch (message.t) {
      case 'shown': {
        value = message.value;
        context = { ...context, ...(message.changes as Partial<LabSessionShown>), now: message.now };
        current = snapshotOf(value, context as LabSessionSnapshot['context']);
        settle.resolve(session);
        for (const listener of listeners) listener(current);
        return;
      }
      case 'completed':
        start.completions.record(message.lab);
        return;
      case 'exec':
        waiting.get(message.id)?.resolve(message.result as never);
        waiting.delete(message.id);
        return;
      case 'log':
        waiting.get(message.id)?.resolve(message.log as never);
        waiting.delete(message.id);
        return;
      case 'failed': {
        failed = message.message;
        const error = new Error(message.message);
        settle.reject(error);
        for (const request of waiting.values()) request.reject(error);
        waiting.clear();
        if (current) for (const listener of listeners) listener(current);
        return;
      }
    }
  };
  // A scenario is plain data; the worker checks it against the scenario schema again.
  const scenario = start.scenario as Extract<ToLabWorker, { t: 'start' }>['scenario'];
  port.postMessage({ t: 'start', scenario, resume: start.resume, completed: start.completions.has(start.scenario.id) });
  return session;
}
