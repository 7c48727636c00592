// The kubelet's prober (pkg/kubelet/prober): one worker per probe of a container, each with one
// periodic timer for the life of the pod. A worker publishes a new result only after
// failureThreshold failures or successThreshold successes in a row (#36); a published change is
// the only thing that writes the pod status, so steady probes cost a timer and no store write.
// Readiness only flips Ready; liveness and startup failures get the container killed (#37).
// A worker whose ticks could change nothing (healthy and steady, on hold, or its container not
// running) sleeps instead of ticking; what changes the container or its app wakes it on the grid
// it would have ticked on, so a sleeping worker and a ticking one are indistinguishable.
import { involved } from '../apiserver/apiserver';
import type { TimerTask } from '../engine/clock';
import type { SimContext } from '../engine/context';
import type { ContainerInstance, ContainerRecord, ProbeResult, ProbeType, ProbeWorkerState } from '../engine/state';
import type { Container, Pod, Probe } from '../api/types';
import { runProbe } from './apps';
import { killContainer } from './kuberuntime';
import { syncContainerStatus } from './status';

type ProberTask = Extract<TimerTask, { owner: 'prober' }>;

export const probeTypes: readonly ProbeType[] = ['startup', 'liveness', 'readiness'];

/** newWorker's initial values: readiness starts failed, liveness succeeded, startup unknown (#36). */
const initialResult: Record<ProbeType, ProbeResult> = { readiness: 'Failure', liveness: 'Success', startup: 'Unknown' };

/** probeType.String(), as the Unhealthy events print it. */
const probeWord: Record<ProbeType, string> = { readiness: 'Readiness', liveness: 'Liveness', startup: 'Startup' };

export const proberMessages = {
  unhealthy: (type: ProbeType, output: string) => `${probeWord[type]} probe failed: ${output}`,
};

export function probeOf(container: Container, type: ProbeType): Probe | undefined {
  return type === 'readiness' ? container.readinessProbe : type === 'liveness' ? container.livenessProbe : container.startupProbe;
}

/** The timer task of one worker: plain data naming the pod's attempt, the container and the probe. */
const workerTask = (node: string, pod: Pod, record: ContainerRecord, container: string, type: ProbeType): ProberTask => ({
  owner: 'prober',
  node,
  uid: pod.metadata.uid,
  attempt: record.attempt,
  container,
  probe: type,
});

function tick(
  ctx: SimContext,
  node: string,
  pod: Pod,
  record: ContainerRecord,
  container: string,
  type: ProbeType,
  periodSeconds: number,
): number {
  return ctx.schedule(workerTask(node, pod, record, container, type), periodSeconds * 1000);
}

/** The pod's containers started for the first time on this node: a worker per probe, ticking every period. */
export function startProbeWorkers(ctx: SimContext, node: string, pod: Pod, record: ContainerRecord, container: Container): void {
  const instance = record.instances![container.name];
  for (const type of probeTypes) {
    const probe = probeOf(container, type);
    if (!probe) continue;
    instance.probes[type] = {
      result: initialResult[type],
      lastResult: 'Unknown',
      resultRun: 0,
      onHold: false,
      timerId: tick(ctx, node, pod, record, container.name, type, probe.periodSeconds),
    };
  }
}

/** A new instance of the container (a new container ID): every worker starts from its initial value again. */
export function resetProbeWorkers(ctx: SimContext, node: string, pod: Pod, record: ContainerRecord, container: string): void {
  const probes = record.instances![container].probes;
  for (const type of probeTypes) {
    const worker = probes[type];
    if (!worker) continue;
    worker.result = initialResult[type];
    worker.lastResult = 'Unknown';
    worker.resultRun = 0;
    worker.onHold = false;
  }
  wakeProbeWorkers(ctx, node, pod, record, container);
}

/**
 * The container or its app changed (it exited, is being killed, started again, hangs, heals):
 * sleeping workers tick again from the first tick of their grid that has not happened yet. A
 * worker still ticking on the same grid is queued again behind them, so the workers of a
 * container keep their order within an instant.
 */
export function wakeProbeWorkers(ctx: SimContext, node: string, pod: Pod, record: ContainerRecord, name: string): void {
  const instance = record.instances?.[name];
  const container = pod.spec.containers.find((each) => each.name === name);
  if (!instance || !container) return;
  const now = ctx.clock.now();
  let resumedAt: number | undefined;
  for (const type of probeTypes) {
    const worker = instance.probes[type];
    const probe = probeOf(container, type);
    if (!worker || !probe) continue;
    const period = probe.periodSeconds * 1000;
    if (worker.asleepSince === undefined) {
      if (resumedAt !== undefined) worker.timerId = ctx.clock.requeue(worker.timerId, resumedAt);
      continue;
    }
    // The last tick of the grid at or before now, then the first one that has not fired.
    const last = worker.asleepSince + Math.floor((now - worker.asleepSince) / period) * period;
    const due = last === now && last > worker.asleepSince && !ctx.clock.firedBefore(last - period) ? last : last + period;
    worker.timerId = ctx.clock.resume(workerTask(node, pod, record, name, type), due, due - period);
    worker.asleepSince = undefined;
    resumedAt = due;
  }
}

