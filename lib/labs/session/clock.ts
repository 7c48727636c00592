import type { Cluster } from '@/lib/cluster';
import { labPolicy, type LabSpeed } from '../policy';

/**
 * How real time becomes simulated time. Playing moves the clock by frame time x speed; a jump
 * (+1m, `sim advance 5m`) is spread over a few dozen frames so the reader sees it unfold.
 */

export interface Jump {
  remainingMs: number;
  perFrameMs: number;
  totalMs: number;
  /** Print "advanced 5m0s; now 7m30s" in the terminal when done (the reader typed `sim advance`). */
  echo: boolean;
}

export function startJump(current: Jump | null, ms: number, echo: boolean): Jump {
  const remainingMs = (current?.remainingMs ?? 0) + ms;
  const perFrameMs = Math.min(
    labPolicy.jumpMaxPerFrameMs,
    Math.max(labPolicy.jumpMinPerFrameMs, Math.ceil(remainingMs / labPolicy.jumpFrames)),
  );
  return { remainingMs, perFrameMs, totalMs: (current?.totalMs ?? 0) + ms, echo: echo || (current?.echo ?? false) };
}

export interface FramePlan {
  advanceMs: number;
  jump: Jump | null;
  /** The jump that ended in this frame, if any. */
  finished: Jump | null;
}

export function planFrame(elapsedMs: number, speed: LabSpeed, playing: boolean, jump: Jump | null): FramePlan {
  const real = Math.max(0, Math.min(elapsedMs, labPolicy.maxFrameMs));
  let advanceMs = playing ? real * speed : 0;
  if (!jump) return { advanceMs: Math.round(advanceMs), jump: null, finished: null };
  const take = Math.min(jump.remainingMs, jump.perFrameMs);
  advanceMs += take;
  const remainingMs = jump.remainingMs - take;
  return {
    advanceMs: Math.round(advanceMs),
    jump: remainingMs > 0 ? { ...jump, remainingMs } : null,
    finished: remainingMs > 0 ? null : jump,
  };
}

/** Moves the model in small steps, so every timer fires at its own time within a long frame. */
export function advanceInSteps(cluster: Cluster, ms: number): void {
  let left = ms;
  while (left > 0) {
    const step = Math.min(left, labPolicy.stepMs);
    cluster.advance(step);
    left -= step;
  }
}
