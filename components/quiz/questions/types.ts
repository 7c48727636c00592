import type { AnswerOf, Graded, Prepared, ScenarioRun } from '@/lib/quiz';

/** What every question-type component gets: its prepared question, the draft answer, and after grading the result. */
export interface QuestionProps<T extends Prepared['type']> {
  prepared: Extract<Prepared, { type: T }>;
  answer: AnswerOf<T>;
  onAnswer: (answer: AnswerOf<T>) => void;
  graded?: Graded;
  scenario?: ScenarioRun;
  /** Unique prefix for element ids. */
  id: string;
}

/** A short word for screen readers and sighted readers alike; colour only reinforces it. */
export type Verdict = 'right' | 'wrong' | 'missed';
