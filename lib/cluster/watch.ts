// Watch handlers: like informer event handlers, they only work out which keys are affected and
// queue them for the controllers (the real work happens in each controller's sync).
import type { WatchEvent } from './apiserver/store';
import type { SimContext } from './context';
import { deploymentKeyOf } from './controllers/deployment';
import { budgetsForPod } from './controllers/disruption';
import { controllerKey, isPodActive, isPodReady } from './controllers/podutil';
import type { SchedulerCache } from './scheduler/cache';
import { retryUnschedulable } from './scheduler/scheduler';
import type { Node, Pod, ReplicaSet } from './types';

/** What a pod's owners care about; a change that leaves it alone (a pull starting) wakes nobody. */
function ownerSignature(pod: Pod): string {
  return `${pod.spec.nodeName ?? ''}|${pod.status.phase}|${isPodActive(pod)}|${isPodReady(pod)}`;
}

/** The last owner signature seen per pod key (owned by the engine, reset on restore). */
export type PodSignatures = Map<string, string>;

function routePod(ctx: SimContext, cache: SchedulerCache, signatures: PodSignatures, event: WatchEvent, pod: Pod): void {
  const { queues } = ctx;
  const deleted = event.type === 'DELETED';
  cache.observePod(event.key, deleted ? undefined : pod);
  const signature = deleted ? '' : ownerSignature(pod);
  if (signatures.get(event.key) !== signature) {
    if (deleted) signatures.delete(event.key);
    else signatures.set(event.key, signature);
    const rs = controllerKey(pod, 'ReplicaSet');
    if (rs) queues.replicaset.add(rs);
    const ds = controllerKey(pod, 'DaemonSet');
    if (ds) queues.daemonset.add(`pair:${ds}|${pod.spec.nodeName ?? pod.spec.affinityNodeName ?? ''}`);
    const sts = controllerKey(pod, 'StatefulSet');
    if (sts) queues.statefulset.add(sts);
    if (ctx.store.count('PodDisruptionBudget') > 0) for (const key of budgetsForPod(ctx, pod)) queues.disruption.add(key);
  }
  const node = pod.spec.nodeName;
  if (!node) {
    if (event.type === 'ADDED') queues.scheduling.add(event.key);
    return;
  }
  if (event.hint !== 'status') queues.kubelet.add(`${node}\u0000${event.key}`);
  if (deleted || event.hint === 'spec') queues.taintEviction.add(`pod:${event.key}`);
  if (event.type === 'ADDED') queues.taintEviction.add(`pod:${event.key}`);
  if (deleted) retryUnschedulable(ctx);
}

function routeNode(ctx: SimContext, event: WatchEvent, node: Node): void {
  if (event.hint === 'heartbeat') return;
  const name = node.metadata.name;
  const { queues } = ctx;
  queues.noScheduleTaints.add(name);
  queues.daemonset.add(`node:${name}`);
  if (event.hint === 'spec' || event.type !== 'MODIFIED') queues.taintEviction.add(`node:${name}`);
  if (event.type === 'DELETED') queues.garbage.add(node.metadata.uid);
  retryUnschedulable(ctx);
}

export function routeWatchEvent(ctx: SimContext, cache: SchedulerCache, signatures: PodSignatures, event: WatchEvent): void {
  const { queues } = ctx;
  const object = event.object;
  const deleted = event.type === 'DELETED';
  switch (object.kind) {
    case 'Pod':
      return routePod(ctx, cache, signatures, event, object);
    case 'Node':
      return routeNode(ctx, event, object);
    case 'ReplicaSet': {
      if (deleted) queues.garbage.add(object.metadata.uid);
      else if (event.hint !== 'status') queues.replicaset.add(event.key);
      const deployment = deploymentKeyOf(object as ReplicaSet);
      if (deployment) queues.deployment.add(deployment);
      return;
    }
    case 'Deployment':
      if (deleted) queues.garbage.add(object.metadata.uid);
      else if (event.hint !== 'status') queues.deployment.add(event.key);
      return;
    case 'DaemonSet':
      if (deleted) queues.garbage.add(object.metadata.uid);
      else if (event.hint !== 'status') queues.daemonset.add(`ds:${event.key}`);
      return;
    case 'StatefulSet':
      if (deleted) queues.garbage.add(object.metadata.uid);
      else if (event.hint !== 'status') queues.statefulset.add(event.key);
      return;
    case 'PodDisruptionBudget':
      if (!deleted && event.hint !== 'status') queues.disruption.add(event.key);
      return;
    default:
      return;
  }
}
