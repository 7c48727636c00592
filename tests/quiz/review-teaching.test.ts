import { dayKey } from '@/lib/progress/days';
import { migrate } from '@/lib/progress/migrate';
import { recordAnswer } from '@/lib/progress/model';
import { rateAnswer, ratingRules } from '@/lib/progress/rating';
import { emptyProgress, progressV3Schema, type ProgressV2 } from '@/lib/progress/schema';
import { forecast, mistakes, retention } from '@/lib/progress/stats';
import { interleave } from '@/lib/progress/interleave';
import { attemptKey, restoreAttempt, snapshotOf } from '@/lib/quiz/attempt';
import type { Graded } from '@/lib/quiz/answers';
import { buildExam, examSpecFromSearch, examSearch, type CatalogueChapter, type ExamSpec } from '@/lib/quiz/exam';
import { sessionReducer, startSession, selectMistakes } from '@/lib/quiz/session';
import { loadSite } from '@/lib/content';
import { days, travellingClock } from './support/memory-storage';
import { quizOf, singleQuestion } from './support/builders';

const minutes = (n: number) => n * 60_000;
const right: Graded = { correct: true, detail: { type: 'single', chosen: 1, correct: 1 } };
const wrong: Graded = { correct: false, detail: { type: 'single', chosen: 0, correct: 1 } };

describe('rating an answer with the reader’s confidence', () => {
  it.each([
    [true, 'sure', 'good', false],
    [true, 'unsure', 'hard', false],
    [true, undefined, 'good', false],
    [false, 'sure', 'again', true],
    [false, 'unsure', 'again', false],
    [false, undefined, 'again', false],
  ] as const)('right=%s, confidence %s: %s, misconception %s', (correct, confidence, rating, misconception) => {
    expect(rateAnswer(correct, confidence)).toEqual({ rating, misconception });
  });

  it('is one table that every answer goes through', () => {
    expect(Object.isFrozen(ratingRules)).toBe(true);
  });

  it('an unsure right answer is scheduled sooner than a sure one', () => {
    const clock = travellingClock();
    const key = 'c/q';
    const graduate = (confidence: 'sure' | 'unsure') => {
      const p = recordAnswer(emptyProgress(), key, rateAnswer(true, 'sure'), clock.now());
      const due = p.cards[key].due;
      return recordAnswer(p, key, rateAnswer(true, confidence), due).cards[key].due - due;
    };
    expect(graduate('unsure')).toBeLessThan(graduate('sure'));
  });

  it('flags a confident wrong answer as a misconception until it is answered right, and lists mistakes', () => {
    const clock = travellingClock();
    let p = recordAnswer(emptyProgress(), 'c/a', rateAnswer(false, 'sure'), clock.now());
    p = recordAnswer(p, 'c/b', rateAnswer(false, 'unsure'), clock.now() + 1);
    expect(p.cards['c/a'].misconceptionAt).toBe(clock.now());
    expect(p.cards['c/b'].misconceptionAt).toBeUndefined();
    expect(mistakes(p)).toEqual(['c/a', 'c/b']);
    // Wrong again without confidence keeps the flag; right clears both marks.
    p = recordAnswer(p, 'c/a', rateAnswer(false, undefined), clock.now() + minutes(1));
    expect(p.cards['c/a'].misconceptionAt).toBe(clock.now());
    p = recordAnswer(p, 'c/a', rateAnswer(true, 'unsure'), clock.now() + minutes(2));
    expect(p.cards['c/a'].misconceptionAt).toBeUndefined();
    expect(p.cards['c/a'].missedAt).toBeUndefined();
    expect(mistakes(p)).toEqual(['c/b']);
  });
});

