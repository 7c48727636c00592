import type { AnswerOf, Graded, Prepared } from './answers';
import type { QuestionOf } from './schema';

/**
 * Graders for the question types that need no simulation: pure functions of the question and the
 * answer, in one table keyed by type.
 */
const sameSet = (a: number[], b: number[]) => a.length === b.length && a.every((x) => b.includes(x));

export const staticGraders = {
  single(question: QuestionOf<'single'>, answer: AnswerOf<'single'>): Graded {
    const correct = question.options.findIndex((o) => o.correct);
    return { correct: answer.choice === correct, detail: { type: 'single', chosen: answer.choice, correct } };
  },

  multiple(question: QuestionOf<'multiple'>, answer: AnswerOf<'multiple'>): Graded {
    const correct = question.options.flatMap((o, i) => (o.correct ? [i] : []));
    const chosen = [...new Set(answer.choices)].sort((a, b) => a - b);
    return { correct: sameSet(chosen, correct), detail: { type: 'multiple', chosen, correct } };
  },

  ordering(question: QuestionOf<'ordering'>, answer: AnswerOf<'ordering'>): Graded {
    const inPlace = question.items.map((_, position) => answer.order[position] === position);
    const complete = answer.order.length === question.items.length;
    return { correct: complete && inPlace.every(Boolean), detail: { type: 'ordering', order: answer.order, inPlace } };
  },

  matching(question: QuestionOf<'matching'>, answer: AnswerOf<'matching'>): Graded {
    const right = question.pairs.map((pair, i) => answer.matches[i] === pair.match);
    return { correct: right.every(Boolean), detail: { type: 'matching', matches: answer.matches, right } };
  },
};

export type StaticType = keyof typeof staticGraders;

export function isStatic(prepared: Prepared): prepared is Extract<Prepared, { type: StaticType }> {
  return prepared.type in staticGraders;
}

/** Grades a non-simulation answer; the answer must be of the question's type. */
export function gradeStatic(prepared: Extract<Prepared, { type: StaticType }>, answer: AnswerOf<StaticType>): Graded {
  const grader = staticGraders[prepared.question.type] as (q: typeof prepared.question, a: AnswerOf<StaticType>) => Graded;
  return grader(prepared.question, answer);
}
