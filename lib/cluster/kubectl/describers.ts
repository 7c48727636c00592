// kubectl describe's printers for the kinds it describes here (node, pod, deployment), with the
// sections learners look at. The kind registry (api/kinds.ts) names each kind's describer.
import { controllerOf, selectorString } from '../controllers/podutil';
import type { Engine } from '../engine/engine';
import { podLimits, podQosClass, podRequests } from '../apiserver/qos';
import type { Deployment, Node, Pod, PriorityClass, Resources, Toleration } from '../api/types';
import { formatCpu, formatMemory } from '../util/quantity';
import { timestamp } from './env';
import { age, nodeRoles } from './status';
import { formatTable } from './table';

/** The cpu and memory entries of a Limits block, in kubectl's order (sorted by name). */
function resourceLines(resources: Partial<Resources>): [string, string][] {
  const out: [string, string][] = [];
  if (resources.cpu) out.push(['cpu', formatCpu(resources.cpu)]);
  if (resources.memory) out.push(['memory', formatMemory(resources.memory)]);
  return out;
}

const field = (label: string, value: string, width: number) => `${`${label}:`.padEnd(width)}${value}`;

function list(label: string, values: string[], width: number): string {
  if (values.length === 0) return field(label, '<none>', width);
  return [field(label, values[0], width), ...values.slice(1).map((value) => ' '.repeat(width) + value)].join('\n');
}

const labelsOf = (labels: Record<string, string>) =>
  Object.entries(labels)
    .sort()
    .map(([k, v]) => `${k}=${v}`);

function indent(text: string, spaces: number): string {
  return text
    .trimEnd()
    .split('\n')
    .map((line) => ' '.repeat(spaces) + line)
    .join('\n');
}

function eventsSection(engine: Engine, kind: string, namespace: string, name: string): string {
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

function tolerationText(toleration: Toleration): string {
  const key = toleration.key ?? '';
  const value = toleration.operator === 'Equal' && toleration.value ? `=${toleration.value}` : '';
  const effect = toleration.effect ? `:${toleration.effect}` : '';
  const op = toleration.operator === 'Exists' ? ' op=Exists' : '';
  const seconds = toleration.tolerationSeconds !== undefined ? ` for ${toleration.tolerationSeconds}s` : '';
  return `${key}${value}${effect}${op}${seconds}`;
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

export function describePod(engine: Engine, pod: Pod): string {
  const w = 18;
  // kubectl's tabwriter widens the block of fields above Containers to its longest label.
  const top = pod.spec.priorityClassName ? 22 : pod.status.nominatedNodeName ? 20 : w;
  const node = pod.spec.nodeName ? engine.store.get('Node', pod.spec.nodeName) : undefined;
  const owner = controllerOf(pod);
  let status: string = pod.status.phase;
  if (pod.metadata.deletionTimestamp !== undefined) {
    status = `Terminating (lasts ${age(engine.clock.now(), pod.metadata.deletionTimestamp - (pod.metadata.deletionGracePeriodSeconds ?? 0) * 1000)})`;
  }
  const containers = pod.spec.containers.map((container) => {
    const state = pod.status.containerStatuses.find((s) => s.name === container.name);
    const stateText = !state ? 'Waiting' : state.state === 'running' ? 'Running' : state.state === 'waiting' ? 'Waiting' : 'Terminated';
    const lines = [
      `  ${container.name}:`,
      `    Image:          ${container.image}`,
      `    State:          ${stateText}`,
      ...(state?.state === 'running' && state.startedAt !== undefined ? [`      Started:      ${timestamp(state.startedAt)}`] : []),
      ...(state?.state === 'waiting' && state.reason ? [`      Reason:       ${state.reason}`] : []),
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
    return lines.join('\n');
  });
  const conditions = formatTable(['Type', 'Status'], [['----', '------'], ...pod.status.conditions.map((c) => [c.type, c.status])]);
  return (
    [
      field('Name', pod.metadata.name, top),
      field('Namespace', pod.metadata.namespace, top),
      field('Priority', String(pod.spec.priority ?? 0), top),
      ...(pod.spec.priorityClassName ? [field('Priority Class Name', pod.spec.priorityClassName, top)] : []),
      field('Node', node ? `${node.metadata.name}/${node.status.internalIP}` : (pod.spec.nodeName ?? '<none>'), top),
      field('Start Time', pod.status.startTime !== undefined ? timestamp(pod.status.startTime) : '<unset>', top),
      list('Labels', labelsOf(pod.metadata.labels), top),
      field('Status', status, top),
      ...(pod.status.reason ? [field('Reason', pod.status.reason, top)] : []),
      field('IP', pod.status.podIP ?? '', top),
      ...(owner ? [field('Controlled By', `${owner.kind}/${owner.name}`, top)] : []),
      ...(pod.status.nominatedNodeName ? [field('NominatedNodeName', pod.status.nominatedNodeName, top)] : []),
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
  const w = 24;
  const status = deployment.status;
  const replicaSets = engine.store.dependentsOf(deployment.metadata.uid, 'ReplicaSet');
  const newest = replicaSets.find((rs) => rs.spec.replicas > 0) ?? replicaSets[replicaSets.length - 1];
  const old = replicaSets.filter((rs) => rs !== newest && rs.status.replicas > 0);
  const rsText = (rs: typeof newest) =>
    rs ? `${rs.metadata.name} (${rs.status.replicas}/${rs.spec.replicas} replicas created)` : '<none>';
  const template = deployment.spec.template;
  const unavailable = Math.max(0, status.replicas - status.availableReplicas);
  return (
    [
      field('Name', deployment.metadata.name, w),
      field('Namespace', deployment.metadata.namespace, w),
      field('CreationTimestamp', timestamp(deployment.metadata.creationTimestamp), w),
      list('Labels', labelsOf(deployment.metadata.labels), w),
      field('Selector', selectorString(deployment.spec.selector), w),
      field(
        'Replicas',
        `${deployment.spec.replicas} desired | ${status.updatedReplicas} updated | ${status.replicas} total | ${status.availableReplicas} available | ${unavailable} unavailable`,
        w,
      ),
      field('StrategyType', 'RollingUpdate', w),
      field('MinReadySeconds', '0', w),
      field('RollingUpdateStrategy', '25% max unavailable, 25% max surge', w),
      'Pod Template:',
      list('  Labels', labelsOf(template.metadata.labels), 16),
      '  Containers:',
      ...template.spec.containers.map((c) => `   ${c.name}:\n    Image:        ${c.image}`),
      field('OldReplicaSets', old.length ? old.map(rsText).join(', ') : '<none>', w),
      field('NewReplicaSet', rsText(newest), w),
      eventsSection(engine, 'Deployment', deployment.metadata.namespace, deployment.metadata.name),
    ].join('\n') + '\n'
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
