import type {
  AnyObject,
  EndpointAddress,
  EndpointPort,
  EndpointSlice,
  EndpointTarget,
  Endpoints,
  KubeEvent,
  ObjectMeta,
} from '../../api/types';
import { defaults } from '../../engine/config';
import type { Engine } from '../../engine/engine';
import { imageRef } from '../../node/containers';
import { formatCpu, formatMemory } from '../../util/quantity';
import { imageSize } from '../../registry/registry';

import { compact, isoTime, microTime, nonEmpty, type JsonObject } from './json';
import { namespacePhase } from '../status';
import { taint, podSpec, condition, podStatus, template, selector } from './pod';

export { isoTime, type Json, type JsonObject } from './json';

const apiVersions: Record<string, string> = {
  Pod: 'v1',
  Node: 'v1',
  Service: 'v1',
  Namespace: 'v1',
  Event: 'v1',
  Deployment: 'apps/v1',
  ReplicaSet: 'apps/v1',
  DaemonSet: 'apps/v1',
  StatefulSet: 'apps/v1',
  PodDisruptionBudget: 'policy/v1',
  Lease: 'coordination.k8s.io/v1',
  Endpoints: 'v1',
  EndpointSlice: 'discovery.k8s.io/v1',
  PriorityClass: 'scheduling.k8s.io/v1',
};

export const apiVersionOf = (kind: string) => apiVersions[kind] ?? 'v1';

/** Kinds whose spec changes bump metadata.generation (the others leave it unset). */
const generational = new Set(['Deployment', 'ReplicaSet', 'DaemonSet', 'StatefulSet', 'PodDisruptionBudget', 'EndpointSlice']);

function metadata(meta: ObjectMeta, namespaced: boolean, kind: string): JsonObject {
  const generated = /^(.*-)[a-z0-9]{5}$/.exec(meta.name);
  const owner = meta.ownerReferences.find((ref) => ref.controller);
  return compact({
    annotations: nonEmpty(meta.annotations),
    creationTimestamp: isoTime(meta.creationTimestamp),
    deletionGracePeriodSeconds: meta.deletionGracePeriodSeconds,
    deletionTimestamp: meta.deletionTimestamp !== undefined ? isoTime(meta.deletionTimestamp) : undefined,
    generateName: owner && generated && owner.kind !== 'Node' ? generated[1] : undefined,
    generation: generational.has(kind) && meta.generation > 0 ? meta.generation : undefined,
    labels: nonEmpty(meta.labels),
    name: meta.name,
    namespace: namespaced ? meta.namespace : undefined,
    ownerReferences:
      meta.ownerReferences.length > 0
        ? meta.ownerReferences.map((ref) => ({
            apiVersion: apiVersionOf(ref.kind),
            blockOwnerDeletion: true,
            controller: ref.controller,
            kind: ref.kind,
            name: ref.name,
            uid: ref.uid,
          }))
        : undefined,
    resourceVersion: String(meta.resourceVersion),
    uid: meta.uid,
  });
}

