// Which Services select which pods, kept from watch events (the endpoint controllers'
// GetPodServiceMemberships, as an index): a pod change costs one selector match per Service of
// its namespace, and wakes only the Services it was or is in, and only when something the
// endpoints show changed. A Service change looks once at the pods carrying its selector's first
// label (kept per namespace and label pair), not at every pod of the cluster.
//
// Each selected pod also keeps what its endpoints show, built once per change of it: the endpoint
// controllers sync a Service on every change of one of its pods and list all of them each time.
import type { EndpointAddress, Pod, Service, SliceEndpoint } from '../api/types';
import { isPodReady, matchesSelector } from './podutil';
import { sameLabels, shouldPodBeInEndpoints } from './endpoints';

/**
 * Whether the pod shows in endpoints as `endpoint` has it (or, without one, shows in none: no IP
 * yet, or finished). A change to anything else (a pull starting, Pending to Running) wakes no Service.
 */
function showsAs(endpoint: PodEndpoint | undefined, pod: Pod | undefined, shows: boolean): boolean {
  if (!endpoint || !shows) return !endpoint && !shows;
  const { address } = endpoint;
  return (
    address.ip === pod!.status.podIP &&
    endpoint.serving === isPodReady(pod!) &&
    address.nodeName === pod!.spec.nodeName &&
    endpoint.terminating === (pod!.metadata.deletionTimestamp !== undefined) &&
    address.targetRef!.uid === pod!.metadata.uid
  );
}

/**
 * A selected pod as the endpoint controllers list it. Its objects go into the Endpoints and
 * EndpointSlices written, shared by every version of them, so they are frozen.
 */
export interface PodEndpoint {
  readonly serving: boolean;
  readonly terminating: boolean;
  readonly address: Readonly<EndpointAddress>;
  readonly sliceEndpoint: Readonly<SliceEndpoint>;
  /** The slice endpoint of a Service publishing not-ready addresses: always ready. */
  readonly publishedSliceEndpoint: Readonly<SliceEndpoint>;
  /** The pod's spec.hostname and spec.subdomain (a pod's are fixed once it is created), when both are set (#119). */
  readonly dnsName?: { readonly hostname: string; readonly subdomain: string };
}

function podEndpoint(pod: Pod): PodEndpoint {
  const { metadata } = pod;
  const ip = pod.status.podIP!;
  const serving = isPodReady(pod);
  const terminating = metadata.deletionTimestamp !== undefined;
  const targetRef = Object.freeze({ kind: 'Pod' as const, name: metadata.name, namespace: metadata.namespace, uid: metadata.uid });
  const addresses = Object.freeze([ip]) as string[];
  const sliceEndpoint = (ready: boolean) =>
    Object.freeze({ addresses, conditions: Object.freeze({ ready, serving, terminating }), nodeName: pod.spec.nodeName, targetRef });
  const ready = sliceEndpoint(serving && !terminating);
  return {
    serving,
    terminating,
    address: Object.freeze({ ip, nodeName: pod.spec.nodeName, targetRef }),
    sliceEndpoint: ready,
    publishedSliceEndpoint: ready.conditions.ready ? ready : sliceEndpoint(true),
    ...(pod.spec.hostname && pod.spec.subdomain ? { dnsName: { hostname: pod.spec.hostname, subdomain: pod.spec.subdomain } } : {}),
  };
}

/** A pod some Service selects (or did: a Service change leaves its other memberships alone). */
export interface ServiceMember {
  readonly podKey: string;
  /** Absent while no endpoint can show the pod. */
  readonly endpoint: PodEndpoint | undefined;
}

interface Member extends ServiceMember {
  services: Set<string>;
  endpoint: PodEndpoint | undefined;
}

const none: ReadonlySet<string> = new Set();
const noMembers: readonly ServiceMember[] = [];
const matchedScratch: string[] = [];
const ipOf = (member: ServiceMember) => member.endpoint?.address.ip ?? '';
/** LessEndpointAddress: by IP, then (host-network pods share their node's IP) by pod uid. */
const byIp = (a: ServiceMember, b: ServiceMember) => {
  const x = ipOf(a);
  const y = ipOf(b);
  if (x !== y) return x < y ? -1 : 1;
  const u = a.endpoint?.address.targetRef?.uid ?? '';
  const v = b.endpoint?.address.targetRef?.uid ?? '';
  return u < v ? -1 : u > v ? 1 : 0;
};

