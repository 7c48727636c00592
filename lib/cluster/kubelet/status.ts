// The kubelet's status manager for a running pod: each container's status from its instance,
// the pod phase (getPhase) and the Ready conditions, written only when what they show changed;
// the terminal status of a deleted pod; and whether the pod's processes answer, as a Service backend needs.
import { defaults } from '../engine/config';
import type { SimContext } from '../engine/context';
import type { ContainerInstance, ContainerRecord } from '../engine/state';
import { setCondition } from '../controllers/podutil';
import type { Container, ContainerStatus, Pod, PodPhase } from '../api/types';
import { backoffEndsAt } from '../util/backoff';
import { appServes } from './apps';
import { backoffKey, kubeletMessages } from './kuberuntime';

/** A container's status as the kubelet reports it, from its instance. Every field written out (one hidden class). */
function statusOf(container: Container, instance: ContainerInstance, previous: ContainerStatus | undefined): ContainerStatus {
  const running = instance.state === 'running' || instance.state === 'killing';
  const startup = instance.probes.startup;
  const readiness = instance.probes.readiness;
  const started = running && (!startup || startup.result === 'Success');
  const ready = started && (!readiness || readiness.result === 'Success');
  const crashLoop = instance.state === 'backoff';
  // An image error shows until the container runs, through the next attempt's pull too (#96, #97).
  const image = !running && !crashLoop && instance.waiting !== undefined ? instance.waiting : undefined;
  const waiting = crashLoop || image !== undefined;
  const ended = instance.ended;
  return {
    name: container.name,
    image: container.image,
    ready,
    started,
    state: running ? 'running' : waiting ? 'waiting' : 'terminated',
    reason: running ? undefined : crashLoop ? 'CrashLoopBackOff' : image ? image.reason : ended?.reason,
    restartCount: instance.restartCount,
    lastRestartAt: previous?.lastRestartAt,
    startedAt: waiting ? undefined : instance.startedAt,
    exitCode: running || waiting ? undefined : ended?.exitCode,
    finishedAt: running || waiting ? undefined : ended?.finishedAt,
    message: image?.message,
    lastState:
      waiting && ended
        ? { reason: ended.reason, exitCode: ended.exitCode, startedAt: instance.startedAt, finishedAt: ended.finishedAt }
        : instance.last,
  };
}

function sameTermination(a: ContainerStatus['lastState'], b: ContainerStatus['lastState']): boolean {
  return (
    a === b ||
    (!!a && !!b && a.reason === b.reason && a.exitCode === b.exitCode && a.finishedAt === b.finishedAt && a.startedAt === b.startedAt)
  );
}

function sameStatus(a: ContainerStatus | undefined, b: ContainerStatus): boolean {
  return (
    !!a &&
    a.ready === b.ready &&
    a.started === b.started &&
    a.state === b.state &&
    a.reason === b.reason &&
    a.restartCount === b.restartCount &&
    a.startedAt === b.startedAt &&
    a.exitCode === b.exitCode &&
    a.message === b.message &&
    sameTermination(a.lastState, b.lastState)
  );
}

/** getPhase (kubelet_pods.go) over the container statuses. */
export function podPhase(pod: Pod, statuses: ContainerStatus[]): PodPhase {
  let running = 0;
  let stopped = 0;
  let succeeded = 0;
  for (const status of statuses) {
    if (status.state === 'running') running++;
    else if (status.state === 'terminated') {
      stopped++;
      if (status.exitCode === 0) succeeded++;
    } else if (status.lastState) stopped++;
  }
  if (running > 0) return 'Running';
  if (stopped === 0) return 'Pending';
  const policy = pod.spec.restartPolicy ?? 'Always';
  if (policy === 'Always') return 'Running';
  if (stopped === succeeded && stopped === statuses.length) return 'Succeeded';
  if (policy === 'Never') return 'Failed';
  return 'Running';
}

/**
 * The status manager: the pod's container statuses, phase and Ready conditions from its
 * instances, written only when one of them changed (probes on a thousand pods cost no writes).
 * The back-off message of a waiting container is filled in here, from the back-off table.
 */
