// kubectl describe deployment, replicaset, daemonset and statefulset, and the pod template block
// they share with `rollout history --revision` (kubectl/pkg/describe describe.go
// DeploymentDescriber, ReplicaSetDescriber, DaemonSetDescriber, StatefulSetDescriber,
// DescribePodTemplate).
// describe writes through one tabwriter (padding 2): consecutive lines with a tab form a block
// whose values line up, and a line without one ends the block, so each block is aligned alone.
import type { Engine } from '../engine/engine';
import type { DaemonSet, Deployment, EnvVar, Pod, PodTemplate, ReplicaSet, StatefulSet, Toleration } from '../api/types';
import { describedValue } from '../kubelet/envvars';
import { annotations, findNewReplicaSet } from '../controllers/deployment.util';
import { controllerOf, selectorString } from '../controllers/podutil';
import { formatCpu, formatMemory } from '../util/quantity';
import { timestamp } from './env';

/** A row of a tabwriter block: label and value, or a continuation line (label undefined). */
type Row = [label: string | undefined, value: string];

function block(rows: readonly Row[]): string[] {
  const width = Math.max(...rows.map(([label]) => (label ?? '').length)) + 2;
  return rows.map(([label, value]) => `${(label ?? '').padEnd(width)}${value}`);
}

/** printLabelsMultiline: sorted key=value, one a line, <none> when empty. */
function labelRows(label: string, map: Record<string, string>, separator: '=' | ': '): Row[] {
  const entries = Object.entries(map)
    .filter(([key]) => key !== annotations.lastApplied)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  if (entries.length === 0) return [[`${label}:`, '<none>']];
  return entries.map(([key, value], index) => [index === 0 ? `${label}:` : undefined, `${key}${separator}${value}`]);
}

/** printTolerationsMultiline's form of one toleration: key[=value][:effect][ op=Exists][ for Ns]. */
export function tolerationText(toleration: Toleration): string {
  const key = toleration.key ?? '';
  const value = toleration.operator === 'Equal' && toleration.value ? `=${toleration.value}` : '';
  const effect = toleration.effect ? `:${toleration.effect}` : '';
  // Exists with no key and no effect tolerates everything: then op=Exists stands alone.
  const op = toleration.operator === 'Exists' ? (key || effect ? ' op=Exists' : 'op=Exists') : '';
  const seconds = toleration.tolerationSeconds !== undefined ? ` for ${toleration.tolerationSeconds}s` : '';
  return `${key}${value}${effect}${op}${seconds}`;
}

/**
 * describeContainerEnvVars' rows (#120): NAME: value, a fieldRef's value followed by (v1:PATH),
 * a value's later lines under it. `pod` resolves fieldRefs (a template's have no value).
 */
export function environmentRows(env: readonly EnvVar[] | undefined, pod: Pod | undefined, hostIP: string): [string, string][] {
  const rows: [string, string][] = [];
  for (const variable of env ?? []) {
    const lines = describedValue(pod, variable, hostIP).split('\n');
    lines.forEach((line, i) => {
      rows.push([i === 0 ? `      ${variable.name}:` : '      ', line]);
    });
  }
  return rows;
}

