'use client';

import { scriptLines, selectHintsShown, selectScenario, selectSolutionShown } from '@/lib/labs';
import { useLab, useLabSend } from './LabContext';
import { CopyButton } from './CopyButton';
import { RichText } from './RichText';

/** Hints one at a time, then the solution, whose lines can be run from here. */
export function LabHelp({ headingId }: { headingId: string }) {
  const scenario = useLab(selectScenario);
  const shown = useLab(selectHintsShown);
  const solutionShown = useLab(selectSolutionShown);
  const send = useLabSend();
  const total = scenario.hints.length;
  // The playground has no hints or solution to offer.
  if (total === 0 && !scenario.solution) return null;
  return (
    <div role="group" className="lab-help" aria-labelledby={headingId}>
      <h4 id={headingId} className="sr-only">
        Hints and solution
      </h4>
      {shown > 0 && (
        <ol className="lab-hints">
          {scenario.hints.slice(0, shown).map((hint, i) => (
            <li key={i}>
              <span className="lab-hint-number">{`Hint ${i + 1}`}</span>
              <RichText text={hint} />
            </li>
          ))}
        </ol>
      )}
      {solutionShown && (
        <div className="lab-solution">
          <p className="lab-solution-title">Solution</p>
          <ol>
            {scriptLines(scenario.solution).map((line, i) => (
              <li key={i}>
                <code>{line}</code>
                <button
                  type="button"
                  className="lab-button lab-run-line"
                  onClick={() => send({ type: 'RUN', command: line })}
                  aria-label={`Run ${line}`}
                >
                  Run
                </button>
                <CopyButton className="lab-button lab-run-line" text={() => line} label={`Copy ${line}`} />
              </li>
            ))}
          </ol>
        </div>
      )}
      <div className="lab-help-actions">
        {shown < total && (
          <button type="button" className="lab-button" onClick={() => send({ type: 'SHOW_HINT' })}>
            {shown === 0 ? `Show a hint (1 of ${total})` : `Next hint (${shown + 1} of ${total})`}
          </button>
        )}
        {!solutionShown && (
          <button type="button" className="lab-button lab-button-quiet" onClick={() => send({ type: 'SHOW_SOLUTION' })}>
            Show the solution
          </button>
        )}
      </div>
    </div>
  );
}
