// Table columns for `kubectl get`, per resource type, with the extra `-o wide` columns.
import { defaults } from '../engine/config';
import { selectorString } from '../controllers/podutil';
import type { KindMap, KubeEvent, PodTemplate } from '../api/types';
import { age, namespacePhase, nodeRoles, nodeStatusWord, podReadyColumn, podRestartsColumn, podStatusWord } from './status';

/** A kind's `kubectl get` table: the columns, the extra `-o wide` ones, and each row's cells. */
export interface Columns<T> {
  header: readonly string[];
  wide: readonly string[];
  row: (object: T, now: number) => string[];
  wideRow: (object: T, now: number) => string[];
}

const containers = (template: PodTemplate) => template.spec.containers.map((c) => c.name).join(',');
const images = (template: PodTemplate) => template.spec.containers.map((c) => c.image).join(',');
const none = (value: string) => value || '<none>';

export const nodeColumns: Columns<KindMap['Node']> = {
  header: ['NAME', 'STATUS', 'ROLES', 'AGE', 'VERSION'],
  wide: ['INTERNAL-IP', 'EXTERNAL-IP', 'OS-IMAGE', 'KERNEL-VERSION', 'CONTAINER-RUNTIME'],
  row: (node, now) => [
    node.metadata.name,
    nodeStatusWord(node),
    none(nodeRoles(node).join(',')),
    age(now, node.metadata.creationTimestamp),
    defaults.kubernetesVersion,
  ],
  wideRow: (node) => [
    node.status.internalIP,
    '<none>',
    defaults.nodeSystem.osImage,
    defaults.nodeSystem.kernelVersion,
    `containerd://${defaults.nodeSystem.containerdVersion}`,
  ],
};

export const podColumns: Columns<KindMap['Pod']> = {
  header: ['NAME', 'READY', 'STATUS', 'RESTARTS', 'AGE'],
  wide: ['IP', 'NODE', 'NOMINATED NODE', 'READINESS GATES'],
  row: (pod, now) => [
    pod.metadata.name,
    podReadyColumn(pod),
    podStatusWord(pod),
    podRestartsColumn(pod, now),
    age(now, pod.metadata.creationTimestamp),
  ],
  wideRow: (pod) => [none(pod.status.podIP ?? ''), none(pod.spec.nodeName ?? ''), none(pod.status.nominatedNodeName ?? ''), '<none>'],
};

export const deploymentColumns: Columns<KindMap['Deployment']> = {
  header: ['NAME', 'READY', 'UP-TO-DATE', 'AVAILABLE', 'AGE'],
  wide: ['CONTAINERS', 'IMAGES', 'SELECTOR'],
  row: (d, now) => [
    d.metadata.name,
    `${d.status.readyReplicas}/${d.spec.replicas}`,
    String(d.status.updatedReplicas),
    String(d.status.availableReplicas),
    age(now, d.metadata.creationTimestamp),
  ],
  wideRow: (d) => [containers(d.spec.template), images(d.spec.template), selectorString(d.spec.selector)],
};

export const replicaSetColumns: Columns<KindMap['ReplicaSet']> = {
  header: ['NAME', 'DESIRED', 'CURRENT', 'READY', 'AGE'],
  wide: ['CONTAINERS', 'IMAGES', 'SELECTOR'],
  row: (rs, now) => [
    rs.metadata.name,
    String(rs.spec.replicas),
    String(rs.status.replicas),
    String(rs.status.readyReplicas),
    age(now, rs.metadata.creationTimestamp),
  ],
  wideRow: (rs) => [containers(rs.spec.template), images(rs.spec.template), selectorString(rs.spec.selector)],
};

export const daemonSetColumns: Columns<KindMap['DaemonSet']> = {
  header: ['NAME', 'DESIRED', 'CURRENT', 'READY', 'UP-TO-DATE', 'AVAILABLE', 'NODE SELECTOR', 'AGE'],
  wide: ['CONTAINERS', 'IMAGES', 'SELECTOR'],
  row: (ds, now) => [
    ds.metadata.name,
    String(ds.status.desiredNumberScheduled),
    String(ds.status.currentNumberScheduled),
    String(ds.status.numberReady),
    String(ds.status.updatedNumberScheduled),
    String(ds.status.numberAvailable),
    none(selectorString(ds.spec.template.spec.nodeSelector)),
    age(now, ds.metadata.creationTimestamp),
  ],
  wideRow: (ds) => [containers(ds.spec.template), images(ds.spec.template), selectorString(ds.spec.selector)],
};

export const statefulSetColumns: Columns<KindMap['StatefulSet']> = {
  header: ['NAME', 'READY', 'AGE'],
  wide: ['CONTAINERS', 'IMAGES'],
  row: (sts, now) => [sts.metadata.name, `${sts.status.readyReplicas}/${sts.spec.replicas}`, age(now, sts.metadata.creationTimestamp)],
  wideRow: (sts) => [containers(sts.spec.template), images(sts.spec.template)],
};

