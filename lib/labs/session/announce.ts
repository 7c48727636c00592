import type { CheckResult } from '../checks';
import type { TimelineMark } from '../timeline';

/**
 * What the polite live region says after a change: node and control-plane changes, checks that
 * flipped, and completion. Pod churn is left out: at 60x it would drown everything else.
 */
const spoken = new Set<TimelineMark['kind']>(['node', 'etcd', 'api']);

export function announcementFor(
  time: string,
  marks: readonly TimelineMark[],
  before: readonly CheckResult[],
  after: readonly CheckResult[],
  justCompleted: boolean,
): string {
  const parts = marks.filter((m) => spoken.has(m.kind)).map((m) => m.text);
  after.forEach((check, i) => {
    const previous = before[i];
    if (previous && previous.passed !== check.passed)
      parts.push(check.passed ? `Check passed: ${check.label}` : `Check failing: ${check.label}`);
  });
  if (justCompleted) parts.push(`Lab complete: all ${after.length} checks pass`);
  return parts.length ? `At ${time}: ${parts.join('. ')}.` : '';
}
