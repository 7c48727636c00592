// The Docker workflow: build on one machine, push to a registry, pull and run on another.

import { accentBox, arrowStyle, ArrowMarker, box, Diagram, label, sub } from './shared';

const step = { ...label, fontSize: 13, fontWeight: 600, fill: 'var(--diagram-accent)' } as const;
const arrow = arrowStyle('docker-workflow-arrow');

export function DockerWorkflow() {
  return (
    <Diagram
      id="docker-workflow"
      height={300}
      title="The Docker workflow: build, push, pull, run"
      desc={
        <>
          On the developer&apos;s machine, docker build turns a Dockerfile and source code into an image (step 1). docker push uploads the
          image to a registry (step 2). On a server running Docker, docker pull downloads the same image from the registry (step 3), and
          docker run starts one or more containers from it (step 4).
        </>
      }
      caption={
        <>
          One image travels from the machine that built it, through a registry, to every machine that runs it. The registry is the hand-off
          point between people and between computers.
        </>
      }
    >
      <defs>
        <ArrowMarker id="docker-workflow-arrow" size={8} />
      </defs>

      {/* Developer machine */}
      <rect x={10} y={20} width={180} height={260} rx={10} fill="none" stroke="var(--diagram-muted)" strokeDasharray="6 4" />
      <text x={100} y={40} {...sub}>
        Developer machine
      </text>
      <rect x={25} y={60} width={150} height={56} rx={6} {...box} />
      <text x={100} y={80} {...label}>
        Dockerfile
      </text>
      <text x={100} y={100} {...sub}>
        + source code
      </text>
      <line x1={60} y1={118} x2={60} y2={186} {...arrow} />
      <text x={72} y={142} {...step} textAnchor="start">
        1. build
      </text>
      <text x={72} y={162} {...sub} textAnchor="start">
        docker build
      </text>
      <rect x={25} y={190} width={150} height={56} rx={6} {...accentBox} />
      <text x={100} y={210} {...label}>
        Image
      </text>
      <text x={100} y={230} {...sub}>
        hello-web:1.0
      </text>

      {/* Registry */}
      <rect x={285} y={112} width={150} height={76} rx={8} {...box} />
      <text x={360} y={134} {...label} fontWeight={600}>
        Registry
      </text>
      <text x={360} y={156} {...sub}>
        Docker Hub, ghcr.io
      </text>
      <text x={360} y={172} {...sub}>
        or your own
      </text>
      <path d="M177,218 C230,218 235,170 283,170" {...arrow} />
      <text x={237} y={236} {...step}>
        2. push
      </text>
      <text x={237} y={254} {...sub}>
        docker push
      </text>

      {/* Docker host */}
      <rect x={530} y={20} width={180} height={260} rx={10} fill="none" stroke="var(--diagram-muted)" strokeDasharray="6 4" />
      <text x={620} y={40} {...sub}>
        Docker host (a server)
      </text>
      <rect x={545} y={60} width={150} height={56} rx={6} {...accentBox} />
      <text x={620} y={80} {...label}>
        Image
      </text>
      <text x={620} y={100} {...sub}>
        same digest
      </text>
      <path d="M437,130 C490,130 490,88 543,88" {...arrow} />
      <text x={482} y={156} {...step}>
        3. pull
      </text>
      <text x={482} y={174} {...sub}>
        docker pull
      </text>
      <line x1={580} y1={118} x2={580} y2={186} {...arrow} />
      <text x={592} y={142} {...step} textAnchor="start">
        4. run
      </text>
      <text x={592} y={162} {...sub} textAnchor="start">
        docker run
      </text>
      <rect x={545} y={190} width={70} height={56} rx={6} {...box} />
      <text x={580} y={210} {...label}>
        web1
      </text>
      <text x={580} y={230} {...sub}>
        container
      </text>
      <rect x={625} y={190} width={70} height={56} rx={6} {...box} />
      <text x={660} y={210} {...label}>
        web2
      </text>
      <text x={660} y={230} {...sub}>
        container
      </text>
    </Diagram>
  );
}
