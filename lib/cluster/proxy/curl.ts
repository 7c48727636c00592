// `sim curl SERVICE [--count N] [-n NS]`: requests from a pod inside the cluster to a Service's
// ClusterIP, through kube-proxy's rules as they are programmed at this instant (the clock does
// not move). Each new connection picks a backend at random, as iptables' statistic match does.
import { contextNamespace } from '../kubectl/kubeconfig';
import { z } from 'zod';
import { limits } from '../api/limits';
import { simErrors } from '../api/errors';
import type { Engine } from '../engine/engine';
import { parseArgs } from '../kubectl/flags';
import { fail, type CommandResult } from '../kubectl/result';
import { podServes, rulesAt } from './proxier';

/** What curl prints, defined once: its real exit codes 7 (refused) and 28 (timeout). */
export const curlMessages = {
  ok: (pod: string, node: string, ip: string, port: number) => `200 OK from ${pod} on ${node} (${ip}:${port})`,
  refused: (host: string, port: number) => `curl: (7) Failed to connect to ${host} port ${port} after 0 ms: Connection refused`,
  /** The client's connect timeout (curl --connect-timeout 10): packets DNATed to a dead node are never answered. */
  timeout: (host: string, port: number) => `curl: (28) Failed to connect to ${host} port ${port} after 10002 ms: Timeout was reached`,
  summary: (succeeded: number, sent: number) => `${succeeded}/${sent} requests succeeded`,
  unresolved: (host: string) => `curl: (6) Could not resolve host: ${host}`,
  usage: 'error: sim curl SERVICE [--count N] [-n NAMESPACE]',
  countRange: (count: number) => `${count} is out of range: sim curl sends 1 to ${limits.maxCurlRequests} requests`,
};

const serviceName = z.string().regex(/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/);

/**
 * Whether packets reach the node: its machine is up. (A network partition, once modelled,
 * makes a running node unreachable from the others too.)
 */
export function nodeReachable(engine: Engine, node: string): boolean {
  return engine.actorState(`node/${node}`) === 'running';
}

export function simCurl(engine: Engine, args: string[]): CommandResult {
  const parsed = parseArgs(args, [
    { name: 'count', type: 'int' },
    { name: 'namespace', short: 'n', type: 'string' },
  ] as const);
  if ('error' in parsed) return fail(parsed.error);
  const [name, ...extra] = parsed.positional;
  if (!name || extra.length > 0 || !serviceName.safeParse(name).success) return fail(curlMessages.usage);
  const count = parsed.flags.count ?? 1;
  if (count < 1 || count > limits.maxCurlRequests) return fail(simErrors.invalidFlag('count', curlMessages.countRange(count)));
  const namespace = parsed.flags.namespace ?? contextNamespace(engine);
  const host = `${name}.${namespace}`;
  // Name resolution goes through CoreDNS, which serves what it last saw of the API.
  const service = engine.store.get('Service', `${namespace}/${name}`);
  if (!service) return fail(curlMessages.unresolved(host));
  const port = service.spec.ports[0].port;
  const rules = rulesAt(engine, `${namespace}/${name}`, engine.clock.now());
  const lines: string[] = [];
  let succeeded = 0;
  for (let i = 0; i < count; i++) {
    const backends = rules?.endpoints ?? [];
    if (backends.length === 0) {
      lines.push(curlMessages.refused(host, port));
      continue;
    }
    const backend = backends[engine.rng.int(backends.length)];
    if (!nodeReachable(engine, backend.node)) {
      lines.push(curlMessages.timeout(host, port));
      continue;
    }
    const pod = engine.store.get('Pod', backend.pod);
    if (!pod || pod.status.podIP !== backend.ip || !podServes(engine, pod)) {
      lines.push(curlMessages.refused(host, port));
      continue;
    }
    succeeded++;
    lines.push(curlMessages.ok(pod.metadata.name, backend.node, backend.ip, backend.ports[0]));
  }
  lines.push(curlMessages.summary(succeeded, count));
  return { stdout: `${lines.join('\n')}\n`, stderr: '', exitCode: succeeded === count ? 0 : 1 };
}