export function syncContainerStatus(ctx: SimContext, pod: Pod, record: ContainerRecord, restart = false): void {
  const instances = record.instances;
  if (!instances) return;
  const now = ctx.clock.now();
  const node = pod.spec.nodeName!;
  const statuses = pod.spec.containers.map((container) => {
    const previous = pod.status.containerStatuses.find((status) => status.name === container.name);
    const status = statusOf(container, instances[container.name], previous);
    if (restart) status.lastRestartAt = now;
    if (status.reason === 'CrashLoopBackOff') {
      const table = ctx.state.kubelets[node]?.containerBackoff ?? {};
      const key = backoffKey(pod, container.name);
      const ends = backoffEndsAt(table, key, 0);
      status.message = kubeletMessages.crashLoopMessage(ends ?? defaults.containerBackoff.initialMs, container.name, pod);
    }
    return status;
  });
  const phase = podPhase(pod, statuses);
  const terminal = phase === 'Succeeded' || phase === 'Failed';
  const unready = statuses.filter((status) => !status.ready).map((status) => status.name);
  const readyStatus = unready.length === 0 ? 'True' : 'False';
  const reason = terminal ? 'PodCompleted' : unready.length > 0 ? 'ContainersNotReady' : '';
  const message = terminal || unready.length === 0 ? '' : kubeletMessages.notReady(unready);
  const ready = pod.status.conditions.find((condition) => condition.type === 'Ready');
  const containersReady = pod.status.conditions.find((condition) => condition.type === 'ContainersReady');
  const unchanged =
    pod.status.phase === phase &&
    ready?.status === readyStatus &&
    ready.reason === reason &&
    containersReady?.status === readyStatus &&
    pod.status.containerStatuses.length === statuses.length &&
    statuses.every((status, i) => sameStatus(pod.status.containerStatuses[i], status));
  if (unchanged) return;
  ctx.client.update(pod, 'status', (target) => {
    target.status.phase = phase;
    setCondition(target.status.conditions, 'ContainersReady', readyStatus, now, reason, message);
    setCondition(target.status.conditions, 'Ready', readyStatus, now, reason, message);
    target.status.containerStatuses = statuses;
  });
}

/**
 * syncTerminatedPod and the status manager's TerminatePod (#51): once every container of a deleted
 * pod has stopped, the kubelet writes the pod's terminal status before it confirms the deletion:
 * each container terminated with its exit code (one it cannot account for, such as one that
 * never started, as ContainerStatusUnknown with 137), Ready False, and phase Succeeded if every
 * container exited 0, else Failed (kubernetes#115331).
 */
export function syncTerminatedPod(ctx: SimContext, pod: Pod, record: ContainerRecord | undefined): void {
  const now = ctx.clock.now();
  const statuses = pod.spec.containers.map((container): ContainerStatus => {
    const previous = pod.status.containerStatuses.find((status) => status.name === container.name);
    const instance = record?.instances?.[container.name];
    if (instance && (instance.state === 'running' || instance.state === 'killing')) {
      const exitCode = instance.killExitCode ?? 0;
      instance.ended = { reason: exitCode === 0 ? 'Completed' : 'Error', exitCode, finishedAt: now };
      instance.state = 'exited';
    }
    if (instance?.state === 'exited' && instance.ended) return statusOf(container, instance, previous);
    return {
      name: container.name,
      image: container.image,
      ready: false,
      started: false,
      state: 'terminated',
      reason: 'ContainerStatusUnknown',
      restartCount: previous?.restartCount ?? 0,
      lastRestartAt: previous?.lastRestartAt,
      startedAt: undefined,
      exitCode: 137,
      finishedAt: undefined,
      message: 'The container could not be located when the pod was terminated',
      lastState: previous?.lastState,
    };
  });
  const phase: PodPhase = statuses.every((status) => status.exitCode === 0) ? 'Succeeded' : 'Failed';
  ctx.client.update(pod, 'status', (target) => {
    target.status.phase = phase;
    setCondition(target.status.conditions, 'ContainersReady', 'False', now, 'PodCompleted', '');
    setCondition(target.status.conditions, 'Ready', 'False', now, 'PodCompleted', '');
    target.status.containerStatuses = statuses;
  });
}

/**
 * Whether the pod's processes answer requests on its node right now: its containers run and none
 * is hung. What a Service backend needs from the runtime (kube-proxy's podServes adds the node
 * and the network); it reads only the node's runtime, never the API.
 */
export function containersServe(ctx: Pick<SimContext, 'state'>, pod: Pod): boolean {
  const node = pod.spec.nodeName;
  const record = node ? ctx.state.runtimes[node]?.containers[pod.metadata.uid] : undefined;
  // A stopping pod still answers until its processes exit (serving while terminating).
  if (!record?.instances || (record.phase !== 'running' && record.phase !== 'stopping')) return false;
  for (const container of pod.spec.containers) if (!appServes(record.instances[container.name])) return false;
  return true;
}