/** DescribePodTemplate. */
export function podTemplateLines(template: PodTemplate): string[] {
  const spec = template.spec;
  const head: Row[] = labelRows('  Labels', template.metadata.labels, '=');
  if (Object.keys(template.metadata.annotations).length > 0) head.push(...labelRows('  Annotations', template.metadata.annotations, ': '));
  const body: Row[] = [];
  const lines = ['Pod Template:', ...block(head), '  Containers:'];
  spec.containers.forEach((container, index) => {
    // A container's name line has no tab: it ends the block before it.
    if (index > 0) {
      lines.push(...block(body));
      body.length = 0;
    }
    lines.push(`   ${container.name}:`);
    body.push(['    Image:', container.image]);
    body.push(['    Port:', container.ports.length ? container.ports.map((port) => `${port}/TCP`).join(', ') : '<none>']);
    body.push(['    Host Port:', container.ports.length ? container.ports.map(() => '0/TCP').join(', ') : '<none>']);
    const requests = container.requests;
    if (requests.cpu || requests.memory) {
      lines.push(...block(body));
      body.length = 0;
      lines.push('    Requests:');
      if (requests.cpu) body.push(['      cpu:', formatCpu(requests.cpu)]);
      if (requests.memory) body.push(['      memory:', formatMemory(requests.memory)]);
    }
    // With variables, "Environment:" has no tab: they and Mounts start a new tabwriter block.
    const variables = environmentRows(container.env, undefined, '');
    if (variables.length === 0) body.push(['    Environment:', '<none>'], ['    Mounts:', '<none>']);
    else {
      lines.push(...block(body), '    Environment:');
      body.length = 0;
      body.push(...variables, ['    Mounts:', '<none>']);
    }
  });
  body.push(['  Volumes:', spec.volumes.length ? spec.volumes.map((volume) => volume.name).join(', ') : '<none>']);
  if (spec.priorityClassName) body.push(['  Priority Class Name:', spec.priorityClassName]);
  body.push(...labelRows('  Node-Selectors', spec.nodeSelector, '='));
  if (spec.tolerations.length === 0) body.push(['  Tolerations:', '<none>']);
  else body.push(...spec.tolerations.map((toleration, i): Row => [i === 0 ? '  Tolerations:' : undefined, tolerationText(toleration)]));
  lines.push(...block(body));
  return lines;
}

/** printReplicaSetsByLabels. */
const replicaSetsText = (replicaSets: readonly ReplicaSet[]) =>
  replicaSets.length === 0
    ? '<none>'
    : replicaSets.map((rs) => `${rs.metadata.name} (${rs.status.replicas}/${rs.spec.replicas} replicas created)`).join(', ');

const intOrPercentText = (value: number | string) => String(value);

export function deploymentDescription(engine: Engine, deployment: Deployment, events: string): string {
  const { spec, status } = deployment;
  const strategy = spec.strategy ?? { type: 'RollingUpdate' as const };
  const unavailable = status.unavailableReplicas ?? Math.max(0, status.replicas - status.availableReplicas);
  const top: Row[] = [
    ['Name:', deployment.metadata.name],
    ['Namespace:', deployment.metadata.namespace],
    ['CreationTimestamp:', timestamp(deployment.metadata.creationTimestamp)],
    ...labelRows('Labels', deployment.metadata.labels, '='),
    ...labelRows('Annotations', deployment.metadata.annotations, ': '),
    ['Selector:', selectorString(spec.selector)],
    [
      'Replicas:',
      `${spec.replicas} desired | ${status.updatedReplicas} updated | ${status.replicas} total | ${status.availableReplicas} available | ${unavailable} unavailable`,
    ],
    ['StrategyType:', strategy.type],
    ['MinReadySeconds:', String(spec.minReadySeconds ?? 0)],
  ];
  if (strategy.rollingUpdate)
    top.push([
      'RollingUpdateStrategy:',
      `${intOrPercentText(strategy.rollingUpdate.maxUnavailable)} max unavailable, ${intOrPercentText(strategy.rollingUpdate.maxSurge)} max surge`,
    ]);
  const lines = [...block(top), ...podTemplateLines(spec.template)];
  const conditions = status.conditions ?? [];
  if (conditions.length > 0) {
    lines.push('Conditions:');
    const rows = [['Type', 'Status', 'Reason'], ['----', '------', '------'], ...conditions.map((c) => [c.type, c.status, c.reason])];
    // The type is written as "%v \t": one space more than the padding, as kubectl prints it.
    const widths = [4, 2].map((pad, column) => Math.max(...rows.map((row) => row[column].length)) + pad);
    for (const row of rows) lines.push(`  ${row[0].padEnd(widths[0])}${row[1].padEnd(widths[1])}${row[2]}`);
  }
  const owned = engine.store.dependentsOf(deployment.metadata.uid, 'ReplicaSet');
  const newRS = findNewReplicaSet(deployment, owned);
  // Every old ReplicaSet the history keeps, emptied ones too (0/0), in the API's list order.
  const oldRSs = owned.filter((rs) => rs !== newRS).sort((a, b) => (a.metadata.name < b.metadata.name ? -1 : 1));
  lines.push(
    ...block([
      ['OldReplicaSets:', replicaSetsText(oldRSs)],
      ['NewReplicaSet:', replicaSetsText(newRS ? [newRS] : [])],
    ]),
  );
  lines.push(events);
  return `${lines.join('\n')}\n`;
}

