// kubectl get --watch (get.go's watch): the list as get prints it, then one line per change to a
// watched object, for as long as the watch lasts. A real watch lasts until Ctrl+C (or
// --request-timeout); the simulator lets simulated time pass meanwhile and presses Ctrl+C for the
// learner at its horizon, as it does for kubectl wait.
import { kubectlErrors } from '../api/errors';
import { limits } from '../api/limits';
import type { AnyObject, KubeEvent } from '../api/types';
import type { WatchType } from '../apiserver/store';
import { labelsOf, matchesAll, namedTuples, type Plan, targetTypes, visitPlanFrom } from './builder';
import type { KubectlEnv } from './env';
import { matchesFields } from './fields';
import { type GetFlags, getSource, nameOf, namespaceOf, tableOf, tableOptions } from './getprint';
import { printStructured, type StructuredFormat } from './output/printers';
import { fail, ok, type CommandResult } from './result';
import { tabWriter } from './table';
import { advanceUntil } from './wait';
import { formatGoDuration, parseDuration } from '../util/duration';

const uidOf = (object: AnyObject | KubeEvent) => ('metadata' in object ? object.metadata.uid : `${object.namespace}/${object.name}`);

/** --request-timeout: 0 (the default) means none; a bare number is seconds, as kubectl reads it. */
export function requestTimeoutMs(text: string | undefined): number | undefined {
  if (text === undefined || text === '0') return Number.POSITIVE_INFINITY;
  const ms = /^\d+$/.test(text) ? Number(text) * 1000 : parseDuration(text);
  return ms === 0 ? Number.POSITIVE_INFINITY : ms;
}

/** What a watch prints for one change, or why it stops; `undefined` prints nothing. */
export type WatchPrint = string | { error: string } | undefined;

/**
 * Runs a watch on the virtual clock: `subscribe` hands each change's text to `emit` until the
 * function it returns is called. The watch ends at --request-timeout (quietly, as when the server
 * closes it), or at the simulator's horizon or line limit, where it presses Ctrl+C: the interrupt
 * handler kubectl's watches run under has no final function, so interrupt.New's default exits 1.
 */
export function runWatch(
  env: KubectlEnv,
  command: string,
  timeout: number,
  printed: string,
  subscribe: (emit: (text: WatchPrint) => void) => () => void,
): CommandResult {
  const { engine } = env;
  let stdout = printed;
  let lines = printed.split('\n').length - 1;
  let failure: string | undefined;
  const full = () => failure !== undefined || lines >= limits.maxWatchLines;
  const stop = subscribe((text) => {
    if (full() || text === undefined) return;
    if (typeof text === 'string') {
      stdout += text;
      lines += text.split('\n').length - 1;
    } else failure = text.error;
  });
  const start = engine.clock.now();
  const horizon = limits.kubectlWaitHorizonMs;
  try {
    advanceUntil(engine, start + Math.min(timeout, horizon), full);
  } finally {
    stop();
  }
  if (failure !== undefined) return fail(failure, stdout);
  if (timeout <= horizon && lines < limits.maxWatchLines) return ok(stdout);
  const limit = timeout === Number.POSITIVE_INFINITY ? 'for further changes' : `up to --request-timeout=${formatGoDuration(timeout)}`;
  return fail(kubectlErrors.waitInterrupted(command, engine.clock.now() - start, limit), stdout);
}

export function watchGet(env: KubectlEnv, plan: Plan, flags: GetFlags, structured: StructuredFormat | undefined): CommandResult {
  const types = targetTypes(plan.target);
  if (types.length > 1) return fail(kubectlErrors.singleResourceType());
  const named = namedTuples(plan.target);
  if (named.length > 1) return fail(kubectlErrors.watchOneSource());
  const timeout = requestTimeoutMs(flags['request-timeout']);
  if (timeout === undefined) return fail(kubectlErrors.invalidDuration(flags['request-timeout'] ?? '', '--request-timeout'));
  const [type] = types;
  const { engine } = env;
  const source = getSource(env);
  const withEvents = flags['output-watch-events'] === true;
  const table = structured ? undefined : tableOf(type, tableOptions(flags, plan.scope === undefined, false));
  const print = tabWriter();
  let headerPrinted = false;
  const render = (objects: (AnyObject | KubeEvent)[], event: WatchType): string | { error: string } => {
    if (structured) {
      let out = '';
      for (const object of objects) {
        const printed = printStructured(structured, [object], engine, true, flags['no-headers'] === true);
        if ('error' in printed) return printed;
        // The YAML printer separates the documents it prints; the others run them together.
        out += (structured.kind === 'yaml' && headerPrinted ? '---\n' : '') + printed.stdout;
        headerPrinted = true;
      }
      return out;
    }
    const now = engine.clock.now();
    if (flags.output === 'name') return objects.map((object) => `${type.qualified}/${nameOf(object)}\n`).join('');
    const rows = objects.map((object) => [...(withEvents ? [event] : []), ...table!.row(object, now)]);
    if (!headerPrinted && !flags['no-headers']) rows.unshift([...(withEvents ? ['EVENT'] : []), ...table!.header]);
    headerPrinted = true;
    return print(rows);
  };

  const listed = visitPlanFrom(plan, source);
  if (listed.errors.length > 0) return fail(listed.errors.join('\n'));
  let stdout = '';
  if (flags['watch-only'] !== true && listed.found.length > 0) {
    const first = render(
      listed.found.map(({ object }) => object),
      'ADDED',
    );
    if (typeof first !== 'string') return fail(first.error);
    stdout += first;
  }

  // The watch's own filter, as the API server applies it: an object that stops matching the
  // selector arrives as DELETED, one that starts matching as ADDED.
  const matches = (object: AnyObject | KubeEvent) =>
    (!type.namespaced || plan.scope === undefined || namespaceOf(object) === plan.scope) &&
    (named.length === 0 || nameOf(object) === named[0].name) &&
    matchesAll(plan.requirements, labelsOf(object)) &&
    matchesFields(plan.fields, object);
  const inside = new Set(listed.found.map(({ object }) => uidOf(object)));
  const onChange = (object: AnyObject | KubeEvent, change: WatchType): WatchPrint => {
    const uid = uidOf(object);
    const was = inside.has(uid);
    const now = change !== 'DELETED' && matches(object);
    if (!was && !now) return undefined;
    if (now) inside.add(uid);
    else inside.delete(uid);
    return render([object], !was ? 'ADDED' : !now ? 'DELETED' : change);
  };
  return runWatch(env, 'kubectl get --watch', timeout, stdout, (emit) =>
    type.kind === 'Event'
      ? engine.api.events.listen((event, change) => emit(onChange(event, change)))
      : engine.store.watch((event) => {
          if (event.kind === type.kind) emit(onChange(event.object, event.type));
        }),
  );
}
