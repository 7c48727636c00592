// The kubelet's image manager (pkg/kubelet/images): before a pod's containers are created, make
// sure each container's image is on the node. shouldPullImage applies the pull policy (#43); a
// pull goes through the node's serial puller to the simulated registry; a failed pull puts the
// image into back-off per pod and image (#44, #45), and the pod worker re-syncs the pod every
// 10-15s until the back-off lets the next attempt through.
import { involved } from '../apiserver/apiserver';
import { defaults } from '../engine/config';
import type { SimContext } from '../engine/context';
import type { TimerTask } from '../engine/clock';
import type { ContainerRecord, NodeRuntime, PodImagePulls } from '../engine/state';
import type { Container, Pod } from '../api/types';
import { resolveImage } from '../registry/registry';
import { defaultPullPolicy, isReference, parseImageReference, type PullPolicy } from '../registry/reference';
import { backoffNext, inBackoffSinceUpdate, type BackoffTable } from '../util/backoff';
import { formatGoDuration } from '../util/duration';
import { runtimeOf } from './runtime';

/** Every event text of the image manager (pkg/kubelet/images/image_manager.go), defined once. */
export const imageEvents = {
  pulling: (image: string) => `Pulling image "${image}"`,
  pulled: (image: string, pullMs: number, totalMs: number, size: number) =>
    `Successfully pulled image "${image}" in ${formatGoDuration(pullMs)} (${formatGoDuration(totalMs)} including waiting). Image size: ${size} bytes.`,
  present: (image: string) => `Container image "${image}" already present on machine`,
  neverPull: (image: string) => `Container image "${image}" is not present with pull policy of Never`,
  backOff: (image: string) => `Back-off pulling image "${image}"`,
  failedPull: (image: string, error: string) => `Failed to pull image "${image}": ${error}`,
  invalidName: (image: string, error: string) =>
    `Failed to apply default image tag "${image}": couldn't parse image reference "${image}": ${error}`,
  /** startContainer's Warning Failed that follows each of the errors above. */
  error: (reason: ImageErrorReason) => `Error: ${reason}`,
};

/** The waiting reasons an image problem gives a container (pkg/kubelet/images/types.go). */
export type ImageErrorReason = 'ErrImagePull' | 'ImagePullBackOff' | 'ErrImageNeverPull' | 'InvalidImageName';

/** What the pod worker does next: create the containers (all, or those whose image is there), wait for a pull, or wait for a re-sync. */
export type ImagesOutcome = 'ready' | 'partial' | 'pulling' | 'waiting';

const pullBackoff = defaults.imagePullBackoff;
const backoffKey = (pod: Pod, container: Container) => `${pod.metadata.uid}_${container.image}`;

export function pullPolicyOf(container: Container): PullPolicy {
  return container.imagePullPolicy ?? defaultPullPolicy(container.image);
}

/** shouldPullImage: Never never pulls, Always always does, IfNotPresent only when the node lacks the image. */
export function shouldPullImage(policy: PullPolicy, present: boolean): boolean {
  return policy === 'Always' || (policy === 'IfNotPresent' && !present);
}

const within = (range: { min: number; max: number }, jitter: number) => range.min + Math.round(jitter * (range.max - range.min));

/**
 * How long the registry keeps a pull: a failed resolve ends quickly, layers take time, a cached
 * image only has its manifest checked. One seeded draw (`jitter`) sets both the round trip and the speed.
 */
export function pullDurationMs(jitter: number, sizeBytes: number | undefined, cached: boolean): number {
  if (sizeBytes === undefined) return within(defaults.imageResolveMs, jitter);
  if (cached) return within(defaults.imageUpToDateMs, jitter);
  return within(defaults.imageResolveMs, jitter) + Math.round(sizeBytes / within(defaults.imagePullBytesPerMs, 1 - jitter));
}

const task = (node: string, uid: string, attempt: number, step: 'IMAGE_PULLED' | 'IMAGE_PULL_RESYNC'): TimerTask => ({
  owner: 'kubelet',
  node,
  step,
  uid,
  attempt,
});

function cache(runtime: NodeRuntime, full: string): void {
  if (!runtime.images.includes(full)) runtime.images.push(full);
}

/** Bootstrap: the cluster's first pods were running before t=0, so their images are on the node. */
export function cachePodImages(ctx: SimContext, node: string, pod: Pod): void {
  const runtime = runtimeOf(ctx, node);
  for (const container of pod.spec.containers) {
    const reference = parseImageReference(container.image);
    if (isReference(reference)) cache(runtime, reference.full);
  }
}

