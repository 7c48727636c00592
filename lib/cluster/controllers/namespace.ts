// The namespace controller (pkg/controller/namespace/deletion, namespaced_resources_deleter.go):
// a namespace being deleted (Terminating: the API server keeps it for its `kubernetes`
// finalizer) is emptied of every namespaced object, pods by their grace period and the rest at
// once. Once nothing is left, the finalizer is removed and the namespace goes. Upstream checks
// again after the longest grace period still running; here the deletion of anything in the
// namespace wakes it, so it goes the moment it is empty.
import { kindInfo, storedKinds } from '../api/kinds';
import type { Kind } from '../api/types';
import type { SimContext } from '../engine/context';

const namespacedKinds: readonly Kind[] = storedKinds.filter((kind) => kindInfo(kind).namespaced);

/** Whether a namespace is being deleted (its objects' deletions then concern the namespace controller). */
export const namespaceTerminating = (ctx: Pick<SimContext, 'listers'>, name: string) =>
  ctx.listers.get('Namespace', name)?.metadata.deletionTimestamp !== undefined;

export function syncNamespace(ctx: SimContext, name: string): void {
  if (!namespaceTerminating(ctx, name)) return;
  let remaining = 0;
  for (const kind of namespacedKinds) {
    // Deleting changes the collection: the namespace's objects are listed first.
    const inNamespace = [...ctx.listers.list(kind)].filter((object) => object.metadata.namespace === name);
    for (const object of inNamespace) {
      if (object.metadata.deletionTimestamp === undefined) ctx.client.delete(kind, name, object.metadata.name);
      if (ctx.listers.get(kind, `${name}/${object.metadata.name}`)) remaining++;
    }
  }
  if (remaining === 0) ctx.client.finalizeNamespace(name);
}
