// kubectl events (kubectl/pkg/cmd/events): the namespace's events sorted by when they last
// happened, unlike `kubectl get events` (etcd key order, #72); a repeated event shows its count
// and span in LAST SEEN ("5s (x3 over 2m)"). --for TYPE/NAME keeps one object's, --types filters
// Normal or Warning. --watch prints each event as it is recorded or repeated.
import { contextNamespace } from './kubeconfig';
import { kubectlErrors } from '../api/errors';
import type { KubeEvent } from '../api/types';
import { readBlocked } from './builder';
import type { KubectlEnv } from './env';
import { namespaceFlags, parseArgs } from './flags';
import { resolveResource } from './resources';
import { fail, ok, type CommandResult } from './result';
import { age } from './status';
import { formatTable, tabWriter } from './table';
import { byEventKey } from './getprint';
import { requestTimeoutMs, runWatch } from './getwatch';

/** The event types, lower-cased: --types compares without case. */
const eventTypes: ReadonlySet<string> = new Set(['normal', 'warning']);

export function kubectlEvents(env: KubectlEnv, args: string[]): CommandResult {
  const parsed = parseArgs(args, [
    ...namespaceFlags,
    { name: 'for', type: 'string' },
    { name: 'types', type: 'string' },
    { name: 'watch', short: 'w', type: 'bool' },
    { name: 'request-timeout', type: 'string' },
    { name: 'no-headers', type: 'bool' },
  ]);
  if ('error' in parsed) return fail(parsed.error);
  if (parsed.positional.length > 0) return fail(kubectlErrors.unexpectedArgs(parsed.positional));
  const types = parsed.flags.types?.split(',').map((type) => type.trim());
  const unknownType = types?.find((type) => !eventTypes.has(type.toLowerCase()));
  if (unknownType !== undefined) return fail(kubectlErrors.invalidEventType(unknownType));
  let forObject: { kind: string; name: string } | undefined;
  if (parsed.flags.for !== undefined) {
    const [typeName, name, extra] = parsed.flags.for.split('/');
    const type = typeName ? resolveResource(typeName) : undefined;
    if (!type || !name || extra !== undefined) return fail(kubectlErrors.invalidEventsFor(parsed.flags.for));
    forObject = { kind: type.kind, name };
  }
  const blocked = readBlocked(env);
  if (blocked) return blocked;
  const all = parsed.flags['all-namespaces'] === true;
  const namespace = parsed.flags.namespace ?? contextNamespace(env.engine);
  const wanted = (event: KubeEvent) =>
    (all || event.namespace === namespace) &&
    (!types || types.some((type) => type.toLowerCase() === event.type.toLowerCase())) &&
    (!forObject || (event.involvedObject.kind === forObject.kind && event.involvedObject.name === forObject.name));
  const header = ['LAST SEEN', 'TYPE', 'REASON', 'OBJECT', 'MESSAGE'];
  const noHeaders = parsed.flags['no-headers'] === true;
  const row = (event: KubeEvent, now: number) => {
    const lastSeen =
      event.count > 1
        ? `${age(now, event.lastTimestamp)} (x${event.count} over ${age(now, event.firstTimestamp)})`
        : age(now, event.lastTimestamp);
    const cells = [lastSeen, event.type, event.reason, `${event.involvedObject.kind}/${event.involvedObject.name}`, event.message];
    return all ? [event.namespace, ...cells] : cells;
  };
  if (parsed.flags.watch) {
    const timeout = requestTimeoutMs(parsed.flags['request-timeout']);
    if (timeout === undefined) return fail(kubectlErrors.invalidDuration(parsed.flags['request-timeout'] ?? '', '--request-timeout'));
    // runWatch prints no list first: the watch's synthetic ADDED events bring the existing ones,
    // in the API's order; the header comes with the first event.
    const print = tabWriter();
    let headed = false;
    const printed = (events: KubeEvent[]) => {
      const rows = events.map((event) => row(event, env.engine.clock.now()));
      if (rows.length > 0 && !headed && !noHeaders) rows.unshift(all ? ['NAMESPACE', ...header] : header);
      headed ||= rows.length > 0;
      return print(rows);
    };
    const existing = printed(env.engine.api.events.list().filter(wanted).sort(byEventKey));
    return runWatch(env, 'kubectl events --watch', timeout, existing, (emit) =>
      env.engine.api.events.listen((event) => emit(wanted(event) ? printed([event]) : undefined)),
    );
  }
  const events = env.engine.api.events
    .list()
    .filter(wanted)
    // SortableEvents: by the time each last happened (a stable sort keeps the log's order on ties).
    .sort((a, b) => a.lastTimestamp - b.lastTimestamp);
  if (events.length === 0) return ok('', all ? 'No events found.' : `No events found in ${namespace} namespace.`);
  const now = env.engine.clock.now();
  return ok(
    formatTable(
      all ? ['NAMESPACE', ...header] : header,
      events.map((event) => row(event, now)),
      noHeaders,
    ),
  );
}
