// The kubelet's pod workers: start pods bound to the node (image pull, then container start),
// stop pods marked for deletion and confirm the deletion to the API (#15), and clean up
// containers whose pod object is gone.
import { involved } from '../apiserver/apiserver';
import { objectKey } from '../apiserver/store';
import type { SimContext } from '../engine/context';
import { setCondition } from '../controllers/podutil';
import { podIp, runtimeOf, startDurationMs, stopDurationMs } from './runtime';
import { cachePodImages, ensurePodImages, finishPull, resyncPulls, type ImagesOutcome } from './images';
import type { TimerTask } from '../engine/clock';
import type { ContainerRecord } from '../engine/state';
import type { Pod } from '../api/types';
import { kubeletMessages, startInstances, stopInstances, stopTiming, syncContainers } from './kuberuntime';
import { syncTerminatedPod } from './status';

type StepTask = Extract<TimerTask, { owner: 'kubelet' }>;
type Step = StepTask['step'];

/** The phase a container must still be in for a finished step to apply. */
const expectedPhase: Record<Step, ContainerRecord['phase']> = {
  IMAGE_PULLED: 'pulling',
  IMAGE_PULL_RESYNC: 'pulling',
  CONTAINER_STARTED: 'creating',
  CONTAINER_STOPPED: 'stopping',
};

const stepTask = (node: string, uid: string, attempt: number, step: Step): StepTask => ({ owner: 'kubelet', node, step, uid, attempt });

function beginStart(ctx: SimContext, node: string, pod: Pod): void {
  const runtime = runtimeOf(ctx, node);
  const now = ctx.clock.now();
  const attempt = runtime.nextAttempt++;
  const restart = pod.status.containerStatuses.some((status) => status.started);
  const record: ContainerRecord = { podKey: ctx.listers.keyFor(pod), phase: 'pulling', attempt, restart, since: now };
  runtime.containers[pod.metadata.uid] = record;
  ctx.client.update(pod, 'status', (target) => {
    target.status.hostIP = ctx.listers.get('Node', node)?.status.internalIP;
    target.status.podIP ??= podIp(ctx, node, pod.spec.hostNetwork);
    target.status.startTime ??= now;
    setCondition(target.status.conditions, 'Initialized', 'True', now);
    setCondition(target.status.conditions, 'Ready', 'False', now, 'ContainersNotReady', 'containers with unready status');
    target.status.containerStatuses = target.spec.containers.map((container) => {
      const previous = target.status.containerStatuses.find((status) => status.name === container.name);
      return {
        name: container.name,
        image: container.image,
        ready: false,
        started: false,
        state: 'waiting',
        reason: 'ContainerCreating',
        restartCount: previous?.restartCount ?? 0,
        lastRestartAt: previous?.lastRestartAt,
        startedAt: undefined,
      };
    });
  });
  if (ctx.bootstrapping) {
    record.phase = 'running';
    cachePodImages(ctx, node, pod);
    startInstances(ctx, node, pod, record, false);
  } else afterImages(ctx, node, pod, record, ensurePodImages(ctx, node, pod, record));
}

/** The pull step's hand-off (kubelet/images.ts ensures every container's image first; 'partial': some failed, #96). */
function afterImages(ctx: SimContext, node: string, pod: Pod, record: ContainerRecord, images: ImagesOutcome): void {
  if (images !== 'ready' && images !== 'partial') return;
  record.phase = 'creating';
  ctx.schedule(stepTask(node, pod.metadata.uid, record.attempt, 'CONTAINER_STARTED'), startDurationMs(ctx));
}

/**
 * #51 killPod: every container gets the stop signal (after its preStop hook) and, when it does
 * not exit within the grace period, SIGKILL. The pod is gone when its slowest container is.
 */
function beginStop(ctx: SimContext, node: string, pod: Pod, record: ContainerRecord): void {
  record.phase = 'stopping';
  stopInstances(ctx, record);
  const graceMs = (pod.metadata.deletionGracePeriodSeconds ?? pod.spec.terminationGracePeriodSeconds) * 1000;
  const stopMs = stopDurationMs(ctx);
  let slowest = 0;
  for (const container of pod.spec.containers) {
    ctx.client.record(involved(pod), 'Normal', 'Killing', kubeletMessages.killing(container.name), 'kubelet');
    const instance = record.instances?.[container.name];
    const { ms, exitCode } = stopTiming(container, instance, graceMs, stopMs);
    if (instance) instance.killExitCode = exitCode;
    slowest = Math.max(slowest, ms);
  }
  ctx.schedule(stepTask(node, pod.metadata.uid, record.attempt, 'CONTAINER_STOPPED'), slowest);
}

