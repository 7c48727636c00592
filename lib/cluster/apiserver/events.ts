// The event log, shaped like `kubectl get events`: repeated events are folded into one entry
// whose count and last timestamp grow, as the client-side EventCorrelator does. Events expire an
// hour after they last happened (the API server's --event-ttl), which is what bounds the log.
// The simulator also caps the log at defaults.maxEvents, dropping the least recently updated.
// Recording and expiry checks cost O(1); only a pass that drops something walks the log.
import { defaults } from '../config';
import type { KubeEvent, Millis } from '../types';

export interface InvolvedObject {
  kind: string;
  name: string;
  namespace: string;
}

type ByName = Map<string, KubeEvent[]>;

export class EventLog {
  private entries: KubeEvent[] = [];
  /** Events per involved object (kind, then namespace, then name): an object has few, so finding a repeat is a short scan. */
  private byObject = new Map<string, Map<string, ByName>>();
  private serial = 0;
  /** No entry was last updated before this: expiry has nothing to do until now - ttl passes it. */
  private oldest = Infinity;
  /** Bumps on every change, so readers can cache what they derive from the log. */
  version = 0;

  constructor(private readonly limit = defaults.maxEvents) {}

  record(now: Millis, object: InvolvedObject, type: KubeEvent['type'], reason: string, message: string, source: string): void {
    const forObject = this.eventsOf(object.kind, object.namespace, object.name, true)!;
    this.version++;
    for (const existing of forObject) {
      if (existing.reason === reason && existing.message === message && existing.type === type && existing.source === source) {
        existing.count++;
        existing.lastTimestamp = now;
        return;
      }
    }
    const event: KubeEvent = {
      // Node events live in the default namespace, as in a real cluster.
      name: `${object.name}.${(this.serial++).toString(16)}`, namespace: object.namespace || 'default', type, reason,
      involvedObject: object, message, source, firstTimestamp: now, lastTimestamp: now, count: 1,
    };
    this.entries.push(event);
    forObject.push(event);
    if (now < this.oldest) this.oldest = now;
    if (this.entries.length > this.limit) this.trim(Math.floor(this.limit / 2));
  }

  /** Keeps the `keep` most recently updated events (at equal times, the later recorded), in their order. */
  private trim(keep: number): void {
    const times = new Float64Array(this.entries.length);
    for (let i = 0; i < times.length; i++) times[i] = this.entries[i].lastTimestamp;
    const threshold = times.sort()[times.length - keep];
    let above = 0;
    let atThreshold = 0;
    for (const event of this.entries) {
      if (event.lastTimestamp > threshold) above++;
      else if (event.lastTimestamp === threshold) atThreshold++;
    }
    let dropAtThreshold = atThreshold - (keep - above);
    const kept: KubeEvent[] = [];
    this.oldest = Infinity;
    for (const event of this.entries) {
      if (event.lastTimestamp < threshold || (event.lastTimestamp === threshold && dropAtThreshold-- > 0)) {
        this.forget(event);
        continue;
      }
      kept.push(event);
      if (event.lastTimestamp < this.oldest) this.oldest = event.lastTimestamp;
    }
    this.entries = kept;
    this.version++;
  }

  private forget(event: KubeEvent): void {
    const { kind, namespace, name } = event.involvedObject;
    const byName = this.byObject.get(kind)?.get(namespace);
    const list = byName?.get(name);
    if (!list) return;
    const index = list.indexOf(event);
    if (index >= 0) list.splice(index, 1);
    if (list.length === 0) byName!.delete(name);
  }

  /** The events about one object, in the order they were first recorded. */
  about(kind: string, namespace: string, name: string): readonly KubeEvent[] {
    return this.eventsOf(kind, namespace, name, false) ?? [];
  }

  /** Drops events not updated within the TTL (the API server's --event-ttl). */
  expire(now: Millis, ttlMs: number): void {
    const cutoff = now - ttlMs;
    if (this.oldest >= cutoff) return;
    this.entries = this.entries.filter((event) => event.lastTimestamp >= cutoff);
    this.rebuildIndex();
    this.version++;
  }

  list(): readonly KubeEvent[] {
    return this.entries;
  }

  get size(): number {
    return this.entries.length;
  }

  dump(): { entries: KubeEvent[]; serial: number } {
    return { entries: structuredClone(this.entries), serial: this.serial };
  }

  load(state: { entries: KubeEvent[]; serial: number }): void {
    this.entries = structuredClone(state.entries);
    this.serial = state.serial;
    this.rebuildIndex();
    this.version++;
  }

  private eventsOf(kind: string, namespace: string, name: string, create: boolean): KubeEvent[] | undefined {
    let byNamespace = this.byObject.get(kind);
    if (!byNamespace) {
      if (!create) return undefined;
      this.byObject.set(kind, (byNamespace = new Map()));
    }
    let byName = byNamespace.get(namespace);
    if (!byName) {
      if (!create) return undefined;
      byNamespace.set(namespace, (byName = new Map()));
    }
    let events = byName.get(name);
    if (!events && create) byName.set(name, (events = []));
    return events;
  }

  private rebuildIndex(): void {
    this.byObject.clear();
    this.oldest = Infinity;
    for (const event of this.entries) {
      const { kind, namespace, name } = event.involvedObject;
      this.eventsOf(kind, namespace, name, true)!.push(event);
      if (event.lastTimestamp < this.oldest) this.oldest = event.lastTimestamp;
    }
  }
}
