// A pod's spec and status, and the pod template workloads carry, as the API server serves them.
import { podQosClass } from '../../apiserver/qos';
import type {
  Condition,
  Container,
  ContainerStatus,
  ContainerTermination,
  LifecycleHandler,
  Pod,
  PodTemplate,
  Probe,
  Taint,
  Toleration,
} from '../../api/types';
import { containerId, imageRef } from '../../node/containers';
import { formatCpu, formatMemory } from '../../util/quantity';
import { defaultPullPolicy } from '../../registry/reference';

import { compact, isoTime, nonEmpty, type Json, type JsonObject } from './json';

function resources(container: Container): JsonObject {
  const list = (values: { cpu?: number; memory?: number } | undefined) => {
    if (!values) return undefined;
    const out = compact({
      cpu: values.cpu ? formatCpu(values.cpu) : undefined,
      memory: values.memory ? formatMemory(values.memory) : undefined,
    });
    return Object.keys(out).length > 0 ? out : undefined;
  };
  // The API fills requests from limits when only limits are given.
  const requests = {
    cpu: container.requests.cpu || container.limits?.cpu,
    memory: container.requests.memory || container.limits?.memory,
  };
  return compact({ limits: list(container.limits), requests: list(requests) });
}

const action = (handler: LifecycleHandler): JsonObject =>
  compact({
    exec: handler.exec ? { command: handler.exec.command } : undefined,
    httpGet: handler.httpGet ? { path: handler.httpGet.path, port: handler.httpGet.port, scheme: handler.httpGet.scheme } : undefined,
    sleep: handler.sleep ? { seconds: handler.sleep.seconds } : undefined,
    tcpSocket: handler.tcpSocket ? { port: handler.tcpSocket.port } : undefined,
  });

const probeSpec = (probe: Probe | undefined): JsonObject | undefined =>
  probe
    ? compact({
        ...action(probe),
        failureThreshold: probe.failureThreshold,
        initialDelaySeconds: probe.initialDelaySeconds || undefined,
        periodSeconds: probe.periodSeconds,
        successThreshold: probe.successThreshold,
        timeoutSeconds: probe.timeoutSeconds,
      })
    : undefined;

function containerSpec(container: Container): JsonObject {
  return compact({
    args: container.args,
    command: container.command,
    // An empty value is omitted (omitempty); a fieldRef's apiVersion is defaulted to v1.
    env: container.env?.map(
      (variable): JsonObject =>
        variable.fieldPath !== undefined
          ? { name: variable.name, valueFrom: { fieldRef: { apiVersion: 'v1', fieldPath: variable.fieldPath } } }
          : compact({ name: variable.name, value: variable.value || undefined }),
    ),
    image: container.image,
    imagePullPolicy: container.imagePullPolicy ?? defaultPullPolicy(container.image),
    lifecycle: container.lifecycle?.preStop ? { preStop: action(container.lifecycle.preStop) } : undefined,
    livenessProbe: probeSpec(container.livenessProbe),
    name: container.name,
    ports:
      container.ports.length > 0
        ? container.ports.map((port): JsonObject => {
            const named = container.namedPorts?.find((entry) => entry.containerPort === port);
            return compact({ containerPort: port, name: named?.name, protocol: named?.protocol ?? 'TCP' });
          })
        : undefined,
    readinessProbe: probeSpec(container.readinessProbe),
    resources: resources(container),
    startupProbe: probeSpec(container.startupProbe),
    terminationMessagePath: '/dev/termination-log',
    terminationMessagePolicy: 'File',
  });
}

const toleration = (t: Toleration): JsonObject =>
  compact({ effect: t.effect, key: t.key, operator: t.operator, tolerationSeconds: t.tolerationSeconds, value: t.value });

export const taint = (t: Taint): JsonObject =>
  compact({ effect: t.effect, key: t.key, timeAdded: t.timeAdded !== undefined ? isoTime(t.timeAdded) : undefined, value: t.value });

/**
 * The affinity as stored; a DaemonSet pod's required node affinity is the one term the controller
 * writes, matchFields on its node's name (ReplaceDaemonSetPodNodeNameNodeAffinity).
 */
function podAffinity(spec: PodTemplate['spec'] & { affinityNodeName?: string }): JsonObject | undefined {
  const affinity = spec.affinity ? (structuredClone(spec.affinity) as unknown as JsonObject) : undefined;
  if (!spec.affinityNodeName) return affinity;
  const pinned = { nodeSelectorTerms: [{ matchFields: [{ key: 'metadata.name', operator: 'In', values: [spec.affinityNodeName] }] }] };
  const nodeAffinity = {
    ...((affinity?.nodeAffinity as JsonObject | undefined) ?? {}),
    requiredDuringSchedulingIgnoredDuringExecution: pinned,
  };
  return { ...affinity, nodeAffinity };
}

