// kube-proxy in iptables mode (pkg/proxy/iptables/proxier.go): per Service, the backends a new
// connection is DNATed to, picked at random (`statistic --mode random`), or a REJECT rule when
// there is none. Backends are the ready endpoints of the Service's EndpointSlices; when none is
// ready, the serving and terminating ones (topology.go CategorizeEndpoints, #34).
//
// The BoundedFrequencyRunner behind syncProxyRules writes the rules at most once per
// --iptables-min-sync-period (1s): a change that comes sooner waits for the next allowed sync
// (#33). That is modelled without a timer: a change records which Service's rules are due and
// when, and the engine writes them as the clock reaches that instant, before anything else
// happens then. They are built at that point, from the objects as they are: nothing changed them
// since the Service's last event (each change of them is an event), so the rules are those of the
// last event. A Service that changes several times within one period is built once.
import type { Pod } from '../api/types';
import { isExternalName, isHeadless } from '../api/services';
import { slicesOfService } from '../controllers/endpointslice';
import { defaults } from '../engine/config';
import type { SimContext } from '../engine/context';
import type { ProxyEndpoint, ServiceRules } from '../engine/state';

/** Writes the due Services' rules once their sync's instant has come (the runner fired). */
export function flushProxyRules(ctx: SimContext, now: number): void {
  const proxy = ctx.state.kubeProxy;
  if (proxy.pendingAt === null || proxy.pendingAt > now) return;
  for (const key in proxy.pending) {
    const rules = desiredRules(ctx, key);
    if (rules) proxy.programmed[key] = rules;
    else delete proxy.programmed[key];
  }
  proxy.lastSyncAt = proxy.pendingAt;
  proxy.pending = {};
  proxy.pendingAt = null;
}

/** The rules for one Service from its slices and ports, or null once it is gone (or headless or ExternalName: ShouldSkipService, #119, #121). */
function desiredRules(ctx: SimContext, key: string): ServiceRules | null {
  const service = ctx.listers.get('Service', key);
  if (!service || isHeadless(service) || isExternalName(service)) return null;
  const ready: ProxyEndpoint[] = [];
  const servingTerminating: ProxyEndpoint[] = [];
  for (const slice of slicesOfService(ctx.listers, service.metadata.namespace, service.metadata.name)) {
    // A slice carries the ports its pods resolved (a named targetPort, #100); a pod without the
    // port is in no rule for it. The model's rules follow the first port, the one sim curl uses.
    const ports = service.spec.ports.map((port) => slice.ports?.find((p) => p.name === (port.name ?? ''))?.port ?? 0);
    if (ports[0] === 0) continue;
    for (const endpoint of slice.endpoints) {
      if (!endpoint.targetRef) continue;
      const backend = {
        ip: endpoint.addresses[0],
        ports,
        pod: `${endpoint.targetRef.namespace}/${endpoint.targetRef.name}`,
        node: endpoint.nodeName ?? '',
      };
      if (endpoint.conditions.ready) ready.push(backend);
      else if (endpoint.conditions.serving && endpoint.conditions.terminating) servingTerminating.push(backend);
    }
  }
  return {
    clusterIP: service.spec.clusterIP,
    ports: service.spec.ports.map((port) => port.port),
    endpoints: ready.length > 0 ? ready : servingTerminating,
  };
}

/** kube-proxy's Service and EndpointSlice handlers: the Service's rules are rewritten at the next allowed sync. */
export function syncProxyRules(ctx: SimContext, key: string): void {
  const proxy = ctx.state.kubeProxy;
  const now = ctx.clock.now();
  flushProxyRules(ctx, now);
  proxy.pending[key] = true;
  proxy.pendingAt ??= proxy.lastSyncAt === null ? now : Math.max(now, proxy.lastSyncAt + defaults.kubeProxyMinSyncPeriodMs);
  flushProxyRules(ctx, now);
}

/** The rules in force for a Service at `at` (now, or later if nothing changes before; reading changes nothing). */
export function rulesAt(ctx: SimContext, key: string, at: number): ServiceRules | undefined {
  const proxy = ctx.state.kubeProxy;
  if (proxy.pendingAt !== null && proxy.pendingAt <= at && key in proxy.pending) return desiredRules(ctx, key) ?? undefined;
  return proxy.programmed[key];
}

/**
 * Whether the pod's application answers on its port: a container of it is running. The kubelet's
 * app and probe model (sim app hang/crash) refines this hook; the data path only asks it.
 */
export function podServes(ctx: SimContext, pod: Pod): boolean {
  const node = pod.spec.nodeName;
  const runtime = node === undefined ? undefined : ctx.state.runtimes[node];
  if (!runtime) return false;
  const key = `${pod.metadata.namespace}/${pod.metadata.name}`;
  for (const id in runtime.containers) {
    const container = runtime.containers[id];
    if (container.podKey === key && container.phase === 'running') return true;
  }
  return false;
}
