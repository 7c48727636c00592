// The manifests `kubectl apply -f` accepts, as zod schemas, and their conversion to API objects.
import { z } from 'zod';
import type { NewObject } from '../apiserver/apiserver';
import { defaults } from '../engine/config';
import type { Container, DeploymentRolloutSpec, Kind, PodTemplate, Probe, ProbeAction, Toleration } from '../api/types';
import { deploymentDefaults } from '../controllers/deployment.util';
import { parseCpu, parseMemory } from '../util/quantity';

const name = z
  .string()
  .regex(
    /^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$/,
    "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.'",
  )
  .max(253);
const labelMap = z.record(z.string(), z.string());
const quantity = z.union([z.string(), z.number()]);
const cpu = quantity.refine(
  (value) => parseCpu(value) !== undefined,
  "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'",
);
const memory = quantity.refine(
  (value) => parseMemory(value) !== undefined,
  "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'",
);

const metadata = z.object({
  name,
  namespace: z.string().optional(),
  labels: labelMap.optional(),
  annotations: labelMap.optional(),
});

const port = z.union([z.number().int().min(1).max(65535), z.string().min(1)]);
const nonNegative = z.number().int().min(0);
/** A probe's or hook's action; how many are set is checked by the API server (apiserver/validation.ts). */
const probeActions = {
  httpGet: z
    .object({ path: z.string().optional(), port, scheme: z.enum(['HTTP', 'HTTPS']).optional(), host: z.string().optional() })
    .passthrough()
    .optional(),
  tcpSocket: z.object({ port, host: z.string().optional() }).passthrough().optional(),
  exec: z
    .object({ command: z.array(z.string()).min(1) })
    .passthrough()
    .optional(),
};
const probe = z
  .object({
    ...probeActions,
    initialDelaySeconds: nonNegative.optional(),
    timeoutSeconds: nonNegative.optional(),
    periodSeconds: nonNegative.optional(),
    successThreshold: nonNegative.optional(),
    failureThreshold: nonNegative.optional(),
  })
  .passthrough();
const lifecycleHandler = z.object({ ...probeActions, sleep: z.object({ seconds: nonNegative }).optional() }).passthrough();

const container = z
  .object({
    name,
    image: z.string().min(1),
    imagePullPolicy: z.enum(['Always', 'IfNotPresent', 'Never']).optional(),
    command: z.array(z.string()).optional(),
    args: z.array(z.string()).optional(),
    readinessProbe: probe.optional(),
    livenessProbe: probe.optional(),
    startupProbe: probe.optional(),
    lifecycle: z.object({ preStop: lifecycleHandler.optional() }).passthrough().optional(),
    ports: z
      .array(z.object({ containerPort: z.number().int(), protocol: z.enum(['TCP', 'UDP']).optional(), name: z.string().optional() }))
      .optional(),
    resources: z
      .object({
        requests: z.object({ cpu: cpu.optional(), memory: memory.optional() }).optional(),
        limits: z.object({ cpu: cpu.optional(), memory: memory.optional() }).optional(),
      })
      .optional(),
  })
  .passthrough();

const toleration = z.object({
  key: z.string().optional(),
  operator: z.enum(['Exists', 'Equal']).optional(),
  value: z.string().optional(),
  effect: z.enum(['NoSchedule', 'PreferNoSchedule', 'NoExecute']).optional(),
  tolerationSeconds: z.number().int().optional(),
});

// Scheduling constraints (#60-#63): validated as the API server's ValidateAffinity and
// validateTopologySpreadConstraints do for the fields the model has.
const nodeSelectorRequirement = z
  .object({
    key: z.string().min(1),
    operator: z.enum(['In', 'NotIn', 'Exists', 'DoesNotExist', 'Gt', 'Lt']),
    values: z.array(z.string()).optional(),
  })
  .refine((r) => !['In', 'NotIn'].includes(r.operator) || (r.values?.length ?? 0) > 0, {
    message: "values: Required value: must be specified when `operator` is 'In' or 'NotIn'",
  })
  .refine((r) => !['Exists', 'DoesNotExist'].includes(r.operator) || (r.values?.length ?? 0) === 0, {
    message: "values: Forbidden: may not be specified when `operator` is 'Exists' or 'DoesNotExist'",
  })
  .refine((r) => !['Gt', 'Lt'].includes(r.operator) || (r.values?.length === 1 && /^[+-]?\d+$/.test(r.values[0])), {
    message: "values: Required value: must be specified single value when `operator` is 'Lt' or 'Gt'",
  });
