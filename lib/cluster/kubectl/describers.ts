// kubectl describe's printers for the kinds it describes here (node, pod, deployment), with the
// sections learners look at. The kind registry (api/kinds.ts) names each kind's describer.
import { controllerOf } from '../controllers/podutil';
import { nodeAddress } from '../kubelet/runtime';
import type { Engine } from '../engine/engine';
import { podLimits, podQosClass, podRequests } from '../apiserver/qos';
import type {
  Container,
  ContainerStatus,
  ContainerTermination,
  DaemonSet,
  Deployment,
  Namespace,
  Node,
  Pod,
  PriorityClass,
  Probe,
  ReplicaSet,
  Resources,
  StatefulSet,
} from '../api/types';
import { formatCpu, formatMemory } from '../util/quantity';
import {
  environmentRows,
  daemonSetDescription,
  deploymentDescription,
  replicaSetDescription,
  statefulSetDescription,
  tolerationText,
} from './deployment.describe';
import { timestamp } from './env';
import { age, namespacePhase, nodeRoles } from './status';
import { formatTable } from './table';

/** The cpu and memory entries of a Limits block, in kubectl's order (sorted by name). */
function resourceLines(resources: Partial<Resources>): [string, string][] {
  const out: [string, string][] = [];
  if (resources.cpu) out.push(['cpu', formatCpu(resources.cpu)]);
  if (resources.memory) out.push(['memory', formatMemory(resources.memory)]);
  return out;
}

export const field = (label: string, value: string, width: number) => `${`${label}:`.padEnd(width)}${value}`;

export function list(label: string, values: string[], width: number): string {
  if (values.length === 0) return field(label, '<none>', width);
  return [field(label, values[0], width), ...values.slice(1).map((value) => ' '.repeat(width) + value)].join('\n');
}

export const labelsOf = (labels: Record<string, string>) =>
  Object.entries(labels)
    .sort()
    .map(([k, v]) => `${k}=${v}`);

export function indent(text: string, spaces: number): string {
  return text
    .trimEnd()
    .split('\n')
    .map((line) => ' '.repeat(spaces) + line)
    .join('\n');
}

export function eventsSection(engine: Engine, kind: string, namespace: string, name: string): string {
  const now = engine.clock.now();
  const events = engine.api.events.about(kind, namespace, name);
  if (events.length === 0) return 'Events:  <none>';
  const rows = [...events]
    .sort((a, b) => a.lastTimestamp - b.lastTimestamp)
    .map((event) => [
      event.type,
      event.reason,
      event.count > 1
        ? `${age(now, event.lastTimestamp)} (x${event.count} over ${age(now, event.firstTimestamp)})`
        : age(now, event.lastTimestamp),
      event.source,
      event.message,
    ]);
  const table = formatTable(['Type', 'Reason', 'Age', 'From', 'Message'], [['----', '------', '----', '----', '-------'], ...rows]);
  return `Events:\n${indent(table, 2)}`;
}

