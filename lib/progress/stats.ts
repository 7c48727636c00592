import { dayKey, dayKeyFrom, endOfDay } from './days';
import type { Progress } from './schema';
import { recallChance } from './scheduler';

/**
 * What /review shows about the reader's memory, computed from the stored progress. Pure: the
 * time comes in, so tests can place a reader anywhere in the calendar.
 */

/** Cards due on each of the next `days` local days; the first day also counts everything overdue. */
export function forecast(p: Progress, now: number, days: number): { day: string; due: number }[] {
  const ends = Array.from({ length: days }, (_, i) => endOfDay(new Date(now).setHours(12, 0, 0, 0) + i * 86_400_000));
  const counts = ends.map(() => 0);
  for (const card of Object.values(p.cards)) {
    const i = ends.findIndex((end) => card.due < end);
    if (i >= 0) counts[i]++;
  }
  return counts.map((due, i) => ({ day: dayKeyFrom(now, i), due }));
}

/** Of the answers to cards already in review, the share recalled: FSRS's "true retention". */
export function retention(p: Progress): { reviews: number; recalled: number; ratio: number | undefined } {
  let reviews = 0;
  let recalled = 0;
  for (const day of Object.values(p.days)) {
    reviews += day.reviews;
    recalled += day.recalled;
  }
  return { reviews, recalled, ratio: reviews > 0 ? recalled / reviews : undefined };
}

/**
 * Per chapter, the expected share of its questions the reader would get right now: the mean
 * recall chance of its cards, counting questions never answered as 0. Honest rather than kind.
 */
export function mastery(
  p: Progress,
  chapters: readonly { slug: string; questionIds: readonly string[] }[],
  now: number,
): { slug: string; ratio: number; answered: number; total: number }[] {
  return chapters.map(({ slug, questionIds }) => {
    const cards = questionIds.map((id) => p.cards[`${slug}/${id}`]).filter((c) => c !== undefined);
    const sum = cards.reduce((n, card) => n + recallChance(card, now), 0);
    return { slug, ratio: questionIds.length ? sum / questionIds.length : 0, answered: cards.length, total: questionIds.length };
  });
}

/** The last `days` local days, oldest first, with how many answers each saw. */
export function calendar(p: Progress, now: number, days: number): { day: string; answered: number }[] {
  return Array.from({ length: days }, (_, i) => {
    const day = dayKeyFrom(now, i - days + 1);
    return { day, answered: p.days[day]?.answered ?? 0 };
  });
}

/** Days in a row, up to today, with at least one answer (today may still be empty without breaking it). */
export function streak(p: Progress, now: number): number {
  let n = 0;
  const start = p.days[dayKey(now)]?.answered ? 0 : 1;
  for (let i = start; p.days[dayKeyFrom(now, -i)]?.answered; i++) n++;
  return n;
}

/** Cards whose last answer was wrong, misconceptions first, then the most recent. */
export function mistakes(p: Progress): string[] {
  return Object.entries(p.cards)
    .filter(([, c]) => c.missedAt !== undefined)
    .sort(
      ([ka, a], [kb, b]) =>
        Number(b.misconceptionAt !== undefined) - Number(a.misconceptionAt !== undefined) ||
        b.missedAt! - a.missedAt! ||
        ka.localeCompare(kb),
    )
    .map(([key]) => key);
}
