import type { NodeHealth } from '@/lib/labs';

/**
 * Small drawn icons for the diagram. Drawn rather than typed as characters, because symbol
 * characters (power, pause, flag) are missing from many system fonts.
 */

export function PowerIcon({ x, y }: { x: number; y: number }) {
  return (
    <g className="lab-icon lab-icon--power" transform={`translate(${x} ${y})`}>
      <path d="M -2.6 -2.9 A 4 4 0 1 0 2.6 -2.9" />
      <path d="M 0 -4.8 V -0.6" />
    </g>
  );
}

/** Ready: a dot; NotReady: a cross; cordoned: pause bars. Shape as well as colour. */
export function NodeStatusIcon({ health, x, y }: { health: NodeHealth; x: number; y: number }) {
  if (health === 'ready') return <circle className="lab-status-icon" cx={x} cy={y} r={3.8} />;
  if (health === 'cordoned') {
    return (
      <g className="lab-status-icon">
        <rect x={x - 3.5} y={y - 4} width={2.6} height={8} rx={0.6} />
        <rect x={x + 0.9} y={y - 4} width={2.6} height={8} rx={0.6} />
      </g>
    );
  }
  return (
    <path
      className="lab-status-icon lab-status-icon--cross"
      d={`M ${x - 3.4} ${y - 3.4} L ${x + 3.4} ${y + 3.4} M ${x + 3.4} ${y - 3.4} L ${x - 3.4} ${y + 3.4}`}
    />
  );
}

export function TaintIcon({ x, y }: { x: number; y: number }) {
  return <path className="lab-icon lab-icon--taint" d={`M ${x - 3} ${y + 4.5} V ${y - 4.5} L ${x + 4} ${y - 2.6} L ${x - 3} ${y - 0.6}`} />;
}

/** A control-plane component's health: a dot when it works, a cross when it does not. */
export function HealthIcon({ healthy, x, y }: { healthy: boolean; x: number; y: number }) {
  return healthy ? (
    <circle className="lab-health-icon is-ok" cx={x} cy={y} r={3.8} />
  ) : (
    <path
      className="lab-health-icon is-down"
      d={`M ${x - 3.4} ${y - 3.4} L ${x + 3.4} ${y + 3.4} M ${x + 3.4} ${y - 3.4} L ${x - 3.4} ${y + 3.4}`}
    />
  );
}
