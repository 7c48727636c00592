// How the kubelet reached a container before and after dockershim was removed in Kubernetes 1.24.

import { accentBox, arrowStyle, ArrowMarker, box, Diagram, heading, label, sub } from './shared';

const shimBox = { ...box, stroke: 'var(--diagram-warn)', strokeWidth: 2, strokeDasharray: '6 3' } as const;
const strongLabel = { ...label, fontWeight: 600 } as const;
const edgeText = { ...sub, textAnchor: 'start', fill: 'var(--diagram-fg)' } as const;
const arrow = arrowStyle('runtime-call-paths-arrow');

type Step = { name: string; detail: string; style: typeof box | typeof accentBox | typeof shimBox };

const before: Step[] = [
  { name: 'kubelet + dockershim', detail: 'CRI translated inside the kubelet', style: shimBox },
  { name: 'dockerd', detail: 'Docker Engine', style: box },
  { name: 'containerd', detail: 'used by Docker, not by the kubelet', style: box },
  { name: 'containerd-shim-runc-v2', detail: 'one per container', style: box },
  { name: 'runc', detail: 'OCI runtime', style: box },
  { name: 'container process', detail: 'isolated by the kernel', style: box },
];

const beforeEdges = ['Docker Engine API', 'containerd API (gRPC)', 'starts a shim', 'OCI bundle', 'creates and starts'];

const after: Step[] = [
  { name: 'kubelet', detail: 'CRI client', style: box },
  { name: 'containerd (CRI plugin) or CRI-O', detail: 'CRI server', style: accentBox },
  { name: 'containerd shim or conmon', detail: 'one per container', style: box },
  { name: 'runc or crun', detail: 'OCI runtime', style: box },
  { name: 'container process', detail: 'isolated by the kernel', style: box },
];

const afterEdges = ['CRI: gRPC over a Unix socket', 'starts a shim or monitor', 'OCI bundle', 'creates and starts'];

const top = 50;
const pitch = 82;
const boxHeight = 52;

function Column({ x, steps, edges }: { x: number; steps: Step[]; edges: string[] }) {
  return (
    <g>
      {steps.map((s, i) => {
        const y = top + i * pitch;
        return (
          <g key={s.name}>
            <rect x={x} y={y} width={320} height={boxHeight} rx={8} {...s.style} />
            <text x={x + 160} y={y + 18} {...strongLabel}>
              {s.name}
            </text>
            <text x={x + 160} y={y + 37} {...sub}>
              {s.detail}
            </text>
          </g>
        );
      })}
      {edges.map((text, i) => {
        const y1 = top + i * pitch + boxHeight;
        const y2 = top + (i + 1) * pitch;
        return (
          <g key={text}>
            <line x1={x + 40} y1={y1 + 2} x2={x + 40} y2={y2 - 2} {...arrow} />
            <text x={x + 52} y={(y1 + y2) / 2} {...edgeText}>
              {text}
            </text>
          </g>
        );
      })}
    </g>
  );
}

export function RuntimeCallPaths() {
  return (
    <Diagram
      id="runtime-call-paths"
      height={560}
      title="The kubelet's path to a container, before and after dockershim"
      desc={
        <>
          Left, Kubernetes 1.23 and earlier on a Docker node: the kubelet&apos;s built-in dockershim translated CRI calls into Docker Engine
          API calls to dockerd, which called containerd, which started a shim, which ran runc, which started the container process: five
          hops. Right, Kubernetes 1.24 and later: the kubelet speaks CRI over gRPC directly to containerd&apos;s CRI plugin or to CRI-O,
          which starts a shim or conmon, which runs runc or crun, which starts the container process: four hops, with no Docker Engine in
          between.
        </>
      }
      caption={
        <>
          Dashed outline: dockershim, the adapter that lived inside the kubelet until 1.24. Shaded box: the CRI server the kubelet talks to
          today.
        </>
      }
    >
      <defs>
        <ArrowMarker id="runtime-call-paths-arrow" size={5} />
      </defs>

      <text x={180} y={22} {...heading}>
        Up to Kubernetes 1.23 (Docker nodes)
      </text>
      <text x={540} y={22} {...heading}>
        Kubernetes 1.24 and later
      </text>
      <line x1={360} y1={8} x2={360} y2={552} stroke="var(--diagram-border)" strokeDasharray="4 4" />

      <Column x={20} steps={before} edges={beforeEdges} />
      <Column x={380} steps={after} edges={afterEdges} />

      <text x={540} y={top + 5 * pitch + 14} {...sub}>
        One hop shorter, and no Docker Engine:
      </text>
      <text x={540} y={top + 5 * pitch + 32} {...sub}>
        images built with Docker still run unchanged.
      </text>
    </Diagram>
  );
}
