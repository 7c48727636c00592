/**
 * Local calendar days as keys ("2026-12-01"): a reader studies in their own time zone, so the
 * calendar and "due today" follow the wall clock of the browser, not UTC.
 */
const pad = (n: number) => String(n).padStart(2, '0');

export function dayKey(ms: number): string {
  const d = new Date(ms);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** Midnight at the start of the local day after `ms`. */
export function endOfDay(ms: number): number {
  const d = new Date(ms);
  return new Date(d.getFullYear(), d.getMonth(), d.getDate() + 1).getTime();
}

/** The local day `offset` days from the day of `ms` (negative for the past), as a key. */
export function dayKeyFrom(ms: number, offset: number): string {
  const d = new Date(ms);
  return dayKey(new Date(d.getFullYear(), d.getMonth(), d.getDate() + offset, 12).getTime());
}
