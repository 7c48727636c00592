import type { Graded, Prepared } from './answers';
import { prepareQuestion } from './prepare';
import type { Quiz } from './schema';

/**
 * One attempt at a quiz as pure data, moved on by events. The React runner dispatches events and
 * reads the state through the selectors below; grading (possibly async) happens outside.
 */
type QuizSource = Pick<Quiz, 'slug' | 'questions' | 'passRatio'>;

export interface QuizSession {
  /** The quiz as written; a retry prepares it again with a new seed. */
  source: QuizSource;
  seed: number;
  questions: Prepared[];
  index: number;
  results: (Graded | undefined)[];
  phase: 'question' | 'summary';
}

export type SessionEvent = { type: 'graded'; index: number; result: Graded } | { type: 'next' } | { type: 'retry'; seed: number };

export function startSession(quiz: QuizSource, seed: number): QuizSession {
  return {
    source: quiz,
    seed,
    questions: quiz.questions.map((q) => prepareQuestion(q, seed)),
    index: 0,
    results: quiz.questions.map(() => undefined),
    phase: 'question',
  };
}

export function sessionReducer(session: QuizSession, event: SessionEvent): QuizSession {
  switch (event.type) {
    case 'graded':
      // An answer is final once graded: regrading the same question would let a reader fish.
      if (session.results[event.index]) return session;
      return { ...session, results: session.results.map((r, i) => (i === event.index ? event.result : r)) };
    case 'next':
      if (!session.results[session.index]) return session;
      return session.index + 1 < session.questions.length ? { ...session, index: session.index + 1 } : { ...session, phase: 'summary' };
    case 'retry':
      return startSession(session.source, event.seed);
  }
}

export const selectCurrent = (s: QuizSession) => s.questions[s.index];
export const selectCurrentResult = (s: QuizSession) => s.results[s.index];
export const selectScore = (s: QuizSession) => ({ correct: s.results.filter((r) => r?.correct).length, total: s.questions.length });
export const selectPassed = (s: QuizSession) => {
  const { correct, total } = selectScore(s);
  return total > 0 && correct / total >= s.source.passRatio;
};
export const selectMistakes = (s: QuizSession) =>
  s.questions.flatMap((prepared, i) => (s.results[i] && !s.results[i]!.correct ? [{ prepared, result: s.results[i]! }] : []));