describe('study log, forecast and retention', () => {
  it('counts answers per day, and recall only for cards already in review', () => {
    const clock = travellingClock();
    let p = recordAnswer(emptyProgress(), 'c/q', rateAnswer(true, 'sure'), clock.now());
    p = recordAnswer(p, 'c/new', rateAnswer(false, undefined), clock.now());
    expect(retention(p)).toEqual({ reviews: 0, recalled: 0, ratio: undefined });
    expect(p.days[dayKey(clock.now())]).toEqual({ answered: 2, right: 1, reviews: 0, recalled: 0 });
    const due = p.cards['c/q'].due;
    p = recordAnswer(p, 'c/q', rateAnswer(false, undefined), due);
    expect(retention(p)).toEqual({ reviews: 1, recalled: 0, ratio: 0 });
    p = recordAnswer(p, 'c/q', rateAnswer(true, undefined), p.cards['c/q'].due);
    const later = p.cards['c/q'].due;
    p = recordAnswer(p, 'c/q', rateAnswer(true, 'sure'), later);
    expect(retention(p)).toEqual({ reviews: 2, recalled: 1, ratio: 0.5 });
    expect(progressV3Schema.safeParse(p).success).toBe(true);
  });

  it('forecasts due cards per day for a week, overdue ones today', () => {
    const clock = travellingClock();
    let p = recordAnswer(emptyProgress(), 'c/now', rateAnswer(false, undefined), clock.now() - days(3));
    p = recordAnswer(p, 'c/later', rateAnswer(true, 'sure'), clock.now());
    const week = forecast(p, clock.now(), 7);
    expect(week).toHaveLength(7);
    expect(week[0]).toEqual({ day: dayKey(clock.now()), due: 1 });
    expect(week.reduce((n, d) => n + d.due, 0)).toBe(p.cards['c/later'].due < clock.now() + days(7) ? 2 : 1);
  });
});

describe('migrating version 2 progress to version 3', () => {
  it('keeps every card and attempt and rebuilds the study calendar from past attempts', () => {
    const at = Date.UTC(2026, 0, 5, 12);
    const v2: ProgressV2 = {
      version: 2,
      chapters: { a: { readAt: at } },
      quizzes: { a: { attempts: [{ at, correct: 6, total: 8 }], best: 0.75 } },
      labs: {},
      cards: {
        'a/q': { due: at, stability: 1, difficulty: 5, elapsedDays: 0, scheduledDays: 1, learningSteps: 0, reps: 1, lapses: 0, state: 2 },
      },
    };
    const v3 = migrate(v2, at + days(1));
    expect(v3).toEqual({ ...v2, version: 3, days: { [dayKey(at)]: { answered: 8, right: 6, reviews: 0, recalled: 0 } } });
    expect(progressV3Schema.safeParse(v3).success).toBe(true);
  });
});

describe('practising mistakes within a quiz', () => {
  const quiz = quizOf([singleQuestion('a'), singleQuestion('b'), singleQuestion('c')]);
  const finish = (results: Graded[]) => {
    let s = startSession(quiz, 7);
    results.forEach((result, index) => {
      s = sessionReducer(s, { type: 'graded', index, result });
      s = sessionReducer(s, { type: 'next' });
    });
    return s;
  };

  it('practice serves the missed questions, and a question missed again comes back at the end until it is right', () => {
    const done = finish([wrong, right, wrong, ...Array(5).fill(right)]);
    let s = sessionReducer(done, { type: 'practise', seed: 9 });
    expect(s.kind).toBe('practice');
    expect(s.questions.map((q) => q.question.id)).toEqual(['a', 'c']);
    s = sessionReducer(s, { type: 'graded', index: 0, result: wrong });
    expect(s.questions.map((q) => q.question.id)).toEqual(['a', 'c', 'a']);
    s = sessionReducer(sessionReducer(s, { type: 'next' }), { type: 'graded', index: 1, result: right });
    s = sessionReducer(sessionReducer(s, { type: 'next' }), { type: 'graded', index: 2, result: right });
    s = sessionReducer(s, { type: 'next' });
    expect(s.phase).toBe('summary');
    expect(selectMistakes(s)).toHaveLength(1);
  });

  it('retry of the missed ones serves each once', () => {
    const s = sessionReducer(finish([wrong, right, wrong, ...Array(5).fill(right)]), { type: 'retryMissed', seed: 3 });
    expect(s).toMatchObject({ kind: 'retry', index: 0, phase: 'question' });
    expect(s.questions.map((q) => q.question.id)).toEqual(['a', 'c']);
    expect(sessionReducer(sessionReducer(s, { type: 'graded', index: 0, result: wrong }), { type: 'next' }).questions).toHaveLength(2);
  });

  it('skip moves on and the skipped question comes round after the last; back returns', () => {
    let s = startSession(quiz, 1);
    s = sessionReducer(s, { type: 'skip' });
    expect(s.index).toBe(1);
    s = sessionReducer(s, { type: 'back' });
    expect(s.index).toBe(0);
    s = sessionReducer(s, { type: 'skip' });
    for (let i = 1; i < 8; i++) {
      s = sessionReducer(s, { type: 'graded', index: i, result: right });
      s = sessionReducer(s, { type: 'next' });
    }
    expect(s).toMatchObject({ index: 0, phase: 'question' });
  });
});

