import type { PodPhase } from '@/lib/labs';
import { PhaseGlyph } from './PodChip';

const phases: { phase: PodPhase; word: string }[] = [
  { phase: 'Pending', word: 'Pending' },
  { phase: 'ContainerCreating', word: 'ContainerCreating' },
  { phase: 'Running', word: 'Running' },
  { phase: 'Terminating', word: 'Terminating' },
];

/** The key to the diagram's pod shapes and node borders. */
export function Legend() {
  return (
    <ul className="lab-legend" aria-label="Legend">
      {phases.map(({ phase, word }) => (
        <li key={phase} className={`lab-phase--${phase}`}>
          <svg width="14" height="14" viewBox="0 0 14 14" aria-hidden="true">
            <PhaseGlyph phase={phase} x={7} y={7} />
          </svg>
          {word}
        </li>
      ))}
      <li className="lab-legend-node lab-legend-node--not-ready">
        <span aria-hidden="true" />
        NotReady node
      </li>
      <li className="lab-legend-node lab-legend-node--off">
        <span aria-hidden="true" />
        Powered off
      </li>
    </ul>
  );
}
