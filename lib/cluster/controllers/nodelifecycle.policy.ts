// Node lifecycle policy as data: which node condition maps to which taint (#8), how a zone's
// health sets its NoExecute tainting rate (#10), and which zone a node is counted in (#47).
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

/**
 * setLimiterInZone: the NoExecute tainting rate for a zone in a given state (HealthyQPSFunc for
 * Normal and FullDisruption, ReducedQPSFunc on the zone's own size for PartialDisruption).
 * Initial has no case upstream: the zone keeps the rate its tainter was created with.
 */
export function tainterQpsFor(state: ZoneState, zoneSize: number): number | undefined {
  if (state === 'Initial') return undefined;
  if (state === 'PartialDisruption') return zoneSize > defaults.largeClusterSizeThreshold ? defaults.secondaryEvictionRateQps : 0;
  return defaults.evictionRateQps;
}

/** The labels a node's place is read from (k8s.io/api core/v1 well_known_labels.go). */
export const topologyLabels = Object.freeze({
  region: 'topology.kubernetes.io/region',
  zone: 'topology.kubernetes.io/zone',
  betaRegion: 'failure-domain.beta.kubernetes.io/region',
  betaZone: 'failure-domain.beta.kubernetes.io/zone',
  /** nodelifecycle labelNodeDisruptionExclusion: present (any value) means not counted. */
  excludeDisruption: 'node.kubernetes.io/exclude-disruption',
});

/**
 * GetZoneKey (#47): region and zone joined by ":\0:" (a NUL cannot occur in a label value, so
 * the key is unambiguous even when a name holds a colon). The deprecated beta labels win when
 * present, even empty; a node with neither region nor zone is in zone "".
 */
export function zoneKey(labels: Record<string, string>): string {
  const zone = labels[topologyLabels.betaZone] ?? labels[topologyLabels.zone] ?? '';
  const region = labels[topologyLabels.betaRegion] ?? labels[topologyLabels.region] ?? '';
  if (region === '' && zone === '') return '';
  // One string per zone: the monitor looks every node's zone up each pass, and a key built
  // afresh would be hashed afresh each time. Few zones exist; the bound only stops a runaway.
  let inRegion = zoneKeys.get(region);
  if (!inRegion) {
    if (zoneKeys.size >= 1000) zoneKeys.clear();
    zoneKeys.set(region, (inRegion = new Map()));
  }
  let key = inRegion.get(zone);
  if (key === undefined) inRegion.set(zone, (key = `${region}:\0:${zone}`));
  return key;
}

const zoneKeys = new Map<string, Map<string, string>>();

/** isNodeExcludedFromDisruptionChecks. */
export function excludedFromDisruptionChecks(labels: Record<string, string>): boolean {
  return Object.hasOwn(labels, topologyLabels.excludeDisruption);
}
