import { getProgressStore, recordLabCompleted } from '@/lib/progress';

/** Where a finished lab is remembered. The session only needs these two questions answered. */
export interface LabCompletions {
  has(labId: string): boolean;
  record(labId: string): void;
}

/** Kept in memory: for tests, and for pages that should not touch the reader's saved progress. */
export function memoryCompletions(done: Iterable<string> = []): LabCompletions {
  const completed = new Set(done);
  return { has: (id) => completed.has(id), record: (id) => void completed.add(id) };
}

/** The reader's saved progress (lib/progress, issue 5), in the browser's storage. */
export function progressCompletions(): LabCompletions {
  const store = getProgressStore();
  return {
    has: (id) => id in store.get().labs,
    record: (id) => store.update((progress, now) => recordLabCompleted(progress, id, now)),
  };
}
