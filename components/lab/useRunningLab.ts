'use client';

import { useEffect, useState } from 'react';
import { takeLabWorker } from './labWorker';
import { remoteLabSession, type LabCompletions, type LabResume, type LabScenario, type LabSessionRef } from '@/lib/labs';

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

/** The session on this thread, loaded on demand: the page's bundle leaves the cluster to the worker. */
const inThisThread = (input: RunningLabInput) => import('@/lib/labs/local').then(({ startLocalSession }) => startLocalSession(input));

/**
 * Starts the lab's session: in a Web Worker where there is one, so the cluster never runs on the
 * page's thread, else (jsdom, or a worker that could not load) on this thread behind the same
 * interface. It starts once `enabled` (see labBoots.ts) and lives as long as the component.
 */
export function useRunningLab(input: RunningLabInput, enabled = true): RunningLab {
  const [running, setRunning] = useState<RunningLab>({ session: null });
  // biome-ignore lint/correctness/useExhaustiveDependencies: one session per mounted lab, started once enabled; its input is fixed when it starts
  useEffect(() => {
    if (!enabled) return;
    let live = true;
    let session: LabSessionRef | undefined;
    const startHere = () => {
      session?.stop();
      session = undefined;
      inThisThread(input).then(
        (local) => {
          if (!live) return local.stop();
          session = local;
          setRunning({ session: local });
        },
        (error: Error) => {
          if (live) setRunning({ session: null, failure: error.message });
        },
      );
    };
    if (input.inThread || typeof Worker === 'undefined') startHere();
    else {
      const { worker, failed } = takeLabWorker();
      const remote = remoteLabSession(worker, input);
      session = remote;
      // A worker script that cannot load (an old cache, a strict host) must not cost the reader the lab.
      worker.onerror = () => {
        if (session === remote && live) startHere();
      };
      if (failed) startHere();
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
  }, [enabled]);
  return running;
}
