// The container runtime (containerd) of each node: which containers run, which images are
// cached, and how long pulls, starts and stops take (seeded jitter). It lives on the node, so
// its state survives kubelet restarts but not power loss.
import { defaults } from '../engine/config';
import type { SimContext } from '../engine/context';
import type { NodeRuntime, SimState } from '../engine/state';

/**
 * A map keyed by container uids, as a prototype-less object: V8 keeps those as dictionaries from
 * the start instead of minting a hidden class for every new uid (still plain JSON for snapshots).
 */
export function containerTable(): NodeRuntime['containers'] {
  return Object.create(null) as NodeRuntime['containers'];
}

export function runtimeOf(ctx: SimContext, node: string): NodeRuntime {
  return (ctx.state.runtimes[node] ??= { up: true, images: [], containers: containerTable(), nextPodHost: 2, nextAttempt: 1 });
}

export function startDurationMs(ctx: SimContext): number {
  return ctx.rng.between(defaults.containerStartMs.min, defaults.containerStartMs.max);
}

export function stopDurationMs(ctx: SimContext): number {
  return ctx.rng.between(defaults.containerStopMs.min, defaults.containerStopMs.max);
}

/** Power loss: every container on the node dies with it. */
export function killEveryContainer(ctx: SimContext, node: string): void {
  const runtime = runtimeOf(ctx, node);
  runtime.containers = containerTable();
  // Pulls in progress die too; the images already pulled stay on disk.
  delete runtime.pullerFreeAt;
  delete runtime.pulling;
}

export function podIp(ctx: SimContext, node: string, hostNetwork: boolean): string {
  const hardware = ctx.state.hardware[node];
  if (hostNetwork) return nodeIp(hardware?.index ?? 0);
  const runtime = runtimeOf(ctx, node);
  const host = runtime.nextPodHost;
  runtime.nextPodHost = host >= 254 ? 2 : host + 1;
  return `10.244.${hardware?.index ?? 0}.${host}`;
}

export function nodeIp(index: number): string {
  return `192.168.49.${index + 2}`;
}

/** A node's InternalIP: the kubelet's address, and a pod's status.hostIP. */
export const nodeAddress = (state: Pick<SimState, 'hardware'>, node: string): string => nodeIp(state.hardware[node]?.index ?? 0);