/** A Service is filed under its selector's first label: only pods carrying that label are matched against it. */
const bucketOf = (selector: Record<string, string>): [string, string] => {
  for (const key in selector) return [key, selector[key]];
  return ['', ''];
};

/** Where a Service's pods are looked up: every pod with its key, or one by key. */
export interface PodSource {
  entries(): Iterable<[string, Pod]>;
  get(key: string): Pod | undefined;
}

export class ServicePods {
  /**
   * Per namespace, then per label key and value of a selector's first label, the selectors of its
   * Services (a Service without one has no endpoints controller work).
   */
  private readonly selectors = new Map<string, Map<string, Map<string, Map<string, Record<string, string>>>>>();
  private readonly podsByService = new Map<string, Map<string, Member>>();
  /** Per Service, its members by IP (the order endpoints list them), from its first sync on. */
  private readonly inIpOrder = new Map<string, ServiceMember[]>();
  private readonly members = new Map<string, Member>();
  /**
   * Pod keys per namespace and label pair (`namespace/key=value`), kept from the first Service
   * with a selector on (a cluster without one pays nothing for it).
   */
  private readonly podsByLabel = new Map<string, Set<string>>();
  private labelsFiled = false;
  /** The namespace and labels each pod key is filed under in podsByLabel. */
  private readonly podLabels = new Map<string, { namespace: string; labels: Record<string, string> }>();

  /** The pods a Service selects, in the order endpoints list them. */
  membersOf(serviceKey: string): readonly ServiceMember[] {
    let ordered = this.inIpOrder.get(serviceKey);
    if (ordered) return ordered;
    const members = this.podsByService.get(serviceKey);
    if (!members) return noMembers;
    ordered = [...members.values()].sort(byIp);
    this.inIpOrder.set(serviceKey, ordered);
    return ordered;
  }

  /** A pod changed: the Services whose endpoints must be looked at again (empty when none). */
  observePod(key: string, pod: Pod | undefined): readonly string[] {
    if (this.labelsFiled) this.fileLabels(key, pod);
    const member = this.members.get(key);
    const before = member?.services;
    const namespace = pod?.metadata.namespace;
    const selectors = namespace === undefined ? undefined : this.selectors.get(namespace);
    if (!before && !selectors) return [];
    // A Service sits in one bucket and a pod has each label key once: no Service matches twice.
    const matched = matchedScratch;
    matched.length = 0;
    if (pod && selectors) {
      const labels = pod.metadata.labels;
      for (const key in labels) {
        const bucket = selectors.get(key)?.get(labels[key]);
        if (bucket) for (const [service, selector] of bucket) if (matchesSelector(labels, selector)) matched.push(service);
      }
    }
    // Most pod changes keep the pod's Services: the set it had is kept too.
    const after = before && before.size === matched.length && matched.every((service) => before.has(service)) ? before : new Set(matched);
    const previous = member?.endpoint;
    const showsNow = pod !== undefined && shouldPodBeInEndpoints(pod, true);
    const changed = !showsAs(previous, pod, showsNow);
    // Joining or leaving a Service shows only if the pod can be an endpoint before or after.
    const shows = previous !== undefined || showsNow;
    const kept = after.size > 0 ? (member ?? this.newMember(key)) : undefined;
    if (kept) {
      kept.services = after;
      if (changed || !member) {
        const ip = ipOf(kept);
        kept.endpoint = showsNow ? podEndpoint(pod!) : undefined;
        if (ipOf(kept) !== ip) for (const service of after) if (before?.has(service)) this.reorder(service, kept, true);
      }
    } else this.members.delete(key);
    const woken: string[] = [];
    for (const service of after) {
      if (!before?.has(service)) {
        if (shows) woken.push(service);
        this.add(service, kept!);
      } else if (changed) woken.push(service);
    }
    if (before) {
      for (const service of before) {
        if (after.has(service)) continue;
        if (shows) woken.push(service);
        this.podsByService.get(service)?.delete(key);
        this.reorder(service, member!, false);
      }
    }
    return woken;
  }

