// A node's network link to the rest of the cluster (#46). `sim network partition` cuts it: the
// machine, its kubelet and its containers run on and still answer on the node itself, but nothing
// the node sends reaches the API server or another node, and nothing reaches it. Kubernetes has no
// notion of a partition: the control plane only sees a node that went silent, as after power loss.
import type { SimContext } from '../engine/context';
import type { Engine } from '../engine/engine';
import { resyncNodePods } from '../kubelet/podworker';

export function isPartitioned(ctx: Pick<SimContext, 'state'>, node: string): boolean {
  return ctx.state.partitioned[node] === true;
}

/**
 * Whether traffic sent from node `from` gets to node `to`: a partitioned node reaches only itself
 * (for requests routed through the cluster, such as `sim curl`; an unknown `from` is outside the cluster).
 */
export function nodeReachable(ctx: Pick<SimContext, 'state'>, from: string, to: string): boolean {
  return from === to || (!isPartitioned(ctx, from) && !isPartitioned(ctx, to));
}

/** Cuts the link: the kubelet's next renewal fails and it keeps retrying with back-off (#4). */
export function partitionNode(engine: Engine, node: string): void {
  engine.state.partitioned[node] = true;
  engine.kubelets.get(node)?.send({ type: 'API_UNREACHABLE' });
}

/**
 * Restores the link: the kubelet's next retry renews its Lease and posts its status, and its
 * watch delivers what changed meanwhile (pods deleted by eviction get stopped, #46). While the
 * control plane itself is down, the kubelet learns of it when the API server returns.
 */
export function healNode(engine: Engine, node: string): void {
  delete engine.state.partitioned[node];
  if (engine.apiAvailability() !== 'available') return;
  engine.kubelets.get(node)?.send({ type: 'API_REACHABLE' });
  if (engine.kubeletRunning(node)) resyncNodePods(engine, node);
}
