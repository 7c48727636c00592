// What the host sees versus what two containers see, namespace by namespace.

import { body, Diagram } from './shared';

const key = { ...body, fontWeight: 600, fill: 'var(--diagram-accent)' } as const;
const muted = { ...body, fontSize: 12, fill: 'var(--diagram-muted)' } as const;
const title = { ...body, fontSize: 14, fontWeight: 600 } as const;

type Row = [string, string];

function ContainerBox({ y, name, rows }: { y: number; name: string; rows: Row[] }) {
  return (
    <g>
      <rect x={300} y={y} width={405} height={150} rx={8} fill="var(--diagram-surface)" stroke="var(--diagram-accent)" strokeWidth={2} />
      <text x={316} y={y + 20} {...title}>
        {name}
      </text>
      {rows.map(([k, v], i) => (
        <g key={k}>
          <text x={316} y={y + 48 + i * 26} {...key}>
            {k}
          </text>
          <text x={368} y={y + 48 + i * 26} {...body}>
            {v}
          </text>
        </g>
      ))}
    </g>
  );
}

const hostProcs: Row[] = [
  ['1', 'systemd'],
  ['812', 'containerd'],
  ['4321', 'nginx (master)'],
  ['4322', 'nginx (worker)'],
  ['5120', 'redis-server'],
  ['6001', 'bash (you)'],
];

export function NamespaceView() {
  return (
    <Diagram
      id="namespace-view"
      height={380}
      title="The same processes seen from the host and from inside two containers"
      desc={
        <>
          On the left, the host&apos;s view: hostname node-1 and a process list with systemd as PID 1, containerd, two nginx processes with
          host PIDs 4321 and 4322, redis-server with PID 5120 and your shell. On the right, two containers. The web container has its own
          UTS namespace with hostname web, its own PID namespace in which the nginx processes are PIDs 1 and 2, its own network namespace
          with lo and eth0 at 10.88.0.2, and its own mount namespace whose root is the nginx image. The cache container likewise has
          hostname cache, sees only redis-server as PID 1, has eth0 at 10.88.0.3, and its root is the redis image.
        </>
      }
      caption={
        <>
          Namespaces change what a process can see, not where it runs. The host still lists the containers&apos; processes under its own PID
          numbers, while each container sees only its own processes, hostname, network interfaces and files.
        </>
      }
    >
      <rect x={10} y={10} width={700} height={360} rx={10} fill="none" stroke="var(--diagram-border)" strokeWidth={1.5} />
      <text x={26} y={32} {...title}>
        Host node-1 (initial namespaces)
      </text>

      <rect x={22} y={52} width={255} height={306} rx={8} fill="var(--diagram-surface)" stroke="var(--diagram-border)" />
      <text x={36} y={72} {...muted}>
        ps on the host sees every process
      </text>
      <text x={36} y={98} {...key}>
        PID
      </text>
      <text x={96} y={98} {...key}>
        COMMAND
      </text>
      {hostProcs.map(([pid, cmd], i) => (
        <g key={pid}>
          <text x={36} y={126 + i * 26} {...body}>
            {pid}
          </text>
          <text x={96} y={126 + i * 26} {...body}>
            {cmd}
          </text>
        </g>
      ))}
      <text x={36} y={300} {...muted}>
        Host PID 4321 and the web
      </text>
      <text x={36} y={318} {...muted}>
        container&apos;s PID 1 are the same
      </text>
      <text x={36} y={336} {...muted}>
        process, numbered twice.
      </text>

      <ContainerBox
        y={52}
        name="Container web"
        rows={[
          ['uts', 'hostname: web'],
          ['pid', '1 nginx (master), 2 nginx (worker)'],
          ['net', 'lo, eth0 10.88.0.2'],
          ['mnt', '/ is the nginx image files'],
        ]}
      />
      <ContainerBox
        y={208}
        name="Container cache"
        rows={[
          ['uts', 'hostname: cache'],
          ['pid', '1 redis-server'],
          ['net', 'lo, eth0 10.88.0.3'],
          ['mnt', '/ is the redis image files'],
        ]}
      />
      <path d="M200,178 C250,178 262,126 298,126" fill="none" stroke="var(--diagram-muted)" strokeWidth={1.5} strokeDasharray="4 3" />
      <path d="M200,230 C250,230 262,282 298,282" fill="none" stroke="var(--diagram-muted)" strokeWidth={1.5} strokeDasharray="4 3" />
    </Diagram>
  );
}
