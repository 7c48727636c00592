// The layers inside today's Docker Engine, from the docker command down to the container's process.

import { accentBox, arrowStyle, ArrowMarker, box, Diagram, label, sub } from './shared';

const layerName = { ...label, fontSize: 15, fontWeight: 600 } as const;
const edge = { ...sub, textAnchor: 'start', fill: 'var(--diagram-fg)' } as const;
const note = { ...sub, textAnchor: 'start' } as const;
const arrow = arrowStyle('docker-engine-stack-arrow');

const layers = [
  { y: 20, name: 'docker (CLI)', what: 'parses your command, calls the Engine API', kind: 'client', box },
  { y: 110, name: 'dockerd', what: 'Engine API, networks, volumes, builds', kind: 'daemon: always running', box: accentBox },
  { y: 200, name: 'containerd', what: 'pulls and stores images, tracks containers', kind: 'daemon: always running', box: accentBox },
  {
    y: 290,
    name: 'containerd-shim-runc-v2',
    what: 'one per container, holds its stdio and exit code',
    kind: 'lives as long as the container',
    box,
  },
  { y: 380, name: 'runc', what: 'sets up namespaces and cgroups, starts it', kind: 'exits once the container runs', box },
  { y: 470, name: 'container process (e.g. nginx)', what: 'an ordinary Linux process, isolated', kind: 'your application', box },
] as const;

const edges = [
  'Engine API: HTTP over /var/run/docker.sock',
  'gRPC over /run/containerd/containerd.sock',
  'starts a shim for the new container',
  'runs runc with an OCI bundle',
  'runc execs the process, then exits',
] as const;

export function DockerEngineStack() {
  return (
    <Diagram
      id="docker-engine-stack"
      height={580}
      title="The parts of Docker Engine, from the docker command to the container"
      desc={
        <>
          A vertical stack. The docker command-line client calls dockerd through the Engine API on /var/run/docker.sock. dockerd calls
          containerd over gRPC on /run/containerd/containerd.sock; dockerd hands image builds to BuildKit. containerd starts one
          containerd-shim-runc-v2 process per container. The shim runs runc with an OCI bundle; runc creates the namespaces and cgroups,
          starts the container process and exits, leaving the process running under the shim on the Linux kernel. dockerd and containerd are
          long-running daemons; runc is short-lived.
        </>
      }
      caption={
        <>
          Docker Engine today is a chain of separate programs. Only dockerd and containerd run all the time; runc does its work and exits,
          and a small shim stays behind with each container.
        </>
      }
    >
      <defs>
        <ArrowMarker id="docker-engine-stack-arrow" size={5} />
      </defs>

      {layers.map((layer) => (
        <g key={layer.name}>
          <rect x={20} y={layer.y} width={300} height={56} rx={8} {...layer.box} />
          <text x={170} y={layer.y + 19} {...layerName}>
            {layer.name}
          </text>
          <text x={170} y={layer.y + 40} {...sub}>
            {layer.what}
          </text>
          <text x={336} y={layer.y + 28} {...note}>
            {layer.kind}
          </text>
        </g>
      ))}

      {edges.map((text, i) => {
        const top = layers[i].y + 56;
        const bottom = layers[i + 1].y;
        return (
          <g key={text}>
            <line x1={60} y1={top + 2} x2={60} y2={bottom - 2} {...arrow} />
            <text x={72} y={(top + bottom) / 2} {...edge}>
              {text}
            </text>
          </g>
        );
      })}

      {/* BuildKit hangs off dockerd */}
      <rect x={530} y={110} width={170} height={56} rx={8} {...box} />
      <text x={615} y={129} {...layerName}>
        BuildKit
      </text>
      <text x={615} y={150} {...sub}>
        runs docker build
      </text>
      <line x1={322} y1={124} x2={528} y2={124} {...arrow} />

      {/* The kernel underneath */}
      <rect
        x={20}
        y={542}
        width={680}
        height={30}
        rx={6}
        fill="var(--diagram-surface)"
        stroke="var(--diagram-muted)"
        strokeDasharray="6 4"
      />
      <text x={360} y={557} {...sub}>
        Linux kernel: namespaces, cgroups, capabilities, seccomp
      </text>
    </Diagram>
  );
}
