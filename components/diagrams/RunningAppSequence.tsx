import { accentBox, ArrowMarker, box, Diagram, mutedText, text } from './shared';

/** The six steps from source code to running containers, as a sequence diagram across the components involved. */

const lanes = [
  { id: 'dev', label: 'You', sub: '', x: 58 },
  { id: 'reg', label: 'Registry', sub: '', x: 155 },
  { id: 'api', label: 'API server', sub: '+ etcd', x: 255 },
  { id: 'ctl', label: 'Controllers', sub: '', x: 355 },
  { id: 'sch', label: 'Scheduler', sub: '', x: 450 },
  { id: 'kl', label: 'kubelet', sub: 'worker-1', x: 550 },
  { id: 'rt', label: 'Runtime', sub: 'containerd', x: 660 },
] as const;

type LaneId = (typeof lanes)[number]['id'];
const laneX = (id: LaneId) => lanes.find((l) => l.id === id)!.x;

type Message = { from: LaneId; to: LaneId; label: string; step?: number; watch?: boolean; labelLeft?: boolean };

const messages: Message[] = [
  { from: 'dev', to: 'dev', label: 'build image', step: 1 },
  { from: 'dev', to: 'reg', label: 'push image', step: 2 },
  { from: 'dev', to: 'api', label: 'post Deployment manifest', step: 3 },
  { from: 'api', to: 'ctl', label: 'new Deployment', watch: true },
  { from: 'ctl', to: 'api', label: 'create ReplicaSet, then 3 pods' },
  { from: 'api', to: 'sch', label: 'pods with no node', watch: true },
  { from: 'sch', to: 'api', label: 'bind each pod to a node', step: 4 },
  { from: 'api', to: 'kl', label: 'pod bound to worker-1', watch: true },
  { from: 'kl', to: 'rt', label: 'PullImage', step: 5 },
  { from: 'rt', to: 'reg', label: 'download image layers' },
  { from: 'kl', to: 'rt', label: 'Create/StartContainer', step: 6, labelLeft: true },
  { from: 'kl', to: 'api', label: 'pod status: Running, IP' },
];

const top = 70;
const rowH = 36;

export function RunningAppSequence() {
  const height = top + messages.length * rowH + 40;
  return (
    <Diagram
      id="running-app"
      height={height}
      title="Running an application, step by step"
      desc={
        <>
          A sequence diagram with seven participants: you, the registry, the API server with etcd, the controllers, the scheduler, the
          kubelet and the container runtime. Step 1, you build an image. Step 2, you push it to the registry. Step 3, you post a Deployment
          manifest to the API server; the controllers see it and create a ReplicaSet and pods. Step 4, the scheduler sees pods without a
          node and binds each to a node. Step 5, the kubelet on that node sees the pod and asks the runtime to pull the image, which the
          runtime downloads from the registry. Step 6, the kubelet asks the runtime to create and start the containers and reports the pod
          as Running to the API server.
        </>
      }
      caption={
        <>
          The numbered arrows are the six steps. Dashed arrows are watch notifications: no component calls another directly; each reacts to
          objects changing in the API server, and every write ends up in etcd.
        </>
      }
    >
      <defs>
        <ArrowMarker id="running-app-arrow" size={7} />
        <ArrowMarker id="running-app-arrow-muted" size={7} color="var(--diagram-muted)" />
      </defs>

      {lanes.map((l) => (
        <g key={l.id}>
          <rect x={l.x - 45} y={8} width={90} height={40} rx={6} style={{ ...(l.id === 'api' ? accentBox : box), strokeWidth: 1.25 }} />
          <text x={l.x} y={l.sub ? 25 : 33} textAnchor="middle" fontSize={13} fontWeight={600} style={text}>
            {l.label}
          </text>
          {l.sub ? (
            <text x={l.x} y={41} textAnchor="middle" fontSize={12} style={mutedText}>
              {l.sub}
            </text>
          ) : null}
          <line
            x1={l.x}
            y1={48}
            x2={l.x}
            y2={height - 10}
            style={{ stroke: 'var(--diagram-border)', strokeWidth: 1, strokeDasharray: '3 4' }}
          />
        </g>
      ))}

      {messages.map((m, i) => {
        const y = top + i * rowH + 18;
        const label = m.step ? `${m.step}. ${m.label}` : m.label;
        const weight = m.step ? 700 : 400;
        if (m.from === m.to) {
          const x = laneX(m.from);
          return (
            <g key={i}>
              <rect x={x - 50} y={y - 14} width={100} height={24} rx={4} style={{ ...box, stroke: 'var(--diagram-ok)' }} />
              <text x={x} y={y + 3} textAnchor="middle" fontSize={12} fontWeight={weight} style={text}>
                {label}
              </text>
            </g>
          );
        }
        const x1 = laneX(m.from);
        const x2 = laneX(m.to);
        const dir = x2 > x1 ? 1 : -1;
        // A label too long for a short arrow sits to the left of it instead.
        const short = m.labelLeft === true;
        const stroke = m.watch ? 'var(--diagram-muted)' : 'var(--diagram-fg)';
        return (
          <g key={i}>
            <line
              x1={x1}
              y1={y}
              x2={x2 - dir * 2}
              y2={y}
              style={{ stroke, strokeWidth: 1.5, strokeDasharray: m.watch ? '5 4' : undefined }}
              markerEnd={m.watch ? 'url(#running-app-arrow-muted)' : 'url(#running-app-arrow)'}
            />
            <text
              x={short ? Math.min(x1, x2) - 8 : (x1 + x2) / 2}
              y={short ? y + 4 : y - 6}
              textAnchor={short ? 'end' : 'middle'}
              fontSize={12}
              fontWeight={weight}
              style={m.watch ? mutedText : text}
            >
              {m.watch ? `watch: ${label}` : label}
            </text>
          </g>
        );
      })}
    </Diagram>
  );
}