function specAndStatus(object: AnyObject, engine: Engine): { spec?: JsonObject; status?: JsonObject } {
  switch (object.kind) {
    case 'Pod':
      return { spec: podSpec(object.spec), status: podStatus(object) };
    case 'Node': {
      const { status, spec } = object;
      const list = (r: typeof status.capacity) => ({
        cpu: formatCpu(r.cpu),
        'ephemeral-storage': '61202244Ki',
        memory: formatMemory(r.memory),
        pods: String(r.pods),
      });
      const images = new Set(engine.state.runtimes[object.metadata.name]?.images ?? []);
      return {
        spec: compact({
          podCIDR: spec.podCIDR,
          podCIDRs: [spec.podCIDR],
          taints: spec.taints.length > 0 ? spec.taints.map(taint) : undefined,
          unschedulable: spec.unschedulable || undefined,
        }),
        status: compact({
          addresses: [
            { address: status.internalIP, type: 'InternalIP' },
            { address: object.metadata.name, type: 'Hostname' },
          ],
          allocatable: list(status.allocatable),
          capacity: list(status.capacity),
          conditions: status.conditions.map((c) => condition(c, false)),
          daemonEndpoints: { kubeletEndpoint: { Port: 10250 } },
          images:
            images.size > 0
              ? [...images].map((image) => ({ names: [imageRef(image), image], sizeBytes: imageSize(engine.state.registry, image) }))
              : undefined,
          nodeInfo: {
            architecture: 'amd64',
            bootID: object.metadata.uid,
            containerRuntimeVersion: `containerd://${defaults.nodeSystem.containerdVersion}`,
            kernelVersion: defaults.nodeSystem.kernelVersion,
            kubeProxyVersion: defaults.kubernetesVersion,
            kubeletVersion: defaults.kubernetesVersion,
            machineID: object.metadata.uid.replaceAll('-', ''),
            operatingSystem: 'linux',
            osImage: defaults.nodeSystem.osImage,
            systemUUID: object.metadata.uid,
          },
        }),
      };
    }
    case 'Deployment':
      return {
        spec: compact({
          minReadySeconds: object.spec.minReadySeconds || undefined,
          paused: object.spec.paused || undefined,
          progressDeadlineSeconds: object.spec.progressDeadlineSeconds,
          replicas: object.spec.replicas,
          revisionHistoryLimit: object.spec.revisionHistoryLimit,
          selector: selector(object.spec.selector),
          strategy: object.spec.strategy
            ? compact({ rollingUpdate: object.spec.strategy.rollingUpdate, type: object.spec.strategy.type })
            : undefined,
          template: template(object.spec.template),
        }),
        status: compact({
          availableReplicas: object.status.availableReplicas || undefined,
          conditions: object.status.conditions?.length ? object.status.conditions.map((c) => condition(c, false)) : undefined,
          observedGeneration: object.status.observedGeneration,
          readyReplicas: object.status.readyReplicas || undefined,
          replicas: object.status.replicas || undefined,
          unavailableReplicas: object.status.unavailableReplicas || undefined,
          updatedReplicas: object.status.updatedReplicas || undefined,
        }),
      };
    case 'ReplicaSet':
      return {
        spec: compact({
          minReadySeconds: object.spec.minReadySeconds || undefined,
          replicas: object.spec.replicas,
          selector: selector(object.spec.selector),
          template: template(object.spec.template),
        }),
        status: compact({
          availableReplicas: object.status.availableReplicas || undefined,
          fullyLabeledReplicas: object.status.replicas || undefined,
          observedGeneration: object.metadata.generation,
          readyReplicas: object.status.readyReplicas || undefined,
          replicas: object.status.replicas,
        }),
      };
    case 'DaemonSet':
      return {
        spec: {
          revisionHistoryLimit: 10,
          selector: selector(object.spec.selector),
          template: template(object.spec.template),
          updateStrategy: { rollingUpdate: { maxSurge: 0, maxUnavailable: 1 }, type: 'RollingUpdate' },
        },
        status: {
          currentNumberScheduled: object.status.currentNumberScheduled,
          desiredNumberScheduled: object.status.desiredNumberScheduled,
          numberAvailable: object.status.numberAvailable,
          numberMisscheduled: 0,
          numberReady: object.status.numberReady,
          observedGeneration: object.metadata.generation,
          updatedNumberScheduled: object.status.updatedNumberScheduled,
        },
      };
    case 'StatefulSet':
      return {
        spec: {
          podManagementPolicy: 'OrderedReady',
          replicas: object.spec.replicas,
          revisionHistoryLimit: 10,
          selector: selector(object.spec.selector),
          serviceName: object.spec.serviceName,
          template: template(object.spec.template),
          updateStrategy: { rollingUpdate: { partition: 0 }, type: 'RollingUpdate' },
        },
        status: compact({
          availableReplicas: object.status.availableReplicas,
          currentReplicas: object.status.currentReplicas || undefined,
          observedGeneration: object.metadata.generation,
          readyReplicas: object.status.readyReplicas || undefined,
          replicas: object.status.replicas,
        }),
      };
    case 'Service': {
      const ports = (object.spec.ports.length > 0 ? object.spec.ports : undefined)?.map((port) =>
        compact({
          name: port.name,
          nodePort: port.nodePort,
          port: port.port,
          protocol: port.protocol,
          targetPort: port.targetPortName ?? port.targetPort,
        }),
      );
      const common = { ports, selector: nonEmpty(object.spec.selector), sessionAffinity: 'None', type: object.spec.type };
      // An alias has no IP, families or traffic policies: the API server defaults none of them (#121).
      if (object.spec.type === 'ExternalName')
        return { spec: compact({ externalName: object.spec.externalName, ...common }), status: { loadBalancer: {} } };
      return {
        spec: compact({
          clusterIP: object.spec.clusterIP,
          clusterIPs: [object.spec.clusterIP],
          externalTrafficPolicy: object.spec.type === 'ClusterIP' ? undefined : 'Cluster',
          internalTrafficPolicy: 'Cluster',
          ipFamilies: ['IPv4'],
          ipFamilyPolicy: 'SingleStack',
          ...common,
        }),
        status: { loadBalancer: {} },
      };
    }
    case 'PodDisruptionBudget':
      return {
        spec: compact({
          maxUnavailable: object.spec.maxUnavailable,
          minAvailable: object.spec.minAvailable,
          selector: selector(object.spec.selector),
        }),
        status: {
          currentHealthy: object.status.currentHealthy,
          desiredHealthy: object.status.desiredHealthy,
          disruptionsAllowed: object.status.disruptionsAllowed,
          expectedPods: object.status.expectedPods,
          observedGeneration: object.metadata.generation,
        },
      };
    case 'Lease':
      return {
        spec: {
          holderIdentity: object.spec.holderIdentity,
          leaseDurationSeconds: object.spec.leaseDurationSeconds,
          renewTime: microTime(object.spec.renewTime),
        },
      };
    case 'Endpoints':
    case 'EndpointSlice':
      // Neither has a spec or status: their fields sit at the top (endpointFields).
      return {};
    case 'Namespace':
      return {
        spec: { finalizers: ['kubernetes'] },
        status: { phase: namespacePhase(object) },
      };
    case 'PriorityClass':
      // A PriorityClass has no spec: its fields sit at the top level (see apiObject).
      return {};
  }
}