export const serviceColumns: Columns<KindMap['Service']> = {
  header: ['NAME', 'TYPE', 'CLUSTER-IP', 'EXTERNAL-IP', 'PORT(S)', 'AGE'],
  wide: ['SELECTOR'],
  row: (svc, now) => [
    svc.metadata.name,
    svc.spec.type,
    none(svc.spec.clusterIP),
    // getServiceExternalIP: an ExternalName Service shows the name it aliases.
    svc.spec.type === 'LoadBalancer' ? '<pending>' : svc.spec.type === 'ExternalName' ? (svc.spec.externalName ?? '') : '<none>',
    none(svc.spec.ports.map((p) => `${p.port}${p.nodePort ? `:${p.nodePort}` : ''}/${p.protocol}`).join(',')),
    age(now, svc.metadata.creationTimestamp),
  ],
  wideRow: (svc) => [none(selectorString(svc.spec.selector))],
};

/** printers.go listWithMoreString: the first three, then " + N more..."; empty as `empty`. */
function listWithMore(list: readonly string[], empty: string): string {
  const shown = list.slice(0, 3).join(',');
  if (list.length > 3) return `${shown} + ${list.length - 3} more...`;
  return shown || empty;
}

export const endpointsColumns: Columns<KindMap['Endpoints']> = {
  header: ['NAME', 'ENDPOINTS', 'AGE'],
  wide: [],
  // formatEndpoints: only the ready addresses, as ip:port; `<none>` without a subset, an empty
  // cell when only not-ready addresses are left (#29).
  row: (ep, now) => [
    ep.metadata.name,
    ep.subsets.length === 0
      ? '<none>'
      : listWithMore(
          ep.subsets.flatMap((subset) =>
            subset.ports.length === 0
              ? subset.addresses.map((address) => address.ip)
              : subset.ports.flatMap((port) => subset.addresses.map((address) => `${address.ip}:${port.port}`)),
          ),
          '',
        ),
    age(now, ep.metadata.creationTimestamp),
  ],
  wideRow: () => [],
};

export const endpointSliceColumns: Columns<KindMap['EndpointSlice']> = {
  header: ['NAME', 'ADDRESSTYPE', 'PORTS', 'ENDPOINTS', 'AGE'],
  wide: [],
  // formatDiscoveryPorts and formatDiscoveryEndpoints: every address, whatever its conditions (#30).
  row: (slice, now) => [
    slice.metadata.name,
    slice.addressType,
    listWithMore(
      (slice.ports ?? []).map((port) => String(port.port)),
      '<unset>',
    ),
    listWithMore(
      slice.endpoints.flatMap((endpoint) => endpoint.addresses),
      '<unset>',
    ),
    age(now, slice.metadata.creationTimestamp),
  ],
  wideRow: () => [],
};

export const podDisruptionBudgetColumns: Columns<KindMap['PodDisruptionBudget']> = {
  header: ['NAME', 'MIN AVAILABLE', 'MAX UNAVAILABLE', 'ALLOWED DISRUPTIONS', 'AGE'],
  wide: [],
  row: (pdb, now) => [
    pdb.metadata.name,
    String(pdb.spec.minAvailable ?? 'N/A'),
    String(pdb.spec.maxUnavailable ?? 'N/A'),
    String(pdb.status.disruptionsAllowed),
    age(now, pdb.metadata.creationTimestamp),
  ],
  wideRow: () => [],
};

export const namespaceColumns: Columns<KindMap['Namespace']> = {
  header: ['NAME', 'STATUS', 'AGE'],
  wide: [],
  row: (ns, now) => [ns.metadata.name, namespacePhase(ns), age(now, ns.metadata.creationTimestamp)],
  wideRow: () => [],
};

export const leaseColumns: Columns<KindMap['Lease']> = {
  header: ['NAME', 'HOLDER', 'AGE'],
  wide: [],
  row: (lease, now) => [lease.metadata.name, lease.spec.holderIdentity, age(now, lease.metadata.creationTimestamp)],
  wideRow: () => [],
};

export const eventColumns: Columns<KubeEvent> & { wideHeader: readonly string[] } = {
  header: ['LAST SEEN', 'TYPE', 'REASON', 'OBJECT', 'MESSAGE'],
  // -o wide replaces the event columns rather than adding to them.
  wide: [],
  wideHeader: ['LAST SEEN', 'TYPE', 'REASON', 'OBJECT', 'SUBOBJECT', 'SOURCE', 'MESSAGE', 'FIRST SEEN', 'COUNT', 'NAME'],
  row: (event: KubeEvent, now: number) => [
    age(now, event.lastTimestamp),
    event.type,
    event.reason,
    `${event.involvedObject.kind.toLowerCase()}/${event.involvedObject.name}`,
    event.message,
  ],
  wideRow: (event: KubeEvent, now: number) => [
    age(now, event.lastTimestamp),
    event.type,
    event.reason,
    `${event.involvedObject.kind.toLowerCase()}/${event.involvedObject.name}`,
    '',
    event.source,
    event.message,
    age(now, event.firstTimestamp),
    String(event.count),
    event.name,
  ],
};

/** printPriorityClass: NAME, VALUE, GLOBAL-DEFAULT, AGE, PREEMPTIONPOLICY. */
export const priorityClassColumns: Columns<KindMap['PriorityClass']> = {
  header: ['NAME', 'VALUE', 'GLOBAL-DEFAULT', 'AGE', 'PREEMPTIONPOLICY'],
  wide: [],
  row: (pc, now) => [
    pc.metadata.name,
    String(pc.value),
    String(pc.globalDefault),
    age(now, pc.metadata.creationTimestamp),
    pc.preemptionPolicy,
  ],
  wideRow: () => [],
};