describe('an attempt survives a reload', () => {
  const quiz = quizOf([singleQuestion('a'), singleQuestion('b')]);

  it('restores question, answers and confidence from the snapshot, options in the same order', () => {
    let s = startSession(quiz, 11);
    s = sessionReducer(s, { type: 'graded', index: 0, result: wrong, confidence: 'sure' });
    s = sessionReducer(s, { type: 'next' });
    const back = restoreAttempt(JSON.stringify(snapshotOf(s)), quiz)!;
    expect(back.index).toBe(1);
    expect(back.results[0]).toEqual(wrong);
    expect(back.confidence[0]).toBe('sure');
    expect(back.questions).toEqual(s.questions);
    expect(attemptKey(quiz.slug)).toBe(`clusterbook.quiz-attempt.${quiz.slug}`);
  });

  it.each([
    ['not JSON', '{'],
    ['another shape', JSON.stringify({ hello: 1 })],
    [
      'a question removed since',
      JSON.stringify({ ...snapshotOf(startSession(quiz, 1)), served: ['gone'], results: [null], confidence: [null] }),
    ],
    ['another quiz', JSON.stringify({ ...snapshotOf(startSession(quiz, 1)), slug: 'other' })],
  ])('starts afresh from %s', (_, raw) => {
    expect(restoreAttempt(raw, quiz)).toBeUndefined();
  });
});

describe('interleaving a review', () => {
  it('avoids two of the same chapter or type in a row when it can', () => {
    const items = ['a/1:single', 'a/2:single', 'a/3:ordering', 'b/1:single', 'b/2:matching', 'c/1:single'];
    const order = interleave(
      items,
      (i) => i.split('/')[0],
      (i) => i.split(':')[1],
    );
    expect([...order].sort()).toEqual([...items].sort());
    for (let i = 1; i < order.length - 1; i++) expect(order[i].split('/')[0]).not.toBe(order[i - 1].split('/')[0]);
  });
});

describe('exam generation from the real content', async () => {
  const site = await loadSite();
  const catalogue: CatalogueChapter[] = site.parts.flatMap((part) =>
    part.chapters.flatMap((c) => {
      const quiz = site.quizzes.find((q) => q.slug === c.slug);
      return quiz ? [{ slug: c.slug, part: part.id, questions: quiz.questions.map((q) => ({ id: q.id, type: q.type })) }] : [];
    }),
  );
  const allParts = [...new Set(catalogue.map((c) => c.part))];
  const spec = (seed: number, parts = allParts): ExamSpec => ({ seed, parts, size: 20, minutes: 30 });

  it('same seed, same exam; different seeds, different exams', () => {
    expect(buildExam(spec(42), catalogue)).toEqual(buildExam(spec(42), catalogue));
    const exams = [1, 2, 3, 4, 5].map((seed) => JSON.stringify(buildExam(spec(seed), catalogue)));
    expect(new Set(exams).size).toBe(5);
  });

  it('every question is a real, distinct question of a chosen part, with hands-on tasks and predictions', () => {
    for (const seed of [1, 99, 123456]) {
      for (const parts of [allParts, allParts.slice(-1)]) {
        const exam = buildExam(spec(seed, parts), catalogue);
        expect(exam.length).toBe(
          Math.min(
            20,
            catalogue.filter((c) => parts.includes(c.part)).reduce((n, c) => n + c.questions.length, 0),
          ),
        );
        expect(new Set(exam.map((q) => `${q.slug}/${q.questionId}`)).size).toBe(exam.length);
        for (const q of exam) {
          expect(parts).toContain(q.part);
          const question = site.quizzes.find((z) => z.slug === q.slug)?.questions.find((x) => x.id === q.questionId);
          expect(question?.type).toBe(q.type);
        }
        const hasType = (type: string) => catalogue.some((c) => parts.includes(c.part) && c.questions.some((x) => x.type === type));
        if (hasType('command')) expect(exam.some((q) => q.type === 'command')).toBe(true);
        if (hasType('prediction')) expect(exam.some((q) => q.type === 'prediction')).toBe(true);
      }
    }
  });

  it('the seed and settings travel in the URL, and bad ones are refused', () => {
    const s = spec(777, allParts.slice(0, 1));
    expect(examSpecFromSearch(examSearch(s), allParts)).toEqual(s);
    expect(examSpecFromSearch('?seed=abc', allParts)).toBeUndefined();
    expect(examSpecFromSearch('?seed=1&n=7', allParts)).toBeUndefined();
    expect(examSpecFromSearch('?seed=1&parts=nope', allParts)).toBeUndefined();
    expect(examSpecFromSearch('', allParts)).toBeUndefined();
  });
});
