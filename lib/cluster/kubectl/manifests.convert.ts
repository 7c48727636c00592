// From a validated manifest's pod parts to the API's types, with the defaults the API server applies.
import type { z } from 'zod';
import { defaults } from '../engine/config';
import type { Container, DeploymentRolloutSpec, EnvVar, PodTemplate, Probe, ProbeAction, Toleration } from '../api/types';
import { deploymentDefaults } from '../controllers/deployment.util';
import type { Manifest } from './manifests';
import type { container, lifecycleHandler, podSpec, probe, template } from './manifests.pod';
import { parseCpu, parseMemory } from '../util/quantity';

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

function optionalFields(input: ContainerInput): Partial<Container> {
  const preStop = input.lifecycle?.preStop;
  const out: Partial<Container> = {};
  if (input.command) out.command = input.command;
  if (input.args) out.args = input.args;
  // A variable from a ConfigMap, a Secret or a resource has no source here (apply warns): it is left out.
  const env = (input.env ?? []).flatMap((variable): EnvVar[] =>
    variable.valueFrom === undefined
      ? [{ name: variable.name ?? '', value: variable.value ?? '' }]
      : variable.valueFrom.fieldRef
        ? [{ name: variable.name ?? '', fieldPath: variable.valueFrom.fieldRef.fieldPath }]
        : [],
  );
  if (env.length > 0) out.env = env;
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
    ...optionalFields(input),
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

export function toPodSpec(input: PodSpecInput): PodTemplate['spec'] {
  return {
    containers: input.containers.map(toContainer),
    nodeSelector: input.nodeSelector ?? {},
    tolerations: (input.tolerations ?? []).map((t): Toleration => ({ ...t, operator: t.operator ?? 'Equal' })),
    volumes: (input.volumes ?? []).map((volume) => ({ name: volume.name, emptyDir: volume.emptyDir !== undefined })),
    terminationGracePeriodSeconds: input.terminationGracePeriodSeconds ?? defaults.terminationGracePeriodSeconds,
    hostNetwork: input.hostNetwork ?? false,
    ...(input.priorityClassName ? { priorityClassName: input.priorityClassName } : {}),
    ...(input.hostname ? { hostname: input.hostname } : {}),
    ...(input.subdomain ? { subdomain: input.subdomain } : {}),
    ...(input.restartPolicy ? { restartPolicy: input.restartPolicy } : {}),
    ...(input.priority !== undefined ? { priority: input.priority } : {}),
    ...(input.preemptionPolicy ? { preemptionPolicy: input.preemptionPolicy } : {}),
    ...(input.affinity ? { affinity: structuredClone(input.affinity) } : {}),
    ...(input.topologySpreadConstraints ? { topologySpreadConstraints: structuredClone(input.topologySpreadConstraints) } : {}),
  };
}

export function toTemplate(input: z.infer<typeof template>): PodTemplate {
  return {
    metadata: { labels: input.metadata?.labels ?? {}, annotations: input.metadata?.annotations ?? {} },
    spec: toPodSpec(input.spec),
  };
}

/** The rollout fields as given: unset ones stay unset for the API server's defaulting. */
export function deploymentRolloutSpec(spec: Manifest<'Deployment'>['spec']): DeploymentRolloutSpec {
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
