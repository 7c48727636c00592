// Timeline of a worker that loses power, with Kubernetes v1.32+ default timings (to scale).

import { arrowStyle, ArrowMarker, body, box, Diagram } from './shared';

/** Seconds after the failure mapped to viewBox x; the axis runs from -20 s to 400 s. */
const X = (t: number) => 40 + ((t + 20) * 640) / 420;

const strong = { ...body, fontWeight: 600 } as const;
const muted = { ...body, fontSize: 12, fill: 'var(--diagram-muted)' } as const;
const leader = { stroke: 'var(--diagram-muted)', strokeWidth: 1.2, strokeDasharray: '4 3', fill: 'none' } as const;

const minutes = [0, 60, 120, 180, 240, 300, 360];

export function NodeFailureTimeline() {
  return (
    <Diagram
      id="node-failure-timeline"
      height={370}
      title="What happens after a worker node loses power, with default settings"
      desc={
        <>
          A time axis from zero to about six and a half minutes. At time zero the node loses power, but the API still reports it Ready.
          After a grace period of 50 seconds without a heartbeat, checked every 5 seconds, the node becomes Ready Unknown somewhere between
          about 40 and 60 seconds: kubectl shows NotReady, its pods are marked not ready and the taint unreachable NoSchedule is added;
          about 5 seconds later unreachable NoExecute follows. Each pod then waits out its default 300 second toleration. Between about 345
          and 370 seconds the pods are deleted and show Terminating, the ReplicaSet creates replacements on healthy nodes, and the DaemonSet
          pod stays. If the node comes back before the countdown ends, the taints are removed and nothing is evicted.
        </>
      }
      caption={
        <>
          A worker loses power at t = 0 (Kubernetes v1.32 or later, default settings, drawn to scale). The exact moments shift by a few
          seconds depending on when the last heartbeat landed and when the controller next checked.
        </>
      }
    >
      <defs>
        <ArrowMarker id="node-failure-timeline-arrow" size={8} />
      </defs>

      {/* Card: t = 0 */}
      <rect x={12} y={14} width={170} height={78} rx={8} style={{ ...box, stroke: 'var(--diagram-bad)' }} />
      <text x={24} y={34} style={strong}>
        t = 0: power lost
      </text>
      <text x={24} y={54} style={muted}>
        API still says Ready,
      </text>
      <text x={24} y={72} style={muted}>
        pods still say Running
      </text>
      <path d={`M${X(0)},92 L${X(0)},184`} style={leader} />

      {/* Card: node marked unreachable */}
      <rect x={196} y={14} width={252} height={116} rx={8} style={{ ...box, stroke: 'var(--diagram-warn)' }} />
      <text x={208} y={34} style={strong}>
        ≈ 40–60 s: Ready = Unknown
      </text>
      <text x={208} y={54} style={body}>
        kubectl shows NotReady
      </text>
      <text x={208} y={72} style={body}>
        pods on the node: Ready = False
      </text>
      <text x={208} y={90} style={body}>
        taint unreachable:NoSchedule
      </text>
      <text x={208} y={110} style={muted}>
        ≈ 5 s later: unreachable:NoExecute
      </text>
      <path d={`M230,130 L${X(52)},184`} style={leader} />

      {/* Card: eviction */}
      <rect x={462} y={14} width={248} height={116} rx={8} style={{ ...box, stroke: 'var(--diagram-accent)' }} />
      <text x={474} y={34} style={strong}>
        ≈ 345–370 s (about 6 min)
      </text>
      <text x={474} y={54} style={body}>
        pods deleted, shown Terminating
      </text>
      <text x={474} y={72} style={body}>
        ReplicaSet creates replacements
      </text>
      <text x={474} y={90} style={body}>
        scheduler places them elsewhere
      </text>
      <text x={474} y={110} style={muted}>
        DaemonSet pod stays on the node
      </text>
      <path d={`M586,130 L${X(357)},184`} style={leader} />

      {/* Time axis */}
      <line x1={30} y1={190} x2={702} y2={190} style={arrowStyle('node-failure-timeline-arrow')} />
      {minutes.map((t) => (
        <g key={t}>
          <line x1={X(t)} y1={184} x2={X(t)} y2={196} style={{ stroke: 'var(--diagram-fg)', strokeWidth: 1.5 }} />
          <text x={X(t)} y={210} style={{ ...muted, textAnchor: 'middle' }}>
            {t === 0 ? '0' : `${t / 60} min`}
          </text>
        </g>
      ))}
      <text x={700} y={210} style={{ ...muted, textAnchor: 'end' }}>
        time
      </text>

      {/* Band: grace period */}
      <rect
        x={X(-5)}
        y={232}
        width={X(50) - X(-5)}
        height={26}
        rx={4}
        style={{ fill: 'var(--diagram-accent-soft)', stroke: 'var(--diagram-warn)', strokeWidth: 1.5 }}
      />
      <text x={X(50) + 10} y={245} style={body}>
        grace period: 50 s with no Lease renewal or status update, checked every 5 s
      </text>

      {/* Band: toleration countdown */}
      <rect
        x={X(55)}
        y={272}
        width={X(355) - X(55)}
        height={26}
        rx={4}
        style={{ fill: 'var(--diagram-accent-soft)', stroke: 'var(--diagram-accent)', strokeWidth: 1.5 }}
      />
      <text x={(X(55) + X(355)) / 2} y={285} style={{ ...body, textAnchor: 'middle' }}>
        default toleration: each pod may stay 300 s after NoExecute
      </text>

      {/* Band: eviction window */}
      <rect
        x={X(345)}
        y={312}
        width={X(370) - X(345)}
        height={26}
        rx={4}
        style={{ fill: 'var(--diagram-surface)', stroke: 'var(--diagram-bad)', strokeWidth: 2 }}
      />
      <text x={X(345) - 10} y={325} style={{ ...body, textAnchor: 'end' }}>
        eviction window
      </text>

      <text x={12} y={356} style={muted}>
        Node back before the countdown ends: taints removed, pending evictions cancelled, nothing moves.
      </text>
    </Diagram>
  );
}
