// Cluster DNS as CoreDNS's kubernetes plugin answers a pod (#119). A pod's resolv.conf searches
// NAMESPACE.svc.cluster.local, svc.cluster.local and cluster.local with ndots:5, so a short name
// is tried under each of them before it is tried as it is. Under svc.cluster.local:
// - SERVICE.NAMESPACE: a Service's ClusterIP, or for a headless Service the addresses of its
//   ready endpoints (none: NXDOMAIN);
// - ENDPOINT.SERVICE.NAMESPACE: the ready endpoint whose hostname (a pod's spec.hostname, when its
//   subdomain is the Service: a StatefulSet's pods) or dashed IP is ENDPOINT.
// - an ExternalName Service: a CNAME to its externalName, which is looked up in turn (#121).
// CoreDNS watches the API, so it answers from the objects as they are now. There is no DNS
// outside the cluster: any other name is not found.
import { isExternalName, isHeadless } from '../api/services';
import type { Service } from '../api/types';
import { slicesOfService } from '../controllers/endpointslice';
import type { Engine } from '../engine/engine';
import type { ProxyEndpoint } from '../engine/state';

export const clusterDomain = 'cluster.local';
const serviceZone = `.svc.${clusterDomain}`;

export type DnsAnswer =
  /** The Service's virtual IP: kube-proxy's rules pick the pod. */
  | { kind: 'clusterIP'; service: Service }
  /** Pods' own addresses (a headless Service, or one endpoint's name), each on the URL's port. */
  | { kind: 'pods'; service: Service; pods: ProxyEndpoint[] };

/** The kube-dns Service's ClusterIP (kubeadm: the tenth address of the service range). */
export const clusterDnsIP = '10.96.0.10';

/** A pod's /etc/resolv.conf with dnsPolicy ClusterFirst (ClusterFirstWithHostNet for host-network pods). */
export function resolvConf(namespace: string): string {
  return `search ${namespace}${serviceZone} ${serviceZone.slice(1)} ${clusterDomain}\nnameserver ${clusterDnsIP}\noptions ndots:5\n`;
}

/** The names the resolver asks for, in order: the search list first unless the name has 5 dots or ends with one. */
export function searchNames(name: string, namespace: string): string[] {
  if (name.endsWith('.')) return [name.slice(0, -1)];
  const searched = [`${namespace}${serviceZone}`, serviceZone.slice(1), clusterDomain].map((domain) => `${name}.${domain}`);
  return name.split('.').length - 1 >= 5 ? [name, ...searched] : [...searched, name];
}

/** The port curl connects to for a Service's name: its first port, else http's. */
export const urlPort = (service: Service): number => service.spec.ports[0]?.port ?? 80;

/** endpointHostname: the endpoint's hostname, else its IP with dashes. */
const endpointName = (hostname: string | undefined, ip: string) => hostname ?? ip.replaceAll('.', '-');

/** The Service's ready endpoints (as CoreDNS reads EndpointSlices), optionally only the one named `endpoint`. */
function readyPods(engine: Engine, service: Service, endpoint?: string): ProxyEndpoint[] {
  const port = urlPort(service);
  const pods: ProxyEndpoint[] = [];
  for (const slice of slicesOfService(engine.store, service.metadata.namespace, service.metadata.name)) {
    for (const each of slice.endpoints) {
      if (!each.conditions.ready || !each.targetRef) continue;
      const ip = each.addresses[0];
      if (endpoint !== undefined && endpointName(each.hostname, ip) !== endpoint) continue;
      pods.push({ ip, ports: [port], pod: `${each.targetRef.namespace}/${each.targetRef.name}`, node: each.nodeName ?? '' });
    }
  }
  return pods;
}

/** CNAME chains CoreDNS follows before giving up. */
const maxAliases = 8;

/** A name that resolved: the names asked in turn (the one that answered, then its CNAME targets) and the answer. */
export interface Resolution {
  names: string[];
  answer: DnsAnswer;
}

/** One absolute name; undefined is NXDOMAIN (for it, or for the end of its CNAME chain). */
function lookup(engine: Engine, fqdn: string, names: readonly string[] = []): Resolution | undefined {
  const asked = [...names, fqdn];
  if (!fqdn.endsWith(serviceZone)) return undefined;
  const labels = fqdn.slice(0, -serviceZone.length).split('.');
  if (labels.length !== 2 && labels.length !== 3) return undefined;
  const [endpoint, name, namespace] = labels.length === 3 ? labels : [undefined, ...labels];
  const service = engine.store.get('Service', `${namespace}/${name}`);
  if (!service) return undefined;
  // An ExternalName Service is a CNAME: its target is looked up as an absolute name (#121).
  if (isExternalName(service)) {
    const target = (service.spec.externalName ?? '').replace(/\.$/, '');
    return endpoint === undefined && names.length < maxAliases ? lookup(engine, target, asked) : undefined;
  }
  if (endpoint === undefined && !isHeadless(service)) return { names: asked, answer: { kind: 'clusterIP', service } };
  const pods = readyPods(engine, service, endpoint);
  return pods.length > 0 ? { names: asked, answer: { kind: 'pods', service, pods } } : undefined;
}

/** How `name` resolves for a pod in `namespace`: the first search name with an answer (NXDOMAIN moves on to the next). */
export function resolveName(engine: Engine, name: string, namespace: string): Resolution | undefined {
  for (const fqdn of searchNames(name, namespace)) {
    const resolution = lookup(engine, fqdn);
    if (resolution) return resolution;
  }
  return undefined;
}

/** What a pod in `namespace` gets for `name`, if anything. */
export const resolveHost = (engine: Engine, name: string, namespace: string): DnsAnswer | undefined =>
  resolveName(engine, name, namespace)?.answer;

/**
 * nslookup NAME as bind's (the Kubernetes docs' dnsutils image) prints it: the server, any CNAMEs,
 * then one Name/Address pair per A record; a name nothing answers is NXDOMAIN, exit status 1.
 */
export function nslookup(engine: Engine, name: string, namespace: string): { stdout: string; exitCode: number } {
  const head = `Server:\t\t${clusterDnsIP}\nAddress:\t${clusterDnsIP}#53\n\n`;
  const resolution = resolveName(engine, name.toLowerCase(), namespace);
  if (!resolution) return { stdout: `${head}** server can't find ${name}: NXDOMAIN\n\n`, exitCode: 1 };
  const { names, answer } = resolution;
  const aliases = names.slice(1).map((target, i) => `${names[i]}\tcanonical name = ${target}.\n`);
  const last = names[names.length - 1];
  const addresses = answer.kind === 'clusterIP' ? [answer.service.spec.clusterIP] : answer.pods.map((pod) => pod.ip);
  return { stdout: `${head}${aliases.join('')}${addresses.map((ip) => `Name:\t${last}\nAddress: ${ip}\n`).join('')}\n`, exitCode: 0 };
}
