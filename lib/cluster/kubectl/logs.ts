// kubectl logs POD [-c CONTAINER] [--previous] [--tail N]: the API server asks the pod's kubelet
// for the container's log, so a stopped kubelet or a powered-off node fails the request.
import { kubectlErrors, logsErrors } from '../api/errors';
import type { ContainerStatus, Pod } from '../api/types';
import { controllerOf } from '../controllers/podutil';
import { nodeIp } from '../kubelet/runtime';
import { componentLog, containerLog } from '../node/logs';
import { isPartitioned } from '../node/network';
import { planSelection, readBlocked, visitPlan } from './builder';
import { resourceByKind } from './resources';
import { simulatedEpochMs, type KubectlEnv } from './env';
import { namespaceFlags, parseArgs } from './flags';
import { fail, ok, type CommandResult } from './result';

/** The kinds whose pods logs can pick (polymorphichelpers.LogsForObject). */
const podOwners: readonly string[] = ['Deployment', 'ReplicaSet', 'DaemonSet', 'StatefulSet'];

/**
 * The pod whose log is asked for: ResourceNames("pods", POD | TYPE/NAME) with SingleResourceType,
 * then for a workload the first of its pods (by name here).
 */
function podFor(env: KubectlEnv, target: string, namespace: string): Pod | string {
  const plan = planSelection([target], {
    namespace,
    defaultType: resourceByKind('Pod'),
    requireSelection: true,
    singleResourceType: true,
    continueOnError: false,
  });
  if ('error' in plan) return plan.error;
  const [visit] = visitPlan(env, plan).visits;
  if ('error' in visit) return visit.error;
  const { object } = visit;
  if (object.kind === 'Pod') return object;
  if (!podOwners.includes(object.kind)) return logsErrors.cannotGetLogs(object.kind);
  const name = object.metadata.name;
  const owned = [...env.engine.store.list('Pod')]
    .filter((pod) => {
      if (pod.metadata.namespace !== namespace) return false;
      const owner = controllerOf(pod);
      if (!owner) return false;
      if (owner.kind === object.kind) return owner.name === name;
      // A Deployment owns its pods through a ReplicaSet named NAME-HASH.
      return object.kind === 'Deployment' && owner.kind === 'ReplicaSet' && owner.name.startsWith(`${name}-`);
    })
    .sort((a, b) => a.metadata.name.localeCompare(b.metadata.name));
  return owned[0] ?? logsErrors.noPod();
}

/**
 * When the instance whose log is asked for started: the previous one (lastState) for --previous,
 * else the running or terminated one, else the last terminated one (a container in back-off).
 */
function logInstance(status: ContainerStatus, previous: boolean, podStart: number | undefined): number | undefined {
  // A restart after the node lost its containers keeps only the restart count.
  const last = status.lastState?.startedAt ?? (status.restartCount > 0 ? (podStart ?? 0) : undefined);
  if (previous) return last;
  if (status.state === 'running' || status.state === 'terminated') return status.startedAt ?? 0;
  return last;
}

export function kubectlLogs(env: KubectlEnv, args: string[]): CommandResult {
  const parsed = parseArgs(args, [
    ...namespaceFlags,
    { name: 'container', short: 'c', type: 'string' },
    { name: 'previous', short: 'p', type: 'bool' },
    { name: 'tail', type: 'string' },
    { name: 'timestamps', type: 'bool' },
    { name: 'follow', short: 'f', type: 'bool' },
  ]);
  if ('error' in parsed) return fail(parsed.error);
  const [target, second] = parsed.positional;
  if (!target) return fail(logsErrors.usage());
  const tailText = parsed.flags.tail;
  if (tailText !== undefined && !/^-?\d+$/.test(tailText))
    return fail(
      kubectlErrors.invalidFlagValue(tailText, '--tail', `strconv.ParseInt: parsing ${JSON.stringify(tailText)}: invalid syntax`),
    );
  const blocked = readBlocked(env);
  if (blocked) return blocked;
  const namespace = parsed.flags.namespace ?? 'default';
  const pod = podFor(env, target, namespace);
  if (typeof pod === 'string') return fail(pod);
  const names = pod.spec.containers.map((container) => container.name);
  let stderr = '';
  let containerName = parsed.flags.container ?? second;
  if (containerName === undefined) {
    containerName = names[0];
    if (names.length > 1) stderr = logsErrors.defaultedContainer(containerName, names);
  }
  if (!names.includes(containerName)) return fail(logsErrors.invalidContainer(containerName, pod.metadata.name));
  const status = pod.status.containerStatuses.find((entry) => entry.name === containerName);
  const node = pod.spec.nodeName;
  // #42 validateContainerLogStatus: which instance's log, or why there is none.
  const previous = parsed.flags.previous === true;
  const instance = !node || !status ? undefined : logInstance(status, previous, pod.status.startTime);
  if (previous && status && instance === undefined) return fail(logsErrors.noPrevious(containerName, pod.metadata.name));
  if (!node || !status || instance === undefined)
    return fail(logsErrors.waitingToStart(containerName, pod.metadata.name, status?.reason ?? 'ContainerCreating'));
  const path = `https://${nodeIp(env.engine.state.hardware[node]?.index ?? 0)}:10250/containerLogs/${namespace}/${pod.metadata.name}/${containerName}`;
  const machine = env.engine.actorState(`node/${node}`);
  if (machine === 'poweredOff' || machine === 'booting') return fail(logsErrors.kubeletUnreachable(path, 'connect: no route to host'));
  // The API server cannot reach a partitioned node's kubelet either (#46): the dial times out.
  if (isPartitioned(env.engine, node)) return fail(logsErrors.kubeletUnreachable(path, 'i/o timeout'));
  if (!env.engine.kubeletRunning(node)) return fail(logsErrors.kubeletUnreachable(path, 'connect: connection refused'));
  const startedAt = instance;
  const image = pod.spec.containers.find((container) => container.name === containerName)!.image;
  let lines = [...containerLog(image, startedAt), ...componentLog(env.engine.state, image, startedAt)];
  if (parsed.flags.timestamps === true) {
    const stamp = new Date(simulatedEpochMs + startedAt).toISOString().replace(/\.(\d{3})Z$/, '.$1000000Z');
    lines = lines.map((line) => `${stamp} ${line}`);
  }
  const tail = tailText === undefined ? -1 : Number(tailText);
  if (tail >= 0) lines = tail === 0 ? [] : lines.slice(-tail);
  return ok(lines.map((line) => `${line}\n`).join(''), stderr);
}
