// The virtual clock. It implements xstate's Clock (so machines' named delays run on it) and also
// holds plain-data tasks for the controllers. Timers sit in a binary heap ordered by due time
// then creation order; advancing jumps from one due timer to the next instead of stepping.
import type { ActorOptions, AnyActorLogic } from 'xstate';

type Clock = NonNullable<ActorOptions<AnyActorLogic>['clock']>;

/** What a timer does, as plain data: the owner it wakes and the event it delivers. */
export interface TimerTask {
  owner: string;
  event: { type: string; [field: string]: unknown };
  /** Set for timers created by an xstate actor's `after` transition (its scheduled-event id). */
  xstateId?: string;
}

export interface TimerRecord {
  id: number;
  seq: number;
  dueAt: number;
  task: TimerTask;
}

interface Timer extends TimerRecord {
  fire?: () => void;
}

export interface ClockSnapshot {
  now: number;
  nextId: number;
  nextSeq: number;
  timers: TimerRecord[];
}

export class VirtualClock {
  private heap: Timer[] = [];
  /**
   * Each heap slot's due time and creation order, kept beside the timers: sifting compares plain
   * numbers in two packed arrays instead of visiting tens of thousands of scattered timer objects.
   */
  private heapDue: number[] = [];
  private heapSeq: number[] = [];
  private live = new Map<number, Timer>();
  private current = 0;
  private nextId = 1;
  private nextSeq = 1;
  /** During restore, the identity the next timer must take so handles stay valid. */
  private pinned: TimerRecord | undefined;

  now(): number {
    return this.current;
  }

  schedule(task: TimerTask, delayMs: number, fire?: () => void): number {
    const pinned = this.pinned;
    this.pinned = undefined;
    const timer: Timer = pinned
      ? { ...pinned, task, fire }
      : { id: this.nextId++, seq: this.nextSeq++, dueAt: this.current + Math.max(0, delayMs), task, fire };
    this.live.set(timer.id, timer);
    this.push(timer);
    return timer.id;
  }

  cancel(id: number): void {
    this.live.delete(id);
  }

  /** The xstate clock for one actor: records which scheduled event each timer delivers. */
  forActor(owner: string, scheduledEvent: () => { id: string; event: TimerTask['event'] }): Clock {
    return {
      setTimeout: (fn: () => void, timeout: number) => {
        const scheduled = scheduledEvent();
        return this.schedule({ owner, event: scheduled.event, xstateId: scheduled.id }, timeout, fn);
      },
      clearTimeout: (id: number) => this.cancel(id),
    };
  }

  /** Fires due timers in order, each at its own due time, until `target`; then sets now = target. */
  runUntil(target: number, onTask: (task: TimerTask) => void, afterEach: () => void): void {
    for (;;) {
      const timer = this.peekLive();
      if (!timer || timer.dueAt > target) break;
      this.popTop();
      this.live.delete(timer.id);
      this.current = Math.max(this.current, timer.dueAt);
      if (timer.fire) timer.fire();
      else onTask(timer.task);
      afterEach();
    }
    this.current = Math.max(this.current, target);
  }

  snapshot(): ClockSnapshot {
    const timers = [...this.live.values()]
      .sort((a, b) => a.seq - b.seq)
      .map(({ id, seq, dueAt, task }) => ({ id, seq, dueAt, task: structuredClone(task) }));
    return { now: this.current, nextId: this.nextId, nextSeq: this.nextSeq, timers };
  }

  /** Resets to the snapshot's time and counters; timers are re-added by their owners via `pin`. */
  reset(snapshot: Pick<ClockSnapshot, 'now' | 'nextId' | 'nextSeq'>): void {
    this.heap = [];
    this.heapDue = [];
    this.heapSeq = [];
    this.live.clear();
    this.current = snapshot.now;
    this.nextId = snapshot.nextId;
    this.nextSeq = snapshot.nextSeq;
  }

  pin(record: TimerRecord): void {
    this.pinned = record;
  }

  private peekLive(): Timer | undefined {
    while (this.heap.length > 0 && this.live.get(this.heap[0].id) !== this.heap[0]) this.popTop();
    return this.heap[0];
  }

  /** Whether the timer in slot i fires before the one in slot j. */
  private before(i: number, j: number): boolean {
    const due = this.heapDue;
    return due[i] < due[j] || (due[i] === due[j] && this.heapSeq[i] < this.heapSeq[j]);
  }

  private swap(i: number, j: number): void {
    const { heap, heapDue, heapSeq } = this;
    const timer = heap[i];
    heap[i] = heap[j];
    heap[j] = timer;
    const due = heapDue[i];
    heapDue[i] = heapDue[j];
    heapDue[j] = due;
    const seq = heapSeq[i];
    heapSeq[i] = heapSeq[j];
    heapSeq[j] = seq;
  }

  private push(timer: Timer): void {
    this.heap.push(timer);
    this.heapDue.push(timer.dueAt);
    this.heapSeq.push(timer.seq);
    let i = this.heap.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.before(i, parent)) break;
      this.swap(i, parent);
      i = parent;
    }
  }

  private popTop(): void {
    const { heap, heapDue, heapSeq } = this;
    const last = heap.pop()!;
    const lastDue = heapDue.pop()!;
    const lastSeq = heapSeq.pop()!;
    const size = heap.length;
    if (size === 0) return;
    heap[0] = last;
    heapDue[0] = lastDue;
    heapSeq[0] = lastSeq;
    let i = 0;
    for (;;) {
      const left = 2 * i + 1;
      const right = left + 1;
      let smallest = i;
      if (left < size && this.before(left, smallest)) smallest = left;
      if (right < size && this.before(right, smallest)) smallest = right;
      if (smallest === i) break;
      this.swap(i, smallest);
      i = smallest;
    }
  }
}
