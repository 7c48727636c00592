// The kubelet's container lifecycle once a pod's containers run (pkg/kubelet/kuberuntime and the
// status manager): one instance per container, exits and their reasons (#40, #41), restarts by
// restartPolicy (#39) with the per-container back-off (#38), graceful kills with preStop and
// SIGTERM then SIGKILL (#37, #51); the pod status derived from all of it is status.ts's.
//
// Every runtime step is a plain-data timer (owner 'kuberuntime'), at most one pending per
// container; the pod status is written only when what it shows changed.
import { involved } from '../apiserver/apiserver';
import type { ContainerStep, TimerTask } from '../engine/clock';
import { defaults } from '../engine/config';
import type { SimContext } from '../engine/context';
import type { ContainerInstance, ContainerRecord } from '../engine/state';
import type { Container, Pod } from '../api/types';
import { backoffNext, inBackoffSince } from '../util/backoff';
import { formatGoDuration } from '../util/duration';
import { commandExit, ignoresSigterm, initialApp, sigkillExitCode, sigtermExitCode } from './apps';
import { cancelProbeWorkers, resetProbeWorkers, startProbeWorkers, triggerReadiness, wakeProbeWorkers } from './prober';
import { runtimeOf, startDurationMs, stopDurationMs } from './runtime';
import { beginImage, endImage, type ImageStep } from './images';
import { syncContainerStatus } from './status';

type RuntimeTask = Extract<TimerTask, { owner: 'kuberuntime' }>;

/** The texts the kubelet records (kuberuntime_manager.go, kuberuntime_container.go), defined once. */
export const kubeletMessages = {
  killing: (container: string) => `Stopping container ${container}`,
  probeKill: (container: string, probe: 'liveness' | 'startup') => `Container ${container} failed ${probe} probe, will be restarted`,
  backOff: (container: string, pod: Pod) =>
    `Back-off restarting failed container ${container} in pod ${pod.metadata.name}_${pod.metadata.namespace}(${pod.metadata.uid})`,
  crashLoopMessage: (backoffMs: number, container: string, pod: Pod) =>
    `back-off ${formatGoDuration(backoffMs)} restarting failed container=${container} pod=${pod.metadata.name}_${pod.metadata.namespace}(${pod.metadata.uid})`,
  notReady: (containers: string[]) => `containers with unready status: [${containers.join(' ')}]`,
};

/** containerd's exit reasons (#40). */
export function exitReason(exitCode: number, oomKilled: boolean): string {
  if (oomKilled) return 'OOMKilled';
  return exitCode === 0 ? 'Completed' : 'Error';
}

/** #39 ShouldContainerBeRestarted, for a container that exited with `exitCode`. */
export function shouldRestart(pod: Pod, exitCode: number): boolean {
  const policy = pod.spec.restartPolicy ?? 'Always';
  return policy === 'Always' || (policy === 'OnFailure' && exitCode !== 0);
}

export const backoffKey = (pod: Pod, container: string) => `${pod.metadata.uid}/${container}`;

function backoffTable(ctx: SimContext, node: string) {
  const kubelet = (ctx.state.kubelets[node] ??= { lastStatusReportAt: -Infinity });
  return (kubelet.containerBackoff ??= {});
}

function schedule(ctx: SimContext, node: string, pod: Pod, record: ContainerRecord, name: string, step: ContainerStep, ms: number): void {
  const instance = record.instances![name];
  if (instance.stepTimerId !== undefined) ctx.clock.cancel(instance.stepTimerId);
  const task: RuntimeTask = {
    owner: 'kuberuntime',
    node,
    uid: pod.metadata.uid,
    container: name,
    step,
    restartCount: instance.restartCount,
  };
  instance.stepTimerId = ctx.schedule(task, ms);
}

function containerOf(pod: Pod, name: string): Container {
  return pod.spec.containers.find((container) => container.name === name)!;
}

/** What happens once an instance runs: a command that ends schedules its exit, an app over its limit its OOM kill. */
function armInstance(ctx: SimContext, node: string, pod: Pod, record: ContainerRecord, container: Container): void {
  const instance = record.instances![container.name];
  const limit = container.limits?.memory;
  if (limit && instance.app.memoryBytes > limit) {
    schedule(
      ctx,
      node,
      pod,
      record,
      container.name,
      'OOM_KILLED',
      ctx.rng.between(defaults.oomAfterStartMs.min, defaults.oomAfterStartMs.max),
    );
    return;
  }
  const exit = commandExit(container);
  if (exit) schedule(ctx, node, pod, record, container.name, 'CONTAINER_EXITED', exit.afterMs);
}

