import { selectCurrent, selectMistakes, selectPassed, selectScore, sessionReducer, startSession } from '@/lib/quiz/session';
import type { Graded } from '@/lib/quiz/answers';
import { quizOf, singleQuestion } from './support/builders';

const right: Graded = { correct: true, detail: { type: 'single', chosen: 1, correct: 1 } };
const wrong: Graded = { correct: false, detail: { type: 'single', chosen: 0, correct: 1 } };

function answerAll(results: Graded[]) {
  let s = startSession(quizOf([]), 42);
  results.forEach((result, index) => {
    s = sessionReducer(s, { type: 'graded', index, result });
    s = sessionReducer(s, { type: 'next' });
  });
  return s;
}

describe('a quiz session', () => {
  it('starts at the first question of eight', () => {
    const s = startSession(quizOf([singleQuestion('first')]), 1);
    expect(selectCurrent(s).question.id).toBe('first');
    expect(selectScore(s)).toEqual({ correct: 0, total: 8 });
  });

  it('does not move on before the current question is graded', () => {
    const s = startSession(quizOf([]), 1);
    expect(sessionReducer(s, { type: 'next' })).toBe(s);
  });

  it('keeps the first grade of a question: answers are final', () => {
    let s = startSession(quizOf([]), 1);
    s = sessionReducer(s, { type: 'graded', index: 0, result: wrong });
    s = sessionReducer(s, { type: 'graded', index: 0, result: right });
    expect(s.results[0]).toBe(wrong);
  });

  it('ends with a summary: 7 of 8 passes at the default 80%', () => {
    const s = answerAll([right, right, right, wrong, right, right, right, right]);
    expect(s.phase).toBe('summary');
    expect(selectScore(s)).toEqual({ correct: 7, total: 8 });
    expect(selectPassed(s)).toBe(true);
    expect(selectMistakes(s).map((m) => m.prepared.question.id)).toEqual(['filler-3']);
  });

  it('6 of 8 does not pass', () => {
    expect(selectPassed(answerAll([right, right, wrong, right, wrong, right, right, right]))).toBe(false);
  });

  it('a retry starts over with a new seed and no answers', () => {
    const done = answerAll(Array(8).fill(right));
    const again = sessionReducer(done, { type: 'retry', seed: 99 });
    expect(again).toMatchObject({ phase: 'question', index: 0, seed: 99 });
    expect(again.results.every((r) => r === undefined)).toBe(true);
    expect(again.questions.map((q) => q.question.id)).toEqual(done.questions.map((q) => q.question.id));
  });
});
