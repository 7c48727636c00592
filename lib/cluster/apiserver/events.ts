// The event log, shaped like `kubectl get events`: repeated events are folded into one entry
// whose count and last timestamp grow, as the client-side EventCorrelator does.
import type { KubeEvent, Millis } from '../types';

export interface InvolvedObject {
  kind: string;
  name: string;
  namespace: string;
}

export class EventLog {
  private entries: KubeEvent[] = [];
  private byKey = new Map<string, KubeEvent>();
  private serial = 0;

  record(now: Millis, object: InvolvedObject, type: KubeEvent['type'], reason: string, message: string, source: string): void {
    // Node events live in the default namespace, as in a real cluster.
    const namespace = object.namespace || 'default';
    const key = `${namespace}\u0000${object.kind}\u0000${object.name}\u0000${type}\u0000${reason}\u0000${message}\u0000${source}`;
    const existing = this.byKey.get(key);
    if (existing) {
      existing.count++;
      existing.lastTimestamp = now;
      return;
    }
    const event: KubeEvent = {
      name: `${object.name}.${(this.serial++).toString(16)}`,
      namespace, type, reason, involvedObject: { ...object, namespace: object.namespace }, message, source,
      firstTimestamp: now, lastTimestamp: now, count: 1,
    };
    this.entries.push(event);
    this.byKey.set(key, event);
  }

  /** Drops events not updated within the TTL (the API server's --event-ttl). */
  expire(now: Millis, ttlMs: number): void {
    if (this.entries.length === 0 || this.entries.every((event) => now - event.lastTimestamp <= ttlMs)) return;
    this.entries = this.entries.filter((event) => now - event.lastTimestamp <= ttlMs);
    this.rebuildIndex();
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
  }

  private rebuildIndex(): void {
    this.byKey.clear();
    for (const event of this.entries) {
      const { namespace, involvedObject: o, type, reason, message, source } = event;
      this.byKey.set(`${namespace}\u0000${o.kind}\u0000${o.name}\u0000${type}\u0000${reason}\u0000${message}\u0000${source}`, event);
    }
  }
}
