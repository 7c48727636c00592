// `sim app crash|hang|unready|heal|memory POD`: make the process in a pod's container misbehave,
// as a real app does. It changes only the node's runtime (the app's state); what the kubelet
// sees of it follows from its own probes and exits. POD may be deployment/NAME (every pod of it).
import { contextNamespace } from '../kubectl/kubeconfig';
import type { Engine } from '../engine/engine';
import type { ContainerInstance, ContainerRecord } from '../engine/state';
import type { Pod } from '../api/types';
import { controllerOf } from '../controllers/podutil';
import { containerExited } from '../kubelet/kuberuntime';
import { wakeProbeWorkers } from '../kubelet/prober';
import { runtimeOf } from '../kubelet/runtime';
import { namespaceFlags, parseArgs } from '../kubectl/flags';
import { fail, ok, type CommandResult } from '../kubectl/result';
import { formatMemory, parseMemory } from '../util/quantity';

export const appActions = ['crash', 'hang', 'unready', 'heal', 'memory'] as const;
type AppAction = (typeof appActions)[number];

export const appErrors = {
  usage: 'error: sim app crash|hang|unready|heal|memory POD|deployment/NAME [SIZE] [--exit-code N] [-c CONTAINER] [-n NAMESPACE]',
  notFound: (target: string, namespace: string) => `error: no pod or deployment "${target}" in namespace "${namespace}"`,
  notRunning: (pod: string) => `error: pod ${pod} has no running container (start it first, or wait for it)`,
  noContainer: (container: string, pod: string) => `error: container ${container} is not valid for pod ${pod}`,
  size: (text: string | undefined) =>
    `error: sim app memory POD SIZE: ${text === undefined ? 'a size is required' : `invalid size ${JSON.stringify(text)}`} (like 300Mi or 1Gi)`,
  exitCode: (value: number) => `error: invalid --exit-code ${value}: an exit code is 1 to 255 (0 is a clean exit, not a crash)`,
};

/** The pods the target names: one pod, or every pod of deployment/NAME (through its ReplicaSets). */
function targetPods(engine: Engine, target: string, namespace: string): Pod[] | undefined {
  const slash = target.indexOf('/');
  const kind = slash < 0 ? 'pod' : target.slice(0, slash);
  const name = slash < 0 ? target : target.slice(slash + 1);
  const pods = [...engine.store.list('Pod')].filter((pod) => pod.metadata.namespace === namespace);
  if (['pod', 'pods', 'po'].includes(kind)) {
    const pod = pods.find((each) => each.metadata.name === name);
    return pod ? [pod] : undefined;
  }
  if (!['deployment', 'deployments', 'deploy', 'deployment.apps'].includes(kind)) return undefined;
  const deployment = engine.store.get('Deployment', `${namespace}/${name}`);
  if (!deployment) return undefined;
  const replicaSets = new Set(engine.store.dependentsOf(deployment.metadata.uid, 'ReplicaSet').map((rs) => rs.metadata.uid));
  return pods.filter((pod) => replicaSets.has(controllerOf(pod)?.uid ?? '')).sort((a, b) => a.metadata.name.localeCompare(b.metadata.name));
}

interface Running {
  pod: Pod;
  record: ContainerRecord;
  name: string;
  instance: ContainerInstance;
}

function runningContainer(engine: Engine, pod: Pod, container: string | undefined): Running | string {
  const name = container ?? pod.spec.containers[0].name;
  if (!pod.spec.containers.some((each) => each.name === name)) return appErrors.noContainer(name, pod.metadata.name);
  const node = pod.spec.nodeName;
  const record = node ? runtimeOf(engine, node).containers[pod.metadata.uid] : undefined;
  const instance = record?.instances?.[name];
  if (!record || !instance || record.phase !== 'running' || instance.state !== 'running' || pod.metadata.deletionTimestamp !== undefined)
    return appErrors.notRunning(pod.metadata.name);
  return { pod, record, name, instance };
}

function apply(engine: Engine, action: AppAction, target: Running, exitCode: number, memory: number): string {
  const { pod, record, name, instance } = target;
  const node = pod.spec.nodeName!;
  const podName = pod.metadata.name;
  switch (action) {
    case 'crash':
      containerExited(engine, node, pod, record, name, exitCode, false);
      return `${podName}: container ${name} exited with code ${exitCode}`;
    case 'hang':
      instance.app.hung = true;
      wakeProbeWorkers(engine, node, pod, record, name);
      return `${podName}: container ${name} hangs (answers no probe, ignores SIGTERM) until it restarts`;
    case 'unready':
      instance.app.unready = true;
      wakeProbeWorkers(engine, node, pod, record, name);
      return `${podName}: container ${name} fails its readiness checks until healed`;
    case 'heal':
      instance.app.hung = false;
      instance.app.unready = false;
      wakeProbeWorkers(engine, node, pod, record, name);
      return `${podName}: container ${name} behaves again`;
    case 'memory': {
      instance.app.memoryBytes = memory;
      const limit = pod.spec.containers.find((each) => each.name === name)!.limits?.memory;
      if (!limit)
        return `${podName}: container ${name} uses ${formatMemory(memory)}; it has no memory limit, so only the node's memory bounds it (node memory pressure is not simulated)`;
      if (memory <= limit) return `${podName}: container ${name} uses ${formatMemory(memory)} of its ${formatMemory(limit)} limit`;
      containerExited(engine, node, pod, record, name, 137, true);
      return `${podName}: container ${name} uses ${formatMemory(memory)}, over its ${formatMemory(limit)} limit: the kernel OOM-killed it (exit code 137)`;
    }
  }
}

export function appCommand(engine: Engine, args: string[]): CommandResult {
  const parsed = parseArgs(args, [
    ...namespaceFlags,
    { name: 'exit-code', type: 'int' },
    { name: 'container', short: 'c', type: 'string' },
  ]);
  if ('error' in parsed) return fail(parsed.error);
  const [action, target, size, ...rest] = parsed.positional;
  if (!appActions.includes(action as AppAction) || !target) return fail(appErrors.usage);
  const wantsSize = action === 'memory';
  if (rest.length > 0 || (!wantsSize && size !== undefined)) return fail(appErrors.usage);
  const memory = wantsSize ? parseMemory(size ?? '') : 0;
  if (wantsSize && (size === undefined || memory === undefined || memory <= 0)) return fail(appErrors.size(size));
  const exitCode = (parsed.flags['exit-code'] as number | undefined) ?? 1;
  if (exitCode < 1 || exitCode > 255) return fail(appErrors.exitCode(exitCode));
  const namespace = (parsed.flags.namespace as string | undefined) ?? contextNamespace(engine);
  const pods = targetPods(engine, target, namespace);
  if (!pods || pods.length === 0) return fail(appErrors.notFound(target, namespace));
  // Check every pod first: a refused command changes nothing.
  const targets = pods.map((pod) => runningContainer(engine, pod, parsed.flags.container as string | undefined));
  const usable = targets.filter((each): each is Running => typeof each !== 'string');
  if (usable.length === 0) return fail(targets[0] as string);
  const lines = usable.map((each) => apply(engine, action as AppAction, each, exitCode, memory!));
  engine.afterChange();
  return ok(`${lines.join('\n')}\n`);
}