const nodeSelectorTerm = z.object({
  matchExpressions: z.array(nodeSelectorRequirement).optional(),
  matchFields: z
    .array(
      nodeSelectorRequirement.refine((r) => r.key === 'metadata.name', { message: 'key: Invalid value: not a valid field selector key' }),
    )
    .optional(),
});
const labelSelector = z.object({
  matchLabels: labelMap.optional(),
  matchExpressions: z
    .array(
      z.object({
        key: z.string().min(1),
        operator: z.enum(['In', 'NotIn', 'Exists', 'DoesNotExist']),
        values: z.array(z.string()).optional(),
      }),
    )
    .optional(),
});
const weight = z
  .number()
  .int()
  .min(1, 'weight: Invalid value: must be in the range 1-100')
  .max(100, 'weight: Invalid value: must be in the range 1-100');
const podAffinityTerm = z.object({
  labelSelector: labelSelector.optional(),
  namespaces: z.array(z.string()).optional(),
  topologyKey: z.string().min(1, 'topologyKey: Required value: can not be empty'),
});
const podAffinityRules = z.object({
  requiredDuringSchedulingIgnoredDuringExecution: z.array(podAffinityTerm).optional(),
  preferredDuringSchedulingIgnoredDuringExecution: z.array(z.object({ weight, podAffinityTerm })).optional(),
});
const affinity = z.object({
  nodeAffinity: z
    .object({
      requiredDuringSchedulingIgnoredDuringExecution: z
        .object({
          nodeSelectorTerms: z
            .array(nodeSelectorTerm)
            .min(1, 'nodeSelectorTerms: Required value: must have at least one node selector term'),
        })
        .optional(),
      preferredDuringSchedulingIgnoredDuringExecution: z.array(z.object({ weight, preference: nodeSelectorTerm })).optional(),
    })
    .optional(),
  podAffinity: podAffinityRules.optional(),
  podAntiAffinity: podAffinityRules.optional(),
});
const topologySpreadConstraint = z
  .object({
    maxSkew: z.number().int().min(1, 'maxSkew: Invalid value: must be greater than zero'),
    topologyKey: z.string().min(1, 'topologyKey: Required value: can not be empty'),
    whenUnsatisfiable: z.enum(['DoNotSchedule', 'ScheduleAnyway']),
    labelSelector: labelSelector.optional(),
    minDomains: z.number().int().min(1, 'minDomains: Invalid value: must be greater than zero').optional(),
  })
  .refine((c) => c.minDomains === undefined || c.whenUnsatisfiable === 'DoNotSchedule', {
    message: 'minDomains: Invalid value: can only use minDomains if whenUnsatisfiable=DoNotSchedule',
  });

const podSpec = z
  .object({
    containers: z.array(container).min(1),
    nodeSelector: labelMap.optional(),
    nodeName: z.string().optional(),
    tolerations: z.array(toleration).optional(),
    volumes: z.array(z.object({ name: z.string(), emptyDir: z.object({}).passthrough().optional() }).passthrough()).optional(),
    terminationGracePeriodSeconds: z.number().int().min(0).optional(),
    hostNetwork: z.boolean().optional(),
    priorityClassName: z.string().optional(),
    restartPolicy: z.enum(['Always', 'OnFailure', 'Never']).optional(),
    priority: z.number().int().optional(),
    preemptionPolicy: z.enum(['PreemptLowerPriority', 'Never']).optional(),
    affinity: affinity.optional(),
    topologySpreadConstraints: z.array(topologySpreadConstraint).optional(),
  })
  .passthrough();

