// The API server: the only way anything reads or writes cluster state. Writes go to etcd and
// fail, changing nothing, while etcd has no quorum or the control plane is down.
import type { VirtualClock } from '../engine/clock';
import { apiErrors, fieldErrors, type ApiError } from '../api/errors';
import { kindInfo } from '../api/kinds';
import { podLimit, validateObject } from './validation';
import { Rng, seedToState } from '../util/rng';
import type { AnyObject, Deployment, Kind, KindMap, KubeEvent, Namespace, ObjectMeta, Pod } from '../api/types';
import { defaultDeployment } from './deployment.validation';
import { admitPod, admitPriorityClass, immortalNamespaces, type PriorityClasses } from './admission';
import { allocateNodePorts } from './portallocator';
import { EventLog, type InvolvedObject } from './events';
import { objectKey, Store, type ChangeHint } from './store';

export type WriteResult<T> = { ok: true; value: T } | { ok: false; error: ApiError };

/** Why the API cannot take writes right now, if it cannot. */
export type ApiAvailability = 'available' | 'no-quorum' | 'unreachable';

/**
 * Kinds whose uids come from a stream of their own (seeded by the object's key and the store's
 * revision) rather than the cluster's RNG: the endpoint controllers write them for every Service,
 * and a Service added to a lab must not reshuffle its later pod names and scheduling ties.
 */
const derivedUidKinds: ReadonlySet<Kind> = new Set(['Endpoints', 'EndpointSlice']);

const keyOfDraft = (draft: { metadata: { namespace?: string; name: string } }) =>
  objectKey(draft.metadata.namespace ?? '', draft.metadata.name);

/** The resource name the API uses in messages: "pods", "deployments.apps". */
const resourceName = (kind: Kind) => kindInfo(kind).groupResource;

export type NewObject<K extends Kind> = Omit<KindMap[K], 'metadata'> & {
  metadata: Partial<ObjectMeta> & { name: string };
};

export class ApiServer {
  readonly store = new Store();
  readonly events = new EventLog();
  private readonly priorityClasses: PriorityClasses = {
    get: (name) => this.store.get('PriorityClass', name),
    list: () => this.store.list('PriorityClass'),
  };

  constructor(
    private readonly clock: VirtualClock,
    private readonly rng: Rng,
    private readonly availability: () => ApiAvailability,
    /** The Service IP allocator's next index (kept in the engine's state, so snapshots keep it). */
    private readonly nextServiceIndex: () => number,
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
    const admitted = this.admitted(draft, true, () =>
      derivedUidKinds.has(draft.kind)
        ? new Rng(seedToState(`${draft.kind}/${keyOfDraft(draft)}/${this.store.resourceVersion}`)).uid()
        : this.rng.uid(),
    );
    if (!admitted.ok) return admitted;
    const object = admitted.value;
    // The Service REST storage allocates a ClusterIP when the request names none (an ExternalName Service gets none, #121).
    if (object.kind === 'Service' && !object.spec.clusterIP && object.spec.type !== 'ExternalName')
      object.spec.clusterIP = serviceIp(this.nextServiceIndex());
    this.store.put(object, 'ADDED', 'spec');
    return { ok: true, value: object };
  }

  /**
   * What create would store (kubectl diff's dry run), written nowhere: the same checks, defaults
   * and admission, but drawing nothing from the random stream (a uid derived from the name, no
   * node ports, no ClusterIP), so a dry run leaves the simulation exactly as it was.
   */
  dryRunCreate<K extends Kind>(draft: NewObject<K>): WriteResult<KindMap[K]> {
    const copy = structuredClone(draft);
    return this.admitted(copy, false, () => new Rng(seedToState(`dry-run/${copy.kind}/${keyOfDraft(copy)}`)).uid());
  }

