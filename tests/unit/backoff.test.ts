import { describe, expect, it } from 'vitest';
import { backoffNext, inBackoffSince, inBackoffSinceUpdate, type BackoffTable } from '@/lib/cluster/util/backoff';

const policy = { initialMs: 10_000, maxMs: 300_000 };

describe('flowcontrol back-off', () => {
  it('doubles from the initial delay up to the cap', () => {
    const table: BackoffTable = {};
    const delays: number[] = [];
    for (let i = 0; i < 8; i++) {
      backoffNext(table, policy, 'c', i * 1000, i * 1000);
      delays.push(table.c.backoffMs);
    }
    expect(delays).toEqual([10_000, 20_000, 40_000, 80_000, 160_000, 300_000, 300_000, 300_000]);
  });

  it('is not in back-off before the first failure, nor after the delay ran out', () => {
    const table: BackoffTable = {};
    expect(inBackoffSince(table, policy, 'c', 0, 0)).toBe(false);
    backoffNext(table, policy, 'c', 0, 0);
    expect(inBackoffSince(table, policy, 'c', 5_000, 9_999 + 5_000)).toBe(true);
    expect(inBackoffSince(table, policy, 'c', 5_000, 15_000)).toBe(false);
    expect(inBackoffSinceUpdate(table, policy, 'c', 9_999)).toBe(true);
    expect(inBackoffSinceUpdate(table, policy, 'c', 10_000)).toBe(false);
  });

  it('starts over after a quiet spell of twice the cap', () => {
    const table: BackoffTable = {};
    backoffNext(table, policy, 'c', 0, 0);
    backoffNext(table, policy, 'c', 1_000, 1_000);
    expect(table.c.backoffMs).toBe(20_000);
    backoffNext(table, policy, 'c', 602_000, 602_000);
    expect(table.c.backoffMs).toBe(10_000);
  });
});
