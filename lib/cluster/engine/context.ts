// What every component gets: listers to read the API, a client to write it, the clock, the RNG,
// the plain state and the queues.
import type { KubeClient } from './client';
import type { Listers } from './listers';
import type { TimerTask, VirtualClock } from './clock';
import type { OnNode, PodCounts } from '../controllers/podcounts';
import type { WorkQueues } from './queues';
import type { SimState } from './state';
import type { Node } from '../api/types';
import type { Rng } from '../util/rng';

export interface SimContext {
  /** Read-only views of the API server's objects. */
  listers: Listers;
  /** The one write path: create, update, delete, record an event. */
  client: KubeClient;
  clock: VirtualClock;
  rng: Rng;
  state: SimState;
  /** The work queues, for watch handlers and resyncs that enqueue (the syncs drain them). */
  queues: WorkQueues;
  /** True while the cluster is being created: its pods were already running before t=0. */
  bootstrapping: boolean;
  /** Schedules a plain-data task on the clock (Engine.dispatch delivers it when due). */
  schedule(task: TimerTask, delayMs: number): number;
  /** How many of an owner's pods are active, ready and bound (kept from pod watch events). */
  podCounts(ownerUid: string): Readonly<PodCounts>;
  /** How many of an owner's active pods are on a node ('' for the unbound ones) and how many of those are ready, from the same index. */
  activePodsOnNode(ownerUid: string, node: string): Readonly<OnNode>;
  /** Every Node, in creation order (cached between node additions and removals). */
  nodes(): Node[];
  /** Whether the kubelet of `node` is running (its actor is in the running state). */
  kubeletRunning(node: string): boolean;
  /** Tells the node's kubelet that someone else changed its node status. */
  nodeStatusOverwritten(node: string): void;
  /** Tells the controller manager that nodes wait for a NoExecute taint. */
  nodesQueuedForTainting(): void;
}
