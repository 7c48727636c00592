// `sim curl HOST [--count N] [-n NS]`: requests from a pod inside the cluster (the clock does not
// move). The name goes through cluster DNS first (dns.ts): a Service's ClusterIP is then reached
// through kube-proxy's rules as they are programmed at this instant, each new connection picking
// a backend at random as iptables' statistic match does; a headless Service's name answers with
// its ready pods' own addresses, and curl connects to the first of the shuffled records (#119).
import { contextNamespace } from '../kubectl/kubeconfig';
import { z } from 'zod';
import { limits } from '../api/limits';
import { simErrors } from '../api/errors';
import type { Engine } from '../engine/engine';
import { parseArgs } from '../kubectl/flags';
import { fail, type CommandResult } from '../kubectl/result';
import { resolveHost, urlPort } from './dns';
import { podServes, rulesAt } from './proxier';

/** What curl prints, defined once: its real exit codes 6 (no such host), 7 (refused) and 28 (timeout). */
export const curlMessages = {
  ok: (pod: string, node: string, ip: string, port: number) => `200 OK from ${pod} on ${node} (${ip}:${port})`,
  refused: (host: string, port: number) => `curl: (7) Failed to connect to ${host} port ${port} after 0 ms: Connection refused`,
  /** The client's connect timeout (curl --connect-timeout 10): packets DNATed to a dead node are never answered. */
  timeout: (host: string, port: number) => `curl: (28) Failed to connect to ${host} port ${port} after 10002 ms: Timeout was reached`,
  summary: (succeeded: number, sent: number) => `${succeeded}/${sent} requests succeeded`,
  unresolved: (host: string) => `curl: (6) Could not resolve host: ${host}`,
  usage:
    'error: sim curl SERVICE [--count N] [-n NAMESPACE] (SERVICE may also be a DNS name: SERVICE.NAMESPACE, POD.SERVICE, ...svc.cluster.local)',
  countRange: (count: number) => `${count} is out of range: sim curl sends 1 to ${limits.maxCurlRequests} requests`,
};

/** A DNS name: dot-separated labels, an optional root dot (RFC 1123, case-insensitive). */
const hostName = z
  .string()
  .max(253)
  .regex(/^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*\.?$/i);

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
  const [typed, ...extra] = parsed.positional;
  if (!typed || extra.length > 0 || !hostName.safeParse(typed).success) return fail(curlMessages.usage);
  const count = parsed.flags.count ?? 1;
  if (count < 1 || count > limits.maxCurlRequests) return fail(simErrors.invalidFlag('count', curlMessages.countRange(count)));
  const namespace = parsed.flags.namespace ?? contextNamespace(engine);
  const name = typed.toLowerCase();
  // A bare Service name is shown with the namespace it was looked up in.
  const host = name.includes('.') ? typed : `${name}.${namespace}`;
  const answer = resolveHost(engine, name, namespace);
  if (!answer) return fail(curlMessages.unresolved(host));
  const { service } = answer;
  const port = urlPort(service);
  const rules = answer.kind === 'clusterIP' ? rulesAt(engine, engine.store.keyFor(service), engine.clock.now()) : undefined;
  const lines: string[] = [];
  let succeeded = 0;
  for (let i = 0; i < count; i++) {
    // A ClusterIP connection is DNATed to a backend (with its target port); a pod address is
    // connected to as it is, on the URL's port.
    const backends = answer.kind === 'clusterIP' ? (rules?.endpoints ?? []) : answer.pods;
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
