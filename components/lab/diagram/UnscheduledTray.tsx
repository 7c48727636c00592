import { memo } from 'react';
import { geometry, type Box, type PodSlot } from '@/lib/labs';
import { PodChips } from './PodChip';

/** Pods no node has accepted: the scheduler's waiting room. */
export const UnscheduledTray = memo(function UnscheduledTray({
  box,
  pods,
  openMenu,
  onMenu,
}: {
  box: Box;
  pods: PodSlot[];
  openMenu: { trigger: string; id: string } | null;
  onMenu: (trigger: string, element: Element) => void;
}) {
  return (
    <g className="lab-tray" transform={`translate(${box.x} ${box.y})`}>
      <rect className="lab-tray-frame" width={box.w} height={box.h} rx={9} />
      <text className="lab-tray-title" x={geometry.pad} y={19}>
        {`Waiting for a node: ${pods.length} unscheduled`}
      </text>
      <PodChips slots={pods} openMenu={openMenu} onMenu={onMenu} />
    </g>
  );
});
