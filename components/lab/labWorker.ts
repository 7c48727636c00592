// The lab's Web Worker, started as soon as a lab begins to load: its script (the cluster, the
// YAML parser, the session machine) downloads and compiles on its own thread while the panel's
// code loads on this one, instead of after it. One spare at a time; each lab takes its own.

interface Spare {
  worker: Worker;
  /** The script failed to load before anyone took the worker (its error event has passed). */
  failed: boolean;
}

let spare: Spare | undefined;

const newWorker = () => new Worker(new URL('../../lib/labs/session/lab.worker.ts', import.meta.url), { type: 'module' });

/** Starts a worker for the lab about to load (where there are workers at all). */
export function warmLabWorker(): void {
  if (spare || typeof Worker === 'undefined') return;
  const warmed: Spare = { worker: newWorker(), failed: false };
  warmed.worker.onerror = () => {
    warmed.failed = true;
  };
  spare = warmed;
}

/** The warmed worker if there is one, else a new one; `failed` says its script already failed to load. */
export function takeLabWorker(): Spare {
  const taken = spare ?? { worker: newWorker(), failed: false };
  spare = undefined;
  taken.worker.onerror = null;
  return taken;
}