export function describeNode(engine: Engine, node: Node): string {
  const now = engine.clock.now();
  const w = 20;
  const lease = engine.servedLease(node.metadata.name);
  const conditionRows = node.status.conditions.map((c) => [
    c.type,
    c.status,
    c.lastHeartbeatTime !== undefined ? timestamp(c.lastHeartbeatTime) : '<unset>',
    timestamp(c.lastTransitionTime),
    c.reason,
    c.message,
  ]);
  const conditions = formatTable(
    ['Type', 'Status', 'LastHeartbeatTime', 'LastTransitionTime', 'Reason', 'Message'],
    [['----', '------', '-----------------', '------------------', '------', '-------'], ...conditionRows],
  );
  const pods = engine.store
    .podsOnNode(node.metadata.name)
    .filter((pod) => pod.status.phase !== 'Succeeded' && pod.status.phase !== 'Failed');
  const { allocatable } = node.status;
  const pct = (value: number, total: number) => `${Math.floor((value * 100) / total)}%`;
  const cpuCell = (value: number) => `${formatCpu(value)} (${pct(value, allocatable.cpu)})`;
  const memoryCell = (value: number) => `${formatMemory(value)} (${pct(value, allocatable.memory)})`;
  const total = { requests: { cpu: 0, memory: 0 }, limits: { cpu: 0, memory: 0 } };
  const podRows = pods.map((pod) => {
    const requests = podRequests(pod.spec.containers);
    const limits = podLimits(pod.spec.containers);
    total.requests.cpu += requests.cpu;
    total.requests.memory += requests.memory;
    total.limits.cpu += limits.cpu;
    total.limits.memory += limits.memory;
    return [
      pod.metadata.namespace,
      pod.metadata.name,
      cpuCell(requests.cpu),
      cpuCell(limits.cpu),
      memoryCell(requests.memory),
      memoryCell(limits.memory),
      age(now, pod.metadata.creationTimestamp),
    ];
  });
  const podTable = formatTable(
    ['Namespace', 'Name', 'CPU Requests', 'CPU Limits', 'Memory Requests', 'Memory Limits', 'Age'],
    [['---------', '----', '------------', '----------', '---------------', '-------------', '---'], ...podRows],
  );
  const allocated = formatTable(
    ['Resource', 'Requests', 'Limits'],
    [
      ['--------', '--------', '------'],
      ['cpu', cpuCell(total.requests.cpu), cpuCell(total.limits.cpu)],
      ['memory', memoryCell(total.requests.memory), memoryCell(total.limits.memory)],
    ],
  );
  const resources = (r: Node['status']['capacity']) =>
    [`  cpu:     ${formatCpu(r.cpu)}`, `  memory:  ${formatMemory(r.memory)}`, `  pods:    ${r.pods}`].join('\n');
  return (
    [
      field('Name', node.metadata.name, w),
      field('Roles', nodeRoles(node).join(',') || '<none>', w),
      list('Labels', labelsOf(node.metadata.labels), w),
      field('CreationTimestamp', timestamp(node.metadata.creationTimestamp), w),
      list(
        'Taints',
        node.spec.taints.map((t) => `${t.key}${t.value ? `=${t.value}` : ''}:${t.effect}`),
        w,
      ),
      field('Unschedulable', String(node.spec.unschedulable), w),
      'Lease:',
      `  HolderIdentity:  ${lease?.spec.holderIdentity ?? '<unset>'}`,
      `  RenewTime:       ${lease ? timestamp(lease.spec.renewTime) : '<unset>'}`,
      'Conditions:',
      indent(conditions, 2),
      'Addresses:',
      `  InternalIP:  ${node.status.internalIP}`,
      `  Hostname:    ${node.metadata.name}`,
      'Capacity:',
      resources(node.status.capacity),
      'Allocatable:',
      resources(node.status.allocatable),
      field('PodCIDR', node.spec.podCIDR, w),
      `Non-terminated Pods:          (${pods.length} in total)`,
      indent(podTable, 2),
      'Allocated resources:',
      '  (Total limits may be over 100 percent, i.e., overcommitted.)',
      indent(allocated, 2),
      eventsSection(engine, 'Node', '', node.metadata.name),
    ].join('\n') + '\n'
  );
}

/** DescribeProbe: `http-get http://:80/ delay=0s timeout=1s period=10s #success=1 #failure=3`. */
export function describeProbe(probe: Probe): string {
  const attrs = `delay=${probe.initialDelaySeconds}s timeout=${probe.timeoutSeconds}s period=${probe.periodSeconds}s #success=${probe.successThreshold} #failure=${probe.failureThreshold}`;
  if (probe.exec) return `exec [${probe.exec.command.join(' ')}] ${attrs}`;
  if (probe.httpGet) return `http-get ${probe.httpGet.scheme.toLowerCase()}://:${probe.httpGet.port}${probe.httpGet.path} ${attrs}`;
  if (probe.tcpSocket) return `tcp-socket :${probe.tcpSocket.port} ${attrs}`;
  return `unknown ${attrs}`;
}

function commandLines(label: string, words: string[] | undefined): string[] {
  return words ? [`    ${label}:`, ...words.map((word) => `      ${word}`)] : [];
}

function terminatedLines(label: string, ended: ContainerTermination): string[] {
  return [
    `    ${`${label}:`.padEnd(16)}Terminated`,
    `      Reason:       ${ended.reason}`,
    `      Exit Code:    ${ended.exitCode}`,
    `      Started:      ${timestamp(ended.startedAt)}`,
    `      Finished:     ${timestamp(ended.finishedAt)}`,
  ];
}