/** The container's waiting state, written only when it changes. */
function setWaiting(ctx: SimContext, pod: Pod, name: string, reason: string, message: string | undefined): void {
  const current = pod.status.containerStatuses.find((status) => status.name === name);
  if (current && current.state === 'waiting' && current.reason === reason && current.message === message) return;
  ctx.client.update(pod, 'status', (target) => {
    const status = target.status.containerStatuses.find((entry) => entry.name === name);
    if (!status) return;
    status.state = 'waiting';
    status.reason = reason;
    status.message = message;
  });
}

/** What EnsureImageExists reached for one container: the image is there, a pull runs, or it failed (events recorded). */
export type ImageStep =
  | { kind: 'present' }
  | { kind: 'pulling'; doneInMs: number; requestedAt: number; startedAt: number }
  | { kind: 'failed'; reason: ImageErrorReason; message: string };

/** startContainer's `Error: <reason>` event, then the failure the caller shows as the container's waiting state. */
function failed(ctx: SimContext, pod: Pod, reason: ImageErrorReason, message: string): ImageStep {
  ctx.client.record(involved(pod), 'Warning', 'Failed', imageEvents.error(reason), 'kubelet');
  return { kind: 'failed', reason, message };
}

/**
 * EnsureImageExists for one container up to the pull: the name, the pull policy (#43), the pull
 * back-off (#45), then a pull on the node's serial puller. Used for a pod's first start and for
 * every container (re)start (kuberuntime.ts), so a restart that must pull can fail too (#97).
 */
export function beginImage(ctx: SimContext, node: string, pod: Pod, container: Container): ImageStep {
  const image = container.image;
  const reference = parseImageReference(image);
  if (!isReference(reference)) {
    const message = imageEvents.invalidName(image, reference.error);
    ctx.client.record(involved(pod), 'Warning', 'InspectFailed', message, 'kubelet');
    return failed(ctx, pod, 'InvalidImageName', message);
  }
  const runtime = runtimeOf(ctx, node);
  const present = runtime.images.includes(reference.full);
  const now = ctx.clock.now();
  if (!shouldPullImage(pullPolicyOf(container), present)) {
    if (present) {
      ctx.client.record(involved(pod), 'Normal', 'Pulled', imageEvents.present(image), 'kubelet');
      return { kind: 'present' };
    }
    ctx.client.record(involved(pod), 'Warning', 'ErrImageNeverPull', imageEvents.neverPull(image), 'kubelet');
    return failed(ctx, pod, 'ErrImageNeverPull', imageEvents.neverPull(image));
  }
  if (inBackoffSinceUpdate(ctx.state.imagePullBackoff, pullBackoff, backoffKey(pod, container), now)) {
    ctx.client.record(involved(pod), 'Normal', 'BackOff', imageEvents.backOff(image), 'kubelet');
    return failed(ctx, pod, 'ImagePullBackOff', imageEvents.backOff(image));
  }
  ctx.client.record(involved(pod), 'Normal', 'Pulling', imageEvents.pulling(image), 'kubelet');
  const resolved = resolveImage(ctx.state.registry, reference);
  // serializeImagePulls (default true): one pull at a time per node, the others wait their turn;
  // one queued behind a pull of the same image finds its layers already there.
  const layersThere = present || runtime.pulling?.[reference.full] !== undefined;
  const ms = pullDurationMs(ctx.rng.next(), resolved.ok ? resolved.sizeBytes : undefined, layersThere);
  const startedAt = Math.max(now, runtime.pullerFreeAt ?? now);
  runtime.pullerFreeAt = startedAt + ms;
  if (resolved.ok) (runtime.pulling ??= {})[reference.full] = startedAt + ms;
  return { kind: 'pulling', doneInMs: startedAt + ms - now, requestedAt: now, startedAt };
}

/** The pull begun by beginImage ended: the image is cached (Pulled), or the pull failed and its back-off grows. */
export function endImage(
  ctx: SimContext,
  node: string,
  pod: Pod,
  container: Container,
  requestedAt: number,
  startedAt: number,
): { kind: 'present' } | Extract<ImageStep, { kind: 'failed' }> {
  const reference = parseImageReference(container.image);
  if (!isReference(reference)) return { kind: 'present' };
  const now = ctx.clock.now();
  const resolved = resolveImage(ctx.state.registry, reference);
  const runtime = runtimeOf(ctx, node);
  if (runtime.pulling && runtime.pulling[reference.full] <= now) delete runtime.pulling[reference.full];
  if (resolved.ok) {
    cache(runtime, reference.full);
    const message = imageEvents.pulled(container.image, now - startedAt, now - requestedAt, resolved.sizeBytes);
    ctx.client.record(involved(pod), 'Normal', 'Pulled', message, 'kubelet');
    return { kind: 'present' };
  }
  ctx.client.record(involved(pod), 'Warning', 'Failed', imageEvents.failedPull(container.image, resolved.error), 'kubelet');
  backoffNext(ctx.state.imagePullBackoff, pullBackoff, backoffKey(pod, container), now, now);
  forgetExpired(ctx.state.imagePullBackoff, now);
  return failed(ctx, pod, 'ErrImagePull', resolved.error) as Extract<ImageStep, { kind: 'failed' }>;
}