/** A pod's spec; a template (`pod` false) lacks what admission adds to pods (priority, service account). */
export function podSpec(spec: PodTemplate['spec'] & { nodeName?: string; affinityNodeName?: string }, pod = true): JsonObject {
  const admitted = (value: Json) => (pod ? value : undefined);
  return compact({
    affinity: podAffinity(spec),
    containers: spec.containers.map(containerSpec),
    dnsPolicy: spec.hostNetwork ? 'ClusterFirstWithHostNet' : 'ClusterFirst',
    enableServiceLinks: admitted(true),
    hostNetwork: spec.hostNetwork || undefined,
    hostname: spec.hostname,
    nodeName: spec.nodeName,
    nodeSelector: nonEmpty(spec.nodeSelector),
    preemptionPolicy: spec.preemptionPolicy ?? admitted('PreemptLowerPriority'),
    priority: spec.priority ?? admitted(0),
    priorityClassName: spec.priorityClassName,
    restartPolicy: spec.restartPolicy ?? 'Always',
    schedulerName: 'default-scheduler',
    securityContext: {},
    serviceAccount: admitted('default'),
    serviceAccountName: admitted('default'),
    subdomain: spec.subdomain,
    terminationGracePeriodSeconds: spec.terminationGracePeriodSeconds,
    tolerations: spec.tolerations.length > 0 ? spec.tolerations.map(toleration) : undefined,
    topologySpreadConstraints: spec.topologySpreadConstraints
      ? (structuredClone(spec.topologySpreadConstraints) as unknown as Json[])
      : undefined,
    volumes: spec.volumes.length > 0 ? spec.volumes.map((volume) => ({ name: volume.name, emptyDir: {} })) : undefined,
  });
}

export const condition = (c: Condition, probe: boolean): JsonObject =>
  compact({
    lastHeartbeatTime: c.lastHeartbeatTime !== undefined ? isoTime(c.lastHeartbeatTime) : undefined,
    lastProbeTime: probe ? null : undefined,
    lastTransitionTime: isoTime(c.lastTransitionTime),
    lastUpdateTime: c.lastUpdateTime !== undefined ? isoTime(c.lastUpdateTime) : undefined,
    message: c.message || undefined,
    reason: c.reason || undefined,
    status: c.status,
    type: c.type,
  });

/** #40 a ContainerStateTerminated: containerID, exitCode, finishedAt, reason, startedAt (keys sorted, as kubectl prints). */
function terminatedState(ended: ContainerTermination, pod: Pod, s: ContainerStatus, instance = s.restartCount): JsonObject {
  return {
    containerID: `containerd://${containerId(pod.metadata.uid, s.name, Math.max(0, instance))}`,
    exitCode: ended.exitCode,
    finishedAt: isoTime(ended.finishedAt),
    reason: ended.reason,
    startedAt: isoTime(ended.startedAt),
  };
}

export function podStatus(pod: Pod): JsonObject {
  const { status } = pod;
  return compact({
    conditions: status.conditions.map((c) => condition(c, true)),
    containerStatuses:
      status.containerStatuses.length > 0
        ? status.containerStatuses.map((s) => {
            const state: JsonObject =
              s.state === 'running'
                ? { running: { startedAt: isoTime(s.startedAt ?? 0) } }
                : s.state === 'waiting'
                  ? { waiting: compact({ message: s.message, reason: s.reason }) }
                  : {
                      terminated: terminatedState(
                        {
                          exitCode: s.exitCode ?? 0,
                          reason: s.reason ?? 'Completed',
                          startedAt: s.startedAt ?? 0,
                          finishedAt: s.finishedAt ?? s.startedAt ?? 0,
                        },
                        pod,
                        s,
                      ),
                    };
            const started = s.state !== 'waiting' || s.restartCount > 0;
            return compact({
              containerID: started ? `containerd://${containerId(pod.metadata.uid, s.name, s.restartCount)}` : undefined,
              image: s.image,
              imageID: started ? imageRef(s.image) : '',
              lastState: s.lastState ? { terminated: terminatedState(s.lastState, pod, s, s.restartCount - 1) } : {},
              name: s.name,
              ready: s.ready,
              restartCount: s.restartCount,
              started: s.started,
              state,
            });
          })
        : undefined,
    hostIP: status.hostIP,
    hostIPs: status.hostIP ? [{ ip: status.hostIP }] : undefined,
    message: status.message,
    nominatedNodeName: status.nominatedNodeName,
    phase: status.phase,
    podIP: status.podIP,
    podIPs: status.podIP ? [{ ip: status.podIP }] : undefined,
    qosClass: podQosClass(pod.spec.containers),
    reason: status.reason,
    startTime: status.startTime !== undefined ? isoTime(status.startTime) : undefined,
  });
}

export const template = (t: PodTemplate): JsonObject => ({
  metadata: compact({ annotations: nonEmpty(t.metadata.annotations), labels: nonEmpty(t.metadata.labels) }),
  spec: podSpec(t.spec, false),
});

export const selector = (labels: Record<string, string>) => ({ matchLabels: { ...labels } });
