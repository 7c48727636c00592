// The garbage collector: when an owner is deleted, its dependents go too (background cascade).
import type { SimContext } from '../engine/context';

export function collectDependents(ctx: SimContext, ownerUid: string): void {
  for (const rs of ctx.listers.dependentsOf(ownerUid, 'ReplicaSet'))
    ctx.client.delete('ReplicaSet', rs.metadata.namespace, rs.metadata.name);
  for (const slice of ctx.listers.dependentsOf(ownerUid, 'EndpointSlice'))
    ctx.client.delete('EndpointSlice', slice.metadata.namespace, slice.metadata.name);
  for (const pod of ctx.listers.dependentsOf(ownerUid, 'Pod')) {
    if (pod.metadata.deletionTimestamp === undefined) ctx.client.delete('Pod', pod.metadata.namespace, pod.metadata.name);
  }
}