/**
 * The pod's containers started (first start, or after the node lost them): one fresh instance
 * each, their probe workers, then the status. `restart` counts it as a restart (#40: reason
 * Unknown, exit 255, as containerd reports containers it lost with the machine). A container in
 * `waiting` could not get its image (#96): it waits in that error while the others run, and the
 * pod worker's re-sync retries it.
 */
export function startInstances(
  ctx: SimContext,
  node: string,
  pod: Pod,
  record: ContainerRecord,
  restart: boolean,
  waiting: Record<string, { reason: string; message: string }> = {},
): void {
  const now = ctx.clock.now();
  const instances: Record<string, ContainerInstance> = {};
  record.instances = instances;
  for (const container of pod.spec.containers) {
    const previous = pod.status.containerStatuses.find((status) => status.name === container.name);
    const restartCount = (previous?.restartCount ?? 0) + (restart ? 1 : 0);
    const error = Object.hasOwn(waiting, container.name) ? waiting[container.name] : undefined;
    instances[container.name] = {
      state: error ? 'imageWait' : 'running',
      restartCount,
      startedAt: now,
      // The lost instance started at the last restart, or with the pod.
      last: restart
        ? { reason: 'Unknown', exitCode: 255, startedAt: previous?.lastRestartAt ?? pod.status.startTime ?? now, finishedAt: now }
        : previous?.lastState,
      app: initialApp(container),
      probes: {},
      ...(error ? { waiting: error } : {}),
    };
  }
  for (const container of pod.spec.containers) {
    startProbeWorkers(ctx, node, pod, record, container);
    if (instances[container.name].state === 'running') armInstance(ctx, node, pod, record, container);
    else scheduleImageResync(ctx, node, pod, record, container.name);
  }
  syncContainerStatus(ctx, pod, record, restart);
  for (const container of pod.spec.containers) triggerReadiness(ctx, node, pod, record, container.name);
}

/** The pod worker re-syncs a pod whose sync failed after 10-15s (pod_workers.go backOffPeriod with jitter). */
function scheduleImageResync(ctx: SimContext, node: string, pod: Pod, record: ContainerRecord, name: string): void {
  const ms = ctx.rng.between(defaults.podWorkerErrorResyncMs.min, defaults.podWorkerErrorResyncMs.max);
  schedule(ctx, node, pod, record, name, 'BACKOFF_RESYNC', ms);
}

/** The runtime reports an exit (the command ended, OOM, a crash, a kill): record it, then decide the restart. */
export function containerExited(
  ctx: SimContext,
  node: string,
  pod: Pod,
  record: ContainerRecord,
  name: string,
  exitCode: number,
  oom: boolean,
): void {
  const instance = record.instances?.[name];
  if (!instance || (instance.state !== 'running' && instance.state !== 'killing')) return;
  if (instance.stepTimerId !== undefined) ctx.clock.cancel(instance.stepTimerId);
  instance.stepTimerId = undefined;
  instance.state = 'exited';
  instance.killReason = undefined;
  instance.killExitCode = undefined;
  instance.ended = { reason: exitReason(exitCode, oom), exitCode, finishedAt: ctx.clock.now() };
  wakeProbeWorkers(ctx, node, pod, record, name);
  if (ctx.kubeletRunning(node)) syncContainer(ctx, node, pod, record, name);
}

/**
 * One container in computePodActions: an exited container that restartPolicy restarts is started
 * again at once if it is not in back-off (the back-off grows by one step), or waits in
 * CrashLoopBackOff and is looked at again by the pod worker's 10-15s re-sync (#38). A container
 * whose image step failed (#96, #97) is tried again the same way: the crash back-off first when
 * it ran before (doBackOff), then the image manager.
 */
