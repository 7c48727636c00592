// Work queues: watch handlers add keys, controllers drain them. A key queued twice is synced once,
// and insertion order keeps every run deterministic.
export class WorkQueue {
  private keys = new Set<string>();
  /** The set handed out by the last drain, reused by the next one (double buffering, no copies). */
  private spare = new Set<string>();

  add(key: string): void {
    this.keys.add(key);
  }

  get size(): number {
    return this.keys.size;
  }

  /** Every queued key, in the order first queued; keys added while the caller iterates wait for the next drain. */
  drain(): ReadonlySet<string> {
    const out = this.keys;
    this.spare.clear();
    this.keys = this.spare;
    this.spare = out;
    return out;
  }

  clear(): void {
    this.keys.clear();
  }
}

export class WorkQueues {
  readonly deployment = new WorkQueue();
  readonly replicaset = new WorkQueue();
  readonly daemonset = new WorkQueue();
  readonly statefulset = new WorkQueue();
  readonly garbage = new WorkQueue();
  readonly disruption = new WorkQueue();
  readonly noScheduleTaints = new WorkQueue();
  readonly taintEviction = new WorkQueue();
  readonly scheduling = new WorkQueue();
  /** "node\u0000podKey" pairs for the kubelet of that node. */
  readonly kubelet = new WorkQueue();

  all(): WorkQueue[] {
    return [
      this.deployment,
      this.replicaset,
      this.daemonset,
      this.statefulset,
      this.garbage,
      this.disruption,
      this.noScheduleTaints,
      this.taintEviction,
      this.scheduling,
      this.kubelet,
    ];
  }
}
