import { quizPolicy } from '@/lib/quiz';
import type { AnyProgress, Progress, ProgressV1 } from './schema';

/**
 * Each step turns version N into N+1; reading old data runs every step from its version up. The
 * time of migration is injected, because version 1 kept no dates.
 */
const steps = {
  1: (old: ProgressV1, now: number) => ({
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
} satisfies Record<number, (old: never, now: number) => AnyProgress>;

export function migrate(data: AnyProgress, now: number): Progress {
  let current: AnyProgress = data;
  while (current.version !== 2) current = steps[current.version](current, now);
  return current;
}
