// The kind registry: everything the simulator knows about each kind of object, in one entry per
// kind (kubectl's RESTMapper and printers, the API server's resource names, apply's schemas and
// describe's printers). The mapped type makes a kind added to types.ts fail to compile until it
// has an entry here. Entries are in etcd's storage order, which snapshots and dumps follow.
import type { z } from 'zod';
import type { Engine } from '../engine/engine';
import {
  describeDaemonSet,
  describeDeployment,
  describeNamespace,
  describeNode,
  describePod,
  describePriorityClass,
  describeReplicaSet,
  describeStatefulSet,
} from '../kubectl/describers';
import { describeEndpointSlice, describeEndpoints, describeService } from '../kubectl/describe-service';
import { describeGeneric, describePodDisruptionBudget } from '../kubectl/describe-generic';
import { manifestSchemas } from '../kubectl/manifests';
import * as printers from '../kubectl/printers';
import type { Columns } from '../kubectl/printers';
import type { AnyObject, Kind, KindMap, KubeEvent } from './types';

export interface KindEntry<T> {
  plural: string;
  singular: string;
  short: readonly string[];
  /** The API group: '' for the core group. */
  group: '' | 'apps' | 'policy' | 'coordination.k8s.io' | 'discovery.k8s.io' | 'scheduling.k8s.io';
  version: 'v1';
  namespaced: boolean;
  /** `kubectl get` columns, typed against the kind. */
  columns: Columns<T>;
  /** The manifest `kubectl apply -f` accepts, when it accepts this kind. */
  manifest?: z.ZodType;
  /** `kubectl describe`, when it describes this kind here. */
  describe?: (engine: Engine, object: T) => string;
}

type Registry = { [K in Kind]: KindEntry<KindMap[K]> } & { Event: KindEntry<KubeEvent> };

const registry: Registry = {
  Namespace: {
    plural: 'namespaces',
    singular: 'namespace',
    short: ['ns'],
    group: '',
    version: 'v1',
    namespaced: false,
    columns: printers.namespaceColumns,
    manifest: manifestSchemas.Namespace,
    describe: describeNamespace,
  },
  Node: {
    plural: 'nodes',
    singular: 'node',
    short: ['no'],
    group: '',
    version: 'v1',
    namespaced: false,
    columns: printers.nodeColumns,
    describe: describeNode,
  },
  Lease: {
    plural: 'leases',
    singular: 'lease',
    short: [],
    group: 'coordination.k8s.io',
    version: 'v1',
    namespaced: true,
    columns: printers.leaseColumns,
    // kubectl has no Lease describer: its generic one prints the object's fields.
    describe: describeGeneric,
  },
  Service: {
    plural: 'services',
    singular: 'service',
    short: ['svc'],
    group: '',
    version: 'v1',
    namespaced: true,
    columns: printers.serviceColumns,
    manifest: manifestSchemas.Service,
    describe: describeService,
  },
  // Written by the endpoint controllers only: kubectl reads them, apply does not take them here.
  Endpoints: {
    plural: 'endpoints',
    singular: 'endpoints',
    short: ['ep'],
    group: '',
    version: 'v1',
    namespaced: true,
    columns: printers.endpointsColumns,
    describe: describeEndpoints,
  },
  EndpointSlice: {
    plural: 'endpointslices',
    singular: 'endpointslice',
    short: [],
    group: 'discovery.k8s.io',
    version: 'v1',
    namespaced: true,
    columns: printers.endpointSliceColumns,
    describe: describeEndpointSlice,
  },
  Deployment: {
    plural: 'deployments',
    singular: 'deployment',
    short: ['deploy'],
    group: 'apps',
    version: 'v1',
    namespaced: true,
    columns: printers.deploymentColumns,
    manifest: manifestSchemas.Deployment,
    describe: describeDeployment,
  },
  ReplicaSet: {
    plural: 'replicasets',
    singular: 'replicaset',
    short: ['rs'],
    group: 'apps',
    version: 'v1',
    namespaced: true,
    columns: printers.replicaSetColumns,
    manifest: manifestSchemas.ReplicaSet,
    describe: describeReplicaSet,
  },
  DaemonSet: {
    plural: 'daemonsets',
    singular: 'daemonset',
    short: ['ds'],
    group: 'apps',
    version: 'v1',
    namespaced: true,
    columns: printers.daemonSetColumns,
    manifest: manifestSchemas.DaemonSet,
    describe: describeDaemonSet,
  },
  StatefulSet: {
    plural: 'statefulsets',
    singular: 'statefulset',
    short: ['sts'],
    group: 'apps',
    version: 'v1',
    namespaced: true,
    columns: printers.statefulSetColumns,
    manifest: manifestSchemas.StatefulSet,
    describe: describeStatefulSet,
  },
  PodDisruptionBudget: {
    plural: 'poddisruptionbudgets',
    singular: 'poddisruptionbudget',
    short: ['pdb'],
    group: 'policy',
    version: 'v1',
    namespaced: true,
    columns: printers.podDisruptionBudgetColumns,
    manifest: manifestSchemas.PodDisruptionBudget,
    describe: describePodDisruptionBudget,
  },
  Pod: {
    plural: 'pods',
    singular: 'pod',
    short: ['po'],
    group: '',
    version: 'v1',
    namespaced: true,
    columns: printers.podColumns,
    manifest: manifestSchemas.Pod,
    describe: describePod,
  },
  PriorityClass: {
    plural: 'priorityclasses',
    singular: 'priorityclass',
    short: ['pc'],
    group: 'scheduling.k8s.io',
    version: 'v1',
    namespaced: false,
    columns: printers.priorityClassColumns,
    manifest: manifestSchemas.PriorityClass,
    describe: describePriorityClass,
  },
  // Events live in the API server's event log rather than the object store.
  Event: { plural: 'events', singular: 'event', short: ['ev'], group: '', version: 'v1', namespaced: true, columns: printers.eventColumns },
};