function syncContainer(ctx: SimContext, node: string, pod: Pod, record: ContainerRecord, name: string, resync = false): void {
  const instance = record.instances![name];
  const now = ctx.clock.now();
  const retriable = instance.state === 'exited' || instance.state === 'backoff' || instance.state === 'imageWait';
  if (!retriable) return;
  if (!instance.ended) {
    // Never ran (its first image step failed): no crash back-off applies.
    if (instance.state === 'imageWait' && resync) restartContainer(ctx, node, pod, record, name);
    return;
  }
  if (!shouldRestart(pod, instance.ended.exitCode)) {
    syncContainerStatus(ctx, pod, record);
    return;
  }
  if (instance.state === 'imageWait' && !resync) return;
  const table = backoffTable(ctx, node);
  const key = backoffKey(pod, name);
  if (inBackoffSince(table, defaults.containerBackoff, key, instance.ended.finishedAt, now)) {
    if (instance.state === 'backoff' && !resync) return;
    instance.state = 'backoff';
    ctx.client.record(involved(pod), 'Warning', 'BackOff', kubeletMessages.backOff(name, pod), 'kubelet');
    schedule(
      ctx,
      node,
      pod,
      record,
      name,
      'BACKOFF_RESYNC',
      ctx.rng.between(defaults.podWorkerBackoffMs.min, defaults.podWorkerBackoffMs.max),
    );
    syncContainerStatus(ctx, pod, record);
    return;
  }
  backoffNext(table, defaults.containerBackoff, key, now, now);
  restartContainer(ctx, node, pod, record, name);
}

/**
 * startContainer (kuberuntime_container.go): the image step through the image manager (pull
 * policy, registry, pull back-off: #97), then create and start.
 */
function restartContainer(ctx: SimContext, node: string, pod: Pod, record: ContainerRecord, name: string): void {
  const instance = record.instances![name];
  instance.state = 'starting';
  syncContainerStatus(ctx, pod, record);
  afterImageStep(ctx, node, pod, record, name, beginImage(ctx, node, pod, containerOf(pod, name)));
}

function afterImageStep(ctx: SimContext, node: string, pod: Pod, record: ContainerRecord, name: string, step: ImageStep): void {
  const instance = record.instances![name];
  if (step.kind === 'present') {
    instance.pull = undefined;
    schedule(ctx, node, pod, record, name, 'CONTAINER_STARTED', startDurationMs(ctx));
  } else if (step.kind === 'pulling') {
    instance.pull = { requestedAt: step.requestedAt, startedAt: step.startedAt };
    schedule(ctx, node, pod, record, name, 'IMAGE_PULLED', step.doneInMs);
  } else {
    // The start failed: the container waits in the image error until the pod worker's re-sync.
    instance.pull = undefined;
    instance.state = 'imageWait';
    instance.waiting = { reason: step.reason, message: step.message };
    scheduleImageResync(ctx, node, pod, record, name);
    syncContainerStatus(ctx, pod, record);
  }
}

/** The new instance runs: the old one becomes lastState, the count goes up, probes start over. */
function instanceStarted(ctx: SimContext, node: string, pod: Pod, record: ContainerRecord, name: string): void {
  const instance = record.instances![name];
  const now = ctx.clock.now();
  const ended = instance.ended;
  // A container whose first image step failed starts for the first time: no restart to count.
  if (ended) {
    instance.last = { reason: ended.reason, exitCode: ended.exitCode, startedAt: instance.startedAt, finishedAt: ended.finishedAt };
    instance.restartCount += 1;
  }
  instance.ended = undefined;
  instance.waiting = undefined;
  instance.state = 'running';
  instance.startedAt = now;
  instance.app.hung = false;
  ctx.client.record(involved(pod), 'Normal', 'Created', `Created container: ${name}`, 'kubelet');
  ctx.client.record(involved(pod), 'Normal', 'Started', `Started container ${name}`, 'kubelet');
  resetProbeWorkers(ctx, node, pod, record, name);
  armInstance(ctx, node, pod, record, containerOf(pod, name));
  syncContainerStatus(ctx, pod, record);
  triggerReadiness(ctx, node, pod, record, name);
}

/**
 * How long a graceful stop of this container takes (#51): its preStop hook, then SIGTERM; an app
 * that ignores SIGTERM is SIGKILLed when the grace period runs out. Returns the exit code too.
 */
export function stopTiming(
  container: Container,
  instance: ContainerInstance | undefined,
  graceMs: number,
  stopMs: number,
): { ms: number; exitCode: number } {
  const hung = instance?.app.hung ?? false;
  const preStop = container.lifecycle?.preStop;
  const hookMs = !preStop ? 0 : hung && !preStop.sleep ? graceMs : (preStop.sleep?.seconds ?? 0) * 1000;
  if (hung || ignoresSigterm(container) || hookMs >= graceMs) return { ms: graceMs, exitCode: sigkillExitCode };
  return { ms: Math.min(graceMs, hookMs + stopMs), exitCode: sigtermExitCode(container) };
}

