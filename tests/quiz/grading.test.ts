import { gradeAnswer } from '@/lib/quiz/grade';
import { prepareQuestion } from '@/lib/quiz/prepare';
import { quizErrors } from '@/lib/quiz/errors';
import type { Answer, Prepared } from '@/lib/quiz/answers';
import { matchingQuestion, multipleQuestion, orderingQuestion, singleQuestion } from './support/builders';

const noCluster = { makeCluster: () => Promise.reject(new Error('static questions never load the cluster')) };
const grade = (prepared: Prepared, answer: Answer) => gradeAnswer(prepared, answer, noCluster);

describe('grading the question types that need no simulation', () => {
  it('single choice: the correct option is right, any other is wrong', async () => {
    const p = prepareQuestion(singleQuestion(), 1);
    await expect(grade(p, { type: 'single', choice: 1 })).resolves.toMatchObject({ correct: true, detail: { correct: 1 } });
    await expect(grade(p, { type: 'single', choice: 0 })).resolves.toMatchObject({ correct: false, detail: { chosen: 0, correct: 1 } });
  });

  it('single choice: nothing chosen is not graded', async () => {
    await expect(grade(prepareQuestion(singleQuestion(), 1), { type: 'single', choice: -1 })).resolves.toEqual({
      rejected: quizErrors.noChoice,
    });
  });

  it('multiple select: exactly the correct set is right, in any order', async () => {
    const p = prepareQuestion(multipleQuestion(), 1);
    await expect(grade(p, { type: 'multiple', choices: [2, 0] })).resolves.toMatchObject({ correct: true });
    await expect(grade(p, { type: 'multiple', choices: [0] })).resolves.toMatchObject({ correct: false });
    await expect(grade(p, { type: 'multiple', choices: [0, 1, 2] })).resolves.toMatchObject({
      correct: false,
      detail: { correct: [0, 2] },
    });
  });

  it('ordering: only the authored order is right, and each misplaced item is pointed out', async () => {
    const p = prepareQuestion(orderingQuestion(), 1);
    await expect(grade(p, { type: 'ordering', order: [0, 1, 2, 3] })).resolves.toMatchObject({ correct: true });
    await expect(grade(p, { type: 'ordering', order: [0, 2, 1, 3] })).resolves.toMatchObject({
      correct: false,
      detail: { inPlace: [true, false, false, true] },
    });
  });

  it('matching: every item must get its match; a distractor or a blank is wrong', async () => {
    const p = prepareQuestion(matchingQuestion(), 1);
    const right = ['control plane', 'every node', 'control plane'];
    await expect(grade(p, { type: 'matching', matches: right })).resolves.toMatchObject({ correct: true });
    await expect(grade(p, { type: 'matching', matches: ['control plane', 'the registry', 'control plane'] })).resolves.toMatchObject({
      correct: false,
      detail: { right: [true, false, true] },
    });
    await expect(grade(p, { type: 'matching', matches: ['control plane', '', 'control plane'] })).resolves.toEqual({
      rejected: quizErrors.matchEveryItem,
    });
  });

  it('an answer of another type is a programming error', async () => {
    await expect(grade(prepareQuestion(singleQuestion(), 1), { type: 'multiple', choices: [1] })).rejects.toThrow(TypeError);
  });
});

describe('preparing a question for an attempt', () => {
  it('shows the same order for the same attempt seed', () => {
    expect(prepareQuestion(multipleQuestion(), 7)).toEqual(prepareQuestion(multipleQuestion(), 7));
  });

  it('reshuffles options on a retry (a new attempt seed)', () => {
    const orders = new Set(
      Array.from({ length: 12 }, (_, seed) => JSON.stringify((prepareQuestion(multipleQuestion(), seed) as { order: number[] }).order)),
    );
    expect(orders.size).toBeGreaterThan(3);
  });

  it('never presents an ordering question already solved', () => {
    for (let seed = 0; seed < 200; seed++) {
      const { order } = prepareQuestion(orderingQuestion(), seed) as { order: number[] };
      expect(order).not.toEqual([0, 1, 2, 3]);
      expect([...order].sort()).toEqual([0, 1, 2, 3]);
    }
  });

  it('offers every match and distractor once, sorted, in the selects of a matching question', () => {
    expect((prepareQuestion(matchingQuestion(), 3) as { choices: string[] }).choices).toEqual([
      'control plane',
      'every node',
      'the registry',
    ]);
  });
});