/** getPodStatusForController: the owned pods by phase, Pending counted as Waiting. */
export function podsStatusText(pods: readonly Pod[]): string {
  const count = (phase: Pod['status']['phase']) => pods.filter((pod) => pod.status.phase === phase).length;
  return `${count('Running')} Running / ${count('Pending')} Waiting / ${count('Succeeded')} Succeeded / ${count('Failed')} Failed`;
}

/** ReplicaSetDescriber: its selector, owner, replicas and pods' phases, then its template and events. */
export function replicaSetDescription(engine: Engine, rs: ReplicaSet, events: string): string {
  const owner = controllerOf(rs);
  const pods = engine.store.dependentsOf(rs.metadata.uid, 'Pod');
  const top: Row[] = [
    ['Name:', rs.metadata.name],
    ['Namespace:', rs.metadata.namespace],
    ['Selector:', selectorString(rs.spec.selector)],
    ...labelRows('Labels', rs.metadata.labels, '='),
    ...labelRows('Annotations', rs.metadata.annotations, ': '),
    ...(owner ? ([['Controlled By:', `${owner.kind}/${owner.name}`]] as Row[]) : []),
    ['Replicas:', `${rs.status.replicas} current / ${rs.spec.replicas} desired`],
    ['Pods Status:', podsStatusText(pods)],
  ];
  return `${[...block(top), ...podTemplateLines(rs.spec.template), events].join('\n')}\n`;
}

/**
 * DaemonSetDescriber. Its node counts are written without a tab, so they stand outside the
 * aligned blocks; the model never misschedules a daemon pod.
 */
export function daemonSetDescription(engine: Engine, ds: DaemonSet, events: string): string {
  const { status } = ds;
  const pods = engine.store.dependentsOf(ds.metadata.uid, 'Pod');
  const nodeSelector = Object.entries(ds.spec.template.spec.nodeSelector).map(([key, value]) => `${key}=${value}`);
  const top: Row[] = [
    ['Name:', ds.metadata.name],
    ['Namespace:', ds.metadata.namespace],
    ['Selector:', selectorString(ds.spec.selector)],
    ['Node-Selector:', nodeSelector.length > 0 ? nodeSelector.join(',') : '<none>'],
    ...labelRows('Labels', ds.metadata.labels, '='),
    ...labelRows('Annotations', ds.metadata.annotations, ': '),
  ];
  return `${[
    ...block(top),
    `Desired Number of Nodes Scheduled: ${status.desiredNumberScheduled}`,
    `Current Number of Nodes Scheduled: ${status.currentNumberScheduled}`,
    `Number of Nodes Scheduled with Up-to-date Pods: ${status.updatedNumberScheduled}`,
    `Number of Nodes Scheduled with Available Pods: ${status.numberAvailable}`,
    'Number of Nodes Misscheduled: 0',
    ...block([['Pods Status:', podsStatusText(pods)]]),
    ...podTemplateLines(ds.spec.template),
    events,
  ].join('\n')}\n`;
}

/**
 * StatefulSetDescriber. The model updates StatefulSets with the API's defaults (RollingUpdate,
 * partition 0) and has no volume claim templates.
 */
export function statefulSetDescription(engine: Engine, sts: StatefulSet, events: string): string {
  const pods = engine.store.dependentsOf(sts.metadata.uid, 'Pod');
  const top: Row[] = [
    ['Name:', sts.metadata.name],
    ['Namespace:', sts.metadata.namespace],
    ['CreationTimestamp:', timestamp(sts.metadata.creationTimestamp)],
    ['Selector:', selectorString(sts.spec.selector)],
    ...labelRows('Labels', sts.metadata.labels, '='),
    ...labelRows('Annotations', sts.metadata.annotations, ': '),
    ['Replicas:', `${sts.spec.replicas} desired | ${sts.status.replicas} total`],
    ['Update Strategy:', 'RollingUpdate'],
    ['  Partition:', '0'],
    ['Pods Status:', podsStatusText(pods)],
  ];
  return `${[...block(top), ...podTemplateLines(sts.spec.template), ...block([['Volume Claims:', '<none>']]), events].join('\n')}\n`;
}
