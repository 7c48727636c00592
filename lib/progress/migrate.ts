import { quizPolicy } from '@/lib/quiz/policy';
import { dayKey } from './days';
import type { AnyProgress, Progress, ProgressV1, ProgressV2, StudyDay } from './schema';

/**
 * Each step turns version N into N+1; reading old data runs every step from its version up. The
 * time of migration is injected, because version 1 kept no dates.
 */

/** Version 2 kept no study log, but its quiz attempts say when and how well the reader answered. */
function daysFromAttempts(quizzes: ProgressV2['quizzes']): Record<string, StudyDay> {
  const days: Record<string, StudyDay> = {};
  for (const quiz of Object.values(quizzes)) {
    for (const attempt of quiz.attempts) {
      const day = (days[dayKey(attempt.at)] ??= { answered: 0, right: 0, reviews: 0, recalled: 0 });
      day.answered += attempt.total;
      day.right += attempt.correct;
    }
  }
  return days;
}

const steps = {
  1: (old: ProgressV1, now: number): ProgressV2 => ({
    version: 2 as const,
    chapters: Object.fromEntries(old.read.map((slug) => [slug, { readAt: now }])),
    quizzes: Object.fromEntries(
      Object.entries(old.scores).map(([slug, best]) => [
        slug,
        { attempts: [], best, ...(best >= quizPolicy.passRatio ? { passedAt: now } : {}) },
      ]),
    ),
    labs: {},
    cards: {},
  }),
  2: (old: ProgressV2): Progress => ({ ...old, version: 3 as const, days: daysFromAttempts(old.quizzes) }),
} satisfies Record<number, (old: never, now: number) => AnyProgress>;

export function migrate(data: AnyProgress, now: number): Progress {
  let current: AnyProgress = data;
  while (current.version !== 3) current = current.version === 1 ? steps[1](current, now) : steps[2](current);
  return current;
}