/** killContainer for a failed liveness or startup probe (#37): Killing event, graceful stop, then the restart path. */
export function killContainer(
  ctx: SimContext,
  node: string,
  pod: Pod,
  record: ContainerRecord,
  name: string,
  probe: 'liveness' | 'startup',
): void {
  const instance = record.instances?.[name];
  if (instance?.state !== 'running') return;
  instance.state = 'killing';
  instance.killReason = probe;
  wakeProbeWorkers(ctx, node, pod, record, name);
  ctx.client.record(involved(pod), 'Normal', 'Killing', kubeletMessages.probeKill(name, probe), 'kubelet');
  const { ms, exitCode } = stopTiming(containerOf(pod, name), instance, pod.spec.terminationGracePeriodSeconds * 1000, stopDurationMs(ctx));
  const task: RuntimeTask = {
    owner: 'kuberuntime',
    node,
    uid: pod.metadata.uid,
    container: name,
    step: 'CONTAINER_KILLED',
    restartCount: instance.restartCount,
  };
  if (instance.stepTimerId !== undefined) ctx.clock.cancel(instance.stepTimerId);
  instance.stepTimerId = ctx.schedule(task, ms);
  instance.killExitCode = exitCode;
}

/** The pod is being stopped as a whole (deletion): nothing of its containers goes on by itself. */
export function stopInstances(ctx: SimContext, record: ContainerRecord): void {
  for (const instance of Object.values(record.instances ?? {})) {
    if (instance.stepTimerId !== undefined) ctx.clock.cancel(instance.stepTimerId);
    instance.stepTimerId = undefined;
  }
  cancelProbeWorkers(ctx, record);
}

/** The pod worker's level-triggered pass over the containers (after a kubelet restart, a pod update). */
export function syncContainers(ctx: SimContext, node: string, pod: Pod, record: ContainerRecord): void {
  for (const name of Object.keys(record.instances ?? {})) {
    if (record.instances![name].state === 'exited') syncContainer(ctx, node, pod, record, name);
  }
  syncContainerStatus(ctx, pod, record);
}

/** A container step is due (a timer of this node's kubelet and runtime). */
export function completeContainerStep(ctx: SimContext, task: RuntimeTask): void {
  const record = runtimeOf(ctx, task.node).containers[task.uid];
  const instance = record?.instances?.[task.container];
  if (!instance || instance.restartCount !== task.restartCount) return;
  instance.stepTimerId = undefined;
  const pod = ctx.listers.get('Pod', record.podKey);
  if (!pod || pod.metadata.uid !== task.uid || record.phase !== 'running') return;
  switch (task.step) {
    case 'CONTAINER_EXITED':
      containerExited(ctx, task.node, pod, record, task.container, commandExit(containerOf(pod, task.container))?.exitCode ?? 0, false);
      return;
    case 'OOM_KILLED':
      containerExited(ctx, task.node, pod, record, task.container, sigkillExitCode, true);
      return;
    case 'CONTAINER_KILLED':
      containerExited(ctx, task.node, pod, record, task.container, instance.killExitCode ?? sigkillExitCode, false);
      return;
    case 'BACKOFF_RESYNC': {
      const waits = instance.state === 'backoff' || instance.state === 'imageWait';
      if (waits && ctx.kubeletRunning(task.node)) syncContainer(ctx, task.node, pod, record, task.container, true);
      else if (waits) schedule(ctx, task.node, pod, record, task.container, 'BACKOFF_RESYNC', defaults.podWorkerBackoffMs.min);
      return;
    }
    case 'IMAGE_PULLED':
      if (instance.state === 'starting' && instance.pull) {
        const { requestedAt, startedAt } = instance.pull;
        const container = containerOf(pod, task.container);
        afterImageStep(ctx, task.node, pod, record, task.container, endImage(ctx, task.node, pod, container, requestedAt, startedAt));
      }
      return;
    case 'CONTAINER_STARTED':
      if (instance.state === 'starting') instanceStarted(ctx, task.node, pod, record, task.container);
      return;
  }
}