/** A failed container of the pod's first start: its waiting state, noted for when the others start (#96). */
function noteFailure(
  ctx: SimContext,
  pod: Pod,
  container: Container,
  pulls: PodImagePulls,
  step: Extract<ImageStep, { kind: 'failed' }>,
): void {
  setWaiting(ctx, pod, container.name, step.reason, step.message);
  (pulls.errors ??= {})[container.name] = { reason: step.reason, message: step.message };
  pulls.failed = true;
}

/** EnsureImageExists for one container of the pod's first start: 'present', 'pulling' (a pull was started) or 'failed'. */
function ensureImageExists(
  ctx: SimContext,
  node: string,
  pod: Pod,
  container: Container,
  record: ContainerRecord,
  pulls: PodImagePulls,
): 'present' | 'pulling' | 'failed' {
  const step = beginImage(ctx, node, pod, container);
  if (step.kind === 'present') return 'present';
  if (step.kind === 'failed') {
    noteFailure(ctx, pod, container, pulls, step);
    return 'failed';
  }
  pulls.requestedAt = step.requestedAt;
  pulls.startedAt = step.startedAt;
  ctx.schedule(task(node, pod.metadata.uid, record.attempt, 'IMAGE_PULLED'), step.doneInMs);
  return 'pulling';
}

/** Works through the pod's containers from where it stopped; the containers whose image is ready are skipped. */
function walk(ctx: SimContext, node: string, pod: Pod, record: ContainerRecord, pulls: PodImagePulls): ImagesOutcome {
  const containers = pod.spec.containers;
  for (; pulls.next < containers.length; pulls.next++) {
    const container = containers[pulls.next];
    if (pulls.ready.includes(container.name)) continue;
    const result = ensureImageExists(ctx, node, pod, container, record, pulls);
    if (result === 'pulling') return 'pulling';
    if (result === 'present') pulls.ready.push(container.name);
  }
  if (!pulls.failed) {
    delete record.pulls;
    return 'ready';
  }
  // SyncPod starts each container on its own (#96): the ones whose image is there start now and
  // the others wait in their image error, retried one by one by kuberuntime.ts.
  if (pulls.ready.length > 0) return 'partial';
  // The sync failed: the pod worker tries again after 10-15s (the back-off decides whether to pull).
  pulls.next = 0;
  pulls.failed = false;
  pulls.errors = undefined;
  const resync = ctx.rng.between(defaults.podWorkerErrorResyncMs.min, defaults.podWorkerErrorResyncMs.max);
  ctx.schedule(task(node, pod.metadata.uid, record.attempt, 'IMAGE_PULL_RESYNC'), resync);
  return 'waiting';
}

/** The start of a pod (record.phase 'pulling'): ensure every container's image, in order. */
export function ensurePodImages(ctx: SimContext, node: string, pod: Pod, record: ContainerRecord): ImagesOutcome {
  record.pulls = { next: 0, ready: [], failed: false, requestedAt: ctx.clock.now(), startedAt: ctx.clock.now() };
  return walk(ctx, node, pod, record, record.pulls);
}

/** A pull ended (IMAGE_PULLED): the image is cached, or the pull failed and its back-off grows. */
export function finishPull(ctx: SimContext, node: string, pod: Pod, record: ContainerRecord): ImagesOutcome {
  const pulls = record.pulls;
  if (!pulls) return 'waiting';
  const container = pod.spec.containers[pulls.next];
  if (!container) return walk(ctx, node, pod, record, pulls);
  const step = endImage(ctx, node, pod, container, pulls.requestedAt, pulls.startedAt);
  if (step.kind === 'present') pulls.ready.push(container.name);
  else noteFailure(ctx, pod, container, pulls, step);
  pulls.next++;
  return walk(ctx, node, pod, record, pulls);
}

/** The pod worker's re-sync of a pod whose images were not all there (IMAGE_PULL_RESYNC). */
export function resyncPulls(ctx: SimContext, node: string, pod: Pod, record: ContainerRecord): ImagesOutcome {
  const pulls = record.pulls;
  if (!pulls) return ensurePodImages(ctx, node, pod, record);
  return walk(ctx, node, pod, record, pulls);
}

/** Backoff.GC: entries quiet for twice the cap are dropped, so the table does not grow with every pod ever failed. */
function forgetExpired(table: BackoffTable, now: number): void {
  for (const [key, entry] of Object.entries(table)) if (now - entry.lastUpdate > pullBackoff.maxMs * 2) delete table[key];
}
