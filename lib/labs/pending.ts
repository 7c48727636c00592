import type { EventView } from '@/lib/cluster';
import type { DiagramNode } from './diagram/model';

/**
 * Why a Pending pod fits no node, node by node, as kube-scheduler-simulator shows it. The
 * scheduler's FailedScheduling message only counts nodes per reason ("1 node(s) had untolerated
 * taint {...}, 3 Insufficient cpu"); each node's reason is worked out from what the diagram knows
 * about it, following the default profile's filter order: NodeUnschedulable, then TaintToleration,
 * then the rest (NodeAffinity, NodeResourcesFit, PodTopologySpread...), which cannot be told
 * apart from outside and are listed together.
 */
export interface SchedulingReason {
  count: number;
  text: string;
}

export interface NodeVerdict {
  node: string;
  /** The filter that turned the node away first. */
  filter: string;
  reason: string;
}

export interface PendingDiagnosis {
  pods: string[];
  message: string;
  total: number;
  reasons: SchedulingReason[];
  nodes: NodeVerdict[];
}

const summaryPattern = /^0\/(\d+) nodes are available: (.*?)\.?(?:\s*preemption:.*)?$/s;

/** "0/4 nodes are available: 1 node(s) had untolerated taint {a: b}, 3 Insufficient cpu." -> its reasons. */
export function parseFailedScheduling(message: string): { total: number; reasons: SchedulingReason[] } | undefined {
  const match = summaryPattern.exec(message.trim());
  if (!match) return undefined;
  // Split on ", N " only: a taint's braces may hold a comma-free "key: value", never ", 3 ".
  const reasons = match[2]
    .split(/,\s*(?=\d+\s)/)
    .map((part) => /^(\d+)\s+(.*)$/.exec(part.trim()))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => ({ count: Number(m[1]), text: m[2].replace(/\.$/, '') }));
  return { total: Number(match[1]), reasons };
}

const taintPattern = /untolerated taint \{([^:}]+):\s*([^}]*)\}/;

/** kubectl writes a taint "key=value:Effect"; the scheduler's message has "{key: value}". */
function hasTaint(node: Pick<DiagramNode, 'taints'>, key: string, value: string): boolean {
  return node.taints.some((t) => {
    const [kv] = t.split(':');
    const [k, v = ''] = kv.split('=');
    return k === key && v === value.trim();
  });
}

export function diagnoseNodes(
  reasons: readonly SchedulingReason[],
  nodes: readonly Pick<DiagramNode, 'name' | 'taints' | 'unschedulable'>[],
): NodeVerdict[] {
  const cordon = reasons.find((r) => /unschedulable/.test(r.text));
  const taints = reasons.flatMap((r) => {
    const m = taintPattern.exec(r.text);
    return m ? [{ reason: r, key: m[1].trim(), value: m[2] }] : [];
  });
  const rest = reasons.filter((r) => r !== cordon && !taints.some((t) => t.reason === r));
  return nodes.map((node) => {
    if (cordon && node.unschedulable) return { node: node.name, filter: 'NodeUnschedulable', reason: cordon.text };
    const taint = taints.find((t) => hasTaint(node, t.key, t.value));
    if (taint) return { node: node.name, filter: 'TaintToleration', reason: taint.reason.text };
    if (rest.length === 0) return { node: node.name, filter: 'none', reason: 'passed the filters the message names' };
    const filters = [...new Set(rest.map((r) => filterOf(r.text)))].join(' or ');
    return { node: node.name, filter: filters, reason: rest.map((r) => r.text).join('; ') };
  });
}

/** The plugin behind a reason text, by the words each plugin uses. */
function filterOf(text: string): string {
  if (/^Insufficient|Too many pods/.test(text)) return 'NodeResourcesFit';
  if (/affinity\/selector|node affinity/i.test(text)) return 'NodeAffinity';
  if (/topology spread/i.test(text)) return 'PodTopologySpread';
  if (/anti-affinity|pod affinity/i.test(text)) return 'InterPodAffinity';
  if (/free ports/.test(text)) return 'NodePorts';
  return 'another filter';
}

/**
 * For each pod still waiting for a node, its latest FailedScheduling event diagnosed per node;
 * pods with the same message share one diagnosis.
 */
export function diagnosePending(
  pending: readonly { key: string; name: string }[],
  events: readonly EventView[],
  nodes: readonly Pick<DiagramNode, 'name' | 'taints' | 'unschedulable'>[],
): PendingDiagnosis[] {
  const latest = new Map<string, EventView>();
  for (const event of events) {
    if (event.reason !== 'FailedScheduling') continue;
    const previous = latest.get(`${event.namespace}/${event.object}`);
    if (!previous || previous.lastTimestamp <= event.lastTimestamp) latest.set(`${event.namespace}/${event.object}`, event);
  }
  const byMessage = new Map<string, PendingDiagnosis>();
  for (const pod of pending) {
    const namespace = pod.key.slice(0, pod.key.indexOf('/'));
    const event = latest.get(`${namespace}/pod/${pod.name}`);
    if (!event) continue;
    const known = byMessage.get(event.message);
    if (known) {
      known.pods.push(pod.name);
      continue;
    }
    const parsed = parseFailedScheduling(event.message);
    if (!parsed) continue;
    byMessage.set(event.message, { pods: [pod.name], message: event.message, ...parsed, nodes: diagnoseNodes(parsed.reasons, nodes) });
  }
  return [...byMessage.values()];
}
