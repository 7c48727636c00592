import type { StorageLike } from '@/lib/progress/store';

/** An in-memory localStorage that can be told to be full, like a browser at its quota. */
export class MemoryStorage implements StorageLike {
  readonly items = new Map<string, string>();
  /** Total characters allowed, or Infinity. */
  capacity = Infinity;

  constructor(initial: Record<string, string> = {}) {
    for (const [k, v] of Object.entries(initial)) this.items.set(k, v);
  }

  getItem(key: string): string | null {
    return this.items.get(key) ?? null;
  }

  setItem(key: string, value: string): void {
    const used = [...this.items].reduce((n, [k, v]) => n + (k === key ? 0 : k.length + v.length), 0);
    if (used + key.length + value.length > this.capacity) {
      const error = new Error('The quota has been exceeded.');
      error.name = 'QuotaExceededError';
      throw error;
    }
    this.items.set(key, value);
  }

  removeItem(key: string): void {
    this.items.delete(key);
  }
}

/** A fake clock: tests move it by days. */
export function travellingClock(start = Date.UTC(2025, 2, 14, 9, 0)) {
  let now = start;
  return {
    now: () => now,
    travel(ms: number) {
      now += ms;
    },
    set(at: number) {
      now = at;
    },
  };
}

export const days = (n: number) => n * 24 * 60 * 60 * 1000;
