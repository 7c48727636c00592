// cgroup v1 (one hierarchy per controller) versus cgroup v2 (one unified tree).

import { accentBox, box, Diagram, heading, label, sub } from './shared';

const text = { ...label, fontSize: 13 } as const;
const edge = { stroke: 'var(--diagram-muted)', strokeWidth: 1.5 } as const;

function Node({ x, y, w, label, accent = false }: { x: number; y: number; w: number; label: string; accent?: boolean }) {
  return (
    <g>
      <rect x={x - w / 2} y={y - 14} width={w} height={28} rx={6} {...(accent ? accentBox : box)} />
      <text x={x} y={y} {...text}>
        {label}
      </text>
    </g>
  );
}

function MiniTree({ x, controller, groups }: { x: number; controller: string; groups: string[] }) {
  const spread = 52;
  return (
    <g>
      <text x={x} y={70} {...text} fontWeight={600}>
        {controller}
      </text>
      <Node x={x} y={104} w={40} label="/" />
      {groups.map((c, i) => {
        const cx = x + (i - (groups.length - 1) / 2) * spread;
        return (
          <g key={c}>
            <line x1={x} y1={118} x2={cx} y2={166} {...edge} />
            <Node x={cx} y={180} w={48} label={c} accent />
          </g>
        );
      })}
    </g>
  );
}

export function CgroupHierarchies() {
  return (
    <Diagram
      id="cgroup-hierarchies"
      height={330}
      title="cgroup v1 hierarchies compared with the cgroup v2 unified tree"
      desc={
        <>
          On the left, cgroup v1: three separate trees, one each for the cpu, memory and pids controllers, each with its own root and its
          own child groups named web and db, so a process is placed once in every tree. On the right, cgroup v2: a single tree whose root
          enables the cpu, io, memory and pids controllers for its children system.slice, user.slice and kubepods.slice; under system.slice
          sits a container&apos;s group, docker-3f2a.scope, whose files cpu.max, memory.max and pids.max set all its limits in one place.
        </>
      }
      caption={
        <>
          In cgroup v1 each controller has its own hierarchy, so one container appears in several trees. In cgroup v2 there is a single
          tree, and each group switches on the controllers its children may use.
        </>
      }
    >
      <text x={175} y={24} {...heading}>
        cgroup v1: a tree per controller
      </text>
      <rect x={10} y={44} width={330} height={196} rx={10} fill="none" stroke="var(--diagram-border)" strokeDasharray="6 4" />
      <MiniTree x={65} controller="cpu" groups={['web', 'db']} />
      <MiniTree x={175} controller="memory" groups={['web', 'db']} />
      <MiniTree x={285} controller="pids" groups={['web', 'db']} />
      <text x={175} y={262} {...sub}>
        /sys/fs/cgroup/cpu/web, /sys/fs/cgroup/memory/web, ...
      </text>
      <text x={175} y={282} {...sub}>
        A process joins each tree separately; trees can disagree.
      </text>

      <text x={545} y={24} {...heading}>
        cgroup v2: one unified tree
      </text>
      <rect x={380} y={44} width={330} height={196} rx={10} fill="none" stroke="var(--diagram-border)" strokeDasharray="6 4" />
      <Node x={545} y={72} w={56} label="/" />
      <text x={545} y={100} {...sub}>
        enables: cpu io memory pids
      </text>
      <line x1={545} y1={112} x2={435} y2={140} {...edge} />
      <line x1={545} y1={112} x2={533} y2={140} {...edge} />
      <line x1={545} y1={112} x2={643} y2={140} {...edge} />
      <Node x={435} y={154} w={96} label="system.slice" />
      <Node x={533} y={154} w={80} label="user.slice" />
      <Node x={643} y={154} w={114} label="kubepods.slice" />
      <line x1={435} y1={168} x2={435} y2={196} {...edge} />
      <Node x={455} y={210} w={140} label="docker-3f2a.scope" accent />
      <text x={545} y={262} {...sub}>
        cpu.max, memory.max, pids.max all live in
      </text>
      <text x={545} y={282} {...sub}>
        /sys/fs/cgroup/system.slice/docker-3f2a.scope/
      </text>
      <text x={360} y={314} {...sub}>
        Highlighted boxes are the groups that hold a container&apos;s processes.
      </text>
    </Diagram>
  );
}
