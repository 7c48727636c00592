// A controller's world in a test: listers over a store holding the given objects, and a client
// that records every call instead of writing (like client-go's fake clientset and upstream's
// FakePodControl). One sync then shows exactly what a controller decided, without a cluster.
import type { NewObject, WriteResult } from '@/lib/cluster/apiserver/apiserver';
import type { InvolvedObject } from '@/lib/cluster/apiserver/events';
import { Store, type ChangeHint } from '@/lib/cluster/apiserver/store';
import type { ApiError } from '@/lib/cluster/api/errors';
import type { AnyObject, Kind, KindMap, KubeEvent, ObjectMeta, Pod, PodTemplate } from '@/lib/cluster/api/types';
import { OwnerPodCounts } from '@/lib/cluster/controllers/podcounts';
import type { KubeClient } from '@/lib/cluster/engine/client';
import { VirtualClock } from '@/lib/cluster/engine/clock';
import type { SimContext } from '@/lib/cluster/engine/context';
import { WorkQueues } from '@/lib/cluster/engine/queues';
import { emptySimState } from '@/lib/cluster/engine/state';
import { Rng } from '@/lib/cluster/util/rng';

export type ClientCall =
  | { verb: 'create'; kind: Kind; name: string; object: AnyObject }
  | { verb: 'update'; kind: Kind; name: string; hint: ChangeHint }
  | { verb: 'delete'; kind: Kind; name: string }
  | { verb: 'finalize'; kind: 'Namespace'; name: string }
  | { verb: 'event'; kind: string; name: string; type: KubeEvent['type']; reason: string; message: string };

export class RecordingClient implements KubeClient {
  readonly calls: ClientCall[] = [];
  /** Creates answered with this error (an API server that refuses, e.g. a full cluster). */
  refuseCreates: ApiError | undefined;
  private nextUid = 1;

  create<K extends Kind>(draft: NewObject<K>): WriteResult<KindMap[K]> {
    if (this.refuseCreates) return { ok: false, error: this.refuseCreates };
    const object = {
      ...draft,
      metadata: meta(draft.metadata.name, { ...draft.metadata, uid: `created-${this.nextUid++}` }),
    } as unknown as KindMap[K];
    this.calls.push({ verb: 'create', kind: draft.kind as K, name: draft.metadata.name, object });
    return { ok: true, value: object };
  }

  update<T extends AnyObject>(object: T, hint: ChangeHint, mutate: (object: T) => void): WriteResult<T> {
    const copy = structuredClone(object);
    mutate(copy);
    this.calls.push({ verb: 'update', kind: object.kind, name: object.metadata.name, hint });
    return { ok: true, value: copy };
  }

  delete(kind: Kind, _namespace: string, name: string): WriteResult<AnyObject> {
    this.calls.push({ verb: 'delete', kind, name });
    return { ok: true, value: { kind, metadata: meta(name) } as AnyObject };
  }

  finalizeNamespace(name: string): WriteResult<AnyObject> {
    this.calls.push({ verb: 'finalize', kind: 'Namespace', name });
    return { ok: true, value: { kind: 'Namespace', metadata: meta(name) } as AnyObject };
  }

  record(object: InvolvedObject, type: KubeEvent['type'], reason: string, message: string): void {
    this.calls.push({ verb: 'event', kind: object.kind, name: object.name, type, reason, message });
  }

  of<V extends ClientCall['verb']>(verb: V): Extract<ClientCall, { verb: V }>[] {
    return this.calls.filter((call): call is Extract<ClientCall, { verb: V }> => call.verb === verb);
  }
}

export function meta(name: string, extra: Partial<ObjectMeta> = {}): ObjectMeta {
  return {
    name,
    namespace: 'default',
    uid: `uid-${name}`,
    resourceVersion: 1,
    generation: 1,
    creationTimestamp: 0,
    labels: {},
    annotations: {},
    ownerReferences: [],
    ...extra,
  };
}

export function podTemplate(labels: Record<string, string>): PodTemplate {
  return {
    metadata: { labels, annotations: {} },
    spec: {
      containers: [{ name: 'app', image: 'nginx:1.27', requests: { cpu: 0, memory: 0 }, ports: [] }],
      nodeSelector: {},
      tolerations: [],
      terminationGracePeriodSeconds: 30,
      volumes: [],
      hostNetwork: false,
    },
  };
}

/** A pod of `owner`, Running and Ready on `node` unless `overrides` say otherwise. */
export function ownedPod(owner: AnyObject, name: string, node = 'worker-1', overrides: Partial<ObjectMeta> = {}): Pod {
  return {
    kind: 'Pod',
    metadata: meta(name, {
      labels: { app: owner.metadata.name },
      ownerReferences: [{ kind: owner.kind, name: owner.metadata.name, uid: owner.metadata.uid, controller: true }],
      ...overrides,
    }),
    spec: { ...podTemplate({}).spec, nodeName: node },
    status: {
      phase: 'Running',
      conditions: [{ type: 'Ready', status: 'True', reason: '', message: '', lastTransitionTime: 0 }],
      containerStatuses: [],
    },
  };
}

export interface ControllerWorld {
  ctx: SimContext;
  client: RecordingClient;
}

/** Listers over `objects`, the recording client, and the rest of a component's context at t=`now`. */
export function controllerWorld(objects: AnyObject[], now = 0): ControllerWorld {
  const store = new Store();
  store.load(objects, objects.length);
  const podCounts = new OwnerPodCounts();
  podCounts.rebuild([...store.list('Pod')].map((pod) => [store.keyFor(pod), pod]));
  const clock = new VirtualClock();
  clock.load({ now, nextId: 1, nextSeq: 1, timers: [] });
  const client = new RecordingClient();
  const ctx: SimContext = {
    listers: store,
    client,
    clock,
    rng: new Rng(1),
    state: emptySimState(),
    queues: new WorkQueues(),
    bootstrapping: false,
    schedule: (task, delayMs) => clock.schedule(task, delayMs),
    podCounts: (uid) => podCounts.of(uid),
    activePodsOnNode: (uid, node) => podCounts.activeOnNode(uid, node),
    nodes: () => [...store.list('Node')],
    kubeletRunning: () => true,
    nodeStatusOverwritten: () => {},
    nodesQueuedForTainting: () => {},
  };
  return { ctx, client };
}
