// What the kubelet does for its node: register it, renew its Lease (#3, #4) and post status when
// it changed or every 5 minutes (#1, #2). Only the kubelet ever reports Ready=False (#7).
import { involved } from '../apiserver/apiserver';
import { defaults } from '../engine/config';
import type { SimContext } from '../engine/context';
import { setCondition } from '../controllers/podutil';
import { nodeIp, runtimeOf } from './runtime';
import { readyStatusOf } from '../engine/state';
import { taintKeys } from '../api/taints';
import type { ConditionStatus, Lease, Node } from '../api/types';
import { parseCpu, parseMemory } from '../util/quantity';
import { resyncNodePods } from './podworker';
import { apiErrors } from '../api/errors';
import type { KubeClient } from '../engine/client';
import { isPartitioned } from '../node/network';
import { topologyLabels } from '../controllers/nodelifecycle.policy';

interface ReportedCondition {
  type: string;
  status: ConditionStatus;
  reason: string;
  message: string;
}

/** The conditions the kubelet reports, given whether its container runtime answers. */
export function kubeletConditions(runtimeUp: boolean): ReportedCondition[] {
  return [
    { type: 'MemoryPressure', status: 'False', reason: 'KubeletHasSufficientMemory', message: 'kubelet has sufficient memory available' },
    { type: 'DiskPressure', status: 'False', reason: 'KubeletHasNoDiskPressure', message: 'kubelet has no disk pressure' },
    { type: 'PIDPressure', status: 'False', reason: 'KubeletHasSufficientPID', message: 'kubelet has sufficient PID available' },
    runtimeUp
      ? { type: 'Ready', status: 'True', reason: 'KubeletReady', message: 'kubelet is posting ready status' }
      : { type: 'Ready', status: 'False', reason: 'KubeletNotReady', message: 'container runtime is down' },
  ];
}

function newNode(ctx: SimContext, name: string): Omit<Node, 'metadata'> & { metadata: { name: string; labels: Record<string, string> } } {
  const hardware = ctx.state.hardware[name];
  const cpu = parseCpu(hardware.cpu)!;
  const memory = parseMemory(hardware.memory)!;
  const controlPlane = hardware.role === 'control-plane';
  const labels: Record<string, string> = {
    'beta.kubernetes.io/arch': 'amd64',
    'beta.kubernetes.io/os': 'linux',
    'kubernetes.io/arch': 'amd64',
    'kubernetes.io/hostname': name,
    'kubernetes.io/os': 'linux',
    ...(controlPlane ? { 'node-role.kubernetes.io/control-plane': '', 'node.kubernetes.io/exclude-from-external-load-balancers': '' } : {}),
    ...(hardware.region ? { [topologyLabels.region]: hardware.region } : {}),
    ...(hardware.zone ? { [topologyLabels.zone]: hardware.zone } : {}),
  };
  return {
    kind: 'Node',
    metadata: { name, labels },
    spec: {
      unschedulable: false,
      taints: controlPlane ? [{ key: taintKeys.controlPlane, effect: 'NoSchedule' }] : [],
      podCIDR: `10.244.${hardware.index}.0/24`,
    },
    status: {
      capacity: { cpu, memory, pods: defaults.maxPodsPerNode },
      allocatable: { cpu, memory: memory - defaults.evictionHardMemoryBytes, pods: defaults.maxPodsPerNode },
      conditions: [],
      internalIP: nodeIp(hardware.index),
    },
  };
}

/**
 * The latest renewal of a node's Lease. A heartbeating kubelet renews every 10s since it started
 * renewing; those renewals are derived, not written one by one, so once it stops, the last of
 * them is remembered beside the stored Lease (which holds only the renewals really written).
 */
export function leaseRenewTime(ctx: Pick<SimContext, 'listers' | 'state' | 'clock'>, name: string): number | undefined {
  const kubelet = ctx.state.kubelets[name];
  const since = kubelet?.renewingSince;
  if (since === undefined) {
    const written = ctx.listers.get('Lease', `kube-node-lease/${name}`)?.spec.renewTime;
    const derived = kubelet?.lastDerivedRenewal;
    return written === undefined || derived === undefined ? written : Math.max(written, derived);
  }
  const interval = defaults.leaseRenewIntervalMs;
  return since + Math.floor((ctx.clock.now() - since) / interval) * interval;
}

/** How long until a heartbeating kubelet next computes its status (every 10s, in step with renewals). */
export function msUntilNextStatusComputation(ctx: SimContext, name: string): number {
  const since = ctx.state.kubelets[name]?.renewingSince ?? ctx.clock.now();
  const interval = defaults.nodeStatusUpdateFrequencyMs;
  return interval - ((ctx.clock.now() - since) % interval);
}

/**
 * A node's Lease as a reader sees it: the stored renewTime is only the last one written, so the
 * latest renewal is derived (in a copy; the stored object is untouched).
 */
export function servedLease(ctx: Pick<SimContext, 'listers' | 'state' | 'clock'>, name: string): Lease | undefined {
  const lease = ctx.listers.get('Lease', `kube-node-lease/${name}`);
  if (!lease) return undefined;
  const renewTime = leaseRenewTime(ctx, name)!;
  return renewTime === lease.spec.renewTime ? lease : { ...lease, spec: { ...lease.spec, renewTime } };
}

