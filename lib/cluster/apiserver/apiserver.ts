// The API server: the only way anything reads or writes cluster state. Writes go to etcd and
// fail, changing nothing, while etcd has no quorum or the control plane is down.
import type { VirtualClock } from '../engine/clock';
import { apiErrors, type ApiError } from '../api/errors';
import type { Rng } from '../util/rng';
import type { AnyObject, Kind, KindMap, KubeEvent, ObjectMeta, Pod } from '../api/types';
import { admitPod } from './admission';
import { EventLog, type InvolvedObject } from './events';
import { objectKey, Store, type ChangeHint } from './store';

export type WriteResult<T> = { ok: true; value: T } | { ok: false; error: ApiError };

/** Why the API cannot take writes right now, if it cannot. */
export type ApiAvailability = 'available' | 'no-quorum' | 'unreachable';

/** The resource names kubectl and the API use in messages. */
export const resourceNames: Record<Kind, string> = {
  Node: 'nodes',
  Pod: 'pods',
  Deployment: 'deployments.apps',
  ReplicaSet: 'replicasets.apps',
  DaemonSet: 'daemonsets.apps',
  StatefulSet: 'statefulsets.apps',
  Service: 'services',
  PodDisruptionBudget: 'poddisruptionbudgets.policy',
  Lease: 'leases.coordination.k8s.io',
  Namespace: 'namespaces',
};

export type NewObject<K extends Kind> = Omit<KindMap[K], 'metadata'> & {
  metadata: Partial<ObjectMeta> & { name: string };
};

export class ApiServer {
  readonly store = new Store();
  readonly events = new EventLog();

  constructor(
    private readonly clock: VirtualClock,
    private readonly rng: Rng,
    private readonly availability: () => ApiAvailability,
  ) {}

  now(): number {
    return this.clock.now();
  }

  /** The error every write gets right now, or undefined when writes are accepted. */
  writeError(): ApiError | undefined {
    const state = this.availability();
    if (state === 'available') return undefined;
    return apiErrors.noQuorum();
  }

  /**
   * The error every read gets right now. The API server's reads are quorum (linearizable) reads,
   * so without an etcd quorum they time out like writes; running pods are not affected (#27).
   */
  readError(): ApiError | undefined {
    return this.writeError();
  }

  canWrite(): boolean {
    return this.availability() === 'available';
  }

  get<K extends Kind>(kind: K, namespace: string, name: string): KindMap[K] | undefined {
    return this.store.get(kind, objectKey(namespace, name));
  }

  create<K extends Kind>(draft: NewObject<K>): WriteResult<KindMap[K]> {
    const blocked = this.writeError();
    if (blocked) return { ok: false, error: blocked };
    const kind = draft.kind as K;
    const namespace = draft.metadata.namespace ?? '';
    if (namespace && kind !== 'Namespace' && !this.store.get('Namespace', namespace)) {
      return { ok: false, error: apiErrors.namespaceNotFound(namespace) };
    }
    if (this.store.get(kind, objectKey(namespace, draft.metadata.name))) {
      return { ok: false, error: apiErrors.alreadyExists(resourceNames[kind], draft.metadata.name) };
    }
    const object = draft as unknown as KindMap[K];
    object.metadata = {
      namespace: '',
      labels: {},
      annotations: {},
      ownerReferences: [],
      ...draft.metadata,
      uid: this.rng.uid(),
      resourceVersion: 0,
      generation: 1,
      creationTimestamp: this.clock.now(),
    };
    if (object.kind === 'Pod') admitPod(object);
    this.store.put(object, 'ADDED', 'spec');
    return { ok: true, value: object };
  }

  /** Changes a stored object in place; `reindex` marks changes to indexed fields (pod binding). */
  update<T extends AnyObject>(object: T, hint: ChangeHint, mutate: (object: T) => void, reindex = false): WriteResult<T> {
    const blocked = this.writeError();
    if (blocked) return { ok: false, error: blocked };
    if (hint === 'spec') object.metadata.generation++;
    if (reindex) this.store.touch(object, hint, () => mutate(object));
    else {
      mutate(object);
      this.store.touch(object, hint);
    }
    return { ok: true, value: object };
  }

  /**
   * Deletes an object. A pod bound to a node is only marked (deletionTimestamp) until its kubelet
   * confirms, unless the grace period is 0; everything else goes at once.
   */
  delete(kind: Kind, namespace: string, name: string, gracePeriodSeconds?: number): WriteResult<AnyObject> {
    const blocked = this.writeError();
    if (blocked) return { ok: false, error: blocked };
    const key = objectKey(namespace, name);
    const object = this.store.get(kind, key);
    if (!object) return { ok: false, error: apiErrors.notFound(resourceNames[kind], name) };
    if (object.kind === 'Pod' && this.needsGracefulDeletion(object, gracePeriodSeconds)) {
      const grace = gracePeriodSeconds ?? object.spec.terminationGracePeriodSeconds;
      const deadline = this.clock.now() + grace * 1000;
      if (object.metadata.deletionTimestamp !== undefined && object.metadata.deletionTimestamp <= deadline)
        return { ok: true, value: object };
      object.metadata.deletionTimestamp = deadline;
      object.metadata.deletionGracePeriodSeconds = grace;
      this.store.touch(object, 'metadata');
      return { ok: true, value: object };
    }
    this.store.remove(kind, key);
    return { ok: true, value: object };
  }

  /** Records an event; like any write it is lost while the API cannot write. */
  record(object: InvolvedObject, type: KubeEvent['type'], reason: string, message: string, source: string): void {
    if (!this.canWrite()) return;
    this.events.record(this.clock.now(), object, type, reason, message, source);
  }

  private needsGracefulDeletion(pod: Pod, gracePeriodSeconds: number | undefined): boolean {
    if (gracePeriodSeconds === 0) return false;
    if (!pod.spec.nodeName) return false;
    return pod.status.phase !== 'Succeeded' && pod.status.phase !== 'Failed';
  }
}

export function involved(object: AnyObject): InvolvedObject {
  return { kind: object.kind, name: object.metadata.name, namespace: object.metadata.namespace };
}
