import { recordAnswer } from '@/lib/progress/model';
import { rateAnswer } from '@/lib/progress/rating';
import { emptyProgress, type Progress } from '@/lib/progress/schema';
import { cardKey, dueCards, nextDue, parseCardKey, reviewCard } from '@/lib/progress/scheduler';
import { days, travellingClock } from './support/memory-storage';

const answer = (p: Progress, key: string, correct: boolean, now: number) => recordAnswer(p, key, rateAnswer(correct, undefined), now);
const minutes = (n: number) => n * 60_000;
const dueKeys = (p: Progress, now: number) => dueCards(p, now).map((c) => c.key);

describe('spaced review with FSRS', () => {
  it('makes a card of every answered question, keyed by chapter and question id', () => {
    const p = answer(emptyProgress(), cardKey('node-failure', 'grace-period'), true, 0);
    expect(Object.keys(p.cards)).toEqual(['node-failure/grace-period']);
    expect(parseCardKey('node-failure/grace-period')).toEqual({ chapter: 'node-failure', questionId: 'grace-period' });
  });

  it('nothing is due right after answering', () => {
    const clock = travellingClock();
    const p = answer(answer(emptyProgress(), 'c/right', true, clock.now()), 'c/wrong', false, clock.now());
    expect(dueKeys(p, clock.now())).toEqual([]);
  });

  it('a wrong answer (Again) comes back within the sitting, on its learning step; a right one waits days', () => {
    const clock = travellingClock();
    let p = answer(emptyProgress(), 'c/right', true, clock.now());
    p = answer(p, 'c/wrong', false, clock.now());
    expect(p.cards['c/wrong'].due - clock.now()).toBe(minutes(1));
    expect(p.cards['c/right'].due - clock.now()).toBeGreaterThanOrEqual(days(1));
    clock.travel(minutes(1));
    expect(dueKeys(p, clock.now())).toEqual(['c/wrong']);
    // Right on its step: it graduates and is spaced out over days like the others.
    p = answer(p, 'c/wrong', true, clock.now());
    expect(p.cards['c/wrong'].state).toBe(2);
    expect(p.cards['c/wrong'].due - clock.now()).toBeGreaterThanOrEqual(days(1));
  });

  it('a card lapsing in review relearns on a 10-minute step, and counts the lapse', () => {
    const clock = travellingClock();
    let p = answer(emptyProgress(), 'c/q', true, clock.now());
    expect(p.cards['c/q'].state).toBe(2);
    clock.set(p.cards['c/q'].due);
    p = answer(p, 'c/q', false, clock.now());
    expect(p.cards['c/q'].state).toBe(3);
    expect(p.cards['c/q'].lapses).toBe(1);
    expect(p.cards['c/q'].due - clock.now()).toBe(minutes(10));
  });

  it('each correct review spaces the next one further out', () => {
    const clock = travellingClock();
    let card = reviewCard(undefined, 'good', clock.now());
    const intervals: number[] = [];
    for (let i = 0; i < 4; i++) {
      clock.set(card.due);
      const next = reviewCard(card, 'good', clock.now());
      intervals.push(next.due - clock.now());
      card = next;
    }
    expect(intervals).toEqual([...intervals].sort((a, b) => a - b));
    expect(intervals[3]).toBeGreaterThan(intervals[0] * 3);
  });

  it('a lapse brings a well-known card back much sooner and counts the lapse', () => {
    const clock = travellingClock();
    let card = reviewCard(undefined, 'good', clock.now());
    clock.set(card.due);
    card = reviewCard(card, 'good', clock.now());
    const lastInterval = card.due - clock.now();
    clock.set(card.due);
    const lapsed = reviewCard(card, 'again', clock.now());
    expect(lapsed.lapses).toBe(1);
    expect(lapsed.due - clock.now()).toBeLessThan(lastInterval / 3);
  });

  it('serves due cards most overdue first and tells when the next is due', () => {
    const clock = travellingClock();
    let p = answer(emptyProgress(), 'c/late', false, clock.now());
    clock.travel(days(2));
    p = answer(p, 'c/later', false, clock.now());
    expect(nextDue(p)).toBe(p.cards['c/late'].due);
    clock.travel(days(5));
    expect(dueKeys(p, clock.now())).toEqual(['c/late', 'c/later']);
    expect(nextDue(emptyProgress())).toBeUndefined();
  });

  it('is deterministic: the same answers at the same times give the same schedule', () => {
    const run = () => answer(answer(emptyProgress(), 'a/b', true, 1000), 'a/b', false, 1000 + days(3));
    expect(run()).toEqual(run());
  });
});