/** describeContainerState: Running with Started, Waiting with Reason, Terminated with Reason, Exit Code, Started, Finished. */
function containerStateLines(label: string, state: ContainerStatus | undefined): string[] {
  const head = `    ${`${label}:`.padEnd(16)}`;
  if (!state || state.state === 'waiting') return [`${head}Waiting`, ...(state?.reason ? [`      Reason:       ${state.reason}`] : [])];
  if (state.state === 'running')
    return [`${head}Running`, ...(state.startedAt !== undefined ? [`      Started:      ${timestamp(state.startedAt)}`] : [])];
  return terminatedLines(label, {
    reason: state.reason ?? 'Completed',
    exitCode: state.exitCode ?? 0,
    startedAt: state.startedAt ?? 0,
    finishedAt: state.finishedAt ?? state.startedAt ?? 0,
  });
}

/** The Environment block of a pod's container: its own tabwriter block when there are variables. */
function environmentLines(engine: Engine, pod: Pod, container: Container): string[] {
  const node = pod.spec.nodeName;
  const rows = environmentRows(container.env, pod, node ? nodeAddress(engine.state, node) : '');
  if (rows.length === 0) return ['    Environment:    <none>'];
  const width = Math.max(...rows.map(([label]) => label.length)) + 2;
  return ['    Environment:', ...rows.map(([label, value]) => `${label.padEnd(width)}${value}`)];
}

export function describePod(engine: Engine, pod: Pod): string {
  const w = 18;
  const node = pod.spec.nodeName ? engine.store.get('Node', pod.spec.nodeName) : undefined;
  const owner = controllerOf(pod);
  let status: string = pod.status.phase;
  if (pod.metadata.deletionTimestamp !== undefined) {
    status = `Terminating (lasts ${age(engine.clock.now(), pod.metadata.deletionTimestamp - (pod.metadata.deletionGracePeriodSeconds ?? 0) * 1000)})`;
  }
  const containers = pod.spec.containers.map((container) => {
    const state = pod.status.containerStatuses.find((s) => s.name === container.name);
    const lines = [
      `  ${container.name}:`,
      `    Image:          ${container.image}`,
      ...commandLines('Command', container.command),
      ...commandLines('Args', container.args),
      ...containerStateLines('State', state),
      ...(state?.lastState ? terminatedLines('Last State', state.lastState) : []),
      `    Ready:          ${state?.ready ? 'True' : 'False'}`,
      `    Restart Count:  ${state?.restartCount ?? 0}`,
    ];
    const limits = resourceLines(container.limits ?? {});
    if (limits.length > 0) {
      // kubectl aligns the Limits block on its own (tabwriter), hence its narrower padding.
      const width = Math.max(...limits.map(([name]) => name.length)) + 3;
      lines.push('    Limits:', ...limits.map(([name, value]) => `      ${`${name}:`.padEnd(width)}${value}`));
    }
    if (container.requests.cpu || container.requests.memory) {
      lines.push('    Requests:');
      if (container.requests.cpu) lines.push(`      cpu:        ${formatCpu(container.requests.cpu)}`);
      if (container.requests.memory) lines.push(`      memory:     ${formatMemory(container.requests.memory)}`);
    }
    for (const [label, probe] of [
      ['Liveness', container.livenessProbe],
      ['Readiness', container.readinessProbe],
      ['Startup', container.startupProbe],
    ] as const) {
      if (probe) lines.push(`    ${`${label}:`.padEnd(16)}${describeProbe(probe)}`);
    }
    lines.push(...environmentLines(engine, pod, container));
    return lines.join('\n');
  });
  const conditions = formatTable(['Type', 'Status'], [['----', '------'], ...pod.status.conditions.map((c) => [c.type, c.status])]);
  // kubectl aligns the top block with one tabwriter: its longest label (the grace period of a
  // Terminating pod, a priority class, a nominated node) widens it.
  const terminating = pod.metadata.deletionTimestamp !== undefined;
  const top = Math.max(
    w,
    terminating ? 'Termination Grace Period:  '.length : 0,
    pod.spec.priorityClassName ? 'Priority Class Name:  '.length : 0,
    pod.status.nominatedNodeName ? 'NominatedNodeName:  '.length : 0,
  );
  const head = [
    field('Name', pod.metadata.name, top),
    field('Namespace', pod.metadata.namespace, top),
    field('Priority', String(pod.spec.priority ?? 0), top),
    ...(pod.spec.priorityClassName ? [field('Priority Class Name', pod.spec.priorityClassName, top)] : []),
    field('Node', node ? `${node.metadata.name}/${node.status.internalIP}` : (pod.spec.nodeName ?? '<none>'), top),
    field('Start Time', pod.status.startTime !== undefined ? timestamp(pod.status.startTime) : '<unset>', top),
    list('Labels', labelsOf(pod.metadata.labels), top),
    field('Status', status, top),
    ...(terminating
      ? [field('Termination Grace Period', `${pod.metadata.deletionGracePeriodSeconds ?? pod.spec.terminationGracePeriodSeconds}s`, top)]
      : []),
    ...(pod.status.reason ? [field('Reason', pod.status.reason, top)] : []),
    field('IP', pod.status.podIP ?? '', top),
    ...(owner ? [field('Controlled By', `${owner.kind}/${owner.name}`, top)] : []),
    ...(pod.status.nominatedNodeName ? [field('NominatedNodeName', pod.status.nominatedNodeName, top)] : []),
  ];
  return (
    [
      ...head,
      'Containers:',
      ...containers,
      'Conditions:',
      indent(conditions, 2),
      field(
        'Volumes',
        pod.spec.volumes.length ? pod.spec.volumes.map((v) => `${v.name} (${v.emptyDir ? 'EmptyDir' : 'Volume'})`).join(', ') : '<none>',
        w,
      ),
      field('QoS Class', podQosClass(pod.spec.containers), w),
      list('Node-Selectors', labelsOf(pod.spec.nodeSelector), w),
      list('Tolerations', pod.spec.tolerations.map(tolerationText), w),
      eventsSection(engine, 'Pod', pod.metadata.namespace, pod.metadata.name),
    ].join('\n') + '\n'
  );
}

