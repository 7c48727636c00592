import type { ReactNode } from 'react';
import { accentBox, ArrowMarker, box, Diagram, mutedText, text } from './shared';

/** The map of a cluster: control-plane components on top, three worker nodes below, every arrow into the API server. */

const line = { stroke: 'var(--diagram-fg)', strokeWidth: 1.5, fill: 'none' } as const;

function Box({
  x,
  y,
  w,
  h,
  label,
  accent = false,
  sub,
}: {
  x: number;
  y: number;
  w: number;
  h: number;
  label: string;
  accent?: boolean;
  sub?: string;
}) {
  return (
    <g>
      <rect x={x} y={y} width={w} height={h} rx={6} style={accent ? accentBox : { ...box, strokeWidth: 1.25 }} />
      <text x={x + w / 2} y={sub ? y + h / 2 - 3 : y + h / 2 + 5} textAnchor="middle" fontSize={14} fontWeight={600} style={text}>
        {label}
      </text>
      {sub ? (
        <text x={x + w / 2} y={y + h / 2 + 14} textAnchor="middle" fontSize={12} style={mutedText}>
          {sub}
        </text>
      ) : null}
    </g>
  );
}

function Group({ x, y, w, h, title, children }: { x: number; y: number; w: number; h: number; title: string; children: ReactNode }) {
  return (
    <g>
      <rect
        x={x}
        y={y}
        width={w}
        height={h}
        rx={10}
        style={{ fill: 'none', stroke: 'var(--diagram-border)', strokeWidth: 1.5, strokeDasharray: '6 4' }}
      />
      <text x={x + 12} y={y + 20} fontSize={13} fontWeight={700} style={text}>
        {title}
      </text>
      {children}
    </g>
  );
}

function Worker({ x, name }: { x: number; name: string }) {
  const y = 262;
  return (
    <Group x={x} y={y} w={220} h={190} title={name}>
      <Box x={x + 12} y={y + 30} w={196} h={32} label="kubelet" accent />
      <Box x={x + 12} y={y + 70} w={196} h={32} label="container runtime" />
      <Box x={x + 12} y={y + 110} w={196} h={32} label="kube-proxy" />
      {[0, 1, 2].map((i) => (
        <g key={i}>
          <rect x={x + 12 + i * 68} y={y + 150} width={60} height={28} rx={14} style={{ ...box, stroke: 'var(--diagram-ok)' }} />
          <text x={x + 42 + i * 68} y={y + 169} textAnchor="middle" fontSize={12} style={text}>
            pod
          </text>
        </g>
      ))}
    </Group>
  );
}

export function ClusterArchitecture() {
  return (
    <Diagram
      id="cluster-architecture"
      height={470}
      title="Kubernetes cluster architecture"
      desc={
        <>
          A control plane containing kube-apiserver, etcd, kube-scheduler and kube-controller-manager sits above three worker nodes. Each
          worker runs a kubelet, a container runtime, kube-proxy and some pods. kubectl, the scheduler, the controller manager and every
          kubelet connect to the API server; only the API server connects to etcd.
        </>
      }
      caption={
        <>
          Every component talks to the API server, and only the API server talks to etcd. Control-plane nodes also run a kubelet and a
          runtime (not drawn); kubeadm uses them to run the control-plane components as static pods.
        </>
      }
    >
      <defs>
        <ArrowMarker id="cluster-architecture-arrow" size={7} />
      </defs>

      <Box x={10} y={62} w={110} h={44} label="kubectl" sub="(you)" />

      <Group x={150} y={14} w={560} h={200} title="Control plane (on node control-plane)">
        <Box x={320} y={56} w={170} h={48} label="kube-apiserver" sub="front door, port 6443" accent />
        <Box x={580} y={56} w={120} h={48} label="etcd" sub="all cluster state" />
        <Box x={165} y={150} w={165} h={48} label="kube-scheduler" sub="picks a node per pod" />
        <Box x={478} y={150} w={224} h={48} label="kube-controller-manager" sub="reconcile loops" />
      </Group>

      {/* kubectl -> API server */}
      <path d="M120,84 L318,80" style={line} markerEnd="url(#cluster-architecture-arrow)" />
      {/* API server <-> etcd: the only connection to etcd */}
      <path d="M490,80 L578,80" style={line} markerEnd="url(#cluster-architecture-arrow)" markerStart="url(#cluster-architecture-arrow)" />
      <text x={535} y={48} textAnchor="middle" fontSize={12} style={mutedText}>
        only link to etcd
      </text>
      {/* scheduler and controller manager -> API server */}
      <path d="M300,150 L345,106" style={line} markerEnd="url(#cluster-architecture-arrow)" />
      <path d="M520,150 L470,106" style={line} markerEnd="url(#cluster-architecture-arrow)" />

      {/* kubelets -> API server, drawn as a bus through the gap between scheduler and controller manager */}
      <path d="M120,292 L120,240 L600,240 L600,292" style={line} />
      <path d="M360,292 L360,240" style={line} />
      <path d="M405,240 L405,106" style={line} markerEnd="url(#cluster-architecture-arrow)" />
      <text x={414} y={233} fontSize={12} style={mutedText}>
        kubelets watch for their pods and report status
      </text>

      <Worker x={10} name="worker-1" />
      <Worker x={250} name="worker-2" />
      <Worker x={490} name="worker-3" />
    </Diagram>
  );
}
