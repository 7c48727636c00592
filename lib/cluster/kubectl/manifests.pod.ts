// The pod-level parts of the manifests `kubectl apply -f` accepts, as zod schemas: metadata,
// containers with their probes and hooks, scheduling constraints, the pod spec and template.
import { z } from 'zod';
import { parseCpu, parseMemory } from '../util/quantity';

const name = z
  .string()
  .regex(
    /^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$/,
    "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.'",
  )
  .max(253);
export const labelMap = z.record(z.string(), z.string());
const quantity = z.union([z.string(), z.number()]);
const cpu = quantity.refine(
  (value) => parseCpu(value) !== undefined,
  "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'",
);
const memory = quantity.refine(
  (value) => parseMemory(value) !== undefined,
  "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'",
);

export const metadata = z.object({
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
export const probe = z
  .object({
    ...probeActions,
    initialDelaySeconds: nonNegative.optional(),
    timeoutSeconds: nonNegative.optional(),
    periodSeconds: nonNegative.optional(),
    successThreshold: nonNegative.optional(),
    failureThreshold: nonNegative.optional(),
  })
  .passthrough();
export const lifecycleHandler = z.object({ ...probeActions, sleep: z.object({ seconds: nonNegative }).optional() }).passthrough();

export const container = z
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
    // #120 a value or a fieldRef; the other sources (ConfigMaps, Secrets, resources) pass through to a warning.
    env: z
      .array(
        z.object({
          // A missing name is the API server's error (Required value), as validation reports it.
          name: z.string().optional(),
          value: z.string().optional(),
          valueFrom: z
            .object({ fieldRef: z.object({ fieldPath: z.string(), apiVersion: z.string().optional() }).optional() })
            .passthrough()
            .optional(),
        }),
      )
      .optional(),
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

export const podSpec = z
  .object({
    containers: z.array(container).min(1),
    nodeSelector: labelMap.optional(),
    nodeName: z.string().optional(),
    tolerations: z.array(toleration).optional(),
    volumes: z.array(z.object({ name: z.string(), emptyDir: z.object({}).passthrough().optional() }).passthrough()).optional(),
    terminationGracePeriodSeconds: z.number().int().min(0).optional(),
    hostNetwork: z.boolean().optional(),
    priorityClassName: z.string().optional(),
    hostname: z.string().optional(),
    subdomain: z.string().optional(),
    restartPolicy: z.enum(['Always', 'OnFailure', 'Never']).optional(),
    priority: z.number().int().optional(),
    preemptionPolicy: z.enum(['PreemptLowerPriority', 'Never']).optional(),
    affinity: affinity.optional(),
    topologySpreadConstraints: z.array(topologySpreadConstraint).optional(),
  })
  .passthrough();

export const template = z.object({
  metadata: z.object({ labels: labelMap.optional(), annotations: labelMap.optional() }).passthrough().optional(),
  spec: podSpec,
});
export const selector = z.object({ matchLabels: labelMap }).passthrough();
export const intOrPercent = z.union([z.number().int().min(0), z.string().regex(/^\d+%$/)]);
