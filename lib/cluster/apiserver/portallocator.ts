// The Service REST storage's NodePort allocator (pkg/registry/core/service/portallocator): a
// NodePort or LoadBalancer Service gets a free port of --service-node-port-range for each of its
// ports, at random. Since 1.29 the range has a static band at its bottom that random allocation
// uses only once the rest is full, so ports users pick by hand rarely collide (#32).
import { fieldErrors } from '../api/errors';
import type { Service } from '../api/types';
import { defaults } from '../engine/config';
import type { Rng } from '../util/rng';

const { min, max } = defaults.nodePortRange;
const size = max - min + 1;
/** calculateRangeOffset: min(max(16, size/32), 128) ports at the bottom. */
const staticBand = Math.min(Math.max(16, Math.floor(size / 32)), 128);

const needsNodePorts = (service: Service) => service.spec.type === 'NodePort' || service.spec.type === 'LoadBalancer';

function randomFree(rng: Rng, used: ReadonlySet<number>): number | undefined {
  for (const [from, to] of [
    [min + staticBand, max],
    [min, min + staticBand - 1],
  ]) {
    const span = to - from + 1;
    const start = rng.int(span);
    for (let i = 0; i < span; i++) {
      const port = from + ((start + i) % span);
      if (!used.has(port)) return port;
    }
  }
  return undefined;
}

/**
 * Fills in the draft's node ports (keeping those `previous` had for the same port, as an update
 * does), or returns the field errors that refuse it. `others` are the other Services.
 */
export function allocateNodePorts(draft: Service, previous: Service | undefined, others: Iterable<Service>, rng: Rng): string[] {
  const ports = draft.spec.ports;
  if (!needsNodePorts(draft) && previous && needsNodePorts(previous)) {
    // dropTypeDependentFields: leaving NodePort clears the node ports the request did not change.
    for (const port of ports) {
      const old = previous.spec.ports.find((each) => each.port === port.port && each.protocol === port.protocol);
      if (port.nodePort !== undefined && port.nodePort === old?.nodePort) delete port.nodePort;
    }
  }
  if (!needsNodePorts(draft)) {
    const causes = ports.flatMap((port, i) => (port.nodePort ? [fieldErrors.nodePortForbidden(i, draft.spec.type)] : []));
    return causes;
  }
  const used = new Set<number>();
  for (const other of others)
    if (other.metadata.uid !== draft.metadata.uid) for (const port of other.spec.ports) if (port.nodePort) used.add(port.nodePort);
  const causes: string[] = [];
  ports.forEach((port, i) => {
    if (port.nodePort === undefined) return;
    if (port.nodePort < min || port.nodePort > max) causes.push(fieldErrors.nodePortOutOfRange(i, port.nodePort, `${min}-${max}`));
    else if (used.has(port.nodePort)) causes.push(fieldErrors.nodePortAllocated(i, port.nodePort));
    else used.add(port.nodePort);
  });
  if (causes.length > 0) return causes;
  for (const port of ports) {
    if (port.nodePort !== undefined) continue;
    const kept = previous?.spec.ports.find((old) => old.port === port.port && old.protocol === port.protocol)?.nodePort;
    const chosen = kept !== undefined && !used.has(kept) ? kept : randomFree(rng, used);
    if (chosen === undefined) return [fieldErrors.nodePortsExhausted()];
    port.nodePort = chosen;
    used.add(chosen);
  }
  return [];
}
