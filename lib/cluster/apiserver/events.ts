// The event log, shaped like `kubectl get events`: repeated events are folded into one entry
// whose count and last timestamp grow, as the client-side EventCorrelator does.
import type { KubeEvent, Millis } from '../types';

export interface InvolvedObject {
  kind: string;
  name: string;
  namespace: string;
}

const objectKeyOf = (kind: string, namespace: string, name: string) => `${kind}/${namespace}/${name}`;

export class EventLog {
  private entries: KubeEvent[] = [];
  /** Events per involved object: an object has few, so finding a repeat is a short scan. */
  private byObject = new Map<string, KubeEvent[]>();
  private serial = 0;

  record(now: Millis, object: InvolvedObject, type: KubeEvent['type'], reason: string, message: string, source: string): void {
    // Node events live in the default namespace, as in a real cluster.
    const namespace = object.namespace || 'default';
    const key = objectKeyOf(object.kind, object.namespace, object.name);
    let forObject = this.byObject.get(key);
    if (!forObject) this.byObject.set(key, (forObject = []));
    for (const existing of forObject) {
      if (existing.reason === reason && existing.message === message && existing.type === type && existing.source === source) {
        existing.count++;
        existing.lastTimestamp = now;
        return;
      }
    }
    const event: KubeEvent = {
      name: `${object.name}.${(this.serial++).toString(16)}`,
      namespace, type, reason, involvedObject: { ...object, namespace: object.namespace }, message, source,
      firstTimestamp: now, lastTimestamp: now, count: 1,
    };
    this.entries.push(event);
    forObject.push(event);
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
    this.byObject.clear();
    for (const event of this.entries) {
      const { kind, namespace, name } = event.involvedObject;
      const key = objectKeyOf(kind, namespace, name);
      const forObject = this.byObject.get(key);
      if (forObject) forObject.push(event);
      else this.byObject.set(key, [event]);
    }
  }
}
