'use client';

import { useCallback, useId, useLayoutEffect, useMemo, useRef, useState, type CSSProperties } from 'react';
import { formatGoDuration } from '@/lib/cluster/util/duration';
import {
  layoutDiagram,
  machineNote,
  nodeActions,
  podActions,
  podSummary,
  selectClockMs,
  selectDiagram,
  zoneActions,
  type DiagramAction,
  type DiagramModel,
} from '@/lib/labs';
import { useLab, useLabSend, useLabSnapshot } from '../LabContext';
import { ControlPlaneBox } from './ControlPlaneBox';
import { DiagramMenu, type MenuAnchor } from './DiagramMenu';
import { NodeBox } from './NodeBox';
import { ServiceBox } from './ServiceBox';
import { UnscheduledTray } from './UnscheduledTray';
import { ZoneFrame } from './ZoneFrame';
import './cluster-diagram.css';

/** Follows the width of its box, so the diagram reflows from phone to desktop without scaling text. */
function useWidth(initial: number) {
  const ref = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(initial);
  useLayoutEffect(() => {
    const element = ref.current;
    if (!element) return;
    const measure = () => setWidth(Math.max(240, Math.floor(element.clientWidth)));
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  return { ref, width };
}

interface MenuContent {
  label: string;
  about: string;
  actions: DiagramAction[];
}

const readyCount = (nodes: DiagramModel['workers']) =>
  `${nodes.filter((n) => n.health !== 'not-ready').length} of ${nodes.length} nodes Ready`;

/** What a menu trigger ("pod:default/web-1", "node:worker-2", "zone:zone-a") offers now; undefined once it is gone. */
function menuContent(model: DiagramModel, trigger: string, nowMs: number): MenuContent | undefined {
  const [kind, ...rest] = trigger.split(':');
  const id = rest.join(':');
  if (kind === 'pod') {
    const pod = [...model.workers, ...model.controlPlane]
      .flatMap((n) => n.pods)
      .concat(model.unscheduled)
      .find((p) => p.key === id);
    if (!pod) return undefined;
    const age = formatGoDuration(Math.max(0, Math.floor((nowMs - pod.createdAt) / 1000)) * 1000);
    return {
      label: `Actions for ${pod.name}`,
      about: `${podSummary(pod)}. ${pod.owner}, ${pod.node ? `on ${pod.node}` : 'not scheduled'}, age ${age}.`,
      actions: podActions(pod),
    };
  }
  if (kind === 'node') {
    const node = [...model.controlPlane, ...model.workers].find((n) => n.name === id);
    if (!node) return undefined;
    const machine = machineNote(node);
    return {
      label: `Actions for ${node.name}`,
      about: `${node.name}: ${node.status}${machine ? `, ${machine}` : ''}${node.zone ? `, zone ${node.zone}` : ''}.`,
      actions: nodeActions(node),
    };
  }
  const nodes = model.workers.filter((n) => n.zone === id);
  if (kind !== 'zone' || nodes.length === 0) return undefined;
  return { label: `Actions for zone ${id}`, about: `Zone ${id}: ${readyCount(nodes)}.`, actions: zoneActions(id, nodes) };
}

/** The cluster drawn from the model: control plane, workers with their pods, and unscheduled pods. */
export function ClusterDiagram({ labelledBy }: { labelledBy: string }) {
  const model = useLab(selectDiagram);
  const send = useLabSend();
  const { ref, width } = useWidth(640);
  const layout = useMemo(() => layoutDiagram(model, width), [model, width]);
  const toggleNode = useCallback((node: string) => send({ type: 'TOGGLE_NODE', node }), [send]);
  const toggleMember = useCallback((member: string) => send({ type: 'TOGGLE_ETCD_MEMBER', member }), [send]);
  const memberHelpId = useId();
  const hatchId = useId();
  const menuId = useId();
  const snapshot = useLabSnapshot();
  const [menu, setMenu] = useState<MenuAnchor | null>(null);
  const openMenu = useMemo(() => (menu ? { trigger: menu.trigger, id: menuId } : null), [menu, menuId]);
  const onMenu = useCallback(
    (trigger: string, element: Element) => {
      const box = ref.current?.getBoundingClientRect();
      const at = element.getBoundingClientRect();
      setMenu((open) =>
        open?.trigger === trigger ? null : { trigger, x: at.left - (box?.left ?? 0), y: at.bottom - (box?.top ?? 0) + 4 },
      );
    },
    [ref],
  );
  const closeMenu = useCallback(() => setMenu(null), []);
  const choose = useCallback((command: string) => send({ type: 'RUN', command }), [send]);
  const content = menu ? menuContent(model, menu.trigger, selectClockMs(snapshot())) : undefined;
  return (
    <div className="lab-diagram" ref={ref}>
      <svg
        role="group"
        aria-labelledby={labelledBy}
        viewBox={`0 0 ${layout.width} ${layout.height}`}
        width={layout.width}
        height={layout.height}
        className="lab-diagram-svg"
        style={{ '--lab-off-fill': `url(#${hatchId})` } as CSSProperties}
      >
        <defs>
          {/* Powered-off machines are hatched, so "off" is not told by colour alone. */}
          <pattern id={hatchId} width={7} height={7} patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
            <rect className="lab-hatch-ground" width={7} height={7} />
            <line className="lab-hatch-line" x1={0} y1={0} x2={0} y2={7} />
          </pattern>
        </defs>
        <ControlPlaneBox
          memberHelpId={memberHelpId}
          layout={layout.controlPlane}
          api={model.api}
          quorumSize={model.etcd.quorumSize}
          onToggleNode={toggleNode}
          onToggleMember={toggleMember}
          openMenu={openMenu}
          onMenu={onMenu}
        />
        {layout.zones.map((zone) => (
          <ZoneFrame
            key={zone.zone}
            zone={zone}
            summary={readyCount(model.workers.filter((n) => zone.nodes.includes(n.name)))}
            openMenu={openMenu}
            onMenu={onMenu}
          />
        ))}
        {layout.workers.map(({ node, box }) => (
          <NodeBox
            key={node.name}
            node={node}
            x={box.x}
            y={box.y}
            w={box.w}
            h={box.h}
            chipColumns={layout.chipColumns}
            onToggle={toggleNode}
            openMenu={openMenu}
            onMenu={onMenu}
          />
        ))}
        {layout.tray && <UnscheduledTray box={layout.tray.box} pods={layout.tray.pods} openMenu={openMenu} onMenu={onMenu} />}
        {layout.services.map((service) => (
          <ServiceBox key={service.service.key} layout={service} onRun={choose} />
        ))}
      </svg>
      {menu && content && (
        <DiagramMenu
          id={menuId}
          anchor={menu}
          label={content.label}
          about={content.about}
          actions={content.actions}
          boxWidth={width}
          onChoose={choose}
          onClose={closeMenu}
        />
      )}
      <p id={memberHelpId} className="sr-only">
        Activating an etcd member fails it, or recovers it when it has failed.
      </p>
    </div>
  );
}
