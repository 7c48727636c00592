// The one write path of controllers, the scheduler and kubelets: like client-go's kubeClient,
// create, update, delete and record an event. The API server implements it; tests use a
// recording fake (tests/cluster/support/recording-client.ts) to pin one controller's decisions.
import type { NewObject, WriteResult } from '../apiserver/apiserver';
import type { InvolvedObject } from '../apiserver/events';
import type { ChangeHint } from '../apiserver/store';
import type { AnyObject, Kind, KindMap, KubeEvent } from '../api/types';

export interface KubeClient {
  create<K extends Kind>(draft: NewObject<K>): WriteResult<KindMap[K]>;
  /** Changes a stored object through `mutate`; `reindex` marks changes to indexed fields (pod binding). */
  update<T extends AnyObject>(object: T, hint: ChangeHint, mutate: (object: T) => void, reindex?: boolean): WriteResult<T>;
  delete(kind: Kind, namespace: string, name: string, gracePeriodSeconds?: number): WriteResult<AnyObject>;
  /** Removes an emptied namespace's `kubernetes` finalizer, which lets it go (the namespace controller's last step). */
  finalizeNamespace(name: string): WriteResult<AnyObject>;
  /** Records an event; lost (like any write) while the API cannot write. */
  record(object: InvolvedObject, type: KubeEvent['type'], reason: string, message: string, source: string): void;
}
