import { memo } from 'react';
import { fitText, geometry, type ServiceLayout } from '@/lib/labs';

const count = (n: number, word: string) => `${n} ${word}`;

/**
 * A Service and its endpoints: the ready pods that receive its traffic, and the listed but
 * not-ready ones kube-proxy skips. Ready and not ready differ in shape (solid, dashed) and in words.
 */
export const ServiceBox = memo(function ServiceBox({ layout }: { layout: ServiceLayout }) {
  const { service, box, readyTop, notReadyTop, endpoints } = layout;
  const { pad, endpointHeight } = geometry;
  const ports = service.ports.join(', ');
  const noneReady = service.ready.length === 0;
  return (
    <g className={`lab-svc${noneReady ? ' is-empty' : ''}`} transform={`translate(${box.x} ${box.y})`} data-service={service.key}>
      <rect className="lab-svc-frame" width={box.w} height={box.h} rx={9} />
      <text className="lab-svc-name" x={pad} y={18}>
        {fitText(`svc/${service.name}`, box.w - 2 * pad, 7.2)}
      </text>
      <text className="lab-svc-sub" x={pad} y={34}>
        {fitText(
          `${service.type}${ports ? ` ${ports}` : ''} · ${count(service.ready.length, 'ready')}, ${count(service.notReady.length, 'not ready')}`,
          box.w - 2 * pad,
          6.1,
        )}
      </text>
      <text className="lab-svc-label" x={pad} y={readyTop + 12}>
        {noneReady ? 'Ready endpoints: none (requests are refused)' : 'Ready endpoints (receive traffic)'}
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
