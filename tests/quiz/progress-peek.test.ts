import { emptyPeek, peekProgress } from '@/lib/progress/peek';
import { markChapterRead, recordAnswer, recordQuizAttempt } from '@/lib/progress/model';
import { rateAnswer } from '@/lib/progress/rating';
import { emptyProgress } from '@/lib/progress/schema';
import { days } from './support/memory-storage';

describe('the first-load progress reader', () => {
  it('finds chapters read, quizzes passed, best scores and the number of due cards', () => {
    let p = markChapterRead(emptyProgress(), 'containers-and-images', 0);
    p = recordQuizAttempt(p, 'containers-and-images', { correct: 8, total: 8 }, 0.8, 0);
    p = recordQuizAttempt(p, 'node-failure', { correct: 4, total: 8 }, 0.8, 0);
    p = recordAnswer(recordAnswer(p, 'node-failure/a', rateAnswer(false, undefined), 0), 'node-failure/b', rateAnswer(true, undefined), 0);
    expect(peekProgress(JSON.stringify(p), days(1))).toEqual({
      read: ['containers-and-images'],
      lastRead: 'containers-and-images',
      passed: ['containers-and-images'],
      best: { 'containers-and-images': 1, 'node-failure': 0.5 },
      due: 1,
      labs: [],
    });
  });

  it('names the chapter read most recently, for "continue where you left off"', () => {
    let p = markChapterRead(emptyProgress(), 'namespaces', days(2));
    p = markChapterRead(p, 'containers-and-images', days(1));
    expect(peekProgress(JSON.stringify(p), days(3)).lastRead).toBe('namespaces');
  });

  it.each([
    null,
    '',
    'not json',
    '[]',
    '42',
    '{"version":1,"read":["a"],"scores":{}}',
    '{"version":2,"chapters":"oops","quizzes":[1],"cards":{"a":null}}',
  ])('never throws on %j and reads nothing it does not understand', (raw) => {
    const peek = peekProgress(raw, 0);
    expect(peek.passed).toEqual([]);
    expect(peek.due).toBe(0);
    if (raw === null || raw === '' || !raw.includes('"version":2')) expect(peek).toEqual(emptyPeek);
  });
});
