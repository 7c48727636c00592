// The layers of an operating system: user, shell and programs, system calls, kernel, hardware.

import { accentBox, arrowStyle, ArrowMarker, box, Diagram, label, sub } from './shared';

const side = { ...sub, fontWeight: 600, textAnchor: 'start' } as const;
const arrow = arrowStyle('os-layers-arrow');

const kernelParts = [
  ['CPU', 'scheduling'],
  ['Memory', 'management'],
  ['File', 'systems'],
  ['Devices', 'and I/O'],
];

export function OsLayers() {
  return (
    <Diagram
      id="os-layers"
      height={430}
      title="Layers of an operating system, from the user down to the hardware"
      desc={
        <>
          Five layers from top to bottom. The user types a command. In user space, the shell and other programs such as cat, python and
          nginx run without privileges. Between user space and the kernel is the system call boundary, crossed by calls such as openat,
          read, write, clone and execve. The kernel, in kernel space, manages CPU scheduling, memory, file systems, and devices and I/O. At
          the bottom is the hardware: CPU, memory, disks and network cards. Requests travel down through the layers and results come back
          up.
        </>
      }
      caption={
        <>
          A command passes from you to the shell, crosses into the kernel as system calls, and only the kernel touches the hardware.
          Containers live entirely in the user-space layer.
        </>
      }
    >
      <defs>
        <ArrowMarker id="os-layers-arrow" size={8} />
      </defs>

      {/* Side labels */}
      <text x={14} y={40} {...side}>
        PERSON
      </text>
      <text x={14} y={112} {...side}>
        USER SPACE
      </text>
      <text x={14} y={184} {...side}>
        BOUNDARY
      </text>
      <text x={14} y={270} {...side}>
        KERNEL SPACE
      </text>
      <text x={14} y={382} {...side}>
        HARDWARE
      </text>

      {/* User */}
      <rect x={130} y={18} width={500} height={44} rx={22} {...box} />
      <text x={380} y={40} {...label}>
        You type: cat notes.txt
      </text>

      {/* User space */}
      <rect x={130} y={82} width={500} height={60} rx={6} {...box} />
      <text x={380} y={102} {...label} fontWeight={600}>
        Shell (bash) and other programs
      </text>
      <text x={380} y={124} {...sub}>
        cat, python, nginx, your containers: unprivileged processes
      </text>

      {/* System call boundary */}
      <line x1={120} y1={170} x2={640} y2={170} stroke="var(--diagram-fg)" strokeWidth={2} strokeDasharray="8 5" />
      <text x={380} y={190} {...label} fontSize={13}>
        system calls: openat, read, write, clone, execve, ...
      </text>

      {/* Kernel */}
      <rect x={130} y={210} width={500} height={120} rx={8} {...accentBox} />
      <text x={380} y={230} {...label} fontWeight={600}>
        Linux kernel (privileged)
      </text>
      {kernelParts.map(([a, b], i) => {
        const x = 145 + i * 120;
        return (
          <g key={a}>
            <rect x={x} y={248} width={110} height={66} rx={6} {...box} />
            <text x={x + 55} y={271} {...label} fontSize={13}>
              {a}
            </text>
            <text x={x + 55} y={291} {...label} fontSize={13}>
              {b}
            </text>
          </g>
        );
      })}

      {/* Hardware */}
      <rect x={130} y={358} width={500} height={48} rx={6} {...box} />
      <text x={380} y={382} {...label}>
        CPU, memory, disks, network cards
      </text>

      {/* Request and result arrows */}
      <line x1={662} y1={36} x2={662} y2={376} {...arrow} />
      <text x={676} y={206} {...sub} transform="rotate(90 676 206)">
        requests go down
      </text>
      <line x1={700} y1={376} x2={700} y2={36} {...arrow} />
      <text x={712} y={206} {...sub} transform="rotate(90 712 206)">
        results come up
      </text>
    </Diagram>
  );
}
