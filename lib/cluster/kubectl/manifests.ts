// The manifests `kubectl apply -f` accepts, as zod schemas, and their conversion to API objects.
import { z } from 'zod';
import type { NewObject } from '../apiserver/apiserver';
import type { Kind } from '../api/types';
import { clusterIPNone } from '../api/services';
import { intOrPercent, labelMap, metadata, podSpec, selector, template } from './manifests.pod';
import { toPodSpec, toTemplate, deploymentRolloutSpec } from './manifests.convert';

/** A Deployment's rollout fields; the API server checks their values (apiserver/deployment.validation.ts). */
const intOrString = z.union([z.number().int(), z.string()]);
const deploymentRollout = {
  strategy: z
    .object({
      type: z.enum(['RollingUpdate', 'Recreate']).optional(),
      rollingUpdate: z.object({ maxSurge: intOrString.optional(), maxUnavailable: intOrString.optional() }).optional(),
    })
    .optional(),
  minReadySeconds: z.number().int().optional(),
  revisionHistoryLimit: z.number().int().optional(),
  progressDeadlineSeconds: z.number().int().optional(),
  paused: z.boolean().optional(),
};

export const manifestSchemas = {
  Namespace: z.object({ apiVersion: z.literal('v1'), kind: z.literal('Namespace'), metadata }),
  Pod: z.object({ apiVersion: z.literal('v1'), kind: z.literal('Pod'), metadata, spec: podSpec }),
  Deployment: z.object({
    apiVersion: z.literal('apps/v1'),
    kind: z.literal('Deployment'),
    metadata,
    spec: z.object({ replicas: z.number().int().min(0).optional(), selector, template, ...deploymentRollout }).passthrough(),
  }),
  ReplicaSet: z.object({
    apiVersion: z.literal('apps/v1'),
    kind: z.literal('ReplicaSet'),
    metadata,
    spec: z.object({ replicas: z.number().int().min(0).optional(), selector, template }).passthrough(),
  }),
  DaemonSet: z.object({
    apiVersion: z.literal('apps/v1'),
    kind: z.literal('DaemonSet'),
    metadata,
    spec: z.object({ selector, template }).passthrough(),
  }),
  StatefulSet: z.object({
    apiVersion: z.literal('apps/v1'),
    kind: z.literal('StatefulSet'),
    metadata,
    spec: z.object({ replicas: z.number().int().min(0).optional(), selector, template, serviceName: z.string().optional() }).passthrough(),
  }),
  Service: z.object({
    apiVersion: z.literal('v1'),
    kind: z.literal('Service'),
    metadata,
    spec: z
      .object({
        type: z.enum(['ClusterIP', 'NodePort', 'LoadBalancer', 'ExternalName']).optional(),
        externalName: z.string().optional(),
        selector: labelMap.optional(),
        ports: z
          .array(
            z.object({
              name: z.string().optional(),
              port: z.number().int().min(1).max(65535),
              targetPort: z.union([z.number().int(), z.string()]).optional(),
              protocol: z.enum(['TCP', 'UDP']).optional(),
              nodePort: z.number().int().optional(),
            }),
          )
          .optional(),
      })
      .passthrough(),
  }),
  PodDisruptionBudget: z.object({
    apiVersion: z.literal('policy/v1'),
    kind: z.literal('PodDisruptionBudget'),
    metadata,
    spec: z
      .object({ minAvailable: intOrPercent.optional(), maxUnavailable: intOrPercent.optional(), selector })
      .passthrough()
      .refine(
        (spec) => (spec.minAvailable === undefined) !== (spec.maxUnavailable === undefined),
        'exactly one of minAvailable and maxUnavailable must be set',
      ),
  }),
  PriorityClass: z.object({
    apiVersion: z.literal('scheduling.k8s.io/v1'),
    kind: z.literal('PriorityClass'),
    metadata,
    value: z.number().int(),
    globalDefault: z.boolean().optional(),
    preemptionPolicy: z.enum(['PreemptLowerPriority', 'Never']).optional(),
    description: z.string().optional(),
  }),
} as const;

export type ManifestKind = keyof typeof manifestSchemas;
export type Manifest<K extends ManifestKind> = z.infer<(typeof manifestSchemas)[K]>;

const meta = (input: Manifest<ManifestKind>['metadata'], namespace: string) => ({
  name: input.name,
  namespace: input.namespace ?? namespace,
  labels: input.labels ?? {},
  annotations: input.annotations ?? {},
});

