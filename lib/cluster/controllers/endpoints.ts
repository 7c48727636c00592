// The Endpoints controller (pkg/controller/endpoint, syncService): one Endpoints object per
// Service with a selector, named after it. Selected pods with an IP that are not finished go in:
// Ready ones in `addresses`, the others in `notReadyAddresses`; pods being deleted are left out,
// unless the Service publishes not-ready addresses, which makes every pod count as ready (#29).
import type { EndpointAddress, EndpointPort, EndpointSubset, EndpointTarget, Pod, Service } from '../api/types';
import type { SimContext } from '../engine/context';
import { headlessLabel, isExternalName, isHeadless } from '../api/services';
import type { PodEndpoint, ServicePods } from './servicepods';
import { podEndpointPorts, portsKey } from './findport';

/** What the endpoint controllers need beyond the usual context: which pods each Service selects. */
export interface EndpointsContext extends SimContext {
  readonly servicePods: ServicePods;
}

/** endpointslice util ShouldPodBeInEndpoints. */
export function shouldPodBeInEndpoints(pod: Pod, includeTerminating: boolean): boolean {
  if (pod.status.phase === 'Succeeded' || pod.status.phase === 'Failed') return false;
  if (!pod.status.podIP) return false;
  return includeTerminating || pod.metadata.deletionTimestamp === undefined;
}

/** The Service's ports as endpoints carry them: the target port, under the Service port's name. */
export function endpointPorts(service: Service): EndpointPort[] {
  return service.spec.ports.map((port) => ({ name: port.name ?? '', port: port.targetPort, protocol: port.protocol }));
}

const sameTarget = (a: EndpointTarget | undefined, b: EndpointTarget | undefined) =>
  a === b || (!!a && !!b && a.uid === b.uid && a.name === b.name);

export const sameLabels = (a: Record<string, string>, b: Record<string, string>) => {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((key) => a[key] === b[key]);
};

export const samePorts = (a: readonly EndpointPort[] | null, b: readonly EndpointPort[] | null) =>
  a === b ||
  (a !== null &&
    b !== null &&
    a.length === b.length &&
    a.every((port, i) => port.name === b[i].name && port.port === b[i].port && port.protocol === b[i].protocol));

const sameAddresses = (a: readonly EndpointAddress[], b: readonly EndpointAddress[]) =>
  a.length === b.length &&
  a.every(
    (address, i) =>
      address === b[i] ||
      (address.ip === b[i].ip &&
        address.hostname === b[i].hostname &&
        address.nodeName === b[i].nodeName &&
        sameTarget(address.targetRef, b[i].targetRef)),
  );

/** Whether two subset lists say the same (compared field by field: this runs on every pod change of the Service). */
function sameSubsets(a: readonly EndpointSubset[], b: readonly EndpointSubset[]): boolean {
  return (
    a.length === b.length &&
    a.every(
      (subset, i) =>
        sameAddresses(subset.addresses, b[i].addresses) &&
        sameAddresses(subset.notReadyAddresses, b[i].notReadyAddresses) &&
        samePorts(subset.ports, b[i].ports),
    )
  );
}

function desiredSubsets(ctx: EndpointsContext, key: string, service: Service): EndpointSubset[] {
  const publish = service.spec.publishNotReadyAddresses === true;
  // RepackSubsets: one subset per set of resolved ports (a named targetPort can resolve to a
  // different number per pod, #100), addresses sorted by IP; a pod without any port is left out.
  const groups = new Map<string, EndpointSubset>();
  const shared = hasNamedTarget(service) ? undefined : endpointPorts(service);
  const sharedKey = shared && portsKey(shared);
  // A headless Service may have no ports: its pods are listed without any (#119).
  const portless = service.spec.ports.length === 0;
  for (const { podKey, endpoint } of ctx.servicePods.membersOf(key)) {
    if (!endpoint || (endpoint.terminating && !publish)) continue;
    const ports = shared ?? podEndpointPorts(service, ctx.listers.get('Pod', podKey)!);
    if (ports.length === 0 && !portless) continue;
    const group = sharedKey ?? portsKey(ports);
    let subset = groups.get(group);
    if (!subset) groups.set(group, (subset = { addresses: [], notReadyAddresses: [], ports }));
    const address = withHostname(service, endpoint, endpoint.address);
    (publish || endpoint.serving ? subset.addresses : subset.notReadyAddresses).push(address);
  }
  // Members come by IP, so each subset's addresses are in IP order already.
  return [...groups.values()].sort(
    (a, b) => (a.ports[0]?.port ?? 0) - (b.ports[0]?.port ?? 0) || (portsKey(a.ports) < portsKey(b.ports) ? -1 : 1),
  );
}

/**
 * An endpoint names its pod's hostname when the pod's subdomain is this Service (a StatefulSet's
 * pods and its serviceName): DNS then answers HOSTNAME.SERVICE with that pod alone (#119).
 */
export function withHostname<T extends { hostname?: string }>(service: Service, pod: PodEndpoint, listed: T): T {
  if (pod.dnsName?.subdomain !== service.metadata.name) return listed;
  return { ...listed, hostname: pod.dnsName.hostname };
}

/** The Service's labels as its endpoint objects carry them, with the headless label if it is headless (#119). */
export function endpointLabels(service: Service): Record<string, string> {
  return isHeadless(service) ? { ...service.metadata.labels, [headlessLabel]: '' } : { ...service.metadata.labels };
}

/** Whether some port of the Service names its target (only then do pods' ports differ). */
export const hasNamedTarget = (service: Service) => service.spec.ports.some((port) => port.targetPortName !== undefined);

export function syncEndpoints(ctx: EndpointsContext, key: string): void {
  const service = ctx.listers.get('Service', key);
  const existing = ctx.listers.get('Endpoints', key);
  if (!service) {
    if (existing) ctx.client.delete('Endpoints', existing.metadata.namespace, existing.metadata.name);
    return;
  }
  // A Service without a selector has Endpoints its user writes; the controller leaves them be.
  // An ExternalName Service gets none (kubernetes#105986, #121).
  if (Object.keys(service.spec.selector).length === 0 || isExternalName(service)) return;
  const subsets = desiredSubsets(ctx, key, service);
  const labels = endpointLabels(service);
  if (existing) {
    if (sameSubsets(existing.subsets, subsets) && sameLabels(existing.metadata.labels, labels)) return;
    ctx.client.update(existing, 'spec', (endpoints) => {
      endpoints.subsets = subsets;
      endpoints.metadata.labels = labels;
    });
    return;
  }
  ctx.client.create<'Endpoints'>({
    kind: 'Endpoints',
    metadata: { name: service.metadata.name, namespace: service.metadata.namespace, labels },
    subsets,
  });
}
