// How cpu.max throttles: quota per 100 ms period, for one thread and for four threads.

import { body, Diagram, sub } from './shared';

const x0 = 170; // x of t = 0 ms
const scale = 1.7; // px per ms
const periods = [0, 1, 2];

function Lane({ y, runMs, label, hatchId }: { y: number; runMs: number; label: string; hatchId: string }) {
  return (
    <g>
      <text x={x0 - 12} y={y + 11} {...body} textAnchor="end">
        {label}
      </text>
      {periods.map((p) => {
        const start = x0 + p * 100 * scale;
        return (
          <g key={p}>
            <rect x={start} y={y} width={runMs * scale} height={22} fill="var(--diagram-ok)" stroke="var(--diagram-border)" />
            <rect
              x={start + runMs * scale}
              y={y}
              width={(100 - runMs) * scale}
              height={22}
              fill={`url(#${hatchId})`}
              stroke="var(--diagram-border)"
            />
          </g>
        );
      })}
    </g>
  );
}

export function CpuThrottling() {
  return (
    <Diagram
      id="cpu-throttling"
      height={330}
      title="CPU throttling under cpu.max over three 100 millisecond periods"
      desc={
        <>
          A timeline of three 100 millisecond periods. Top case: one busy thread with cpu.max set to 50000 100000, half a CPU. In every
          period it runs for the first 50 milliseconds and is throttled for the remaining 50. Bottom case: four busy threads with cpu.max
          set to 100000 100000, one CPU. Running in parallel on four cores, they use up the shared 100 millisecond quota after only 25
          milliseconds of real time, and all four are throttled for the remaining 75 milliseconds of each period.
        </>
      }
      caption={
        <>
          cpu.max hands out a time budget per period, shared by every thread in the cgroup. A multi-threaded program can spend it early and
          then stall for the rest of the period, even while the machine has idle CPUs.
        </>
      }
    >
      <defs>
        <pattern id="cpu-throttling-hatch" width="8" height="8" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
          <rect width="8" height="8" fill="var(--diagram-surface)" />
          <line x1="0" y1="0" x2="0" y2="8" stroke="var(--diagram-bad)" strokeWidth="3" />
        </pattern>
      </defs>

      {/* Time axis */}
      {[0, 1, 2, 3].map((p) => {
        const x = x0 + p * 100 * scale;
        return (
          <g key={p}>
            <line x1={x} y1={34} x2={x} y2={44} stroke="var(--diagram-muted)" strokeDasharray="3 4" />
            <line x1={x} y1={66} x2={x} y2={100} stroke="var(--diagram-muted)" strokeDasharray="3 4" />
            <line x1={x} y1={138} x2={x} y2={262} stroke="var(--diagram-muted)" strokeDasharray="3 4" />
            <text x={x} y={24} {...sub}>
              {p * 100} ms
            </text>
          </g>
        );
      })}

      <text x={12} y={56} {...body} fontWeight={600}>
        One thread, cpu.max = 50000 100000 (half a CPU)
      </text>
      <Lane y={72} runMs={50} label="thread 1" hatchId="cpu-throttling-hatch" />

      <text x={12} y={128} {...body} fontWeight={600}>
        Four threads, cpu.max = 100000 100000 (one CPU in total)
      </text>
      {[0, 1, 2, 3].map((t) => (
        <Lane key={t} y={144 + t * 30} runMs={25} label={`thread ${t + 1}`} hatchId="cpu-throttling-hatch" />
      ))}

      {/* Legend */}
      <rect x={170} y={296} width={22} height={16} fill="var(--diagram-ok)" stroke="var(--diagram-border)" />
      <text x={200} y={304} {...body}>
        running
      </text>
      <rect x={290} y={296} width={22} height={16} fill="url(#cpu-throttling-hatch)" stroke="var(--diagram-border)" />
      <text x={320} y={304} {...body}>
        throttled: ready to run but out of quota until the next period
      </text>
      <text x={x0 + 150 * scale} y={276} {...sub}>
        4 threads x 25 ms = the whole 100 ms quota, spent in a quarter of the period
      </text>
    </Diagram>
  );
}
