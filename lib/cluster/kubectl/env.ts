// What kubectl commands work with: the engine and a way to read manifest files.
import type { Engine } from '../engine/engine';

export interface KubectlEnv {
  engine: Engine;
  /** Returns the file's text, or undefined when it cannot be read. */
  readFile: (path: string) => string | undefined;
}

/** Simulated time shown as wall-clock timestamps: t=0 is this instant. */
export const simulatedEpochMs = Date.UTC(2025, 0, 6, 9, 0, 0);

const days = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** RFC1123Z, as kubectl describe prints times. */
export function timestamp(simMs: number): string {
  const date = new Date(simulatedEpochMs + simMs);
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${days[date.getUTCDay()]}, ${pad(date.getUTCDate())} ${months[date.getUTCMonth()]} ${date.getUTCFullYear()} ${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())} +0000`;
}
