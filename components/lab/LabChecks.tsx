'use client';

import { memo } from 'react';
import type { CheckResult } from '@/lib/labs';
import { selectChecks, selectCompleted, selectPassedCount, selectScenario } from '@/lib/labs';
import { useLab } from './LabContext';
import { RichText } from './RichText';

const CheckItem = memo(function CheckItem({ check }: { check: CheckResult }) {
  return (
    <li className={`lab-check ${check.passed ? 'is-passed' : 'is-failing'}`}>
      <svg className="lab-check-icon" width="18" height="18" viewBox="0 0 18 18" aria-hidden="true">
        <circle cx="9" cy="9" r="8" />
        {check.passed ? <path d="M5 9.2l2.6 2.6L13 6.4" /> : <path d="M9 5v5M9 12.6v.2" />}
      </svg>
      <div>
        <span className="sr-only">{check.passed ? 'Passed: ' : 'Not yet: '}</span>
        <span className="lab-check-label">{check.label}</span>
        {!check.passed && (
          <span className="lab-check-reason">
            <RichText text={check.reason} />
          </span>
        )}
      </div>
    </li>
  );
});

/** The goal's checks, live: each passes or says why not. */
export function LabChecks({ headingId, debriefId }: { headingId: string; debriefId: string }) {
  const checks = useLab(selectChecks);
  const passed = useLab(selectPassedCount);
  const allPass = passed === checks.length;
  // The playground has no goal, so nothing to check.
  if (checks.length === 0) return null;
  return (
    <div role="group" className="lab-checks" aria-labelledby={headingId}>
      <div className="lab-section-head">
        <h4 id={headingId}>Checks</h4>
        <span className={`lab-tally${allPass ? ' is-done' : ''}`}>
          {`${passed} of ${checks.length} pass`}
          {allPass && (
            <>
              {': '}
              <a href={`#${debriefId}`}>read the debrief</a>
            </>
          )}
        </span>
      </div>
      <ul>
        {checks.map((check, i) => (
          <CheckItem key={i} check={check} />
        ))}
      </ul>
    </div>
  );
}

/**
 * What the reader just saw, and why. It sits below the terminal, so it never pushes the diagram
 * while the clock plays; after a reload or a rewind a finished lab keeps it folded away instead of
 * showing it beside checks that no longer pass.
 */
export function LabDebrief({ id }: { id: string }) {
  const checks = useLab(selectChecks);
  const passed = useLab(selectPassedCount);
  const completed = useLab(selectCompleted);
  const scenario = useLab(selectScenario);
  if (checks.length === 0) return null;
  if (passed === checks.length)
    return (
      <div id={id} className="lab-debrief" role="note" aria-label="What you just saw" tabIndex={-1}>
        <p className="lab-debrief-title">Lab complete</p>
        <p>
          <RichText text={scenario.debrief} />
        </p>
      </div>
    );
  if (!completed) return null;
  return (
    <details id={id} className="lab-debrief">
      <summary className="lab-debrief-title">You completed this lab before: read the debrief again</summary>
      <p>
        <RichText text={scenario.debrief} />
      </p>
    </details>
  );
}