export function cancelProbeWorkers(ctx: SimContext, record: ContainerRecord): void {
  for (const instance of Object.values(record.instances ?? {})) {
    for (const type of probeTypes) {
      const worker = instance.probes[type];
      if (worker) ctx.clock.cancel(worker.timerId);
    }
    instance.probes = {};
  }
}

/** Publishes a worker's result; only a change touches the pod status. */
function publish(ctx: SimContext, pod: Pod, record: ContainerRecord, worker: ProbeWorkerState, result: ProbeResult): boolean {
  if (worker.result === result) return false;
  worker.result = result;
  syncContainerStatus(ctx, pod, record);
  return true;
}

/**
 * worker.doProbe: one probe of one container, with the kubelet's skipping rules and thresholds.
 * Returns whether it wrote anything (an event, the pod status): a steady probe writes nothing.
 */
function doProbe(ctx: SimContext, node: string, pod: Pod, record: ContainerRecord, name: string, type: ProbeType): boolean {
  const instance = record.instances?.[name];
  const worker = instance?.probes[type];
  const container = pod.spec.containers.find((each) => each.name === name);
  const probe = container && probeOf(container, type);
  if (!instance || !worker || !container || !probe) return false;
  const now = ctx.clock.now();
  if (instance.state !== 'running' && instance.state !== 'killing')
    return type === 'readiness' && publish(ctx, pod, record, worker, 'Failure');
  if (worker.onHold) return false;
  if (now - instance.startedAt < probe.initialDelaySeconds * 1000) return false;
  const startup = instance.probes.startup;
  const started = !startup || startup.result === 'Success';
  if (type === 'startup' ? started : !started) return false;
  const outcome = runProbe(container, instance, type, probe, pod.status.podIP ?? '', now - instance.startedAt);
  const failed = outcome.result === 'Failure';
  if (failed) ctx.client.record(involved(pod), 'Warning', 'Unhealthy', proberMessages.unhealthy(type, outcome.output), 'kubelet');
  if (worker.lastResult === outcome.result) worker.resultRun++;
  else {
    worker.lastResult = outcome.result;
    worker.resultRun = 1;
  }
  if (failed ? worker.resultRun < probe.failureThreshold : worker.resultRun < probe.successThreshold) return failed;
  const changed = publish(ctx, pod, record, worker, outcome.result);
  if (type !== 'readiness' && failed) {
    worker.onHold = true;
    worker.resultRun = 0;
    killContainer(ctx, node, pod, record, name, type);
  }
  // Startup succeeded: the readiness worker is triggered at once (prober_manager UpdatePodStatus).
  if (type === 'startup' && !failed) triggerReadiness(ctx, node, pod, record, name);
  return changed || failed;
}

/** UpdatePodStatus triggers the readiness worker of a running container that is not ready yet. */
export function triggerReadiness(ctx: SimContext, node: string, pod: Pod, record: ContainerRecord, name: string): void {
  const current = ctx.listers.get('Pod', record.podKey) ?? pod;
  const worker = record.instances?.[name]?.probes.readiness;
  if (worker && worker.result !== 'Success') doProbe(ctx, node, current, record, name, 'readiness');
}

/**
 * Whether this tick of the worker, and every one after it, would change nothing for as long as
 * the container and its app stay as they are: doProbe's rules in its order, where a result that
 * could still change with time alone (an initial delay, the startup gate, an exec probe that
 * reads files its script writes, a failure run) keeps the worker ticking.
 */
function idle(
  type: ProbeType,
  worker: ProbeWorkerState,
  instance: ContainerInstance,
  container: Container,
  probe: Probe,
  podIp: string,
  now: number,
): boolean {
  if (instance.state !== 'running' && instance.state !== 'killing') return type !== 'readiness' || worker.result === 'Failure';
  if (worker.onHold) return true;
  if (now - instance.startedAt < probe.initialDelaySeconds * 1000) return false;
  const startup = instance.probes.startup;
  const started = !startup || startup.result === 'Success';
  if (type === 'startup') return started;
  if (!started || probe.exec) return false;
  const steady = worker.result === 'Success' && worker.lastResult === 'Success' && worker.resultRun >= probe.successThreshold;
  return steady && runProbe(container, instance, type, probe, podIp).result === 'Success';
}

/** A worker's period elapsed: probe (while the kubelet runs), then tick again or sleep. False when nothing was written. */
export function proberTick(ctx: SimContext, task: ProberTask): boolean {
  const record = ctx.state.runtimes[task.node]?.containers[task.uid];
  const instance = record?.instances?.[task.container];
  const worker = instance?.probes[task.probe];
  if (!record || record.attempt !== task.attempt || !instance || !worker) return false;
  const pod = ctx.listers.get('Pod', record.podKey);
  const container = pod?.spec.containers.find((each) => each.name === task.container);
  const probe = container && probeOf(container, task.probe);
  if (!pod || pod.metadata.uid !== task.uid || !probe) return false;
  const now = ctx.clock.now();
  if (idle(task.probe, worker, instance, container, probe, pod.status.podIP ?? '', now)) {
    worker.asleepSince = now;
    return false;
  }
  // The task is plain data and fired once: it is rescheduled as it is.
  worker.timerId = ctx.schedule(task, probe.periodSeconds * 1000);
  if (record.phase !== 'running' || pod.metadata.deletionTimestamp !== undefined || !ctx.kubeletRunning(task.node)) return false;
  return doProbe(ctx, task.node, pod, record, task.container, task.probe);
}