  /** create's checks, defaulting and admission, then the object stamped as stored; `allocate` adds node ports. */
  private admitted<K extends Kind>(draft: NewObject<K>, allocate: boolean, uid: () => string): WriteResult<KindMap[K]> {
    const blocked = this.writeError();
    if (blocked) return { ok: false, error: blocked };
    const kind = draft.kind as K;
    const namespace = draft.metadata.namespace ?? '';
    if (namespace && kind !== 'Namespace') {
      const home = this.store.get('Namespace', namespace);
      if (!home) return { ok: false, error: apiErrors.namespaceNotFound(namespace) };
      if (home.metadata.deletionTimestamp !== undefined)
        return { ok: false, error: apiErrors.namespaceTerminating(resourceName(kind), draft.metadata.name, namespace) };
    }
    if (this.store.get(kind, objectKey(namespace, draft.metadata.name))) {
      return { ok: false, error: apiErrors.alreadyExists(resourceName(kind), draft.metadata.name) };
    }
    if (draft.kind === 'Deployment') defaultDeployment(draft as unknown as Deployment);
    // Every namespace carries its own name as a label, so selectors can pick namespaces by name.
    if (draft.kind === 'Namespace')
      draft.metadata.labels = { ...draft.metadata.labels, 'kubernetes.io/metadata.name': draft.metadata.name };
    const refused =
      this.refusal(draft as unknown as AnyObject) ??
      (allocate ? this.nodePortRefusal(draft as unknown as AnyObject, undefined) : undefined);
    if (refused) return { ok: false, error: refused };
    const object = draft as unknown as KindMap[K];
    // Admission runs before anything is assigned, so a refused pod draws no uid.
    const denied =
      object.kind === 'Pod'
        ? admitPod(object, this.priorityClasses)
        : object.kind === 'PriorityClass'
          ? admitPriorityClass(object, this.priorityClasses)
          : undefined;
    if (denied) return { ok: false, error: denied };
    object.metadata = {
      namespace: '',
      labels: {},
      annotations: {},
      ownerReferences: [],
      ...draft.metadata,
      uid: uid(),
      resourceVersion: 0,
      generation: 1,
      creationTimestamp: this.clock.now(),
    };
    return { ok: true, value: object };
  }

