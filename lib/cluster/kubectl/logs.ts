// kubectl logs POD [-c CONTAINER] [--previous] [--tail N]: the API server asks the pod's kubelet
// for the container's log, so a stopped kubelet or a powered-off node fails the request.
import { formatApiError, apiErrors } from '../api/errors';
import type { ContainerStatus, Pod } from '../api/types';
import { controllerOf } from '../controllers/podutil';
import { nodeIp } from '../kubelet/runtime';
import { componentLog, containerLog } from '../node/logs';
import { isPartitioned } from '../node/network';
import { readBlocked } from './builder';
import { simulatedEpochMs, type KubectlEnv } from './env';
import { namespaceFlags, parseArgs } from './flags';
import { fail, ok, type CommandResult } from './result';

const badRequest = (message: string) => `Error from server (BadRequest): ${message}`;

function podFor(env: KubectlEnv, target: string, namespace: string): Pod | string {
  const [kind, name] = target.includes('/') ? target.split('/', 2) : ['pod', target];
  const pods = [...env.engine.store.list('Pod')].filter((pod) => pod.metadata.namespace === namespace);
  if (['pod', 'pods', 'po'].includes(kind)) {
    return pods.find((pod) => pod.metadata.name === name) ?? formatApiError(apiErrors.notFound('pods', name));
  }
  const owners: Record<string, string> = {
    deployment: 'Deployment',
    deploy: 'Deployment',
    replicaset: 'ReplicaSet',
    rs: 'ReplicaSet',
    daemonset: 'DaemonSet',
    ds: 'DaemonSet',
    statefulset: 'StatefulSet',
    sts: 'StatefulSet',
  };
  const word = [kind.replace(/s$/, '').replace(/\.apps$/, ''), kind].find((candidate) => Object.hasOwn(owners, candidate));
  const ownerKind = word ? owners[word] : undefined;
  if (!ownerKind) return `error: cannot get the logs from ${kind}`;
  const owned = pods
    .filter((pod) => {
      const owner = controllerOf(pod);
      if (!owner) return false;
      if (owner.kind === ownerKind) return owner.name === name;
      // A Deployment owns its pods through a ReplicaSet named NAME-HASH.
      return ownerKind === 'Deployment' && owner.kind === 'ReplicaSet' && owner.name.startsWith(`${name}-`);
    })
    .sort((a, b) => a.metadata.name.localeCompare(b.metadata.name));
  return owned[0] ?? `error: timed out waiting for the condition`;
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
  if (!target)
    return fail(
      "error: expected 'logs [-f] [-p] (POD | TYPE/NAME) [-c CONTAINER]'.\nPOD or TYPE/NAME is a required argument for the logs command",
    );
  const tailText = parsed.flags.tail as string | undefined;
  if (tailText !== undefined && !/^-?\d+$/.test(tailText))
    return fail(`error: invalid argument "${tailText}" for "--tail" flag: strconv.ParseInt: parsing "${tailText}": invalid syntax`);
  const blocked = readBlocked(env);
  if (blocked) return blocked;
  const namespace = (parsed.flags.namespace as string | undefined) ?? 'default';
  const pod = podFor(env, target, namespace);
  if (typeof pod === 'string') return fail(pod);
  const names = pod.spec.containers.map((container) => container.name);
  let stderr = '';
  let containerName = (parsed.flags.container as string | undefined) ?? second;
  if (containerName === undefined) {
    containerName = names[0];
    if (names.length > 1) stderr = `Defaulted container "${containerName}" out of: ${names.join(', ')}\n`;
  }
  if (!names.includes(containerName)) return fail(badRequest(`container ${containerName} is not valid for pod ${pod.metadata.name}`));
  const status = pod.status.containerStatuses.find((entry) => entry.name === containerName);
  const node = pod.spec.nodeName;
  // #42 validateContainerLogStatus: which instance's log, or why there is none.
  const previous = parsed.flags.previous === true;
  const instance = !node || !status ? undefined : logInstance(status, previous, pod.status.startTime);
  if (previous && status && instance === undefined)
    return fail(badRequest(`previous terminated container "${containerName}" in pod "${pod.metadata.name}" not found`));
  if (!node || !status || instance === undefined)
    return fail(
      badRequest(
        `container "${containerName}" in pod "${pod.metadata.name}" is waiting to start: ${status?.reason ?? 'ContainerCreating'}`,
      ),
    );
  const path = `https://${nodeIp(env.engine.state.hardware[node]?.index ?? 0)}:10250/containerLogs/${namespace}/${pod.metadata.name}/${containerName}`;
  const machine = env.engine.actorState(`node/${node}`);
  if (machine === 'poweredOff' || machine === 'booting')
    return fail(`Error from server: Get "${path}": dial tcp ${path.slice(8, path.indexOf(':10250'))}:10250: connect: no route to host`);
  // The API server cannot reach a partitioned node's kubelet either (#46): the dial times out.
  if (isPartitioned(env.engine, node))
    return fail(`Error from server: Get "${path}": dial tcp ${path.slice(8, path.indexOf(':10250'))}:10250: i/o timeout`);
  if (!env.engine.kubeletRunning(node))
    return fail(`Error from server: Get "${path}": dial tcp ${path.slice(8, path.indexOf(':10250'))}:10250: connect: connection refused`);
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
