import type { Confidence } from '@/lib/progress/rating';
import type { Graded, Prepared } from './answers';
import { prepareQuestion } from './prepare';
import { hashSeed } from './random';
import type { Quiz } from './schema';

/**
 * One attempt at a quiz as pure data, moved on by events. The React runner dispatches events and
 * reads the state through the selectors below; grading (possibly async) happens outside.
 *
 * Three kinds of attempt share the machinery: the full `quiz` (its score is recorded), `retry`
 * (only the questions missed last time, once each) and `practice` (the missed questions, and each
 * one missed again comes back at the end with a fresh variant, until every one is answered right:
 * the "again in a few minutes" of learning steps, within one sitting).
 */
type QuizSource = Pick<Quiz, 'slug' | 'questions' | 'passRatio'>;
export type SessionKind = 'quiz' | 'retry' | 'practice';

export interface QuizSession {
  /** The quiz as written; a retry prepares it again with a new seed. */
  source: QuizSource;
  kind: SessionKind;
  seed: number;
  questions: Prepared[];
  index: number;
  results: (Graded | undefined)[];
  /** What the reader said before seeing each result; undefined when they did not say. */
  confidence: (Confidence | undefined)[];
  phase: 'question' | 'summary';
}

export type SessionEvent =
  | { type: 'graded'; index: number; result: Graded; confidence?: Confidence }
  | { type: 'next' }
  | { type: 'back' }
  | { type: 'skip' }
  | { type: 'goto'; index: number }
  | { type: 'retry'; seed: number }
  | { type: 'retryMissed'; seed: number }
  | { type: 'practise'; seed: number };

function session(source: QuizSource, kind: SessionKind, seed: number, questions: Prepared[]): QuizSession {
  return {
    source,
    kind,
    seed,
    questions,
    index: 0,
    results: questions.map(() => undefined),
    confidence: questions.map(() => undefined),
    phase: 'question',
  };
}

export function startSession(quiz: QuizSource, seed: number, kind: SessionKind = 'quiz', only?: readonly string[]): QuizSession {
  const chosen = only ? quiz.questions.filter((q) => only.includes(q.id)) : quiz.questions;
  return session(
    quiz,
    kind,
    seed,
    chosen.map((q) => prepareQuestion(q, seed)),
  );
}

/** The first unanswered question after `from`, wrapping round to skipped ones; undefined when all are answered. */
function nextOpen(s: QuizSession, from: number): number | undefined {
  const n = s.questions.length;
  for (let step = 1; step <= n; step++) {
    const i = (from + step) % n;
    if (!s.results[i]) return i;
  }
  return undefined;
}

/** A missed question prepared again for the end of a practice queue: a new seed, so options and variant change. */
function again(s: QuizSession, index: number): Prepared {
  const question = s.source.questions.find((q) => q.id === s.questions[index].question.id)!;
  const times = s.questions.filter((p) => p.question.id === question.id).length;
  return prepareQuestion(question, hashSeed(s.seed, question.id, times), s.questions[index]);
}

export function sessionReducer(s: QuizSession, event: SessionEvent): QuizSession {
  switch (event.type) {
    case 'graded': {
      // An answer is final once graded: regrading the same question would let a reader fish.
      if (s.results[event.index] || s.phase !== 'question') return s;
      const graded = {
        ...s,
        results: s.results.map((r, i) => (i === event.index ? event.result : r)),
        confidence: s.confidence.map((c, i) => (i === event.index ? event.confidence : c)),
      };
      if (s.kind !== 'practice' || event.result.correct) return graded;
      const repeat = again(s, event.index);
      return {
        ...graded,
        questions: [...graded.questions, repeat],
        results: [...graded.results, undefined],
        confidence: [...graded.confidence, undefined],
      };
    }
    case 'next': {
      if (!s.results[s.index]) return s;
      // Forward in order while there is a next question; skipped ones come round after the last.
      if (s.index + 1 < s.questions.length) return { ...s, index: s.index + 1 };
      const open = nextOpen(s, s.index);
      return open === undefined ? { ...s, phase: 'summary' } : { ...s, index: open };
    }
    case 'skip': {
      if (s.results[s.index]) return s;
      const next = nextOpen(s, s.index);
      return next === undefined || next === s.index ? s : { ...s, index: next };
    }
    case 'back':
      return s.index > 0 ? { ...s, index: s.index - 1 } : s;
    case 'goto':
      return event.index >= 0 && event.index < s.questions.length ? { ...s, index: event.index, phase: 'question' } : s;
    case 'retry':
      return startSession(s.source, event.seed);
    case 'retryMissed':
    case 'practise': {
      const missed = missedIds(s);
      if (missed.length === 0) return s;
      return startSession(s.source, event.seed, event.type === 'practise' ? 'practice' : 'retry', missed);
    }
  }
}

/** Each question the reader got wrong at least once, in quiz order (a practice queue lists one several times). */
function missedIds(s: QuizSession): string[] {
  const ids = new Set(s.questions.flatMap((p, i) => (s.results[i] && !s.results[i]!.correct ? [p.question.id] : [])));
  return s.source.questions.filter((q) => ids.has(q.id)).map((q) => q.id);
}

export const selectCurrent = (s: QuizSession) => s.questions[s.index];
export const selectCurrentResult = (s: QuizSession) => s.results[s.index];
export const selectAnswered = (s: QuizSession) => s.results.filter(Boolean).length;
export const selectScore = (s: QuizSession) => ({ correct: s.results.filter((r) => r?.correct).length, total: s.questions.length });
export const selectPassed = (s: QuizSession) => {
  const { correct, total } = selectScore(s);
  return s.kind === 'quiz' && total > 0 && correct / total >= s.source.passRatio;
};
export const selectMistakes = (s: QuizSession) =>
  s.questions.flatMap((prepared, i) =>
    s.results[i] && !s.results[i]!.correct ? [{ prepared, result: s.results[i]!, confidence: s.confidence[i] }] : [],
  );
/** Whether every answer is in: the moment a full quiz's score is recorded. */
export const selectComplete = (s: QuizSession) => s.results.every(Boolean);
/** The index of a question by id (the first time it is served), for deep links. */
export const selectIndexOf = (s: QuizSession, questionId: string) => s.questions.findIndex((p) => p.question.id === questionId);