const template = z.object({
  metadata: z.object({ labels: labelMap.optional(), annotations: labelMap.optional() }).passthrough().optional(),
  spec: podSpec,
});
const selector = z.object({ matchLabels: labelMap }).passthrough();
const intOrPercent = z.union([z.number().int().min(0), z.string().regex(/^\d+%$/)]);

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
        type: z.enum(['ClusterIP', 'NodePort', 'LoadBalancer']).optional(),
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
          .min(1),
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
type Manifest<K extends ManifestKind> = z.infer<(typeof manifestSchemas)[K]>;
type PodSpecInput = z.infer<typeof podSpec>;

type ContainerInput = z.infer<typeof container>;

/** A named port resolves through the container's ports; an unknown name stays 0 (the probe is refused). */
function portNumber(input: ContainerInput, value: number | string): number {
  if (typeof value === 'number') return value;
  return input.ports?.find((entry) => entry.name === value)?.containerPort ?? 0;
}

/** The action of a probe or hook, defaulted as SetDefaults_HTTPGetAction does (path /, scheme HTTP). */
function toAction(input: ContainerInput, action: z.infer<typeof lifecycleHandler>): ProbeAction {
  return {
    ...(action.httpGet
      ? {
          httpGet: {
            path: action.httpGet.path || '/',
            port: portNumber(input, action.httpGet.port),
            scheme: action.httpGet.scheme ?? 'HTTP',
          },
        }
      : {}),
    ...(action.tcpSocket ? { tcpSocket: { port: portNumber(input, action.tcpSocket.port) } } : {}),
    ...(action.exec ? { exec: { command: action.exec.command } } : {}),
  };
}

/** #35 SetDefaults_Probe: a zero or missing field takes its default. */
function toProbe(input: ContainerInput, value: z.infer<typeof probe> | undefined): Probe | undefined {
  if (!value) return undefined;
  const d = defaults.probe;
  return {
    ...toAction(input, value),
    initialDelaySeconds: value.initialDelaySeconds ?? d.initialDelaySeconds,
    timeoutSeconds: value.timeoutSeconds || d.timeoutSeconds,
    periodSeconds: value.periodSeconds || d.periodSeconds,
    successThreshold: value.successThreshold || d.successThreshold,
    failureThreshold: value.failureThreshold || d.failureThreshold,
  };
}

function toProbes(input: ContainerInput): Partial<Container> {
  const preStop = input.lifecycle?.preStop;
  const out: Partial<Container> = {};
  if (input.command) out.command = input.command;
  if (input.args) out.args = input.args;
  if (input.readinessProbe) out.readinessProbe = toProbe(input, input.readinessProbe);
  if (input.livenessProbe) out.livenessProbe = toProbe(input, input.livenessProbe);
  if (input.startupProbe) out.startupProbe = toProbe(input, input.startupProbe);
  if (preStop)
    out.lifecycle = { preStop: { ...toAction(input, preStop), ...(preStop.sleep ? { sleep: { seconds: preStop.sleep.seconds } } : {}) } };
  return out;
}

/** The container's named ports, kept for a Service's named targetPort (#100); absent when none is named. */
function namedPortsOf(input: ContainerInput): Pick<Container, 'namedPorts'> {
  const named = (input.ports ?? []).flatMap((port) =>
    port.name ? [{ name: port.name, containerPort: port.containerPort, protocol: port.protocol ?? 'TCP' }] : [],
  );
  return named.length > 0 ? { namedPorts: named } : {};
}