/** An entry with the names derived from it. */
export type KindInfo<K extends Kind | 'Event' = Kind | 'Event'> = KindEntry<K extends Kind ? KindMap[K] : KubeEvent> & {
  kind: K;
  /** How kubectl names an object of this kind: "deployment.apps/web". */
  qualified: string;
  /** How the API names the resource in messages: "deployments.apps". */
  groupResource: string;
  /** The manifest's apiVersion: "v1", "apps/v1". */
  apiVersion: string;
};

const suffix = (group: string) => (group ? `.${group}` : '');

const infos = new Map<string, KindInfo>(
  (Object.keys(registry) as (Kind | 'Event')[]).map((kind) => {
    const entry = registry[kind] as KindEntry<never>;
    const info = {
      ...entry,
      kind,
      qualified: `${entry.singular}${suffix(entry.group)}`,
      groupResource: `${entry.plural}${suffix(entry.group)}`,
      apiVersion: entry.group ? `${entry.group}/${entry.version}` : entry.version,
    };
    return [kind, info as unknown as KindInfo];
  }),
);

export function kindInfo<K extends Kind | 'Event'>(kind: K): KindInfo<K> {
  return infos.get(kind) as unknown as KindInfo<K>;
}

/** Every kind, in storage order (Event last). */
export const allKinds: readonly KindInfo[] = [...infos.values()];

/** The kinds the object store keeps, in etcd's key order. */
export const storedKinds: readonly Kind[] = allKinds.flatMap((info) => (info.kind === 'Event' ? [] : [info.kind]));

/**
 * kubectl's RESTMapper: a plural, singular or short name, optionally with its group
 * ("deployments.apps"), case-insensitively. A Map, so "constructor" is simply unknown.
 */
const byName = new Map<string, KindInfo>(
  allKinds.flatMap((info) =>
    [info.plural, info.singular, ...info.short].flatMap((name) => [[name, info] as const, [`${name}${suffix(info.group)}`, info] as const]),
  ),
);

export function resolveKind(name: string): KindInfo | undefined {
  return byName.get(name.toLowerCase());
}

/** The kind whose manifest `kubectl apply` takes, by the manifest's `kind` field. */
export function manifestKind(kind: string): KindInfo | undefined {
  const info = infos.get(kind);
  return info?.manifest ? info : undefined;
}

/** kubectl describe for one object, through its kind's describer. */
export function describeObject(engine: Engine, object: AnyObject): string {
  const describe = kindInfo(object.kind).describe as ((engine: Engine, object: AnyObject) => string) | undefined;
  return describe ? describe(engine, object) : '';
}
