import { memo } from 'react';
import { fitText, geometry, type ControlPlaneLayout, machineNote } from '@/lib/labs';
import type { DiagramModel } from '@/lib/labs';
import { HealthIcon, PowerIcon } from './icons';
import { MenuButton, onButtonKey } from './NodeBox';

const apiWords: Record<DiagramModel['api'], string> = {
  available: 'API accepts changes',
  'no-quorum': 'no-quorum: API reads and writes fail',
  unreachable: 'API unreachable',
};

interface Props {
  /** An element that says what activating an etcd member does. */
  memberHelpId: string;
  layout: ControlPlaneLayout;
  api: DiagramModel['api'];
  quorumSize: number;
  onToggleNode: (node: string) => void;
  onToggleMember: (member: string) => void;
  openMenu: { trigger: string; id: string } | null;
  onMenu: (trigger: string, element: Element) => void;
}

/** The control plane: its node, the four components with their state, and the etcd members (click to fail or recover). */
export const ControlPlaneBox = memo(function ControlPlaneBox({
  memberHelpId,
  layout,
  api,
  quorumSize,
  onToggleNode,
  onToggleMember,
  openMenu,
  onMenu,
}: Props) {
  const { box, node, components, members, etcdTop } = layout;
  const { pad } = geometry;
  const healthyMembers = members.filter((m) => m.healthy).length;
  const off = node?.machine === 'poweredOff';
  const toggleNode = () => node && onToggleNode(node.name);
  const machine = node ? machineNote(node) : '';
  return (
    <g className={`lab-cp${api === 'available' ? '' : ' is-degraded'}`}>
      <rect className="lab-cp-frame" width={box.w} height={box.h} rx={10} />
      <text className="lab-cp-title" x={pad + 2} y={21}>
        Control plane
      </text>
      <text className="lab-cp-sub" x={pad + 2} y={38}>
        {fitText(
          `${node ? `${node.name}: ${node.status}${machine ? `, ${machine}` : ''} · ` : ''}${apiWords[api]}`,
          box.w - 2 * pad - (node ? 134 : 0),
          6.1,
        )}
      </text>
      {node && (
        <g
          className={`lab-power${off ? ' is-off' : ''}`}
          transform={`translate(${box.w - pad - 98} 7)`}
          role="button"
          tabIndex={0}
          aria-label={`${off ? 'Power on' : 'Power off'} ${node.name} (${node.status}${machine ? `, ${machine}` : ''})`}
          onClick={toggleNode}
          onKeyDown={onButtonKey(toggleNode)}
        >
          <rect className="lab-power-frame" width={98} height={24} rx={12} />
          <PowerIcon x={16} y={12} />
          <text x={27} y={16}>
            {off ? 'Power on' : 'Power off'}
          </text>
        </g>
      )}
      {node && (
        <MenuButton
          trigger={`node:${node.name}`}
          label={`Actions for ${node.name} (${node.status}${machine ? `, ${machine}` : ''})`}
          x={box.w - pad - 98 - 16}
          y={19}
          openMenu={openMenu}
          onMenu={onMenu}
        />
      )}
      {components.map((c) => (
        <g key={c.name} className={`lab-component${c.healthy ? '' : ' is-down'}`} transform={`translate(${c.x} ${c.y})`}>
          <rect className="lab-component-frame" width={c.w} height={c.h} rx={7} />
          <HealthIcon healthy={c.healthy} x={12} y={c.h / 2} />
          <text className="lab-component-name" x={22} y={15}>
            {fitText(c.name.length * 6.6 > c.w - 28 ? c.name.replace(/^kube-/, '') : c.name, c.w - 28, 6.6)}
          </text>
          <text className="lab-component-state" x={22} y={29}>
            {c.state}
          </text>
        </g>
      ))}
      <text className="lab-cp-sub" x={pad + 2} y={etcdTop + 12}>
        {`etcd: ${healthyMembers} of ${members.length} members healthy, a quorum needs ${quorumSize}`}
      </text>
      {members.map((m) => {
        const toggle = () => onToggleMember(m.name);
        return (
          <g
            key={m.name}
            className={`lab-member${m.healthy ? '' : ' is-down'}`}
            transform={`translate(${m.x} ${m.y})`}
            role="button"
            tabIndex={0}
            aria-describedby={memberHelpId}
            onClick={toggle}
            onKeyDown={onButtonKey(toggle)}
          >
            <rect className="lab-member-frame" width={m.w} height={m.h} rx={7} />
            <path className="lab-member-cylinder" d="M 9 9 a 6 2.5 0 0 0 12 0 a 6 2.5 0 0 0 -12 0 v 12 a 6 2.5 0 0 0 12 0 v -12" />
            {/* One text, so the button's name reads "etcd-1 healthy" with the space kept. */}
            <text>
              <tspan className="lab-member-name" x={28} y={13}>
                {m.name}
              </tspan>{' '}
              <tspan className="lab-member-state" x={28} y={25}>
                {m.healthy ? 'healthy' : 'failed'}
              </tspan>
            </text>
          </g>
        );
      })}
    </g>
  );
});