/** Builds the API object for a validated manifest. */
export function toObject(kind: ManifestKind, manifest: Manifest<ManifestKind>, namespace: string): NewObject<Kind> {
  const metadata = meta(manifest.metadata, namespace);
  switch (kind) {
    case 'Namespace':
      return { kind, metadata: { ...metadata, namespace: '' } } as NewObject<'Namespace'>;
    case 'Pod': {
      const pod = manifest as Manifest<'Pod'>;
      const spec = { ...toPodSpec(pod.spec), nodeName: pod.spec.nodeName };
      return { kind, metadata, spec, status: { phase: 'Pending', conditions: [], containerStatuses: [] } } as NewObject<'Pod'>;
    }
    case 'Deployment': {
      const { spec } = manifest as Manifest<'Deployment'>;
      return {
        kind,
        metadata,
        spec: {
          replicas: spec.replicas ?? 1,
          selector: spec.selector.matchLabels,
          template: toTemplate(spec.template),
          ...deploymentRolloutSpec(spec),
        },
        status: { replicas: 0, updatedReplicas: 0, readyReplicas: 0, availableReplicas: 0 },
      } as NewObject<'Deployment'>;
    }
    case 'ReplicaSet': {
      const { spec } = manifest as Manifest<'ReplicaSet'>;
      return {
        kind,
        metadata,
        spec: { replicas: spec.replicas ?? 1, selector: spec.selector.matchLabels, template: toTemplate(spec.template) },
        status: { replicas: 0, readyReplicas: 0, availableReplicas: 0 },
      } as NewObject<'ReplicaSet'>;
    }
    case 'DaemonSet': {
      const { spec } = manifest as Manifest<'DaemonSet'>;
      return {
        kind,
        metadata,
        spec: { selector: spec.selector.matchLabels, template: toTemplate(spec.template) },
        status: { desiredNumberScheduled: 0, currentNumberScheduled: 0, numberReady: 0, numberAvailable: 0, updatedNumberScheduled: 0 },
      } as NewObject<'DaemonSet'>;
    }
    case 'StatefulSet': {
      const { spec } = manifest as Manifest<'StatefulSet'>;
      return {
        kind,
        metadata,
        spec: {
          replicas: spec.replicas ?? 1,
          selector: spec.selector.matchLabels,
          template: toTemplate(spec.template),
          serviceName: spec.serviceName ?? '',
        },
        status: { replicas: 0, readyReplicas: 0, availableReplicas: 0, currentReplicas: 0 },
      } as NewObject<'StatefulSet'>;
    }
    case 'Service': {
      const { spec } = manifest as Manifest<'Service'>;
      const ports = (spec.ports ?? []).map((port) => ({
        name: port.name,
        port: port.port,
        targetPort: typeof port.targetPort === 'number' ? port.targetPort : port.targetPort === undefined ? port.port : 0,
        // A name (or a number written as a string, which the API server keeps as a string) is looked up per pod (#100).
        ...(typeof port.targetPort === 'string' ? { targetPortName: port.targetPort } : {}),
        protocol: port.protocol ?? 'TCP',
        nodePort: port.nodePort,
      }));
      // The API server allocates the ClusterIP when it creates the Service, unless it is headless
      // (#119); clusterIP defaults to clusterIPs[0]. Any other value is an unsimulated choice (a
      // warning), so the fields stay out of the schema and are read from what it passes through.
      const { clusterIP, clusterIPs } = spec as { clusterIP?: unknown; clusterIPs?: unknown };
      const headless = (clusterIP ?? (Array.isArray(clusterIPs) ? clusterIPs[0] : undefined)) === clusterIPNone;
      return {
        kind,
        metadata,
        spec: {
          type: spec.type ?? 'ClusterIP',
          clusterIP: headless ? clusterIPNone : '',
          selector: spec.selector ?? {},
          ports,
          ...(spec.externalName !== undefined ? { externalName: spec.externalName } : {}),
        },
      } as NewObject<'Service'>;
    }
    case 'PriorityClass': {
      const pc = manifest as Manifest<'PriorityClass'>;
      return {
        kind,
        metadata: { ...metadata, namespace: '' },
        value: pc.value,
        globalDefault: pc.globalDefault ?? false,
        preemptionPolicy: pc.preemptionPolicy ?? 'PreemptLowerPriority',
        description: pc.description ?? '',
      } as NewObject<'PriorityClass'>;
    }
    case 'PodDisruptionBudget': {
      const { spec } = manifest as Manifest<'PodDisruptionBudget'>;
      return {
        kind,
        metadata,
        spec: { minAvailable: spec.minAvailable, maxUnavailable: spec.maxUnavailable, selector: spec.selector.matchLabels },
        status: { currentHealthy: 0, desiredHealthy: 0, disruptionsAllowed: 0, expectedPods: 0 },
      } as NewObject<'PodDisruptionBudget'>;
    }
  }
}