export function startRenewingLease(ctx: SimContext, name: string): void {
  renewLease(ctx, name);
  kubeletState(ctx, name).renewingSince = ctx.clock.now();
}

export function stopRenewingLease(ctx: SimContext, name: string): void {
  const kubelet = kubeletState(ctx, name);
  const last = leaseRenewTime(ctx, name);
  if (last !== undefined) kubelet.lastDerivedRenewal = last;
  delete kubelet.renewingSince;
}

function kubeletState(ctx: SimContext, name: string) {
  return (ctx.state.kubelets[name] ??= { lastStatusReportAt: -Infinity });
}

function renewLease(ctx: SimContext, name: string): void {
  const lease = ctx.listers.get('Lease', `kube-node-lease/${name}`);
  const now = ctx.clock.now();
  if (lease) {
    ctx.client.update(lease, 'heartbeat', (target) => {
      target.spec.renewTime = now;
    });
    return;
  }
  ctx.client.create<'Lease'>({
    kind: 'Lease',
    metadata: { name, namespace: 'kube-node-lease' },
    spec: { holderIdentity: name, leaseDurationSeconds: defaults.leaseDurationSeconds, renewTime: now },
  });
}

/** syncNodeStatus: post when a condition differs from what the API holds, or every 5 minutes. */
export function syncNodeStatus(ctx: SimContext, name: string): void {
  const node = ctx.listers.get('Node', name);
  if (!node) return;
  const now = ctx.clock.now();
  const kubelet = kubeletState(ctx, name);
  const wanted = kubeletConditions(runtimeOf(ctx, name).up);
  const changed = wanted.some((condition) => {
    const current = node.status.conditions.find((existing) => existing.type === condition.type);
    return !current || current.status !== condition.status || current.reason !== condition.reason;
  });
  if (!changed && now - kubelet.lastStatusReportAt < defaults.nodeStatusReportFrequencyMs) return;
  const before = readyStatusOf(node.status.conditions);
  const posted = ctx.client.update(node, changed ? 'status' : 'heartbeat', (target) => {
    for (const condition of wanted) {
      setCondition(target.status.conditions, condition.type, condition.status, now, condition.reason, condition.message);
      target.status.conditions.find((existing) => existing.type === condition.type)!.lastHeartbeatTime = now;
    }
  });
  if (!posted.ok) return;
  kubelet.lastStatusReportAt = now;
  const after = readyStatusOf(node.status.conditions);
  if (after !== before && after === 'True')
    ctx.client.record(involved(node), 'Normal', 'NodeReady', `Node ${name} status is now: NodeReady`, 'kubelet');
  if (after !== before && after === 'False') {
    ctx.client.record(involved(node), 'Normal', 'NodeNotReady', `Node ${name} status is now: NodeNotReady`, 'kubelet');
  }
}

export function startKubelet(ctx: SimContext, name: string): void {
  const node = ctx.listers.get('Node', name);
  if (node) ctx.client.record(involved(node), 'Normal', 'Starting', 'Starting kubelet.', 'kubelet');
}

/** On start: register the Node if it is missing, renew the Lease, post status, sync every pod. */
export function registerNodeAndSyncPods(ctx: SimContext, name: string): void {
  if (!ctx.listers.get('Node', name)) {
    const created = ctx.client.create(newNode(ctx, name));
    if (created.ok) {
      ctx.client.record(
        involved(created.value),
        'Normal',
        'RegisteredNode',
        `Node ${name} event: Registered Node ${name} in Controller`,
        'node-controller',
      );
    }
  }
  renewLease(ctx, name);
  syncNodeStatus(ctx, name);
  resyncNodePods(ctx, name);
}

/** The kubelet stops: containers keep running, but nothing it was doing halfway goes on; its back-offs (memory only) are gone. */
export function stopKubelet(ctx: SimContext, name: string): void {
  const runtime = runtimeOf(ctx, name);
  if (ctx.state.kubelets[name]) delete ctx.state.kubelets[name].containerBackoff;
  for (const [uid, record] of Object.entries(runtime.containers)) {
    if (record.phase !== 'running') delete runtime.containers[uid];
  }
}

/**
 * The kubelet's connection to the API server. On a partitioned node (#46) every request times
 * out: what the kubelet does locally (a container finishing its start or stop) goes unreported
 * until the link is back and the next sync writes it. Connected, this is `ctx` itself.
 */
export function apiConnection(ctx: SimContext, node: string): SimContext {
  if (!isPartitioned(ctx, node)) return ctx;
  const error = apiErrors.dialTimeout(nodeIp(0));
  const refused = () => ({ ok: false as const, error });
  const client: KubeClient = { create: refused, update: refused, delete: refused, finalizeNamespace: refused, record: () => {} };
  // Everything else is the cluster's own context (writes to plain state go through to it).
  return new Proxy(ctx, { get: (target, key) => (key === 'client' ? client : Reflect.get(target, key, target)) });
}
