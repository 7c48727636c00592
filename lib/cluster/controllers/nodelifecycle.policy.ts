// Node lifecycle policy as data: which node condition maps to which taint (#8), and how a zone's
// health sets the NoExecute tainting rate (#10).
import { defaults } from '../engine/config';
import { taintKeys } from '../api/taints';
import type { ConditionStatus } from '../api/types';
import type { ZoneState } from '../engine/state';

/** nodeConditionToTaintKeyStatusMap: NoSchedule taints follow these conditions. */
export const conditionTaints: readonly { condition: string; status: ConditionStatus; taint: string }[] = [
  { condition: 'Ready', status: 'False', taint: taintKeys.notReady },
  { condition: 'Ready', status: 'Unknown', taint: taintKeys.unreachable },
  { condition: 'MemoryPressure', status: 'True', taint: taintKeys.memoryPressure },
  { condition: 'DiskPressure', status: 'True', taint: taintKeys.diskPressure },
  { condition: 'PIDPressure', status: 'True', taint: taintKeys.pidPressure },
  { condition: 'NetworkUnavailable', status: 'True', taint: taintKeys.networkUnavailable },
];

/** The NoExecute taint for a Ready status, and the opposite one it replaces (they are exclusive). */
export const noExecuteTaintFor: Partial<Record<ConditionStatus, { add: string; remove: string }>> = {
  False: { add: taintKeys.notReady, remove: taintKeys.unreachable },
  Unknown: { add: taintKeys.unreachable, remove: taintKeys.notReady },
};

/** Conditions the controller sets Unknown when a node goes stale (#7). */
export const conditionsMarkedUnknown = ['Ready', 'MemoryPressure', 'DiskPressure', 'PIDPressure'] as const;

/** ComputeZoneState. */
export function computeZoneState(readyStatuses: (ConditionStatus | undefined)[]): ZoneState {
  let ready = 0;
  for (const status of readyStatuses) if (status === 'True') ready++;
  const notReady = readyStatuses.length - ready;
  if (ready === 0 && notReady > 0) return 'FullDisruption';
  if (notReady > 2 && notReady / readyStatuses.length >= defaults.unhealthyZoneThreshold) return 'PartialDisruption';
  return 'Normal';
}

/** setLimiterInZone: the eviction (NoExecute tainting) rate for a zone in a given state. */
export function tainterQpsFor(state: ZoneState, zoneSize: number): number {
  if (state === 'PartialDisruption') return zoneSize > defaults.largeClusterSizeThreshold ? defaults.secondaryEvictionRateQps : 0;
  return defaults.evictionRateQps;
}

export function zoneOf(labels: Record<string, string>): string {
  return labels['topology.kubernetes.io/zone'] ?? '';
}
