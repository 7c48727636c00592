// The garbage collector: when an owner is deleted, its dependents go too (background cascade).
import type { SimContext } from '../engine/context';

export function collectDependents(ctx: SimContext, ownerUid: string): void {
  for (const rs of ctx.store.dependentsOf(ownerUid, 'ReplicaSet')) ctx.api.delete('ReplicaSet', rs.metadata.namespace, rs.metadata.name);
  for (const pod of ctx.store.dependentsOf(ownerUid, 'Pod')) {
    if (pod.metadata.deletionTimestamp === undefined) ctx.api.delete('Pod', pod.metadata.namespace, pod.metadata.name);
  }
}