export function describeDeployment(engine: Engine, deployment: Deployment): string {
  return deploymentDescription(
    engine,
    deployment,
    eventsSection(engine, 'Deployment', deployment.metadata.namespace, deployment.metadata.name),
  );
}

/** describePriorityClass: the value, default flag, policy and description, then events. */
export function describePriorityClass(engine: Engine, pc: PriorityClass): string {
  const w = 19;
  const annotations = Object.entries(pc.metadata.annotations).map(([key, value]) => `${key}: ${value}`);
  return (
    [
      field('Name', pc.metadata.name, w),
      field('Value', String(pc.value), w),
      field('GlobalDefault', String(pc.globalDefault), w),
      field('PreemptionPolicy', pc.preemptionPolicy, w),
      field('Description', pc.description, w),
      list('Annotations', annotations, w),
      eventsSection(engine, 'PriorityClass', '', pc.metadata.name),
    ].join('\n') + '\n'
  );
}

/** describeNamespace: its labels, annotations and phase; the model has no ResourceQuota or LimitRange objects. */
export function describeNamespace(_engine: Engine, ns: Namespace): string {
  const w = 14;
  const annotations = Object.entries(ns.metadata.annotations).map(([key, value]) => `${key}: ${value}`);
  return (
    [
      field('Name', ns.metadata.name, w),
      list('Labels', labelsOf({ 'kubernetes.io/metadata.name': ns.metadata.name, ...ns.metadata.labels }), w),
      list('Annotations', annotations, w),
      field('Status', namespacePhase(ns), w),
      '',
      'No resource quota.',
      '',
      'No LimitRange resource.',
    ].join('\n') + '\n'
  );
}

export function describeReplicaSet(engine: Engine, rs: ReplicaSet): string {
  return replicaSetDescription(engine, rs, eventsSection(engine, 'ReplicaSet', rs.metadata.namespace, rs.metadata.name));
}

export function describeDaemonSet(engine: Engine, ds: DaemonSet): string {
  return daemonSetDescription(engine, ds, eventsSection(engine, 'DaemonSet', ds.metadata.namespace, ds.metadata.name));
}

export function describeStatefulSet(engine: Engine, sts: StatefulSet): string {
  return statefulSetDescription(engine, sts, eventsSection(engine, 'StatefulSet', sts.metadata.namespace, sts.metadata.name));
}