  /** A Service was added, changed or deleted: its pods are found again among `pods`. */
  observeService(key: string, service: Service | undefined, pods: PodSource): void {
    const previous = this.podsByService.get(key);
    if (previous) for (const member of previous.values()) member.services.delete(key);
    this.podsByService.delete(key);
    this.inIpOrder.delete(key);
    const namespace = key.slice(0, key.indexOf('/'));
    const selectors = this.selectors.get(namespace);
    if (selectors) {
      for (const [label, byValue] of selectors) {
        for (const [value, bucket] of byValue) if (bucket.delete(key) && bucket.size === 0) byValue.delete(value);
        if (byValue.size === 0) selectors.delete(label);
      }
      if (selectors.size === 0) this.selectors.delete(namespace);
    }
    if (!service || Object.keys(service.spec.selector).length === 0) return;
    if (!this.labelsFiled) {
      this.labelsFiled = true;
      for (const [podKey, pod] of pods.entries()) this.fileLabels(podKey, pod);
    }
    let forNamespace = this.selectors.get(namespace);
    if (!forNamespace) this.selectors.set(namespace, (forNamespace = new Map()));
    const [label, value] = bucketOf(service.spec.selector);
    let byValue = forNamespace.get(label);
    if (!byValue) forNamespace.set(label, (byValue = new Map()));
    let bucket = byValue.get(value);
    if (!bucket) byValue.set(value, (bucket = new Map()));
    bucket.set(key, service.spec.selector);
    this.podsByService.set(key, new Map());
    for (const podKey of this.podsByLabel.get(`${namespace}/${label}=${value}`) ?? none) {
      const selected = pods.get(podKey);
      if (!selected || !matchesSelector(selected.metadata.labels, service.spec.selector)) continue;
      let member = this.members.get(podKey);
      if (!member) {
        member = this.newMember(podKey);
        if (shouldPodBeInEndpoints(selected, true)) member.endpoint = podEndpoint(selected);
      }
      member.services.add(key);
      this.add(key, member);
    }
  }

  /** After a restore: rebuilt from the stored objects. */
  rebuild(services: Iterable<[string, Service]>, pods: PodSource): void {
    this.selectors.clear();
    this.podsByService.clear();
    this.inIpOrder.clear();
    this.members.clear();
    this.podsByLabel.clear();
    this.podLabels.clear();
    this.labelsFiled = false;
    for (const [key, service] of services) this.observeService(key, service, pods);
  }

  /** Files the pod under each of its label pairs (again only when its namespace or labels changed). */
  private fileLabels(key: string, pod: Pod | undefined): void {
    const filed = this.podLabels.get(key);
    if (
      pod &&
      filed &&
      filed.namespace === pod.metadata.namespace &&
      (filed.labels === pod.metadata.labels || sameLabels(filed.labels, pod.metadata.labels))
    ) {
      filed.labels = pod.metadata.labels;
      return;
    }
    if (filed) {
      for (const label in filed.labels) {
        const pair = `${filed.namespace}/${label}=${filed.labels[label]}`;
        const keys = this.podsByLabel.get(pair);
        if (keys?.delete(key) && keys.size === 0) this.podsByLabel.delete(pair);
      }
      this.podLabels.delete(key);
    }
    if (!pod) return;
    const { namespace, labels } = pod.metadata;
    for (const label in labels) {
      const pair = `${namespace}/${label}=${labels[label]}`;
      let keys = this.podsByLabel.get(pair);
      if (!keys) this.podsByLabel.set(pair, (keys = new Set()));
      keys.add(key);
    }
    this.podLabels.set(key, { namespace, labels });
  }

  /** Takes the member out of the Service's IP order, and puts it back in its place if `present`. */
  private reorder(service: string, member: ServiceMember, present: boolean): void {
    const ordered = this.inIpOrder.get(service);
    if (!ordered) return;
    const at = ordered.indexOf(member);
    if (at !== -1) ordered.splice(at, 1);
    if (!present) return;
    let low = 0;
    let high = ordered.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (byIp(ordered[middle], member) <= 0) low = middle + 1;
      else high = middle;
    }
    ordered.splice(low, 0, member);
  }

  private newMember(podKey: string): Member {
    const member: Member = { podKey, services: new Set(), endpoint: undefined };
    this.members.set(podKey, member);
    return member;
  }

  private add(service: string, member: Member): void {
    let pods = this.podsByService.get(service);
    if (!pods) this.podsByService.set(service, (pods = new Map()));
    pods.set(member.podKey, member);
    this.reorder(service, member, true);
  }
}
