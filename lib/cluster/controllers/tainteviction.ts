// The taint eviction controller (#13, #15): pods on a node with NoExecute taints are deleted at
// once, after their smallest tolerationSeconds, or never. If the taint goes first, the pending
// eviction is cancelled.
import { involved } from '../apiserver/apiserver';
import { objectKey } from '../apiserver/store';
import type { TimerTask } from '../engine/clock';
import type { SimContext } from '../engine/context';
import type { TaintEvictionItem } from '../engine/queues';
import { noExecuteTolerance } from '../api/taints';
import type { Pod, Taint } from '../api/types';
import { setCondition } from './podutil';

export const evictionTask = (podKey: string, uid: string): TimerTask => ({ owner: 'tainteviction', podKey, uid });

const none: Taint[] = [];

function noExecuteTaintsOf(ctx: SimContext, nodeName: string | undefined): Taint[] {
  const node = nodeName ? ctx.listers.get('Node', nodeName) : undefined;
  if (!node || node.spec.taints.length === 0) return none;
  return node.spec.taints.filter((taint) => taint.effect === 'NoExecute');
}

function cancelEviction(ctx: SimContext, podKey: string, withEvent: boolean): void {
  const scheduled = ctx.state.evictions[podKey];
  if (!scheduled) return;
  ctx.clock.cancel(scheduled.timerId);
  delete ctx.state.evictions[podKey];
  const [namespace, name] = podKey.split('/');
  if (withEvent) {
    ctx.client.record(
      { kind: 'Pod', namespace, name },
      'Normal',
      'TaintManagerEviction',
      `Cancelling deletion of Pod ${podKey}`,
      'taint-eviction-controller',
    );
  }
}

/** deletePodHandler: condition DisruptionTarget, then a normal graceful delete. */
export function evictPod(ctx: SimContext, podKey: string, uid: string): void {
  delete ctx.state.evictions[podKey];
  const pod = ctx.listers.get('Pod', podKey);
  if (!pod || pod.metadata.uid !== uid || pod.metadata.deletionTimestamp !== undefined) return;
  const now = ctx.clock.now();
  ctx.client.record(involved(pod), 'Normal', 'TaintManagerEviction', `Marking for deletion Pod ${podKey}`, 'taint-eviction-controller');
  const marked = ctx.client.update(pod, 'status', (target) => {
    setCondition(
      target.status.conditions,
      'DisruptionTarget',
      'True',
      now,
      'DeletionByTaintManager',
      'Taint manager: deleting due to NoExecute taint',
    );
  });
  if (marked.ok) ctx.client.delete('Pod', pod.metadata.namespace, pod.metadata.name);
}

/** processPodOnNode. */
function processPod(ctx: SimContext, pod: Pod, taints: Taint[]): void {
  const podKey = objectKey(pod.metadata.namespace, pod.metadata.name);
  if (pod.metadata.deletionTimestamp !== undefined) return;
  if (taints.length === 0) {
    cancelEviction(ctx, podKey, true);
    return;
  }
  const tolerance = noExecuteTolerance(taints, pod.spec.tolerations);
  if (tolerance === 'forever') {
    cancelEviction(ctx, podKey, true);
    return;
  }
  if (tolerance === 'now') {
    cancelEviction(ctx, podKey, false);
    evictPod(ctx, podKey, pod.metadata.uid);
    return;
  }
  const existing = ctx.state.evictions[podKey];
  if (existing && existing.uid === pod.metadata.uid) return;
  const timerId = ctx.schedule(evictionTask(podKey, pod.metadata.uid), tolerance);
  ctx.state.evictions[podKey] = { uid: pod.metadata.uid, timerId, createdAt: ctx.clock.now() };
}

/** A node's taints changed (every pod on it), or one pod was bound or changed. */
export function syncTaintEviction(ctx: SimContext, item: TaintEvictionItem): void {
  if (item.kind === 'Node') {
    const taints = noExecuteTaintsOf(ctx, item.node);
    for (const pod of ctx.listers.podsOnNode(item.node)) processPod(ctx, pod, taints);
    return;
  }
  const pod = ctx.listers.get('Pod', item.pod);
  if (!pod) {
    cancelEviction(ctx, item.pod, false);
    return;
  }
  if (!pod.spec.nodeName) return;
  processPod(ctx, pod, noExecuteTaintsOf(ctx, pod.spec.nodeName));
}
