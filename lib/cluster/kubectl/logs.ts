// kubectl logs POD [-c CONTAINER] [--previous] [--tail N]: the API server asks the pod's kubelet
// for the container's log, so a stopped kubelet or a powered-off node fails the request.
import { contextNamespace } from './kubeconfig';
import { kubectlErrors, logsErrors } from '../api/errors';
import type { ContainerStatus, Pod } from '../api/types';
import { controllerOf } from '../controllers/podutil';
import { containerProcess } from '../kubelet/envvars';
import { nodeAddress } from '../kubelet/runtime';
import { commandLog } from '../node/commandlog';
import { componentLog, containerLog } from '../node/logs';
import { isPartitioned } from '../node/network';
import { labelSelector, listObjects, matchesAll, planSelection, readBlocked, visitPlan } from './builder';
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
export function podFor(env: KubectlEnv, target: string, namespace: string): Pod | string {
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

/** One container's log lines as the kubelet serves them, or why it cannot. */
export function containerLines(
  env: KubectlEnv,
  pod: Pod,
  containerName: string,
  previous: boolean,
  timestamps: boolean,
): { lines: string[] } | { error: string } {
  const { namespace } = pod.metadata;
  const status = pod.status.containerStatuses.find((entry) => entry.name === containerName);
  const node = pod.spec.nodeName;
  // #42 validateContainerLogStatus: which instance's log, or why there is none.
  const instance = !node || !status ? undefined : logInstance(status, previous, pod.status.startTime);
  if (previous && status && instance === undefined) return { error: logsErrors.noPrevious(containerName, pod.metadata.name) };
  if (!node || !status || instance === undefined)
    return { error: logsErrors.waitingToStart(containerName, pod.metadata.name, status?.reason ?? 'ContainerCreating') };
  const path = `https://${nodeAddress(env.engine.state, node)}:10250/containerLogs/${namespace}/${pod.metadata.name}/${containerName}`;
  const machine = env.engine.actorState(`node/${node}`);
  if (machine === 'poweredOff' || machine === 'booting') return { error: logsErrors.kubeletUnreachable(path, 'connect: no route to host') };
  // The API server cannot reach a partitioned node's kubelet either (#46): the dial times out.
  if (isPartitioned(env.engine, node)) return { error: logsErrors.kubeletUnreachable(path, 'i/o timeout') };
  if (!env.engine.kubeletRunning(node)) return { error: logsErrors.kubeletUnreachable(path, 'connect: connection refused') };
  const container = pod.spec.containers.find((entry) => entry.name === containerName)!;
  const { image } = container;
  const process = containerProcess(pod, container, nodeAddress(env.engine.state, node));
  // The instance's log ends when it did: the previous one's, or a terminated one's, at its finish.
  const ended = previous ? status.lastState?.finishedAt : status.state === 'terminated' ? status.finishedAt : undefined;
  const until = ended ?? env.engine.clock.now();
  // Each line with the instant it was written: the image's start-up lines at the start.
  const written = [
    ...[...containerLog(image, instance), ...componentLog(env.engine.state, image, instance)].map((text) => ({ at: instance, text })),
    ...commandLog(process.argv, process.environment, instance, until),
  ];
  const stamp = (at: number) => new Date(simulatedEpochMs + at).toISOString().replace(/\.(\d{3})Z$/, '.$1000000Z');
  return { lines: written.map(({ at, text }) => (timestamps ? `${stamp(at)} ${text}` : text)) };
}

const tailed = (lines: string[], tail: number) => (tail < 0 ? lines : tail === 0 ? [] : lines.slice(-tail));

/**
 * kubectl logs -l SELECTOR: every matching pod's log in turn (name order), each pod's first
 * container unless -c names one, and only the last 10 lines of each unless --tail says otherwise.
 */
function selectedLogs(
  env: KubectlEnv,
  selector: string,
  namespace: string,
  container: string | undefined,
  flags: { previous: boolean; timestamps: boolean; prefix: boolean; tail: number | undefined; allContainers: boolean },
): CommandResult {
  const requirements = labelSelector(selector);
  if ('error' in requirements) return fail(requirements.error);
  const pods = listObjects(env, resourceByKind('Pod'), namespace).filter(
    (object): object is Pod => object.kind === 'Pod' && matchesAll(requirements, object.metadata.labels),
  );
  if (pods.length === 0) return ok('', kubectlErrors.noResources(namespace));
  let stdout = '';
  for (const pod of pods) {
    const names = flags.allContainers ? pod.spec.containers.map((each) => each.name) : [container ?? pod.spec.containers[0].name];
    for (const name of names) {
      if (!pod.spec.containers.some((each) => each.name === name))
        return fail(logsErrors.invalidContainer(name, pod.metadata.name), stdout);
      const served = containerLines(env, pod, name, flags.previous, flags.timestamps);
      if ('error' in served) return fail(served.error, stdout);
      const prefix = flags.prefix ? `[pod/${pod.metadata.name}/${name}] ` : '';
      stdout += tailed(served.lines, flags.tail ?? 10)
        .map((line) => `${prefix}${line}\n`)
        .join('');
    }
  }
  return ok(stdout);
}

export function kubectlLogs(env: KubectlEnv, args: string[]): CommandResult {
  const parsed = parseArgs(args, [
    ...namespaceFlags,
    { name: 'container', short: 'c', type: 'string' },
    { name: 'previous', short: 'p', type: 'bool' },
    { name: 'tail', type: 'string' },
    { name: 'timestamps', type: 'bool' },
    { name: 'follow', short: 'f', type: 'bool' },
    { name: 'selector', short: 'l', type: 'string' },
    { name: 'prefix', type: 'bool' },
    { name: 'all-containers', type: 'bool' },
  ]);
  if ('error' in parsed) return fail(parsed.error);
  const [target, second] = parsed.positional;
  const selector = parsed.flags.selector;
  if (selector !== undefined && target !== undefined) return fail(logsErrors.selectorWithName());
  if (!target && selector === undefined) return fail(logsErrors.usage());
  const tailText = parsed.flags.tail;
  if (tailText !== undefined && !/^-?\d+$/.test(tailText))
    return fail(
      kubectlErrors.invalidFlagValue(tailText, '--tail', `strconv.ParseInt: parsing ${JSON.stringify(tailText)}: invalid syntax`),
    );
  const tail = tailText === undefined ? undefined : Number(tailText);
  const blocked = readBlocked(env);
  if (blocked) return blocked;
  const namespace = parsed.flags.namespace ?? contextNamespace(env.engine);
  const previous = parsed.flags.previous === true;
  const timestamps = parsed.flags.timestamps === true;
  const allContainers = parsed.flags['all-containers'] === true;
  if (allContainers && (parsed.flags.container !== undefined || second !== undefined))
    return fail(logsErrors.allContainersWithName(parsed.flags.container ?? second ?? ''));
  if (selector !== undefined)
    return selectedLogs(env, selector, namespace, parsed.flags.container, {
      previous,
      timestamps,
      prefix: parsed.flags.prefix === true,
      tail,
      allContainers,
    });
  const pod = podFor(env, target, namespace);
  if (typeof pod === 'string') return fail(pod);
  const names = pod.spec.containers.map((container) => container.name);
  if (allContainers) {
    let stdout = '';
    for (const name of names) {
      const served = containerLines(env, pod, name, previous, timestamps);
      if ('error' in served) return fail(served.error, stdout);
      const prefix = parsed.flags.prefix === true ? `[pod/${pod.metadata.name}/${name}] ` : '';
      stdout += tailed(served.lines, tail ?? -1)
        .map((line) => `${prefix}${line}\n`)
        .join('');
    }
    return ok(stdout);
  }
  let stderr = '';
  let containerName = parsed.flags.container ?? second;
  if (containerName === undefined) {
    containerName = names[0];
    if (names.length > 1) stderr = logsErrors.defaultedContainer(containerName, names);
  }
  if (!names.includes(containerName)) return fail(logsErrors.invalidContainer(containerName, pod.metadata.name));
  const served = containerLines(env, pod, containerName, previous, timestamps);
  if ('error' in served) return fail(served.error);
  const prefix = parsed.flags.prefix === true ? `[pod/${pod.metadata.name}/${containerName}] ` : '';
  return ok(
    tailed(served.lines, tail ?? -1)
      .map((line) => `${prefix}${line}\n`)
      .join(''),
    stderr,
  );
}
