'use client';

import { useCallback, useId, useLayoutEffect, useMemo, useRef, useState, type CSSProperties } from 'react';
import { layoutDiagram, selectDiagram } from '@/lib/labs';
import { useLab, useLabSend } from '../LabContext';
import { ControlPlaneBox } from './ControlPlaneBox';
import { NodeBox } from './NodeBox';
import { UnscheduledTray } from './UnscheduledTray';
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
        />
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
          />
        ))}
        {layout.tray && <UnscheduledTray box={layout.tray.box} pods={layout.tray.pods} />}
      </svg>
      <p id={memberHelpId} className="sr-only">
        Activating an etcd member fails it, or recovers it when it has failed.
      </p>
    </div>
  );
}
