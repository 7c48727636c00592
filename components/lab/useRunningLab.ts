'use client';

import { useEffect, useState } from 'react';
import { createActor } from 'xstate';
import {
  createLabWorld,
  labSessionMachine,
  localLabSession,
  remoteLabSession,
  type LabCompletions,
  type LabResume,
  type LabScenario,
  type LabSessionRef,
} from '@/lib/labs';

export interface RunningLabInput {
  scenario: LabScenario;
  completions: LabCompletions;
  resume?: LabResume;
  /** Run on the page's thread even where Web Workers exist. */
  inThread?: boolean;
}

export interface RunningLab {
  /** Null until the session has posted its first view. */
  session: LabSessionRef | null;
  /** Set when the worker gave up on a bug. */
  failure?: string;
}

function inThisThread({ scenario, completions, resume }: RunningLabInput): LabSessionRef {
  const actor = createActor(labSessionMachine, { input: { scenario, world: createLabWorld(scenario), completions, resume } });
  actor.start();
  return localLabSession(actor);
}

/**
 * Starts the lab's session: in a Web Worker where there is one, so the cluster never runs on the
 * page's thread, else (jsdom, or a worker that could not load) on this thread behind the same
 * interface. The session lives as long as the component that started it.
 */
export function useRunningLab(input: RunningLabInput): RunningLab {
  const [running, setRunning] = useState<RunningLab>({ session: null });
  // biome-ignore lint/correctness/useExhaustiveDependencies: one session per mounted lab; its input is fixed when it starts
  useEffect(() => {
    let live = true;
    let session: LabSessionRef | undefined;
    const startHere = () => {
      session?.stop();
      session = inThisThread(input);
      if (live) setRunning({ session });
    };
    if (input.inThread || typeof Worker === 'undefined') startHere();
    else {
      const worker = new Worker(new URL('../../lib/labs/session/lab.worker.ts', import.meta.url), { type: 'module' });
      const remote = remoteLabSession(worker, input);
      session = remote;
      // A worker script that cannot load (an old cache, a strict host) must not cost the reader the lab.
      worker.onerror = () => {
        if (session === remote && live) startHere();
      };
      remote.ready.then(
        (ready) => {
          if (live && session === remote) setRunning({ session: ready });
        },
        (error: Error) => {
          if (live && session === remote) setRunning({ session: null, failure: error.message });
        },
      );
      remote.subscribe(() => {
        const failure = remote.failure();
        if (failure && live) setRunning({ session: null, failure });
      });
    }
    return () => {
      live = false;
      session?.stop();
    };
  }, []);
  return running;
}
