import type { Answer, GradeOutcome, Prepared, ScenarioRun } from './answers';
import { quizErrors } from './errors';
import { gradeStatic, isStatic } from './grading';
import type { ClusterFactory } from './simulation/port';
import { gradeCommand, gradePrediction } from './simulation/grade';

export interface GradeContext {
  /** Loads the mini-cluster only when a command question needs it. */
  makeCluster: () => Promise<ClusterFactory>;
  /** The scenario run shown with a prediction question (it holds the computed answer). */
  scenario?: ScenarioRun;
}

/** Why an answer is not complete enough to grade, or undefined. */
function incomplete(answer: Answer): string | undefined {
  if (answer.type === 'single' && answer.choice < 0) return quizErrors.noChoice;
  if (answer.type === 'multiple' && answer.choices.length === 0) return quizErrors.noChoice;
  if (answer.type === 'matching' && answer.matches.some((m) => m === '')) return quizErrors.matchEveryItem;
  return undefined;
}

/** Grades any answer. Static types are graded at once; simulation types run the model. */
export async function gradeAnswer(prepared: Prepared, answer: Answer, context: GradeContext): Promise<GradeOutcome> {
  if (answer.type !== prepared.type) throw new TypeError(`a ${answer.type} answer for a ${prepared.type} question`);
  const missing = incomplete(answer);
  if (missing) return { rejected: missing };
  if (isStatic(prepared)) return gradeStatic(prepared, answer as Parameters<typeof gradeStatic>[1]);
  if (prepared.type === 'command' && answer.type === 'command') return gradeCommand(prepared, answer, await context.makeCluster());
  if (prepared.type === 'prediction' && answer.type === 'prediction') {
    if (!context.scenario) throw new Error('a prediction is graded against its scenario run');
    return gradePrediction(prepared, answer, context.scenario);
  }
  throw new TypeError(`no grader for ${prepared.type}`);
}
