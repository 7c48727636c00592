// The event log, shaped like `kubectl get events`: repeated events are folded into one entry
// whose count and last timestamp grow, as the client-side EventCorrelator does. Events expire an
// hour after they last happened (the API server's --event-ttl), which is what bounds the log.
// The simulator also caps the log at defaults.maxEvents, dropping the least recently updated.
// Recording and expiry checks cost O(1); only a pass that drops something walks the log.
import { defaults } from '../engine/config';
import type { KubeEvent, Millis } from '../api/types';

export interface InvolvedObject {
  kind: string;
  name: string;
  namespace: string;
}

/** Names with at least this many events find repeats through their events by message. */
const indexAbove = 16;

/** One involved object name's events (kinds and namespaces share them, told apart in the list). */
interface NameEvents {
  /** In the order first recorded. */
  events: KubeEvent[];
  /**
   * Once the name has many events, the same events by message: a ReplicaSet of a thousand pods
   * has thousands of Created / Deleted events, too many to scan on every record. A repeat has
   * the message of the event it folds into, so only those with it are looked at.
   */
  byMessage?: Map<string, KubeEvent[]>;
}

const noEvents: readonly KubeEvent[] = [];

function fileByMessage(byMessage: Map<string, KubeEvent[]>, event: KubeEvent): void {
  const list = byMessage.get(event.message);
  if (list) list.push(event);
  else byMessage.set(event.message, [event]);
}

function indexByMessage(named: NameEvents): void {
  named.byMessage = new Map();
  for (const event of named.events) fileByMessage(named.byMessage, event);
}

export type EventListener = (event: KubeEvent, change: 'ADDED' | 'MODIFIED') => void;

export class EventLog {
  private entries: KubeEvent[] = [];
  /** Events per involved object's name: an object has few, so finding a repeat is one lookup and a short scan. */
  private byName = new Map<string, NameEvents>();
  private serial = 0;
  /** No entry was last updated before this: expiry has nothing to do until now - ttl passes it. */
  private oldest = Infinity;
  /** Bumps on every change, so readers can cache what they derive from the log. */
  version = 0;
  /** Watchers of new events and of repeats folded into one (kubectl get events --watch). */
  private listeners: EventListener[] = [];

  constructor(private readonly limit: number = defaults.maxEvents) {}

  record(now: Millis, object: InvolvedObject, type: KubeEvent['type'], reason: string, message: string, source: string): void {
    let named = this.byName.get(object.name);
    if (!named) this.byName.set(object.name, (named = { events: [] }));
    this.version++;
    const { events, byMessage } = named;
    for (const existing of byMessage ? (byMessage.get(message) ?? noEvents) : events) {
      const { involvedObject } = existing;
      if (involvedObject.kind !== object.kind || involvedObject.namespace !== object.namespace) continue;
      if (existing.reason === reason && existing.message === message && existing.type === type && existing.source === source) {
        existing.count++;
        existing.lastTimestamp = now;
        for (const listener of this.listeners) listener(existing, 'MODIFIED');
        return;
      }
    }
    // An earlier event about the same object lends its (read-only) involvedObject: a thousand-node
    // run records 185 000 events, and the fewer objects each keeps alive, the cheaper the GC.
    const sameObject = events.find(
      (existing) => existing.involvedObject.kind === object.kind && existing.involvedObject.namespace === object.namespace,
    )?.involvedObject;
    const event: KubeEvent = {
      // Node events live in the default namespace, as in a real cluster.
      name: `${object.name}.${(this.serial++).toString(16)}`,
      namespace: object.namespace || 'default',
      type,
      reason,
      involvedObject: sameObject ?? object,
      message,
      source,
      firstTimestamp: now,
      lastTimestamp: now,
      count: 1,
    };
    this.entries.push(event);
    events.push(event);
    if (byMessage) fileByMessage(byMessage, event);
    else if (events.length === indexAbove) indexByMessage(named);
    if (now < this.oldest) this.oldest = now;
    if (this.entries.length > this.limit) this.trim(Math.floor(this.limit / 2));
    for (const listener of this.listeners) listener(event, 'ADDED');
  }

  /** Calls `listener` for every event recorded from now on; the function returned stops that. */
  listen(listener: EventListener): () => void {
    this.listeners.push(listener);
    return () => {
      this.listeners = this.listeners.filter((other) => other !== listener);
    };
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
    let oldest = Infinity;
    for (const event of this.entries) {
      if (event.lastTimestamp > threshold || (event.lastTimestamp === threshold && dropAtThreshold-- <= 0)) {
        kept.push(event);
        if (event.lastTimestamp < oldest) oldest = event.lastTimestamp;
      } else this.unindex(event);
    }
    this.entries = kept;
    this.oldest = oldest;
    this.version++;
  }

  /** Takes a dropped event out of its name's lists (short: an object has few events), in place of a full rebuild. */
  private unindex(event: KubeEvent): void {
    const name = event.involvedObject.name;
    const named = this.byName.get(name)!;
    if (named.events.length === 1) {
      this.byName.delete(name);
      return;
    }
    named.events.splice(named.events.indexOf(event), 1);
    const sameMessage = named.byMessage?.get(event.message);
    if (!sameMessage) return;
    if (sameMessage.length === 1) named.byMessage!.delete(event.message);
    else sameMessage.splice(sameMessage.indexOf(event), 1);
  }

  /** Drops every event recorded in a namespace (it was deleted, and its events with it). */
  dropNamespace(namespace: string): void {
    const kept = this.entries.filter((event) => event.namespace !== namespace);
    if (kept.length === this.entries.length) return;
    this.entries = kept;
    this.rebuildIndex();
    this.version++;
  }

  /** The events about one object, in the order they were first recorded. */
  about(kind: string, namespace: string, name: string): readonly KubeEvent[] {
    const named = this.byName.get(name);
    if (!named) return [];
    return named.events.filter((event) => event.involvedObject.kind === kind && event.involvedObject.namespace === namespace);
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

  private rebuildIndex(): void {
    this.byName.clear();
    this.oldest = Infinity;
    for (const event of this.entries) {
      const name = event.involvedObject.name;
      const named = this.byName.get(name);
      if (named) named.events.push(event);
      else this.byName.set(name, { events: [event] });
      if (event.lastTimestamp < this.oldest) this.oldest = event.lastTimestamp;
    }
    for (const named of this.byName.values()) if (named.events.length >= indexAbove) indexByMessage(named);
  }
}
