// Per-item exponential back-off, as client-go's flowcontrol.Backoff does it (the kubelet uses
// one for container restarts and one for image pulls). The table is plain data so that it lives
// in engine state and survives snapshots; times are virtual-clock milliseconds. The kubelet's
// back-offs have no jitter, so there is none here.
import type { Millis } from '../api/types';

export interface BackoffEntry {
  backoffMs: number;
  lastUpdate: Millis;
}

/** Entries by item id (e.g. pod uid + container name). */
export type BackoffTable = Record<string, BackoffEntry>;

export interface BackoffPolicy {
  initialMs: number;
  maxMs: number;
}

/** An entry is forgotten once it was quiet for twice the cap ("stable", in client-go's words). */
function hasExpired(policy: BackoffPolicy, eventTime: Millis, lastUpdate: Millis): boolean {
  return eventTime - lastUpdate > policy.maxMs * 2;
}

/** Records one more failure at `now`: the first (or first after a quiet spell) waits initialMs, each next one twice as long, up to maxMs. */
export function backoffNext(table: BackoffTable, policy: BackoffPolicy, id: string, eventTime: Millis, now: Millis): void {
  const entry = table[id];
  if (!entry || hasExpired(policy, eventTime, entry.lastUpdate)) {
    table[id] = { backoffMs: policy.initialMs, lastUpdate: now };
    return;
  }
  entry.backoffMs = Math.min(entry.backoffMs * 2, policy.maxMs);
  entry.lastUpdate = now;
}

/** Whether `now` is still inside the back-off that started at `eventTime` (client-go IsInBackOffSince). */
export function inBackoffSince(table: BackoffTable, policy: BackoffPolicy, id: string, eventTime: Millis, now: Millis): boolean {
  const entry = table[id];
  if (!entry || hasExpired(policy, eventTime, entry.lastUpdate)) return false;
  return now - eventTime < entry.backoffMs;
}

/** Whether `eventTime` falls inside the back-off measured from the last update (IsInBackOffSinceUpdate, used for image pulls). */
export function inBackoffSinceUpdate(table: BackoffTable, policy: BackoffPolicy, id: string, eventTime: Millis): boolean {
  const entry = table[id];
  if (!entry || hasExpired(policy, eventTime, entry.lastUpdate)) return false;
  return eventTime - entry.lastUpdate < entry.backoffMs;
}

/** When the current back-off of `id` ends, measured from `since` (for timers and the diagram). */
export function backoffEndsAt(table: BackoffTable, id: string, since: Millis): Millis | null {
  const entry = table[id];
  return entry ? since + entry.backoffMs : null;
}

export function backoffReset(table: BackoffTable, id: string): void {
  delete table[id];
}
