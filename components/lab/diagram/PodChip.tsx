import { memo } from 'react';
import { fitText, geometry } from '@/lib/labs';
import type { DiagramPod, PodPhase } from '@/lib/labs';

/** Short status words for the chip; the table and the tooltip carry kubectl's full word. */
const chipStatus: Record<PodPhase, string> = {
  Pending: 'Pending',
  ContainerCreating: 'Creating',
  Running: 'Running',
  Terminating: 'Terminating',
  Failed: 'Failed',
  Other: '',
};

/** The phase as a shape, so colour is never the only signal. */
export function PhaseGlyph({ phase, x, y }: { phase: PodPhase; x: number; y: number }) {
  switch (phase) {
    case 'Running':
      return <circle className="lab-glyph lab-glyph--solid" cx={x} cy={y} r={4.5} />;
    case 'Pending':
      return <circle className="lab-glyph lab-glyph--dashed" cx={x} cy={y} r={4.5} />;
    case 'ContainerCreating':
      return (
        <g className="lab-glyph">
          <circle className="lab-glyph--ring" cx={x} cy={y} r={4.5} />
          <path className="lab-glyph--solid" d={`M ${x} ${y - 4.5} A 4.5 4.5 0 0 1 ${x} ${y + 4.5} Z`} />
        </g>
      );
    case 'Terminating':
      return (
        <path
          className="lab-glyph lab-glyph--cross"
          d={`M ${x - 4} ${y - 4} L ${x + 4} ${y + 4} M ${x + 4} ${y - 4} L ${x - 4} ${y + 4}`}
        />
      );
    case 'Failed':
      return <path className="lab-glyph lab-glyph--solid" d={`M ${x} ${y - 5} L ${x + 5} ${y + 4} L ${x - 5} ${y + 4} Z`} />;
    default:
      return <rect className="lab-glyph lab-glyph--ring" x={x - 4} y={y - 4} width={8} height={8} />;
  }
}

interface Props {
  pod: DiagramPod;
  x: number;
  y: number;
  w: number;
}

/** One pod: its phase as colour, shape and word. Decorative for assistive tech (the table has it). */
export const PodChip = memo(function PodChip({ pod, x, y, w }: Props) {
  const h = geometry.chipHeight;
  const status = chipStatus[pod.phase];
  // The name comes first: the status word shows only where both fit (the glyph always shows the phase).
  const statusWidth = status.length * 6.1 + 6;
  const showStatus = status !== '' && 24 + pod.label.length * geometry.monoCharWidth + statusWidth <= w;
  const label = fitText(pod.label, w - 24 - (showStatus ? statusWidth : 0));
  return (
    <g className={`lab-pod lab-phase--${pod.phase}`} style={{ transform: `translate(${x}px, ${y}px)` }}>
      <title>{`${pod.name}: ${pod.status} (${pod.owner})`}</title>
      <rect className="lab-pod-frame" width={w} height={h} rx={5} />
      <PhaseGlyph phase={pod.phase} x={11} y={h / 2} />
      <text className="lab-pod-name" x={21} y={h / 2 + 4}>
        {label}
      </text>
      {showStatus && (
        <text className="lab-pod-status" x={w - 7} y={h / 2 + 3.5} textAnchor="end">
          {status}
        </text>
      )}
    </g>
  );
});
