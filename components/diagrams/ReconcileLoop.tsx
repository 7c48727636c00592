// Desired state and the reconcile loop: observe, compare, act, repeat.

import { accentBox, arrowStyle, ArrowMarker, box, Diagram, label, sub } from './shared';

const strongLabel = { ...label, fontWeight: 600 } as const;
const edgeText = { ...sub, fill: 'var(--diagram-fg)' } as const;
const arrow = arrowStyle('reconcile-loop-arrow');
const dashed = { ...arrow, strokeDasharray: '5 4' } as const;

export function ReconcileLoop() {
  return (
    <Diagram
      id="reconcile-loop"
      height={380}
      title="Desired state and the reconcile loop"
      desc={
        <>
          You declare a desired state, for example three replicas, with kubectl apply; the API server stores it. A controller runs a loop:
          step 1, observe the actual state by watching the API server; step 2, compare it with the desired state, for example three wanted
          and two running; step 3, act by creating one pod, writing the change back to the API server. Then the loop starts again. The
          scheduler and the kubelets on the nodes turn those changes into running containers.
        </>
      }
      caption={
        <>
          Every Kubernetes controller follows this loop. Self-healing and scaling are not special features: they are what the loop does when
          the actual state drifts from the desired state, or the desired state changes.
        </>
      }
    >
      <defs>
        <ArrowMarker id="reconcile-loop-arrow" size={5} />
      </defs>

      {/* You and the API server */}
      <rect x={20} y={30} width={210} height={64} rx={8} {...box} />
      <text x={125} y={52} {...strongLabel}>
        You declare the goal
      </text>
      <text x={125} y={74} {...sub}>
        kubectl apply: replicas: 3
      </text>
      <line x1={125} y1={96} x2={125} y2={148} {...arrow} />
      <rect x={20} y={150} width={210} height={76} rx={8} {...box} />
      <text x={125} y={172} {...strongLabel}>
        API server (etcd)
      </text>
      <text x={125} y={194} {...sub}>
        desired state: 3 replicas
      </text>
      <text x={125} y={211} {...sub}>
        observed state: 2 running
      </text>

      {/* The loop */}
      <rect x={300} y={30} width={170} height={60} rx={8} {...accentBox} />
      <text x={385} y={50} {...strongLabel}>
        1. Observe
      </text>
      <text x={385} y={71} {...sub}>
        watch the actual state
      </text>

      <rect x={530} y={150} width={170} height={60} rx={8} {...accentBox} />
      <text x={615} y={170} {...strongLabel}>
        2. Compare
      </text>
      <text x={615} y={191} {...sub}>
        wanted 3, running 2
      </text>

      <rect x={300} y={270} width={170} height={60} rx={8} {...accentBox} />
      <text x={385} y={290} {...strongLabel}>
        3. Act
      </text>
      <text x={385} y={311} {...sub}>
        create 1 more pod
      </text>

      <path d="M472,60 C560,60 615,100 615,148" {...arrow} />
      <path d="M615,212 C615,262 560,300 472,300" {...arrow} />
      <line x1={385} y1={268} x2={385} y2={92} {...arrow} />
      <text x={470} y={172} {...sub}>
        repeat forever
      </text>

      {/* Links to the API server */}
      <path d="M232,170 C262,170 270,75 298,68" {...dashed} />
      <text x={296} y={122} {...edgeText}>
        watch
      </text>
      <path d="M298,292 C262,292 262,215 233,210" {...dashed} />
      <text x={296} y={246} {...edgeText}>
        write
      </text>

      <text x={360} y={362} {...sub}>
        The scheduler and each node&apos;s kubelet then turn the new pod into a running container.
      </text>
    </Diagram>
  );
}