const clusterScoped = new Set(['Node', 'Namespace', 'PriorityClass']);

/** One object as the API server returns it. */
export function apiObject(object: AnyObject | KubeEvent, engine: Engine): JsonObject {
  if (!('metadata' in object)) return eventObject(object);
  const { spec, status } = specAndStatus(object, engine);
  const meta = metadata(object.metadata, !clusterScoped.has(object.kind), object.kind);
  if (object.kind === 'Namespace') meta.labels = { 'kubernetes.io/metadata.name': object.metadata.name, ...object.metadata.labels };
  if (object.kind === 'PriorityClass') {
    return compact({
      apiVersion: apiVersionOf(object.kind),
      description: object.description || undefined,
      globalDefault: object.globalDefault || undefined,
      kind: object.kind,
      metadata: meta,
      preemptionPolicy: object.preemptionPolicy,
      value: object.value,
    });
  }
  if (object.kind === 'Endpoints' || object.kind === 'EndpointSlice') return endpointFields(object, meta);
  return compact({ apiVersion: apiVersionOf(object.kind), kind: object.kind, metadata: meta, spec, status });
}

const targetRef = (ref: EndpointTarget): JsonObject => ({ kind: ref.kind, name: ref.name, namespace: ref.namespace, uid: ref.uid });
const endpointPort = (port: EndpointPort, keepEmptyName: boolean): JsonObject =>
  compact({ name: port.name || keepEmptyName ? port.name : undefined, port: port.port, protocol: port.protocol });

/** Endpoints and EndpointSlices, whose lists sit beside metadata; keys in kubectl's (sorted) order. */
function endpointFields(object: Endpoints | EndpointSlice, meta: JsonObject): JsonObject {
  if (object.kind === 'Endpoints') {
    const address = (a: EndpointAddress): JsonObject =>
      compact({ hostname: a.hostname, ip: a.ip, nodeName: a.nodeName, targetRef: a.targetRef && targetRef(a.targetRef) });
    return compact({
      apiVersion: 'v1',
      kind: 'Endpoints',
      metadata: meta,
      subsets:
        object.subsets.length > 0
          ? object.subsets.map((subset) =>
              compact({
                addresses: subset.addresses.length > 0 ? subset.addresses.map(address) : undefined,
                notReadyAddresses: subset.notReadyAddresses.length > 0 ? subset.notReadyAddresses.map(address) : undefined,
                ports: subset.ports.length > 0 ? subset.ports.map((port) => endpointPort(port, false)) : undefined,
              }),
            )
          : undefined,
    });
  }
  // endpoints and ports are not omitempty: an empty placeholder slice shows them as null.
  return {
    addressType: object.addressType,
    apiVersion: 'discovery.k8s.io/v1',
    endpoints:
      object.endpoints.length > 0
        ? object.endpoints.map((endpoint) =>
            compact({
              addresses: [...endpoint.addresses],
              conditions: { ...endpoint.conditions },
              hostname: endpoint.hostname,
              nodeName: endpoint.nodeName,
              targetRef: endpoint.targetRef && targetRef(endpoint.targetRef),
            }),
          )
        : null,
    kind: 'EndpointSlice',
    metadata: meta,
    ports: object.ports === null ? null : object.ports.map((port) => endpointPort(port, true)),
  };
}

function eventObject(event: KubeEvent): JsonObject {
  const [component, host] = event.source.split(', ');
  return {
    apiVersion: 'v1',
    count: event.count,
    firstTimestamp: isoTime(event.firstTimestamp),
    involvedObject: compact({
      apiVersion: apiVersionOf(event.involvedObject.kind),
      kind: event.involvedObject.kind,
      name: event.involvedObject.name,
      namespace: event.involvedObject.namespace || undefined,
    }),
    kind: 'Event',
    lastTimestamp: isoTime(event.lastTimestamp),
    message: event.message,
    metadata: { creationTimestamp: isoTime(event.firstTimestamp), name: event.name, namespace: event.namespace },
    reason: event.reason,
    reportingComponent: component ?? '',
    reportingInstance: host ?? '',
    source: compact({ component, host }),
    type: event.type,
  };
}

/** Several objects as kubectl prints them: a v1 List. */
export const listObject = (items: JsonObject[]): JsonObject => ({
  apiVersion: 'v1',
  items,
  kind: 'List',
  metadata: { resourceVersion: '' },
});
