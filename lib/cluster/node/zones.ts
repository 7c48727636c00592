// Where the machines stand: `sim init --zones Z` spreads the workers over Z zones of one region,
// round-robin, and the kubelets register the well-known topology labels (as a cloud provider's
// node controller would set them). The control-plane machine gets none: it is in zone "" (#47).
import type { Engine } from '../engine/engine';
import type { NodeHardware } from '../engine/state';

/** The region of a zoned cluster: a real cloud region's name (AWS Ireland). */
export const clusterRegion = 'eu-west-1';

/** zone-a ... zone-z. */
export const maxZones = 26;

export function zoneName(index: number): string {
  return `zone-${String.fromCharCode('a'.charCodeAt(0) + index)}`;
}

/** Worker `ordinal` (1, 2, ...) of a cluster with `zones` zones: round-robin from zone-a. */
export function placeWorker(ordinal: number, zones: number): Pick<NodeHardware, 'region' | 'zone'> {
  return zones > 0 ? { region: clusterRegion, zone: zoneName((ordinal - 1) % Math.min(zones, maxZones)) } : {};
}

/** The zones machines stand in, sorted. */
export function zonesOf(engine: Engine): string[] {
  const zones = new Set<string>();
  for (const hardware of Object.values(engine.state.hardware)) if (hardware.zone) zones.add(hardware.zone);
  return [...zones].sort();
}

/** The machines of a zone, in creation order. */
export function machinesInZone(engine: Engine, zone: string): string[] {
  return Object.entries(engine.state.hardware)
    .filter(([, hardware]) => hardware.zone === zone)
    .sort(([, a], [, b]) => a.index - b.index)
    .map(([name]) => name);
}

/** Where `sim node add` puts a new worker in a zoned cluster: the zone with the fewest machines. */
export function zoneForNewWorker(engine: Engine): Pick<NodeHardware, 'region' | 'zone'> {
  const zones = zonesOf(engine);
  if (zones.length === 0) return {};
  const counts = zones.map((zone) => machinesInZone(engine, zone).length);
  return { region: clusterRegion, zone: zones[counts.indexOf(Math.min(...counts))] };
}
