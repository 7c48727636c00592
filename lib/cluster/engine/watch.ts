// Watch handlers: like informer event handlers, they only work out which keys are affected and
// queue them for the controllers (the real work happens in each controller's sync).
import type { WatchEvent } from '../apiserver/store';
import type { SimContext } from './context';
import { deploymentKeyOf } from '../controllers/deployment';
import { budgetsForPod } from '../controllers/disruption';
import { podFlags, type OwnerPodCounts } from '../controllers/podcounts';
import { controllerOf } from '../controllers/podutil';
import { namespaceTerminating } from '../controllers/namespace';
import { enqueueAfter } from '../controllers/requeue';
import { apiServerReconcileIntervalMs, apiServerService } from '../apiserver/reconciler';

const apiServerKey = `${apiServerService.namespace}/${apiServerService.name}`;
import type { SchedulerCache } from '../scheduler/cache';
import { isSelectorKind } from '../scheduler/spreadselectors';
import { retryPeerWaiters, retryUnschedulable } from '../scheduler/scheduler';
import type { EndpointSlice, Node, Pod, ReplicaSet, Service } from '../api/types';
import type { PodSource, ServicePods } from '../controllers/servicepods';
import { serviceNameLabel } from '../controllers/endpointslice';

/** What a pod's owners care about, as last seen; a change that leaves it alone (a pull starting) wakes nobody. */
interface OwnerSignature {
  node: string | undefined;
  phase: string;
  flags: number;
}

/** The last owner signature seen per pod key (owned by the engine, reset on restore). */
export type PodSignatures = Map<string, OwnerSignature>;

/** Indexes the watch handlers keep up to date for the scheduler and the controllers. */
export interface WatchIndexes {
  cache: SchedulerCache;
  signatures: PodSignatures;
  podCounts: OwnerPodCounts;
  servicePods: ServicePods;
}

/** Whether the pod's owners must look again; remembers what they will see. */
function ownersMustLook(signatures: PodSignatures, key: string, pod: Pod, deleted: boolean, flags: number): boolean {
  if (deleted) {
    signatures.delete(key);
    return true;
  }
  const seen = signatures.get(key);
  if (!seen) {
    signatures.set(key, { node: pod.spec.nodeName, phase: pod.status.phase, flags });
    return true;
  }
  if (seen.node === pod.spec.nodeName && seen.phase === pod.status.phase && seen.flags === flags) return false;
  seen.node = pod.spec.nodeName;
  seen.phase = pod.status.phase;
  seen.flags = flags;
  return true;
}

function routePod(ctx: SimContext, indexes: WatchIndexes, event: WatchEvent, pod: Pod): void {
  const { queues } = ctx;
  const deleted = event.type === 'DELETED';
  indexes.cache.observePod(event.key, deleted ? undefined : pod);
  const flags = deleted ? 0 : podFlags(pod);
  indexes.podCounts.observe(event.key, deleted ? undefined : pod, flags);
  for (const service of indexes.servicePods.observePod(event.key, deleted ? undefined : pod)) {
    queues.endpoints.add(service);
    queues.endpointSlice.add(service);
  }
  if (ownersMustLook(indexes.signatures, event.key, pod, deleted, flags)) {
    const owner = controllerOf(pod);
    if (owner) {
      const key = ctx.listers.keyOfUid(owner.uid) ?? (pod.metadata.namespace ? `${pod.metadata.namespace}/${owner.name}` : owner.name);
      if (owner.kind === 'ReplicaSet') {
        queues.replicaset.add(key);
        if (deleted) recreateWaitsFor(ctx, key);
      } else if (owner.kind === 'DaemonSet')
        queues.daemonset.add({ kind: 'Pod', daemonSet: key, node: pod.spec.nodeName ?? pod.spec.affinityNodeName ?? '' });
      else if (owner.kind === 'StatefulSet') queues.statefulset.add(key);
    }
    if (ctx.listers.count('PodDisruptionBudget') > 0) for (const key of budgetsForPod(ctx, pod)) queues.disruption.add(key);
  }
  const node = pod.spec.nodeName;
  if (!node) {
    if (event.type === 'ADDED') queues.scheduling.add(event.key);
    return;
  }
  if (event.hint !== 'status') queues.kubelet.add({ node, pod: event.key });
  if (event.type === 'ADDED' || event.hint === 'spec') retryPeerWaiters(ctx);
  // The taint eviction controller only looks at pods on nodes with NoExecute taints, or with an
  // eviction pending (handlePodUpdate returns early for untainted nodes).
  if ((deleted || event.hint === 'spec' || event.type === 'ADDED') && mayBeEvicted(ctx, node, event.key)) {
    queues.taintEviction.add({ kind: 'Pod', pod: event.key });
  }
  if (deleted) retryUnschedulable(ctx);
}

/** The deployment controller's deletePod: a Recreate rollout waits for its old pods to be gone. */
function recreateWaitsFor(ctx: SimContext, replicaSetKey: string): void {
  const rs = ctx.listers.get('ReplicaSet', replicaSetKey);
  const deployment = rs && deploymentKeyOf(rs);
  if (deployment && ctx.listers.get('Deployment', deployment)?.spec.strategy?.type === 'Recreate') ctx.queues.deployment.add(deployment);
}

