import { memo } from 'react';
import { fitText, geometry, type ZoneLayout } from '@/lib/labs';
import { MenuButton } from './NodeBox';

/** A zone: a labelled frame around its nodes, with a menu to fail or recover all of them. */
export const ZoneFrame = memo(function ZoneFrame({
  zone,
  summary,
  openMenu,
  onMenu,
}: {
  zone: ZoneLayout;
  /** "2 of 3 nodes Ready". */
  summary: string;
  openMenu: { trigger: string; id: string } | null;
  onMenu: (trigger: string, element: Element) => void;
}) {
  const { box } = zone;
  const { zonePad } = geometry;
  const named = zone.zone !== 'no zone';
  return (
    <g className="lab-zone" transform={`translate(${box.x} ${box.y})`} data-zone={zone.zone}>
      <rect className="lab-zone-frame" width={box.w} height={box.h} rx={12} />
      <text className="lab-zone-title" x={zonePad + 4} y={19}>
        {fitText(`${named ? `zone ${zone.zone}` : 'no zone'} · ${summary}`, box.w - 2 * zonePad - (named ? 34 : 0), 6.4)}
      </text>
      {named && (
        <MenuButton
          trigger={`zone:${zone.zone}`}
          label={`Actions for zone ${zone.zone} (${summary})`}
          x={box.w - zonePad - 12}
          y={14}
          openMenu={openMenu}
          onMenu={onMenu}
        />
      )}
    </g>
  );
});
