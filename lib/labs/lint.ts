import { parseDuration } from '@/lib/cluster/util/duration';
import { evaluateChecks, reachedChecks, type TranscriptEntry } from './checks';
import { labErrors } from './errors';
import { labPolicy } from './policy';
import type { LabScenarioFile } from './schema';
import { scriptLines } from './lines';
import { createLabWorld } from './world';

/** The seeds a lab's solution must work for: its own and two others, so no lab depends on a lucky placement. */
export const lintSeedOffsets = [0, 1, 2] as const;

export interface LabLintProblem {
  /** A check by index, or the solution. */
  at: { check: number } | 'solution';
  message: string;
}

const advancePattern = /^sim\s+advance\s+(\S+)$/;

/**
 * Runs the solution as the session would see it: checks are read after every command and every
 * step of simulated time, so `after` gates see what passed on the way.
 */
function solve(lab: LabScenarioFile, seed: number | string) {
  const { cluster } = createLabWorld({ ...lab, cluster: { ...lab.cluster, seed } });
  const transcript: TranscriptEntry[] = [];
  let reached: number[] = [];
  const look = () => {
    const results = evaluateChecks(lab.checks, { view: cluster.view(), transcript, reached: new Set(reached) });
    reached = reachedChecks(reached, results);
    return results;
  };
  let results = look();
  for (const command of scriptLines(lab.solution)) {
    const api = cluster.view().api;
    const advance = advancePattern.exec(command);
    const ms = advance ? parseDuration(advance[1]) : undefined;
    if (ms === undefined) {
      transcript.push({ command, exitCode: cluster.exec(command).exitCode, api });
      results = look();
      continue;
    }
    transcript.push({ command, exitCode: 0, api });
    for (let left = ms; left > 0; left -= labPolicy.stepMs) {
      cluster.advance(Math.min(left, labPolicy.stepMs));
      results = look();
    }
  }
  return results;
}

const otherSeed = (seed: number | string, offset: number) =>
  offset === 0 ? seed : typeof seed === 'number' ? seed + offset : `${seed}-${offset}`;

/**
 * What a lab author gets wrong without noticing: a check that already passes before the reader has
 * done anything (unless the lab marks it `initially: true`, or gates it with `after`), and a
 * solution that only works for the lab's own seed.
 */
export function lintLab(lab: LabScenarioFile): LabLintProblem[] {
  const start = createLabWorld(lab);
  if (start.failures.length) return [];
  const problems: LabLintProblem[] = [];
  evaluateChecks(lab.checks, { view: start.cluster.view(), transcript: [] }).forEach((result, i) => {
    if (result.passed && !lab.checks[i].initially) problems.push({ at: { check: i }, message: labErrors.passesAtStart(result.label) });
  });
  for (const offset of lintSeedOffsets) {
    const seed = otherSeed(lab.cluster.seed, offset);
    const failing = solve(lab, seed).filter((r) => !r.passed);
    if (failing.length)
      problems.push({
        at: 'solution',
        message: labErrors.solutionFails(
          String(seed),
          failing.map((r) => r.reason),
        ),
      });
  }
  return problems;
}
