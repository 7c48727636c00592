// The EndpointSlice controller (staging/src/k8s.io/endpointslice reconciler.go): every selected
// pod with an IP that is not finished, terminating ones included, with its conditions: serving
// (pod Ready), terminating (being deleted) and ready (serving and not terminating, or always when
// the Service publishes not-ready addresses). Slices hold up to --max-endpoints-per-slice
// endpoints, are named `<service>-<5 random chars>` and labelled with the Service's name; a
// Service with nothing to list keeps one placeholder slice without ports (#30).
import type { EndpointPort, EndpointSlice, Service, SliceEndpoint } from '../api/types';
import { isExternalName } from '../api/services';
import { defaults } from '../engine/config';
import type { Listers } from '../engine/listers';
import { endpointLabels, endpointPorts, hasNamedTarget, sameLabels, samePorts, withHostname, type EndpointsContext } from './endpoints';
import { podEndpointPorts, portsKey } from './findport';
import { ownerRef } from './podutil';
import { Rng, seedToState } from '../util/rng';

export const serviceNameLabel = 'kubernetes.io/service-name';
const managedByLabel = 'endpointslice.kubernetes.io/managed-by';
const controllerName = 'endpointslice-controller.k8s.io';

/** The slices of a Service, in name order (through their owner reference, which the store indexes). */
export function slicesOfService(listers: Listers, namespace: string, name: string): EndpointSlice[] {
  const service = listers.get('Service', `${namespace}/${name}`);
  if (!service) return [];
  const slices = listers.dependentsOf(service.metadata.uid, 'EndpointSlice');
  // A Service without a selector has slices someone else wrote, found by their label: the API
  // server's own for `kubernetes` (#101), named like the Service.
  if (Object.keys(service.spec.selector).length === 0) {
    const own = listers.get('EndpointSlice', `${namespace}/${name}`);
    if (own && own.metadata.labels[serviceNameLabel] === name && !slices.includes(own)) slices.push(own);
  }
  return slices.sort((a, b) => (a.metadata.name < b.metadata.name ? -1 : a.metadata.name > b.metadata.name ? 1 : 0));
}

/** The endpoints of one set of resolved ports (reconciler.go's desiredEndpointsByPortMap). */
interface PortGroup {
  ports: EndpointPort[];
  endpoints: SliceEndpoint[];
}

function desiredEndpoints(ctx: EndpointsContext, key: string, service: Service): PortGroup[] {
  const publish = service.spec.publishNotReadyAddresses === true;
  // Without a named targetPort every pod has the same ports: computed once.
  const shared = hasNamedTarget(service) ? undefined : endpointPorts(service);
  const sharedKey = shared && portsKey(shared);
  const groups = new Map<string, PortGroup>();
  for (const { podKey, endpoint } of ctx.servicePods.membersOf(key)) {
    if (!endpoint) continue;
    // A named targetPort resolves per pod (#100): pods are sliced by the ports they resolved.
    const ports = shared ?? podEndpointPorts(service, ctx.listers.get('Pod', podKey)!);
    const groupKey = sharedKey ?? portsKey(ports);
    let group = groups.get(groupKey);
    if (!group) groups.set(groupKey, (group = { ports, endpoints: [] }));
    group.endpoints.push(withHostname(service, endpoint, publish ? endpoint.publishedSliceEndpoint : endpoint.sliceEndpoint));
  }
  // Members come by IP, so each group's endpoints are in address order already.
  return [...groups.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, group]) => group);
}

const sameEndpoint = (a: SliceEndpoint, b: SliceEndpoint) =>
  a === b ||
  (a.addresses[0] === b.addresses[0] &&
    a.hostname === b.hostname &&
    a.nodeName === b.nodeName &&
    a.targetRef?.uid === b.targetRef?.uid &&
    a.conditions.ready === b.conditions.ready &&
    a.conditions.serving === b.conditions.serving &&
    a.conditions.terminating === b.conditions.terminating);

/** Compared field by field: this runs on every pod change of the Service. */
const sameSlice = (slice: EndpointSlice, labels: Record<string, string>, endpoints: SliceEndpoint[], ports: EndpointSlice['ports']) =>
  slice.endpoints.length === endpoints.length &&
  slice.endpoints.every((endpoint, i) => sameEndpoint(endpoint, endpoints[i])) &&
  samePorts(slice.ports, ports) &&
  sameLabels(slice.metadata.labels, labels);

/** A Service's labels as its slices carry them, remembered per Service object while its labels stay. */
const labelsOfSlices = new WeakMap<Service, { source: Record<string, string>; labels: Record<string, string> }>();

function sliceLabels(service: Service): Record<string, string> {
  const { labels: own, name } = service.metadata;
  const known = labelsOfSlices.get(service);
  if (known && sameLabels(known.source, own)) return known.labels;
  // In key order, as kubectl lists labels.
  const labels = Object.fromEntries(
    Object.entries({ ...endpointLabels(service), [managedByLabel]: controllerName, [serviceNameLabel]: name }).sort(([a], [b]) =>
      a < b ? -1 : a > b ? 1 : 0,
    ),
  );
  labelsOfSlices.set(service, { source: { ...own }, labels });
  return labels;
}

export function syncEndpointSlices(ctx: EndpointsContext, key: string): void {
  const service = ctx.listers.get('Service', key);
  // A deleted Service's slices go with it: the garbage collector follows their owner reference.
  // An ExternalName Service receives no endpoints (kubernetes#105986, #121).
  if (!service || Object.keys(service.spec.selector).length === 0 || isExternalName(service)) return;
  const { namespace, name } = service.metadata;
  const labels = sliceLabels(service);
  const chunks: { endpoints: SliceEndpoint[]; ports: EndpointSlice['ports'] }[] = [];
  const max = defaults.maxEndpointsPerSlice;
  for (const { endpoints, ports } of desiredEndpoints(ctx, key, service)) {
    if (endpoints.length <= max) chunks.push({ endpoints, ports });
    else for (let i = 0; i < endpoints.length; i += max) chunks.push({ endpoints: endpoints.slice(i, i + max), ports });
  }
  if (chunks.length === 0) chunks.push({ endpoints: [], ports: null });
  const existing = slicesOfService(ctx.listers, namespace, name);
  chunks.forEach(({ endpoints: chunk, ports }, i) => {
    const slice = existing[i];
    if (slice) {
      if (sameSlice(slice, labels, chunk, ports)) return;
      ctx.client.update(slice, 'spec', (target) => {
        target.endpoints = chunk;
        target.ports = ports;
        target.metadata.labels = labels;
      });
      return;
    }
    // generateName `<service>-`: 5 random characters, drawn again on a clash. They come from a
    // stream seeded by the Service's uid and the time, so listing a Service leaves the cluster's
    // other draws alone (a slice deleted by hand comes back under a new name).
    const names = new Rng(seedToState(`${service.metadata.uid}/${i}/${ctx.clock.now()}`));
    for (;;) {
      const created = ctx.client.create<'EndpointSlice'>({
        kind: 'EndpointSlice',
        metadata: { name: `${name}-${names.suffix()}`, namespace, labels, ownerReferences: [ownerRef(service)] },
        addressType: 'IPv4',
        endpoints: chunk,
        ports,
      });
      if (created.ok || created.error.reason !== 'AlreadyExists') return;
    }
  });
  for (const extra of existing.slice(chunks.length)) ctx.client.delete('EndpointSlice', namespace, extra.metadata.name);
}