function mayBeEvicted(ctx: SimContext, nodeName: string, podKey: string): boolean {
  if (ctx.state.evictions[podKey] !== undefined) return true;
  const node = ctx.listers.get('Node', nodeName);
  return node?.spec.taints.some((taint) => taint.effect === 'NoExecute') ?? false;
}

function routeNode(ctx: SimContext, event: WatchEvent, node: Node): void {
  if (event.hint === 'heartbeat') return;
  const name = node.metadata.name;
  const { queues } = ctx;
  queues.noScheduleTaints.add(name);
  queues.daemonset.add({ kind: 'Node', node: name });
  if (event.hint === 'spec' || event.type !== 'MODIFIED') queues.taintEviction.add({ kind: 'Node', node: name });
  if (event.type === 'DELETED') queues.garbage.add(node.metadata.uid);
  retryUnschedulable(ctx);
}

export function routeWatchEvent(ctx: SimContext, indexes: WatchIndexes, event: WatchEvent): void {
  const { queues } = ctx;
  const object = event.object;
  const deleted = event.type === 'DELETED';
  if (isSelectorKind(event.kind)) indexes.cache.spreadSelectors.observe(event as WatchEvent & { kind: typeof event.kind });
  // The namespace controller empties a Terminating namespace: each object gone may be its last.
  const namespace = object.metadata.namespace;
  if (deleted && namespace && namespaceTerminating(ctx, namespace)) queues.namespace.add(namespace);
  if (
    deleted &&
    event.key === apiServerKey &&
    (object.kind === 'Service' || object.kind === 'Endpoints' || object.kind === 'EndpointSlice')
  )
    enqueueAfter(ctx, 'apiServer', apiServerService.name, apiServerReconcileIntervalMs);
  switch (object.kind) {
    case 'Namespace':
      if (!deleted && object.metadata.deletionTimestamp !== undefined) queues.namespace.add(object.metadata.name);
      return;
    case 'Pod':
      routePod(ctx, indexes, event, object);
      return;
    case 'Node':
      routeNode(ctx, event, object);
      return;
    case 'ReplicaSet': {
      if (event.hint !== 'status') indexes.cache.defaultSelectors.clear();
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
      else if (event.hint !== 'status') queues.daemonset.add({ kind: 'DaemonSet', daemonSet: event.key });
      return;
    case 'StatefulSet':
      if (event.hint !== 'status') indexes.cache.defaultSelectors.clear();
      if (deleted) queues.garbage.add(object.metadata.uid);
      else if (event.hint !== 'status') queues.statefulset.add(event.key);
      return;
    case 'PodDisruptionBudget':
      if (!deleted && event.hint !== 'status') queues.disruption.add(event.key);
      return;
    case 'Service':
      // The scheduler's default spreading selects a pod's siblings by the Services that select it.
      if (event.hint !== 'status') indexes.cache.defaultSelectors.clear();
      routeService(ctx, indexes, event, object);
      return;
    case 'EndpointSlice':
      routeEndpointSlice(ctx, event, object);
      return;
    case 'Endpoints':
      // onEndpointsDelete: an Endpoints object someone deleted is written again.
      if (deleted) queues.endpoints.add(event.key);
      return;
    default:
      return;
  }
}

/** The endpoint controllers and kube-proxy watch Services; the garbage collector takes their slices. */
function routeService(ctx: SimContext, indexes: WatchIndexes, event: WatchEvent, service: Service): void {
  const deleted = event.type === 'DELETED';
  if (deleted) ctx.queues.garbage.add(service.metadata.uid);
  // Only the spec (the selector) changes which pods a Service has; its labels only reach its slices.
  if (event.hint === 'spec') {
    indexes.servicePods.observeService(event.key, deleted ? undefined : service, podSource(ctx));
  }
  ctx.queues.endpoints.add(event.key);
  ctx.queues.endpointSlice.add(event.key);
  ctx.queues.proxy.add(event.key);
}

/** The stored pods, for the Services' index. */
export const podSource = (ctx: Pick<SimContext, 'listers'>): PodSource => ({
  *entries() {
    for (const pod of ctx.listers.list('Pod')) yield [ctx.listers.keyFor(pod), pod];
  },
  get: (key) => ctx.listers.get('Pod', key),
});

/**
 * kube-proxy's EndpointSlice handler: the Service the slice belongs to gets its rules recomputed.
 * The EndpointSlice controller's own handler puts back a slice someone deleted.
 */
function routeEndpointSlice(ctx: SimContext, event: WatchEvent, slice: EndpointSlice): void {
  const service = slice.metadata.labels[serviceNameLabel];
  if (!service) return;
  const key = `${slice.metadata.namespace}/${service}`;
  ctx.queues.proxy.add(key);
  if (event.type === 'DELETED') ctx.queues.endpointSlice.add(key);
}
