import { memo } from 'react';
import { fitText, geometry, serviceRequests, type ServiceLayout } from '@/lib/labs';
import { onButtonKey } from './NodeBox';

const count = (n: number, word: string) => `${n} ${word}`;

/** The send button's size: its words in the drawing's 11px bold, with room either side. */
const sendHeight = 22;
const sendWidth = (words: string) => Math.ceil(words.length * 6.3) + 16;

interface Props {
  layout: ServiceLayout;
  /** Runs a command line through the lab's terminal path (echoed, logged, replayable). */
  onRun: (command: string) => void;
}

/**
 * A Service and its endpoints: the ready pods that receive its traffic, and the listed but
 * not-ready ones kube-proxy skips. Ready and not ready differ in shape (solid, dashed) and in words.
 * Its button sends requests through kube-proxy (sim curl), so a learner sees who answers.
 */
export const ServiceBox = memo(function ServiceBox({ layout, onRun }: Props) {
  const { service, box, readyTop, notReadyTop, endpoints } = layout;
  const { pad, endpointHeight } = geometry;
  const ports = service.ports.join(', ');
  const noneReady = service.ready.length === 0;
  const send = serviceRequests(service);
  const sendW = sendWidth(send.label);
  const run = () => onRun(send.command);
  const where = service.namespace === 'default' ? '' : ` in namespace ${service.namespace}`;
  return (
    <g className={`lab-svc${noneReady ? ' is-empty' : ''}`} transform={`translate(${box.x} ${box.y})`} data-service={service.key}>
      <rect className="lab-svc-frame" width={box.w} height={box.h} rx={9} />
      <text className="lab-svc-name" x={pad} y={18}>
        {fitText(`svc/${service.name}`, box.w - 3 * pad - sendW, 7.2)}
      </text>
      <g
        className="lab-svc-send"
        transform={`translate(${box.w - pad - sendW} 4)`}
        role="button"
        tabIndex={0}
        // The visible words first, then which Service (WCAG label in name).
        aria-label={`${send.label} to Service ${service.name}${where}`}
        onClick={run}
        onKeyDown={onButtonKey(run)}
      >
        <rect className="lab-svc-send-frame" width={sendW} height={sendHeight} rx={sendHeight / 2} />
        <text x={sendW / 2} y={15} textAnchor="middle">
          {send.label}
        </text>
      </g>
      <text className="lab-svc-sub" x={pad} y={34}>
        {fitText(
          `${service.type}${service.headless ? ', headless' : ''}${ports ? ` ${ports}` : ''} · ${count(service.ready.length, 'ready')}, ${count(service.notReady.length, 'not ready')}`,
          box.w - 2 * pad,
          6.1,
        )}
      </text>
      <text className="lab-svc-label" x={pad} y={readyTop + 12}>
        {service.externalName !== null
          ? `An alias for ${service.externalName}: no endpoints`
          : noneReady
            ? `Ready endpoints: none (${service.headless ? 'its name does not resolve' : 'requests are refused'})`
            : 'Ready endpoints (receive traffic)'}
      </text>
      {notReadyTop !== undefined && (
        <text className="lab-svc-label" x={pad} y={notReadyTop + 12}>
          Not ready (listed, skipped)
        </text>
      )}
      {endpoints.map((slot) => (
        <g
          key={`${slot.ready}:${slot.endpoint.key}`}
          className={`lab-endpoint${slot.ready ? ' is-ready' : ' is-not-ready'}`}
          transform={`translate(${slot.x} ${slot.y})`}
        >
          <rect className="lab-endpoint-frame" width={slot.w} height={slot.h} rx={endpointHeight / 2} />
          {slot.ready ? (
            <circle className="lab-endpoint-glyph" cx={10} cy={slot.h / 2} r={3.5} />
          ) : (
            <circle className="lab-endpoint-glyph" cx={10} cy={slot.h / 2} r={3.5} strokeDasharray="2 1.6" />
          )}
          <text x={19} y={slot.h / 2 + 4}>
            {fitText(slot.endpoint.label, slot.w - 26, 6.4)}
          </text>
        </g>
      ))}
    </g>
  );
});
