// Virtual machines versus containers: where the kernel sits in each stack.

import { accentBox, box, Diagram, heading, label, sub } from './shared';

function Cell({ x, y, w, h, text, kernel = false }: { x: number; y: number; w: number; h: number; text: string; kernel?: boolean }) {
  return (
    <g>
      <rect x={x} y={y} width={w} height={h} rx={6} {...(kernel ? accentBox : box)} />
      <text x={x + w / 2} y={y + h / 2} {...label}>
        {text}
      </text>
    </g>
  );
}

const columns = [0, 1, 2];
const appNames = ['App A', 'App B', 'App C'];

export function ContainersVsVms() {
  return (
    <Diagram
      id="containers-vs-vms"
      height={430}
      title="Virtual machines compared with containers"
      desc={
        <>
          Two stacks side by side. On the left, three virtual machines each contain an app, its libraries and a complete guest operating
          system with its own kernel; they run on a hypervisor, which runs on the hardware. On the right, three containers each contain only
          an app and its libraries; they run through a container engine on a host operating system whose single Linux kernel all containers
          share, on the same hardware.
        </>
      }
      caption={
        <>
          Each virtual machine boots a complete guest operating system with its own kernel on top of a hypervisor. Containers carry only an
          application and its libraries; all of them are ordinary processes on one host kernel.
        </>
      }
    >
      <text x={175} y={24} {...heading} fontSize={16}>
        Virtual machines
      </text>
      <text x={545} y={24} {...heading} fontSize={16}>
        Containers
      </text>

      {/* Virtual machine stack */}
      {columns.map((i) => {
        const x = 10 + i * 114;
        return (
          <g key={`vm-${i}`}>
            <rect x={x - 4} y={48} width={112} height={236} rx={8} fill="none" stroke="var(--diagram-muted)" strokeDasharray="5 4" />
            <text x={x + 52} y={62} {...sub}>
              VM {i + 1}
            </text>
            <Cell x={x} y={76} w={104} h={44} text={appNames[i]} />
            <Cell x={x} y={126} w={104} h={44} text="Libraries" />
            <Cell x={x} y={176} w={104} h={100} text="" kernel />
            <text x={x + 52} y={210} {...label}>
              Guest OS
            </text>
            <text x={x + 52} y={232} {...label}>
              + its own
            </text>
            <text x={x + 52} y={252} {...label} fontWeight={600}>
              kernel
            </text>
          </g>
        );
      })}
      <Cell x={6} y={294} w={338} h={44} text="Hypervisor" />
      <Cell x={6} y={346} w={338} h={44} text="Hardware (CPU, memory, disk, network)" />

      {/* Container stack */}
      {columns.map((i) => {
        const x = 380 + i * 114;
        return (
          <g key={`ct-${i}`}>
            <rect x={x - 4} y={124} width={112} height={108} rx={8} fill="none" stroke="var(--diagram-muted)" strokeDasharray="5 4" />
            <text x={x + 52} y={138} {...sub}>
              Container {i + 1}
            </text>
            <Cell x={x} y={150} w={104} h={34} text={appNames[i]} />
            <Cell x={x} y={190} w={104} h={34} text="Libraries" />
          </g>
        );
      })}
      <Cell x={376} y={242} w={338} h={44} text="Container engine (for example Docker)" />
      <rect x={376} y={294} width={338} height={44} rx={6} {...accentBox} />
      <text x={545} y={316} {...label}>
        Host OS with one shared Linux <tspan fontWeight={600}>kernel</tspan>
      </text>
      <Cell x={376} y={346} w={338} h={44} text="Hardware (CPU, memory, disk, network)" />

      <text x={175} y={414} {...sub}>
        Three kernels: strong walls, heavy images
      </text>
      <text x={545} y={414} {...sub}>
        One kernel: light images, thinner walls
      </text>
    </Diagram>
  );
}
