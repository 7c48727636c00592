import type { Question, QuestionOf } from './schema';
import type { CheckResult } from './simulation/checks';
import type { ExecResult } from './simulation/port';
import type { Variables } from './template';

/**
 * One question as a reader meets it in one attempt: options in a shuffled order, simulation
 * placeholders filled from a drawn variant. Indices always refer to the question's own lists.
 */
export type Prepared =
  | { type: 'single'; question: QuestionOf<'single'>; seed: number; order: number[] }
  | { type: 'multiple'; question: QuestionOf<'multiple'>; seed: number; order: number[] }
  | { type: 'ordering'; question: QuestionOf<'ordering'>; seed: number; order: number[] }
  | { type: 'matching'; question: QuestionOf<'matching'>; seed: number; itemOrder: number[]; choices: string[] }
  | { type: 'command'; question: QuestionOf<'command'>; seed: number; variant: Variables }
  | { type: 'prediction'; question: QuestionOf<'prediction'>; seed: number; variant: Variables };

/** What the reader answered. */
export type Answer =
  | { type: 'single'; choice: number }
  | { type: 'multiple'; choices: number[] }
  | { type: 'ordering'; order: number[] }
  | { type: 'matching'; matches: string[] }
  | { type: 'command'; command: string }
  | { type: 'prediction'; value: string };

export type AnswerOf<T extends Question['type']> = Extract<Answer, { type: T }>;

/** What the grader found, enough to show per-answer feedback. */
export type Detail =
  | { type: 'single'; chosen: number; correct: number }
  | { type: 'multiple'; chosen: number[]; correct: number[] }
  | { type: 'ordering'; order: number[]; inPlace: boolean[] }
  | { type: 'matching'; matches: string[]; right: boolean[] }
  | { type: 'command'; command: string; output: ExecResult; results: CheckResult[] }
  | { type: 'prediction'; given: string; expected: string; revealed?: string };

export interface Graded {
  correct: boolean;
  detail: Detail;
}

/** The answer could not be graded as given (empty, not a kubectl command...): tell the reader, count nothing. */
export interface Rejected {
  rejected: string;
}

export type GradeOutcome = Graded | Rejected;

export const isRejected = (outcome: GradeOutcome): outcome is Rejected => 'rejected' in outcome;

/** What a simulation scenario showed before the answer, and (for predictions) the computed truth. */
export interface ScenarioRun {
  observed?: string;
  expected?: string;
  revealed?: string;
}

/** The reader's answer as the grader recorded it, to show a graded question again (review your mistakes). */
export function answerOf(detail: Detail): Answer {
  switch (detail.type) {
    case 'single':
      return { type: 'single', choice: detail.chosen };
    case 'multiple':
      return { type: 'multiple', choices: detail.chosen };
    case 'ordering':
      return { type: 'ordering', order: detail.order };
    case 'matching':
      return { type: 'matching', matches: detail.matches };
    case 'command':
      return { type: 'command', command: detail.command };
    case 'prediction':
      return { type: 'prediction', value: detail.given };
  }
}
