import { memo, useMemo, type KeyboardEvent } from 'react';
import { fitText, geometry, layoutNodeInterior, kubeletNote, machineNote, powerWord, taintLines, type DiagramNode } from '@/lib/labs';
import { menuTrigger } from './menuTrigger';
import { NodeStatusIcon, PowerIcon, TaintIcon } from './icons';
import { PodChips } from './PodChip';

/** "Power off worker-3 (Ready, 2 pods)": the action first, then what the node looks like now. */
export function nodeActionLabel(node: DiagramNode): string {
  const pods = node.pods.length === 1 ? '1 pod' : `${node.pods.length} pods`;
  const machine = machineNote(node);
  return `${node.machine === 'poweredOff' ? 'Power on' : 'Power off'} ${node.name} (${node.status}${machine ? `, ${machine}` : ''}, ${pods})`;
}

/** Activates on Enter and Space, like a native button. */
export function onButtonKey(action: () => void) {
  return (event: KeyboardEvent) => {
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      action();
    }
  };
}

interface Props {
  node: DiagramNode;
  x: number;
  y: number;
  w: number;
  h: number;
  chipColumns: number;
  onToggle: (node: string) => void;
  /** The open menu's trigger and id, if a menu is open. */
  openMenu: { trigger: string; id: string } | null;
  onMenu: (trigger: string, element: Element) => void;
}

/** Three dots: the menu of more actions. */
function MoreIcon({ x, y }: { x: number; y: number }) {
  return (
    <g className="lab-icon lab-icon--more">
      {[-4.5, 0, 4.5].map((dx) => (
        <circle key={dx} cx={x + dx} cy={y} r={1.5} />
      ))}
    </g>
  );
}

/** The menu button drawn in a corner (node header, zone header). */
export function MenuButton({
  trigger,
  label,
  x,
  y,
  openMenu,
  onMenu,
}: {
  trigger: string;
  label: string;
  x: number;
  y: number;
  openMenu: Props['openMenu'];
  onMenu: Props['onMenu'];
}) {
  const menuId = openMenu?.trigger === trigger ? openMenu.id : undefined;
  return (
    <g className="lab-menu-button" {...menuTrigger(trigger, menuId, label, onMenu)}>
      <rect className="lab-menu-button-hit" x={x - 11} y={y - 11} width={22} height={22} rx={11} />
      <MoreIcon x={x} y={y} />
    </g>
  );
}

/**
 * A worker: its API status, its machine, its taints and its pods. A click anywhere on it powers
 * it off or on; for the keyboard, the power icon in its corner is the button.
 */
export const NodeBox = memo(function NodeBox({ node, x, y, w, h, chipColumns, onToggle, openMenu, onMenu }: Props) {
  const interior = useMemo(() => layoutNodeInterior(node, w, chipColumns), [node, w, chipColumns]);
  const taints = useMemo(() => taintLines(node, w), [node, w]);
  const { pad, taintLine } = geometry;
  const power = powerWord(node);
  const powerWidth = power.length * 6.2;
  const note = kubeletNote(node);
  const taintTop = interior.taintTop + (note ? taintLine : 0);
  const toggle = () => onToggle(node.name);
  const menuX = w - pad - powerWidth - 34;
  let taintLine0 = 0;
  return (
    <g
      className={`lab-node lab-node--${node.health}${node.machine === 'poweredOff' ? ' is-off' : ''}${node.network === 'partitioned' ? ' is-partitioned' : ''}`}
      transform={`translate(${x} ${y})`}
      onClick={toggle}
      data-node={node.name}
    >
      <rect className="lab-node-frame" width={w} height={h} rx={9} />
      <text className="lab-node-name" x={pad} y={20}>
        {fitText(node.name, w - 2 * pad - powerWidth - 50, 7.6)}
      </text>
      <MenuButton
        trigger={`node:${node.name}`}
        label={`Actions for ${node.name} (${node.status}${machineNote(node) ? `, ${machineNote(node)}` : ''})`}
        x={menuX}
        y={16}
        openMenu={openMenu}
        onMenu={onMenu}
      />
      <g className={`lab-node-machine${power === 'on' ? '' : ' is-abnormal'}`}>
        <g className="lab-node-power" role="button" tabIndex={0} aria-label={nodeActionLabel(node)} onKeyDown={onButtonKey(toggle)}>
          <rect className="lab-node-power-hit" x={w - pad - powerWidth - 20} y={5} width={22} height={22} rx={11} />
          <PowerIcon x={w - pad - powerWidth - 9} y={16} />
        </g>
        <text x={w - pad} y={20} textAnchor="end" aria-hidden="true">
          {power}
        </text>
      </g>
      <NodeStatusIcon health={node.health} x={pad + 4} y={34} />
      <text className="lab-node-status" x={pad + 13} y={38}>
        {fitText(node.status, w - 2 * pad - 13, 6.3)}
      </text>
      {note && (
        <text className="lab-node-note" x={pad} y={interior.taintTop + 11}>
          {note}
        </text>
      )}
      {/* Every taint in full, wrapped over lines where the box is narrow (a phone). */}
      {node.taints.map((taint, i) => {
        const first = taintLine0;
        taintLine0 += taints[i].length;
        return (
          <g key={taint} className="lab-node-taint">
            <title>{taint}</title>
            <TaintIcon x={pad + 3} y={taintTop + first * taintLine + 7.5} />
            {taints[i].map((line, j) => (
              <text key={j} x={pad + 12} y={taintTop + (first + j) * taintLine + 11}>
                {line}
              </text>
            ))}
          </g>
        );
      })}
      <PodChips slots={interior.pods} openMenu={openMenu} onMenu={onMenu} />
      {node.systemPods.length > 0 && (
        <text className="lab-node-system" x={pad} y={interior.systemTop + 12}>
          {fitText(`+ ${node.systemPods.join(', ')}`, w - 2 * pad, 6)}
        </text>
      )}
    </g>
  );
});