function toContainer(input: ContainerInput): Container {
  const requests = input.resources?.requests;
  const limits = input.resources?.limits;
  return {
    ...toProbes(input),
    name: input.name,
    image: input.image,
    // Only an explicit policy is stored; readers apply SetDefaults_Container's default (#43).
    ...(input.imagePullPolicy ? { imagePullPolicy: input.imagePullPolicy } : {}),
    ports: (input.ports ?? []).map((port) => port.containerPort),
    ...namedPortsOf(input),
    // With only limits set, the API server defaults requests to the limits.
    requests: {
      cpu: parseCpu(requests?.cpu ?? limits?.cpu ?? 0) ?? 0,
      memory: parseMemory(requests?.memory ?? limits?.memory ?? 0) ?? 0,
    },
    ...(limits
      ? {
          limits: {
            cpu: limits.cpu !== undefined ? parseCpu(limits.cpu) : undefined,
            memory: limits.memory !== undefined ? parseMemory(limits.memory) : undefined,
          },
        }
      : {}),
  };
}

function toPodSpec(input: PodSpecInput): PodTemplate['spec'] {
  return {
    containers: input.containers.map(toContainer),
    nodeSelector: input.nodeSelector ?? {},
    tolerations: (input.tolerations ?? []).map((t): Toleration => ({ ...t, operator: t.operator ?? 'Equal' })),
    volumes: (input.volumes ?? []).map((volume) => ({ name: volume.name, emptyDir: volume.emptyDir !== undefined })),
    terminationGracePeriodSeconds: input.terminationGracePeriodSeconds ?? defaults.terminationGracePeriodSeconds,
    hostNetwork: input.hostNetwork ?? false,
    ...(input.priorityClassName ? { priorityClassName: input.priorityClassName } : {}),
    ...(input.restartPolicy ? { restartPolicy: input.restartPolicy } : {}),
    ...(input.priority !== undefined ? { priority: input.priority } : {}),
    ...(input.preemptionPolicy ? { preemptionPolicy: input.preemptionPolicy } : {}),
    ...(input.affinity ? { affinity: structuredClone(input.affinity) } : {}),
    ...(input.topologySpreadConstraints ? { topologySpreadConstraints: structuredClone(input.topologySpreadConstraints) } : {}),
  };
}

function toTemplate(input: z.infer<typeof template>): PodTemplate {
  return {
    metadata: { labels: input.metadata?.labels ?? {}, annotations: input.metadata?.annotations ?? {} },
    spec: toPodSpec(input.spec),
  };
}

/** The rollout fields as given: unset ones stay unset for the API server's defaulting. */
function deploymentRolloutSpec(spec: Manifest<'Deployment'>['spec']): DeploymentRolloutSpec {
  const out: DeploymentRolloutSpec = {};
  if (spec.strategy) {
    const type = spec.strategy.type ?? 'RollingUpdate';
    const rolling = spec.strategy.rollingUpdate;
    out.strategy = { type };
    if (rolling)
      out.strategy.rollingUpdate = {
        maxSurge: rolling.maxSurge ?? deploymentDefaults.maxSurge,
        maxUnavailable: rolling.maxUnavailable ?? deploymentDefaults.maxUnavailable,
      };
  }
  if (spec.minReadySeconds !== undefined) out.minReadySeconds = spec.minReadySeconds;
  if (spec.revisionHistoryLimit !== undefined) out.revisionHistoryLimit = spec.revisionHistoryLimit;
  if (spec.progressDeadlineSeconds !== undefined) out.progressDeadlineSeconds = spec.progressDeadlineSeconds;
  if (spec.paused) out.paused = true;
  return out;
}

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
      const ports = spec.ports.map((port) => ({
        name: port.name,
        port: port.port,
        targetPort: typeof port.targetPort === 'number' ? port.targetPort : port.targetPort === undefined ? port.port : 0,
        // A name (or a number written as a string, which the API server keeps as a string) is looked up per pod (#100).
        ...(typeof port.targetPort === 'string' ? { targetPortName: port.targetPort } : {}),
        protocol: port.protocol ?? 'TCP',
        nodePort: port.nodePort,
      }));
      return {
        kind,
        metadata,
        // The API server allocates the ClusterIP when it creates the Service.
        spec: { type: spec.type ?? 'ClusterIP', clusterIP: '', selector: spec.selector ?? {}, ports },
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