  /** Changes a stored object in place; `reindex` marks changes to indexed fields (pod binding). */
  update<T extends AnyObject>(object: T, hint: ChangeHint, mutate: (object: T) => void, reindex = false): WriteResult<T> {
    const blocked = this.writeError();
    if (blocked) return { ok: false, error: blocked };
    if (object.kind === 'Service' && hint === 'spec') {
      // Node ports are allocated once, on the object as it would be stored; the write then copies it.
      const draft = structuredClone(object);
      mutate(draft);
      if (draft.kind === 'Service' && draft.spec.clusterIP !== object.spec.clusterIP)
        return {
          ok: false,
          error: apiErrors.invalid('Service', 'Service', object.metadata.name, [fieldErrors.clusterIPChanged(draft.spec.clusterIP)]),
        };
      const refused = this.nodePortRefusal(draft, object);
      if (refused) return { ok: false, error: refused };
      const userMutate = mutate;
      mutate = (target) => {
        userMutate(target);
        if (target.kind === 'Service' && draft.kind === 'Service') target.spec.ports = draft.spec.ports;
      };
    }
    if (validatesUpdate(object, hint)) {
      // Validation sees the object as it would be stored; a refused update leaves it untouched.
      const draft = structuredClone(object);
      mutate(draft);
      if (draft.kind === 'Deployment') defaultDeployment(draft);
      const refused = this.refusal(draft);
      if (refused) return { ok: false, error: refused };
    }
    if (hint === 'spec') object.metadata.generation++;
    if (reindex) this.store.touch(object, hint, () => mutate(object));
    else {
      mutate(object);
      if (object.kind === 'Deployment' && hint === 'spec') defaultDeployment(object);
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
    if (!object) return { ok: false, error: apiErrors.notFound(resourceName(kind), name) };
    if (object.kind === 'Namespace') return this.deleteNamespace(object);
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

  /**
   * A namespace is not removed at once: it keeps the `kubernetes` finalizer, turns Terminating,
   * and goes once the namespace controller has emptied it (controllers/namespace.ts).
   */
  private deleteNamespace(namespace: Namespace): WriteResult<AnyObject> {
    if (immortalNamespaces.has(namespace.metadata.name)) return { ok: false, error: apiErrors.immortalNamespace(namespace.metadata.name) };
    if (namespace.metadata.name === 'kube-node-lease') return { ok: false, error: apiErrors.leaseNamespaceKept() };
    if (namespace.metadata.deletionTimestamp === undefined) {
      namespace.metadata.deletionTimestamp = this.clock.now();
      this.store.touch(namespace, 'metadata');
    }
    return { ok: true, value: namespace };
  }

  /** The namespace's `finalize` call once it is empty: it goes, and the events recorded in it with it. */
  finalizeNamespace(name: string): WriteResult<AnyObject> {
    const blocked = this.writeError();
    if (blocked) return { ok: false, error: blocked };
    const removed = this.store.remove('Namespace', name);
    if (!removed) return { ok: false, error: apiErrors.namespaceNotFound(name) };
    this.events.dropNamespace(name);
    return { ok: true, value: removed };
  }

  /** Records an event; like any write it is lost while the API cannot write. */
  record(object: InvolvedObject, type: KubeEvent['type'], reason: string, message: string, source: string): void {
    if (!this.canWrite()) return;
    this.events.record(this.clock.now(), object, type, reason, message, source);
  }

  /** Validation and the simulator's limits: why this object may not be stored, if it may not. */
  private refusal(object: AnyObject): ApiError | undefined {
    const max = podLimit(this.store.count('Node'));
    if (object.kind === 'Pod' && !this.store.get('Pod', objectKey(object.metadata.namespace ?? '', object.metadata.name))) {
      if (this.store.count('Pod') >= max) return apiErrors.tooManyPods(object.metadata.name, max);
    }
    const causes = validateObject(object, max);
    if (causes.length === 0) return undefined;
    const info = kindInfo(object.kind);
    return apiErrors.invalid(object.kind, `${object.kind}${info.group ? `.${info.group}` : ''}`, object.metadata.name, causes);
  }

  /** Allocates a Service's node ports in place, or refuses them (422, like validation). */
  private nodePortRefusal(object: AnyObject, previous: AnyObject | undefined): ApiError | undefined {
    if (object.kind !== 'Service') return undefined;
    const causes = allocateNodePorts(object, previous?.kind === 'Service' ? previous : undefined, this.store.list('Service'), this.rng);
    return causes.length > 0 ? apiErrors.invalid('Service', 'Service', object.metadata.name, causes) : undefined;
  }

  private needsGracefulDeletion(pod: Pod, gracePeriodSeconds: number | undefined): boolean {
    if (gracePeriodSeconds === 0) return false;
    if (!pod.spec.nodeName) return false;
    return pod.status.phase !== 'Succeeded' && pod.status.phase !== 'Failed';
  }
}

/** The allocator's index n as an address in 10.96.0.0/12, skipping .0 and .1 of each /24. */
function serviceIp(n: number): string {
  return `10.96.${Math.floor(n / 250)}.${(n % 250) + 2}`;
}

/** Kinds only components write (the kubelet's Lease, the endpoint controllers' objects). */
const controllerWrittenKinds: ReadonlySet<Kind> = new Set(['Lease', 'Endpoints', 'EndpointSlice']);

/**
 * Writes validation looks at: everything a user can send. Status writes and the scheduler's
 * bindings come from components that cannot make an object invalid, and are the hot path.
 */
function validatesUpdate(object: AnyObject, hint: ChangeHint): boolean {
  if (hint === 'status' || hint === 'heartbeat') return false;
  return !(object.kind === 'Pod' && hint === 'spec') && !controllerWrittenKinds.has(object.kind);
}

export function involved(object: AnyObject): InvolvedObject {
  return { kind: object.kind, name: object.metadata.name, namespace: object.metadata.namespace };
}
