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

const repeatKey = (object: InvolvedObject, type: string, reason: string, source: string, message: string) =>
  `${object.kind}\u0000${object.namespace}\u0000${object.name}\u0000${type}\u0000${reason}\u0000${source}\u0000${message}`;

const eventKey = (event: KubeEvent) => repeatKey(event.involvedObject, event.type, event.reason, event.source, event.message);

/** Names with at least this many events find repeats through byRepeat. */
const indexAbove = 16;

export class EventLog {
  private entries: KubeEvent[] = [];
  /**
   * Events per involved object's name (kinds and namespaces share a list, told apart in it): an
   * object has few events, so finding a repeat is one lookup and a short scan.
   */
  private byName = new Map<string, KubeEvent[]>();
  /**
   * For names with many events, each event by what makes a repeat (object, type, reason, source,
   * message): a ReplicaSet of a thousand pods has thousands of Created / Deleted events, too many
   * to scan on every record. Short lists are scanned, which keeps no key strings alive.
   */
  private byRepeat = new Map<string, KubeEvent>();
  /**
   * The names whose events are in byRepeat (those that once had indexAbove events): dropping an
   * event of any other name need not build its repeat key.
   */
  private repeatNames = new Set<string>();
  /** Each event in byRepeat with its key, so dropping one does not build the key again. */
  private repeatKeys = new WeakMap<KubeEvent, string>();
  private serial = 0;
  /** No entry was last updated before this: expiry has nothing to do until now - ttl passes it. */
  private oldest = Infinity;
  /** Bumps on every change, so readers can cache what they derive from the log. */
  version = 0;

  constructor(private readonly limit: number = defaults.maxEvents) {}

  record(now: Millis, object: InvolvedObject, type: KubeEvent['type'], reason: string, message: string, source: string): void {
    let forName = this.byName.get(object.name);
    if (!forName) this.byName.set(object.name, (forName = []));
    this.version++;
    // An earlier event about the same object lends its (read-only) involvedObject: a thousand-node
    // run records 185 000 events, and the fewer objects each keeps alive, the cheaper the GC.
    const indexed = forName.length >= indexAbove;
    const key = indexed ? repeatKey(object, type, reason, source, message) : '';
    let sameObject: InvolvedObject | undefined;
    for (const existing of forName) {
      if (existing.involvedObject.kind !== object.kind || existing.involvedObject.namespace !== object.namespace) continue;
      sameObject = existing.involvedObject;
      if (indexed) break;
      if (existing.reason === reason && existing.message === message && existing.type === type && existing.source === source) {
        existing.count++;
        existing.lastTimestamp = now;
        return;
      }
    }
    const repeat = indexed ? this.byRepeat.get(key) : undefined;
    if (repeat) {
      repeat.count++;
      repeat.lastTimestamp = now;
      return;
    }
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
    forName.push(event);
    if (indexed) this.fileRepeat(key, event);
    else if (forName.length === indexAbove) {
      this.repeatNames.add(object.name);
      for (const each of forName) this.fileRepeat(eventKey(each), each);
    }
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

  private fileRepeat(key: string, event: KubeEvent): void {
    this.byRepeat.set(key, event);
    this.repeatKeys.set(event, key);
  }

  /** Takes a dropped event out of its name's list (short: an object has few events), in place of a full rebuild. */
  private unindex(event: KubeEvent): void {
    const name = event.involvedObject.name;
    if (this.repeatNames.has(name)) this.byRepeat.delete(this.repeatKeys.get(event) ?? eventKey(event));
    const forName = this.byName.get(name)!;
    if (forName.length === 1) {
      this.byName.delete(name);
      this.repeatNames.delete(name);
    } else forName.splice(forName.indexOf(event), 1);
  }

  /** The events about one object, in the order they were first recorded. */
  about(kind: string, namespace: string, name: string): readonly KubeEvent[] {
    const forName = this.byName.get(name);
    if (!forName) return [];
    return forName.filter((event) => event.involvedObject.kind === kind && event.involvedObject.namespace === namespace);
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
    this.byRepeat.clear();
    this.repeatNames.clear();
    this.oldest = Infinity;
    for (const event of this.entries) {
      const name = event.involvedObject.name;
      const forName = this.byName.get(name);
      if (forName) forName.push(event);
      else this.byName.set(name, [event]);
      if (event.lastTimestamp < this.oldest) this.oldest = event.lastTimestamp;
    }
    for (const [name, forName] of this.byName)
      if (forName.length >= indexAbove) {
        this.repeatNames.add(name);
        for (const event of forName) this.fileRepeat(eventKey(event), event);
      }
  }
}
