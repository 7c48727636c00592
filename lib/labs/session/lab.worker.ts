import { z } from 'zod';
import { createLabHost } from './host';

/**
 * The lab's Web Worker: the cluster and the session live here, off the page's thread, so a long
 * `sim advance` or a big cluster never blocks what the reader types. The page starts it in
 * components/lab/useRunningLab.ts, in the one form the bundler recognises as a worker entry.
 */

// The same setting the page makes before any script runs (see components/layout/theme-script.ts).
z.config({ jitless: true });

// The project's types are the page's (lib dom): the worker's own global needs only these two.
const scope = self as unknown as { postMessage(message: unknown): void; onmessage: ((event: MessageEvent) => void) | null };

// A zero-delay yield that is not clamped like a nested setTimeout: a message to ourselves.
const channel = new MessageChannel();
const queued: (() => void)[] = [];
channel.port1.onmessage = () => queued.shift()?.();

const host = createLabHost((message) => scope.postMessage(message), {
  now: () => performance.now(),
  later: (run, ms) => {
    if (ms > 0) setTimeout(run, ms);
    else {
      queued.push(run);
      channel.port2.postMessage(null);
    }
  },
});

scope.onmessage = (event) => host.handle(event.data);
