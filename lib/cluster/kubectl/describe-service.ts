// kubectl describe for Services, Endpoints and EndpointSlices (kubectl pkg/describe/describe.go
// describeService, describeEndpoints, describeEndpointSlice), in its tabwriter layout.
import { annotations } from '../controllers/deployment.util';
import { selectorString } from '../controllers/podutil';
import { slicesOfService } from '../controllers/endpointslice';
import type { Engine } from '../engine/engine';
import type { EndpointPort, EndpointSlice, Endpoints, Service } from '../api/types';
import { eventsSection, field, indent, labelsOf, list } from './describers';
import { formatTable } from './table';

/** kubectl leaves the last-applied annotation out of describe (printAnnotationsMultiline skips it). */
const { lastApplied } = annotations;

function annotationLines(annotations: Record<string, string>): string[] {
  return Object.entries(annotations)
    .filter(([key]) => key !== lastApplied)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([key, value]) => `${key}: ${value}`);
}

function events(engine: Engine, kind: string, namespace: string, name: string, width: number): string {
  const section = eventsSection(engine, kind, namespace, name);
  return section === 'Events:  <none>' ? field('Events', '<none>', width) : section;
}

/**
 * formatEndpointSlices: the ready endpoints of the slices for this port, as ip:port, three and
 * then " + N more..."; `<none>` only when no slice exists (#31).
 */
export function serviceEndpointsLine(slices: readonly EndpointSlice[], portName: string): string {
  if (slices.length === 0) return '<none>';
  const list: string[] = [];
  for (const slice of slices) {
    const ports = slice.ports ?? [];
    if (ports.length === 0) {
      for (const endpoint of slice.endpoints) if (endpoint.conditions.ready) list.push(endpoint.addresses[0]);
      continue;
    }
    for (const port of ports) {
      if (port.name !== portName) continue;
      for (const endpoint of slice.endpoints) if (endpoint.conditions.ready) list.push(`${endpoint.addresses[0]}:${port.port}`);
    }
  }
  const shown = list.slice(0, 3).join(',');
  return list.length > 3 ? `${shown} + ${list.length - 3} more...` : shown;
}

export function describeService(engine: Engine, service: Service): string {
  const w = 26;
  const { spec, metadata } = service;
  const slices = slicesOfService(engine.listers, metadata.namespace, metadata.name);
  const lines = [
    field('Name', metadata.name, w),
    field('Namespace', metadata.namespace, w),
    list('Labels', labelsOf(metadata.labels), w),
    list('Annotations', annotationLines(metadata.annotations), w),
    field('Selector', selectorString(spec.selector), w),
    field('Type', spec.type, w),
  ];
  // An ExternalName Service has no IP family policy, families or IPs, and names what it aliases (#121).
  if (spec.type === 'ExternalName')
    lines.push(
      field('IP Families', '<none>', w),
      field('IP', '', w).trimEnd(),
      field('IPs', '<none>', w),
      field('External Name', spec.externalName ?? '', w),
    );
  else
    lines.push(
      field('IP Family Policy', 'SingleStack', w),
      field('IP Families', 'IPv4', w),
      field('IP', spec.clusterIP, w),
      field('IPs', spec.clusterIP, w),
    );
  for (const port of spec.ports) {
    const name = port.name || '<unset>';
    lines.push(field('Port', `${name}  ${port.port}/${port.protocol}`, w));
    lines.push(field('TargetPort', `${port.targetPortName ?? port.targetPort}/${port.protocol}`, w));
    if (port.nodePort) lines.push(field('NodePort', `${name}  ${port.nodePort}/${port.protocol}`, w));
    lines.push(field('Endpoints', serviceEndpointsLine(slices, port.name ?? ''), w).trimEnd());
  }
  lines.push(field('Session Affinity', 'None', w));
  if (spec.type === 'NodePort' || spec.type === 'LoadBalancer') lines.push(field('External Traffic Policy', 'Cluster', w));
  if (spec.type !== 'ExternalName') lines.push(field('Internal Traffic Policy', 'Cluster', w));
  lines.push(events(engine, 'Service', metadata.namespace, metadata.name, w));
  return `${lines.join('\n')}\n`;
}

function portsTable(ports: readonly EndpointPort[]): string {
  return formatTable(
    ['Name', 'Port', 'Protocol'],
    [['----', '----', '--------'], ...ports.map((port) => [port.name || '<unset>', String(port.port), port.protocol])],
  );
}

export function describeEndpoints(engine: Engine, endpoints: Endpoints): string {
  const w = 14;
  const { metadata } = endpoints;
  const lines = [
    field('Name', metadata.name, w),
    field('Namespace', metadata.namespace, w),
    list('Labels', labelsOf(metadata.labels), w),
    list('Annotations', annotationLines(metadata.annotations), w),
    'Subsets:',
  ];
  for (const subset of endpoints.subsets) {
    const ips = (addresses: { ip: string }[]) => (addresses.length ? addresses.map((a) => a.ip).join(',') : '<none>');
    lines.push(`  ${field('Addresses', ips(subset.addresses), 20)}`);
    lines.push(`  ${field('NotReadyAddresses', ips(subset.notReadyAddresses), 20)}`);
    if (subset.ports.length > 0) lines.push('  Ports:', indent(portsTable(subset.ports), 4));
    lines.push('');
  }
  lines.push(events(engine, 'Endpoints', metadata.namespace, metadata.name, w));
  return `${lines.join('\n')}\n`;
}

export function describeEndpointSlice(engine: Engine, slice: EndpointSlice): string {
  const w = 14;
  const { metadata } = slice;
  const lines = [
    field('Name', metadata.name, w),
    field('Namespace', metadata.namespace, w),
    list('Labels', labelsOf(metadata.labels), w),
    list('Annotations', annotationLines(metadata.annotations), w),
    field('AddressType', slice.addressType, w),
  ];
  // These two lines have no tab in describe.go, so the tabwriter leaves them unaligned.
  if (slice.ports === null || slice.ports.length === 0) lines.push('Ports: <unset>');
  else lines.push('Ports:', indent(portsTable(slice.ports), 2));
  if (slice.endpoints.length === 0) lines.push('Endpoints: <none>');
  else {
    lines.push('Endpoints:');
    for (const endpoint of slice.endpoints) {
      lines.push(`  - ${field('Addresses', endpoint.addresses.join(','), 12)}`);
      lines.push('    Conditions:');
      lines.push(`      ${field('Ready', String(endpoint.conditions.ready), 10)}`);
      lines.push(`    ${field('Hostname', endpoint.hostname ?? '<unset>', 12)}`);
      if (endpoint.targetRef) lines.push(`    ${field('TargetRef', `Pod/${endpoint.targetRef.name}`, 12)}`);
      lines.push(`    ${field('NodeName', endpoint.nodeName ?? '<unset>', 12)}`);
      lines.push(`    ${field('Zone', '<unset>', 12)}`);
    }
  }
  lines.push(events(engine, 'EndpointSlice', metadata.namespace, metadata.name, w));
  return `${lines.join('\n')}\n`;
}
