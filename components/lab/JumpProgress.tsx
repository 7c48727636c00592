'use client';

import { formatGoDuration } from '@/lib/cluster/util/duration';
import { labErrors, labPolicy, selectJumpDoneMs, selectJumpTotalMs } from '@/lib/labs';
import { useLab, useLabSend } from './LabContext';

/** Whole seconds: the bar moves many times a second and the reader needs no more. */
const seconds = (ms: number) => formatGoDuration(Math.floor(ms / 1000) * 1000);

/**
 * A long `sim advance` under way: how far it has got, and a Cancel button (Ctrl+C in the
 * terminal does the same). The bar is not a live region: it changes many times a second; the
 * terminal's note says where the clock stopped.
 */
export function JumpProgress() {
  const total = useLab(selectJumpTotalMs);
  const done = useLab(selectJumpDoneMs);
  const send = useLabSend();
  if (total < labPolicy.progressFromMs) return null;
  const text = labErrors.advancingProgress(seconds(done), formatGoDuration(total));
  return (
    <div className="lab-jump-progress">
      <progress max={total} value={done} aria-label="Clock advance" aria-valuetext={text} />
      <span className="lab-jump-progress-text">{text}</span>
      <button type="button" className="lab-button" onClick={() => send({ type: 'CANCEL_JUMP' })}>
        Cancel
      </button>
    </div>
  );
}
