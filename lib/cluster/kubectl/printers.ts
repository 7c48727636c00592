// Table columns for `kubectl get`, per resource type, with the extra `-o wide` columns.
import { defaults } from '../engine/config';
import { selectorString } from '../controllers/podutil';
import type { AnyObject, KubeEvent, PodTemplate } from '../api/types';
import { age, nodeRoles, nodeStatusWord, podReadyColumn, podRestartsColumn, podStatusWord } from './status';

export interface Columns {
  header: string[];
  wide: string[];
  row: (object: never, now: number) => string[];
  wideRow: (object: never, now: number) => string[];
}

const containers = (template: PodTemplate) => template.spec.containers.map((c) => c.name).join(',');
const images = (template: PodTemplate) => template.spec.containers.map((c) => c.image).join(',');
const none = (value: string) => value || '<none>';

export const columns: Record<string, Columns> = {
  Node: {
    header: ['NAME', 'STATUS', 'ROLES', 'AGE', 'VERSION'],
    wide: ['INTERNAL-IP', 'EXTERNAL-IP', 'OS-IMAGE', 'KERNEL-VERSION', 'CONTAINER-RUNTIME'],
    row: (node: Extract<AnyObject, { kind: 'Node' }>, now) => [
      node.metadata.name,
      nodeStatusWord(node),
      none(nodeRoles(node).join(',')),
      age(now, node.metadata.creationTimestamp),
      defaults.kubernetesVersion,
    ],
    wideRow: (node: Extract<AnyObject, { kind: 'Node' }>) => [
      node.status.internalIP,
      '<none>',
      'Ubuntu 22.04.4 LTS',
      '5.15.0-105-generic',
      'containerd://1.7.13',
    ],
  },
  Pod: {
    header: ['NAME', 'READY', 'STATUS', 'RESTARTS', 'AGE'],
    wide: ['IP', 'NODE', 'NOMINATED NODE', 'READINESS GATES'],
    row: (pod: Extract<AnyObject, { kind: 'Pod' }>, now) => [
      pod.metadata.name,
      podReadyColumn(pod),
      podStatusWord(pod),
      podRestartsColumn(pod, now),
      age(now, pod.metadata.creationTimestamp),
    ],
    wideRow: (pod: Extract<AnyObject, { kind: 'Pod' }>) => [
      none(pod.status.podIP ?? ''),
      none(pod.spec.nodeName ?? ''),
      '<none>',
      '<none>',
    ],
  },
  Deployment: {
    header: ['NAME', 'READY', 'UP-TO-DATE', 'AVAILABLE', 'AGE'],
    wide: ['CONTAINERS', 'IMAGES', 'SELECTOR'],
    row: (d: Extract<AnyObject, { kind: 'Deployment' }>, now) => [
      d.metadata.name,
      `${d.status.readyReplicas}/${d.spec.replicas}`,
      String(d.status.updatedReplicas),
      String(d.status.availableReplicas),
      age(now, d.metadata.creationTimestamp),
    ],
    wideRow: (d: Extract<AnyObject, { kind: 'Deployment' }>) => [
      containers(d.spec.template),
      images(d.spec.template),
      selectorString(d.spec.selector),
    ],
  },
  ReplicaSet: {
    header: ['NAME', 'DESIRED', 'CURRENT', 'READY', 'AGE'],
    wide: ['CONTAINERS', 'IMAGES', 'SELECTOR'],
    row: (rs: Extract<AnyObject, { kind: 'ReplicaSet' }>, now) => [
      rs.metadata.name,
      String(rs.spec.replicas),
      String(rs.status.replicas),
      String(rs.status.readyReplicas),
      age(now, rs.metadata.creationTimestamp),
    ],
    wideRow: (rs: Extract<AnyObject, { kind: 'ReplicaSet' }>) => [
      containers(rs.spec.template),
      images(rs.spec.template),
      selectorString(rs.spec.selector),
    ],
  },
  DaemonSet: {
    header: ['NAME', 'DESIRED', 'CURRENT', 'READY', 'UP-TO-DATE', 'AVAILABLE', 'NODE SELECTOR', 'AGE'],
    wide: ['CONTAINERS', 'IMAGES', 'SELECTOR'],
    row: (ds: Extract<AnyObject, { kind: 'DaemonSet' }>, now) => [
      ds.metadata.name,
      String(ds.status.desiredNumberScheduled),
      String(ds.status.currentNumberScheduled),
      String(ds.status.numberReady),
      String(ds.status.updatedNumberScheduled),
      String(ds.status.numberAvailable),
      none(selectorString(ds.spec.template.spec.nodeSelector)),
      age(now, ds.metadata.creationTimestamp),
    ],
    wideRow: (ds: Extract<AnyObject, { kind: 'DaemonSet' }>) => [
      containers(ds.spec.template),
      images(ds.spec.template),
      selectorString(ds.spec.selector),
    ],
  },
  StatefulSet: {
    header: ['NAME', 'READY', 'AGE'],
    wide: ['CONTAINERS', 'IMAGES'],
    row: (sts: Extract<AnyObject, { kind: 'StatefulSet' }>, now) => [
      sts.metadata.name,
      `${sts.status.readyReplicas}/${sts.spec.replicas}`,
      age(now, sts.metadata.creationTimestamp),
    ],
    wideRow: (sts: Extract<AnyObject, { kind: 'StatefulSet' }>) => [containers(sts.spec.template), images(sts.spec.template)],
  },
  Service: {
    header: ['NAME', 'TYPE', 'CLUSTER-IP', 'EXTERNAL-IP', 'PORT(S)', 'AGE'],
    wide: ['SELECTOR'],
    row: (svc: Extract<AnyObject, { kind: 'Service' }>, now) => [
      svc.metadata.name,
      svc.spec.type,
      svc.spec.clusterIP,
      svc.spec.type === 'LoadBalancer' ? '<pending>' : '<none>',
      svc.spec.ports.map((p) => `${p.port}${p.nodePort ? `:${p.nodePort}` : ''}/${p.protocol}`).join(','),
      age(now, svc.metadata.creationTimestamp),
    ],
    wideRow: (svc: Extract<AnyObject, { kind: 'Service' }>) => [none(selectorString(svc.spec.selector))],
  },
  PodDisruptionBudget: {
    header: ['NAME', 'MIN AVAILABLE', 'MAX UNAVAILABLE', 'ALLOWED DISRUPTIONS', 'AGE'],
    wide: [],
    row: (pdb: Extract<AnyObject, { kind: 'PodDisruptionBudget' }>, now) => [
      pdb.metadata.name,
      String(pdb.spec.minAvailable ?? 'N/A'),
      String(pdb.spec.maxUnavailable ?? 'N/A'),
      String(pdb.status.disruptionsAllowed),
      age(now, pdb.metadata.creationTimestamp),
    ],
    wideRow: () => [],
  },
  Namespace: {
    header: ['NAME', 'STATUS', 'AGE'],
    wide: [],
    row: (ns: Extract<AnyObject, { kind: 'Namespace' }>, now) => [ns.metadata.name, 'Active', age(now, ns.metadata.creationTimestamp)],
    wideRow: () => [],
  },
  Lease: {
    header: ['NAME', 'HOLDER', 'AGE'],
    wide: [],
    row: (lease: Extract<AnyObject, { kind: 'Lease' }>, now) => [
      lease.metadata.name,
      lease.spec.holderIdentity,
      age(now, lease.metadata.creationTimestamp),
    ],
    wideRow: () => [],
  },
};

export const eventColumns = {
  header: ['LAST SEEN', 'TYPE', 'REASON', 'OBJECT', 'MESSAGE'],
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