/** One pass of the pod worker for `podKey` on `node`; level-triggered, safe to repeat. */
export function syncPod(ctx: SimContext, node: string, podKey: string): void {
  const runtime = runtimeOf(ctx, node);
  const pod = ctx.listers.get('Pod', podKey);
  if (!pod || pod.spec.nodeName !== node) {
    // The object is gone (force-deleted or PodGC): kill whatever still runs for it.
    for (const [uid, record] of Object.entries(runtime.containers)) {
      if (record.podKey === podKey && (!pod || pod.metadata.uid !== uid)) delete runtime.containers[uid];
    }
    return;
  }
  const record = runtime.containers[pod.metadata.uid];
  if (pod.metadata.deletionTimestamp !== undefined) {
    if (!record) {
      syncTerminatedPod(ctx, pod, undefined);
      ctx.client.delete('Pod', pod.metadata.namespace, pod.metadata.name, 0);
    } else if (record.phase !== 'stopping') beginStop(ctx, node, pod, record);
    return;
  }
  if (pod.status.phase === 'Succeeded' || pod.status.phase === 'Failed') return;
  if (!record) {
    if (runtime.up) beginStart(ctx, node, pod);
    return;
  }
  if (record.phase === 'running') syncContainers(ctx, node, pod, record);
}

/** A runtime step finished (a timer of this node's kubelet). */
export function completeStep(ctx: SimContext, event: StepTask): void {
  const { node } = event;
  const runtime = runtimeOf(ctx, node);
  const record = runtime.containers[event.uid];
  if (!record || record.attempt !== event.attempt || record.phase !== expectedPhase[event.step] || !ctx.kubeletRunning(node)) return;
  const pod = ctx.listers.get('Pod', record.podKey);
  if (event.step === 'CONTAINER_STOPPED') {
    delete runtime.containers[event.uid];
    if (pod && pod.metadata.uid === event.uid) {
      syncTerminatedPod(ctx, pod, record);
      ctx.client.delete('Pod', pod.metadata.namespace, pod.metadata.name, 0);
    }
    return;
  }
  if (!pod || pod.metadata.uid !== event.uid) {
    delete runtime.containers[event.uid];
    return;
  }
  if (event.step === 'IMAGE_PULLED' || event.step === 'IMAGE_PULL_RESYNC') {
    const images = event.step === 'IMAGE_PULLED' ? finishPull(ctx, node, pod, record) : resyncPulls(ctx, node, pod, record);
    afterImages(ctx, node, pod, record, images);
    return;
  }
  record.phase = 'running';
  // The containers whose image failed (#96) are not created: they wait in their image error.
  const failed = record.pulls?.errors ?? {};
  record.pulls = undefined;
  for (const each of pod.spec.containers) {
    if (Object.hasOwn(failed, each.name)) continue;
    ctx.client.record(involved(pod), 'Normal', 'Created', `Created container: ${each.name}`, 'kubelet');
    ctx.client.record(involved(pod), 'Normal', 'Started', `Started container ${each.name}`, 'kubelet');
  }
  startInstances(ctx, node, pod, record, record.restart, failed);
  if (pod.metadata.deletionTimestamp !== undefined) beginStop(ctx, node, pod, record);
}

/** After a kubelet (re)start: drop containers of vanished pods, then sync every pod on the node. */
export function resyncNodePods(ctx: SimContext, node: string): void {
  const runtime = runtimeOf(ctx, node);
  for (const [uid, record] of Object.entries(runtime.containers)) {
    const pod = ctx.listers.get('Pod', record.podKey);
    if (!pod || pod.metadata.uid !== uid || pod.spec.nodeName !== node) delete runtime.containers[uid];
  }
  for (const pod of ctx.listers.podsOnNode(node))
    ctx.queues.kubelet.add({ node, pod: objectKey(pod.metadata.namespace, pod.metadata.name) });
}
