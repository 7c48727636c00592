import { labPolicy } from '../policy';

/**
 * Shell-style command history: up walks back through earlier commands, down walks forward and
 * finally returns the line the reader was typing before they started walking.
 */
export interface History {
  entries: readonly string[];
  /** Position while walking; entries.length means "not walking". */
  cursor: number;
  /** What was in the prompt when the walk started. */
  draft: string;
}

export const emptyHistory: History = { entries: [], cursor: 0, draft: '' };

export function remember(history: History, command: string): History {
  const line = command.trim();
  const entries = line && history.entries.at(-1) !== line ? [...history.entries, line].slice(-labPolicy.historyMax) : history.entries;
  return { entries, cursor: entries.length, draft: '' };
}

/** Older command; the prompt shows `line`. At the oldest entry it stays there. */
export function older(history: History, current: string): { history: History; line: string } {
  if (history.entries.length === 0) return { history, line: current };
  const draft = history.cursor === history.entries.length ? current : history.draft;
  const cursor = Math.max(0, history.cursor - 1);
  return { history: { ...history, cursor, draft }, line: history.entries[cursor] };
}

/** Newer command; past the newest it gives back the draft. */
export function newer(history: History, current: string): { history: History; line: string } {
  if (history.cursor >= history.entries.length) return { history, line: current };
  const cursor = history.cursor + 1;
  const line = cursor === history.entries.length ? history.draft : history.entries[cursor];
  return { history: { ...history, cursor }, line };
}
