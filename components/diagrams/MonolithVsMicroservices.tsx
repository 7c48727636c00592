// The same online shop built as one monolith and as a set of microservices talking over HTTP.

import { accentBox, arrowStyle, ArrowMarker, box, Diagram, heading, label, sub } from './shared';

const outer = {
  fill: 'none',
  stroke: 'var(--diagram-muted)',
  strokeWidth: 1.5,
  strokeDasharray: '6 4',
} as const;

const store = { ...box, stroke: 'var(--diagram-muted)' } as const;
const strongLabel = { ...label, fontWeight: 600 } as const;
const arrow = { ...arrowStyle('monolith-vs-microservices-arrow'), strokeWidth: 1.75 } as const;

const modules = ['web UI', 'catalogue', 'cart', 'checkout', 'payments', 'notifications'];

const services = [
  { name: 'catalogue', replicas: '6 replicas', x: 380, y: 160 },
  { name: 'cart', replicas: '4 replicas', x: 495, y: 160 },
  { name: 'checkout', replicas: '2 replicas', x: 610, y: 160 },
  { name: 'payments', replicas: '2 replicas', x: 495, y: 290 },
  { name: 'notifications', replicas: '1 replica', x: 610, y: 290 },
] as const;

export function MonolithVsMicroservices() {
  return (
    <Diagram
      id="monolith-vs-microservices"
      height={420}
      title="An online shop as a monolith and as microservices"
      desc={
        <>
          Left: a monolith. Web UI, catalogue, cart, checkout, payments and notifications are modules inside one process that call each
          other as functions and share one database; scaling means running more copies of the whole process. Right: the same features as
          microservices. A web frontend calls the catalogue, cart and checkout services over HTTP with JSON; checkout calls payments and
          notifications. Each service has its own data store and its own number of replicas: catalogue 6, cart 4, checkout 2, payments 2,
          notifications 1.
        </>
      }
      caption={
        <>
          The same shop two ways. On the right, every arrow is a network call that can be slow or fail, and every box is something that has
          to be deployed, configured and watched.
        </>
      }
    >
      <defs>
        <ArrowMarker id="monolith-vs-microservices-arrow" size={5} />
      </defs>

      {/* Monolith */}
      <text x={180} y={20} {...heading}>
        Monolith
      </text>
      <rect x={20} y={40} width={320} height={250} rx={10} {...outer} />
      <text x={180} y={60} {...sub}>
        one codebase, one process, one deploy
      </text>
      {modules.map((m, i) => {
        const col = i % 2;
        const row = Math.floor(i / 2);
        const x = 40 + col * 145;
        const y = 80 + row * 62;
        return (
          <g key={m}>
            <rect x={x} y={y} width={135} height={46} rx={6} {...box} />
            <text x={x + 67.5} y={y + 23} {...strongLabel}>
              {m}
            </text>
          </g>
        );
      })}
      <text x={180} y={275} {...sub}>
        modules call each other as functions
      </text>
      <line x1={180} y1={292} x2={180} y2={318} {...arrow} />
      <rect x={90} y={320} width={180} height={44} rx={6} {...store} />
      <text x={180} y={342} {...strongLabel}>
        one shared database
      </text>
      <text x={180} y={390} {...sub}>
        to scale: run more copies of everything
      </text>

      <line x1={360} y1={10} x2={360} y2={410} stroke="var(--diagram-border)" strokeDasharray="4 4" />

      {/* Microservices */}
      <text x={545} y={20} {...heading}>
        Microservices
      </text>
      <rect x={470} y={45} width={150} height={46} rx={6} {...box} />
      <text x={545} y={68} {...strongLabel}>
        web frontend
      </text>
      <line x1={500} y1={93} x2={440} y2={158} {...arrow} />
      <line x1={545} y1={93} x2={545} y2={158} {...arrow} />
      <line x1={590} y1={93} x2={655} y2={158} {...arrow} />
      <text x={676} y={118} {...sub}>
        HTTP + JSON
      </text>
      <text x={676} y={134} {...sub}>
        (REST)
      </text>

      {services.map((s) => (
        <g key={s.name}>
          <rect x={s.x} y={s.y} width={105} height={56} rx={6} {...accentBox} />
          <text x={s.x + 52.5} y={s.y + 19} {...strongLabel} fontSize={13}>
            {s.name}
          </text>
          <text x={s.x + 52.5} y={s.y + 39} {...sub}>
            {s.replicas}
          </text>
          <rect x={s.x + 22} y={s.y + 64} width={61} height={22} rx={4} {...store} />
          <text x={s.x + 52.5} y={s.y + 75} {...sub}>
            own data
          </text>
        </g>
      ))}
      <path d="M610,205 C595,230 585,250 580,288" {...arrow} />
      <line x1={705} y1={218} x2={705} y2={288} {...arrow} />
      <text x={545} y={400} {...sub}>
        each service is deployed and scaled on its own
      </text>
    </Diagram>
  );
}
