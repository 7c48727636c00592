// FindPort (pkg/api/v1/pod/util.go): the container port a Service port's targetPort means for one
// pod. A number is itself; a name is looked up among the named ports of the pod's containers
// with the Service port's protocol, and a pod without it has no such port (#100).
import type { EndpointPort, Pod, Service, ServicePort } from '../api/types';

export function findPort(pod: Pod, port: ServicePort): number | undefined {
  if (port.targetPortName === undefined) return port.targetPort;
  for (const container of pod.spec.containers)
    for (const named of container.namedPorts ?? [])
      if (named.name === port.targetPortName && named.protocol === port.protocol) return named.containerPort;
  return undefined;
}

/**
 * The pod's endpoint ports: each Service port whose target the pod has, under the Service port's
 * name (the endpoint controllers skip the ports FindPort fails on).
 */
export function podEndpointPorts(service: Service, pod: Pod): EndpointPort[] {
  const ports: EndpointPort[] = [];
  for (const port of service.spec.ports) {
    const number = findPort(pod, port);
    if (number !== undefined) ports.push({ name: port.name ?? '', port: number, protocol: port.protocol });
  }
  return ports;
}

/** A key for a list of ports (the endpoint controllers group pods by it). */
export const portsKey = (ports: readonly EndpointPort[]) => ports.map((port) => `${port.name}/${port.port}/${port.protocol}`).join(',');
