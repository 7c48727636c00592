// The virtual clock: the one timer model of the simulation. Every pending delay, a statechart's
// named delay as much as a controller's eviction or a container start, is a plain-data task in
// it, so a snapshot is a list of tasks and their due times. Timers sit in a binary heap ordered
// by due time then creation (instant, then order); advancing jumps from one due timer to the next.

/** What a timer does, as plain data: whom it wakes and with what. */
export type TimerTask =
  /** A statechart's named delay (see timers.ts): delivers `${delay} elapsed` to the actor. */
  | { owner: 'actor'; actor: string; delay: string }
  /** #13 the taint eviction controller deletes a pod when its toleration runs out. */
  | { owner: 'tainteviction'; podKey: string; uid: string }
  /** A controller's AddAfter (controllers/requeue.ts): minReadySeconds, the progress deadline. */
  | { owner: 'controller'; queue: 'deployment' | 'replicaset' | 'apiServer'; key: string }
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
  /** When it was created: a resumed periodic timer takes the instant its skipped tick would have had. */
  createdAt: number;
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
   * Each heap slot's due time and creation instant and order, kept beside the timers: sifting
   * compares plain numbers in packed arrays instead of visiting tens of thousands of timer objects.
   */
  private heapDue: number[] = [];
  private heapCreated: number[] = [];
  private heapSeq: number[] = [];
  private live = new Map<number, TimerRecord>();
  /** The timer whose task is running (undefined between timers, as when a command runs). */
  private firing: TimerRecord | undefined;
  private current = 0;
  private nextId = 1;
  private nextSeq = 1;

  now(): number {
    return this.current;
  }

  schedule(task: TimerTask, delayMs: number): number {
    return this.add(task, this.current + Math.max(0, delayMs), this.current);
  }

  /**
   * A periodic timer that skipped ticks nobody could observe starts again: due at `dueAt`, ordered
   * among the timers due then as if created at `createdAt` (the tick before, which it skipped).
   */
  resume(task: TimerTask, dueAt: number, createdAt: number): number {
    return this.add(task, Math.max(this.current, dueAt), Math.min(this.current, createdAt));
  }

  /**
   * Whether a timer due now and created at `createdAt` has fired already: it has when it orders
   * before the timer being handled, or always while no timer is (commands run after due timers).
   */
  firedBefore(createdAt: number): boolean {
    return this.firing === undefined || createdAt < this.firing.createdAt;
  }

  /**
   * Queues a pending timer due at `dueAt` again, behind the timers just resumed for that instant
   * (same due time and creation instant, a later order); a timer due at another time stays.
   */
  requeue(id: number, dueAt: number): number {
    const timer = this.live.get(id);
    if (!timer || timer.dueAt !== dueAt) return id;
    this.live.delete(id);
    return this.add(timer.task, timer.dueAt, timer.createdAt);
  }

  private add(task: TimerTask, dueAt: number, createdAt: number): number {
    const timer: TimerRecord = { id: this.nextId++, seq: this.nextSeq++, createdAt, dueAt, task };
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
      this.firing = timer;
      let wrote: unknown;
      try {
        wrote = onTask(timer.task);
      } finally {
        this.firing = undefined;
      }
      if (wrote !== false) afterEach();
    }
    this.current = Math.max(this.current, target);
  }

  snapshot(): ClockSnapshot {
    const timers = [...this.live.values()]
      .sort((a, b) => a.seq - b.seq)
      .map(({ id, seq, createdAt, dueAt, task }) => ({ id, seq, createdAt, dueAt, task: structuredClone(task) }));
    return { now: this.current, nextId: this.nextId, nextSeq: this.nextSeq, timers };
  }

  /** Back to the snapshot: its time, its counters, and every pending timer with its id, order and due time. */
  load(snapshot: ClockSnapshot): void {
    this.heap = [];
    this.heapDue = [];
    this.heapCreated = [];
    this.heapSeq = [];
    this.live.clear();
    this.current = snapshot.now;
    this.nextId = snapshot.nextId;
    this.nextSeq = snapshot.nextSeq;
    for (const { id, seq, createdAt, dueAt, task } of snapshot.timers) {
      const timer: TimerRecord = { id, seq, createdAt, dueAt, task: structuredClone(task) };
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
    if (due[i] !== due[j]) return due[i] < due[j];
    const created = this.heapCreated;
    return created[i] < created[j] || (created[i] === created[j] && this.heapSeq[i] < this.heapSeq[j]);
  }

  private swap(i: number, j: number): void {
    const { heap, heapDue, heapCreated, heapSeq } = this;
    const timer = heap[i];
    heap[i] = heap[j];
    heap[j] = timer;
    const due = heapDue[i];
    heapDue[i] = heapDue[j];
    heapDue[j] = due;
    const created = heapCreated[i];
    heapCreated[i] = heapCreated[j];
    heapCreated[j] = created;
    const seq = heapSeq[i];
    heapSeq[i] = heapSeq[j];
    heapSeq[j] = seq;
  }

  private push(timer: TimerRecord): void {
    this.heap.push(timer);
    this.heapDue.push(timer.dueAt);
    this.heapCreated.push(timer.createdAt);
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
    const { heap, heapDue, heapCreated, heapSeq } = this;
    const last = heap.pop()!;
    const lastDue = heapDue.pop()!;
    const lastCreated = heapCreated.pop()!;
    const lastSeq = heapSeq.pop()!;
    const size = heap.length;
    if (size === 0) return;
    heap[0] = last;
    heapDue[0] = lastDue;
    heapCreated[0] = lastCreated;
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
