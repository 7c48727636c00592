import { memo } from 'react';
import { fitText, geometry, podDetail, podSummary } from '@/lib/labs';
import { menuTrigger } from './menuTrigger';
import type { DiagramPod, PodPhase, PodSlot } from '@/lib/labs';

/** Short status words for the chip; the second line, the table and the tooltip carry kubectl's full word. */
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
  h: number;
  /** The open menu's id while this pod's menu is open. */
  menuId: string | undefined;
  onMenu: (trigger: string, element: Element) => void;
}

/**
 * One pod: its phase as colour, shape and word, a second line for back-offs, restarts and
 * readiness, and a mark when it is new. The chip is the button that opens the pod's menu.
 */
export const PodChip = memo(function PodChip({ pod, x, y, w, h, menuId, onMenu }: Props) {
  const detail = podDetail(pod);
  // A failure's exact word is on the second line; the first keeps the short phase word.
  const status = pod.phase === 'Failed' && detail ? '' : chipStatus[pod.phase];
  const badge = pod.isNew ? 'new' : '';
  const badgeWidth = badge ? 28 : 0;
  // The name comes first: the status word shows only where both fit (the glyph always shows the phase).
  const statusWidth = status.length * 6.1 + 14;
  const showStatus = status !== '' && 24 + pod.label.length * geometry.monoCharWidth + statusWidth + badgeWidth <= w;
  const label = fitText(pod.label, w - 24 - badgeWidth - (showStatus ? statusWidth : 0));
  const trigger = `pod:${pod.key}`;
  const detailText = detail ? fitText(detail, w - 28, 5.9) : '';
  // The name starts with the words on the chip, so speech and sight agree (WCAG label in name).
  const shown = [label, showStatus ? status : '', badge, detailText].filter(Boolean).join(' ');
  const line = geometry.chipHeight / 2;
  return (
    <g
      className={`lab-pod lab-phase--${pod.phase}${pod.isNew ? ' is-new' : ''}${pod.trouble ? ' has-trouble' : ''}`}
      style={{ transform: `translate(${x}px, ${y}px)` }}
    >
      <title>{`${podSummary(pod)} (${pod.owner})`}</title>
      <rect className="lab-pod-frame" width={w} height={h} rx={5} />
      <PhaseGlyph phase={pod.phase} x={11} y={line} />
      <text className="lab-pod-name" x={21} y={line + 4}>
        {label}
      </text>
      {showStatus && (
        <text className="lab-pod-status" x={w - 7 - badgeWidth} y={line + 3.5} textAnchor="end">
          {status}
        </text>
      )}
      {badge && (
        <g className="lab-pod-new">
          <rect x={w - badgeWidth - 3} y={line - 7} width={badgeWidth - 2} height={14} rx={7} />
          <text x={w - 4 - badgeWidth / 2} y={line + 3} textAnchor="middle">
            {badge}
          </text>
        </g>
      )}
      {detail && (
        <text className="lab-pod-detail" x={21} y={line + 17}>
          {detailText}
        </text>
      )}
      {/* The button is a shape over the chip, so its name (not the drawn words) is what assistive tech reads. */}
      <rect
        className="lab-pod-hit"
        width={w}
        height={h}
        rx={5}
        {...menuTrigger(trigger, menuId, `${shown}: actions for ${podSummary(pod)}`, onMenu)}
      />
    </g>
  );
});

/** Chips for laid-out pods (on a node or in the unscheduled tray), each with its menu trigger. */
export function PodChips({
  slots,
  openMenu,
  onMenu,
}: {
  slots: PodSlot[];
  openMenu: { trigger: string; id: string } | null;
  onMenu: (trigger: string, element: Element) => void;
}) {
  return slots.map((slot) => (
    <PodChip
      key={slot.pod.key}
      pod={slot.pod}
      x={slot.x}
      y={slot.y}
      w={slot.w}
      h={slot.h}
      menuId={openMenu?.trigger === `pod:${slot.pod.key}` ? openMenu.id : undefined}
      onMenu={onMenu}
    />
  ));
}
