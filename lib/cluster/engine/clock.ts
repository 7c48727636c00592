// The virtual clock: the one timer model of the simulation. Every pending delay, a statechart's
// named delay as much as a controller's eviction or a container start, is a plain-data task in
// it, so a snapshot is a list of tasks and their due times. Timers sit in a binary heap ordered
// by due time then creation order; advancing jumps from one due timer to the next.

/** What a timer does, as plain data: whom it wakes and with what. */
export type TimerTask =
  /** A statechart's named delay (see timers.ts): delivers `${delay} elapsed` to the actor. */
  | { owner: 'actor'; actor: string; delay: string }
  /** #13 the taint eviction controller deletes a pod when its toleration runs out. */
  | { owner: 'tainteviction'; podKey: string; uid: string }
  /** A controller's AddAfter (controllers/requeue.ts): minReadySeconds, the progress deadline. */
  | { owner: 'controller'; queue: 'deployment' | 'replicaset'; key: string }
  /** A container runtime step on a node finished (image pulled, container started or stopped). */
  | { owner: 'kubelet'; node: string; step: 'IMAGE_PULLED' | 'CONTAINER_STARTED' | 'CONTAINER_STOPPED'; uid: string; attempt: number }
  /** The pod worker re-syncs a pod whose image could not be pulled (kubelet/images.ts, #45). */
  | { owner: 'kubelet'; node: string; step: 'IMAGE_PULL_RESYNC'; uid: string; attempt: number }
  /** #36 one prober worker's periodic tick (pkg/kubelet/prober/worker.go). */
  | { owner: 'prober'; node: string; uid: string; attempt: number; container: string; probe: 'startup' | 'liveness' | 'readiness' }
  /** #38 #41 #51 a step of one container (kuberuntime): restarted, exited, killed, or the back-off re-sync. */
  | { owner: 'kuberuntime'; node: string; uid: string; container: string; step: ContainerStep; restartCount: number };

export type ContainerStep =
  | 'IMAGE_PULLED'
  | 'CONTAINER_STARTED'
  | 'CONTAINER_EXITED'
  | 'CONTAINER_KILLED'
  | 'OOM_KILLED'
  | 'BACKOFF_RESYNC';

export interface TimerRecord {
  id: number;
  seq: number;
  dueAt: number;
  task: TimerTask;
}

export interface ClockSnapshot {
  now: number;
  nextId: number;
  nextSeq: number;
  timers: TimerRecord[];
}

export class VirtualClock {
  private heap: TimerRecord[] = [];
  /**
   * Each heap slot's due time and creation order, kept beside the timers: sifting compares plain
   * numbers in two packed arrays instead of visiting tens of thousands of scattered timer objects.
   */
  private heapDue: number[] = [];
  private heapSeq: number[] = [];
  private live = new Map<number, TimerRecord>();
  private current = 0;
  private nextId = 1;
  private nextSeq = 1;

  now(): number {
    return this.current;
  }

  schedule(task: TimerTask, delayMs: number): number {
    const timer: TimerRecord = { id: this.nextId++, seq: this.nextSeq++, dueAt: this.current + Math.max(0, delayMs), task };
    this.live.set(timer.id, timer);
    this.push(timer);
    return timer.id;
  }

  cancel(id: number): void {
    this.live.delete(id);
  }

  /** When the next pending timer is due (undefined: none is), so a blocking command can jump to it. */
  nextDue(): number | undefined {
    return this.peekLive()?.dueAt;
  }

  /**
   * Fires due timers in order, each at its own due time, until `target`; then sets now = target.
   * `afterEach` follows every task whose handler did not return false (false: it changed nothing).
   */
  runUntil(target: number, onTask: (task: TimerTask) => unknown, afterEach: () => void): void {
    for (;;) {
      const timer = this.peekLive();
      if (!timer || timer.dueAt > target) break;
      this.popTop();
      this.live.delete(timer.id);
      this.current = Math.max(this.current, timer.dueAt);
      if (onTask(timer.task) !== false) afterEach();
    }
    this.current = Math.max(this.current, target);
  }

  snapshot(): ClockSnapshot {
    const timers = [...this.live.values()]
      .sort((a, b) => a.seq - b.seq)
      .map(({ id, seq, dueAt, task }) => ({ id, seq, dueAt, task: structuredClone(task) }));
    return { now: this.current, nextId: this.nextId, nextSeq: this.nextSeq, timers };
  }

  /** Back to the snapshot: its time, its counters, and every pending timer with its id, order and due time. */
  load(snapshot: ClockSnapshot): void {
    this.heap = [];
    this.heapDue = [];
    this.heapSeq = [];
    this.live.clear();
    this.current = snapshot.now;
    this.nextId = snapshot.nextId;
    this.nextSeq = snapshot.nextSeq;
    for (const { id, seq, dueAt, task } of snapshot.timers) {
      const timer: TimerRecord = { id, seq, dueAt, task: structuredClone(task) };
      this.live.set(id, timer);
      this.push(timer);
    }
  }

  private peekLive(): TimerRecord | undefined {
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

  private push(timer: TimerRecord): void {
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
