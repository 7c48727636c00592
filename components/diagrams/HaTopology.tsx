// Highly available control planes: stacked etcd (kubeadm's default) next to external etcd.

import { accentBox, box, Diagram, label, sub } from './shared';

const text = { ...label, fontSize: 13 } as const;
const strong = { ...text, fontWeight: 600 } as const;
const small = { ...text, fontSize: 12 } as const;
const etcd = { ...box, stroke: 'var(--diagram-ok)', strokeWidth: 2 } as const;
const wire = { stroke: 'var(--diagram-muted)', strokeWidth: 1.5, fill: 'none' } as const;
const raft = { stroke: 'var(--diagram-ok)', strokeWidth: 1.5, strokeDasharray: '5 4', fill: 'none' } as const;

const NODE_W = 100;
const GAP = 12;

/** One control-plane machine: header, the API server, and the two leader-elected components. */
function ControlPlaneNode({ x, y, name, height }: { x: number; y: number; name: string; height: number }) {
  const cx = x + NODE_W / 2;
  return (
    <g>
      <rect x={x} y={y} width={NODE_W} height={height} rx={6} style={box} />
      <text x={cx} y={y + 14} style={strong}>
        {name}
      </text>
      <text x={cx} y={y + 34} style={small}>
        kube-apiserver
      </text>
      <text x={cx} y={y + 52} style={small}>
        scheduler*
      </text>
      <text x={cx} y={y + 70} style={small}>
        controller-mgr*
      </text>
    </g>
  );
}

function Panel({ x0, title, subtitle, stacked }: { x0: number; title: string; subtitle: string; stacked: boolean }) {
  const xs = [0, 1, 2].map((i) => x0 + i * (NODE_W + GAP));
  const panelMid = x0 + (3 * NODE_W + 2 * GAP) / 2;
  const nodeY = 112;
  const nodeH = stacked ? 126 : 88;
  return (
    <g>
      <text x={panelMid} y={18} style={strong}>
        {title}
      </text>
      <text x={panelMid} y={38} style={sub}>
        {subtitle}
      </text>

      <rect x={panelMid - 90} y={54} width={180} height={32} rx={6} style={accentBox} />
      <text x={panelMid} y={70} style={small}>
        load balancer :6443
      </text>
      {xs.map((x) => (
        <path key={x} d={`M${panelMid},86 L${x + NODE_W / 2},${nodeY}`} style={wire} />
      ))}

      {xs.map((x, i) => (
        <ControlPlaneNode key={x} x={x} y={nodeY} name={`cp-${i + 1}`} height={nodeH} />
      ))}

      {stacked ? (
        <>
          {xs.map((x) => (
            <g key={x}>
              <rect x={x + 10} y={nodeY + 86} width={NODE_W - 20} height={30} rx={5} style={etcd} />
              <text x={x + NODE_W / 2} y={nodeY + 101} style={small}>
                etcd member
              </text>
            </g>
          ))}
          <path d={`M${xs[0] + NODE_W - 10},${nodeY + 101} L${xs[1] + 10},${nodeY + 101}`} style={raft} />
          <path d={`M${xs[1] + NODE_W - 10},${nodeY + 101} L${xs[2] + 10},${nodeY + 101}`} style={raft} />
          <text x={panelMid} y={nodeY + 150} style={sub}>
            losing one machine loses an API server
          </text>
          <text x={panelMid} y={nodeY + 168} style={sub}>
            and an etcd member together
          </text>
        </>
      ) : (
        <>
          {xs.map((x) => (
            <path key={x} d={`M${x + NODE_W / 2},${nodeY + nodeH} L${x + NODE_W / 2},${nodeY + nodeH + 26}`} style={wire} />
          ))}
          <rect
            x={x0 - 4}
            y={nodeY + nodeH + 26}
            width={3 * NODE_W + 2 * GAP + 8}
            height={50}
            rx={8}
            style={{ fill: 'none', stroke: 'var(--diagram-ok)', strokeWidth: 1.2, strokeDasharray: '2 3' }}
          />
          {xs.map((x, i) => (
            <g key={`etcd-${x}`}>
              <rect x={x + 5} y={nodeY + nodeH + 34} width={NODE_W - 10} height={34} rx={6} style={etcd} />
              <text x={x + NODE_W / 2} y={nodeY + nodeH + 51} style={small}>
                {`etcd-${i + 1}`}
              </text>
            </g>
          ))}
          <path d={`M${xs[0] + NODE_W - 5},${nodeY + nodeH + 51} L${xs[1] + 5},${nodeY + nodeH + 51}`} style={raft} />
          <path d={`M${xs[1] + NODE_W - 5},${nodeY + nodeH + 51} L${xs[2] + 5},${nodeY + nodeH + 51}`} style={raft} />
          <text x={panelMid} y={nodeY + nodeH + 96} style={sub}>
            separate etcd hosts: six machines minimum
          </text>
        </>
      )}

      <rect x={x0} y={328} width={3 * NODE_W + 2 * GAP} height={34} rx={6} style={box} />
      <text x={panelMid} y={345} style={small}>
        worker nodes: kubelets use the load balancer
      </text>
    </g>
  );
}

export function HaTopology() {
  return (
    <Diagram
      id="ha-topology"
      height={400}
      title="Two highly available control-plane layouts: stacked etcd and external etcd"
      desc={
        <>
          Left, stacked etcd, the kubeadm default: three control-plane machines (control-plane to control-plane-3) behind a load balancer on
          port 6443. Each runs kube-apiserver, a scheduler and a controller-manager, and an etcd member; the three etcd members form one
          Raft cluster. Losing one machine loses an API server and an etcd member together. Right, external etcd: the same three
          control-plane machines, but etcd runs on three separate hosts etcd-1 to etcd-3 that every API server talks to, so at least six
          machines are needed. In both layouts the worker nodes reach the control plane through the load balancer, all API servers are
          active, and only one scheduler and one controller-manager are active at a time, chosen by leader election.
        </>
      }
      caption={
        <>
          Stacked and external etcd. Every API server is active behind the load balancer; the scheduler and controller-manager use leader
          election so only one copy of each makes decisions.
        </>
      }
    >
      <Panel x0={12} title="Stacked etcd" subtitle="kubeadm's default" stacked />
      <line x1={360} y1={10} x2={360} y2={366} style={{ stroke: 'var(--diagram-border)', strokeWidth: 1, strokeDasharray: '3 4' }} />
      <Panel x0={372} title="External etcd" subtitle="etcd on its own machines" stacked={false} />
      <text x={360} y={388} style={sub}>
        * on every control-plane node, but only the elected leader acts · dashed lines: etcd Raft peers
      </text>
    </Diagram>
  );
}
