// kubectl get.
import { contextNamespace } from './kubeconfig';
import { kubectlErrors } from '../api/errors';
import type { AnyObject, KubeEvent } from '../api/types';
import { namedTuples, planSelection, readBlocked, targetTypes, visitPlanFrom, type Found, type ObjectSource } from './builder';
import type { KubectlEnv } from './env';
import { namespaceFlags, parseArgs, type FlagSpec } from './flags';
import { leaderElectionLeases } from './output/leases';
import { printStructured, sortObjects, structuredFormat } from './output/printers';
import { eventColumns, type Columns } from './printers';
import type { ResourceType } from './resources';
import { fail, ok, type CommandResult } from './result';
import { formatTable } from './table';

const getFlags = [
  ...namespaceFlags,
  { name: 'output', short: 'o', type: 'string' },
  { name: 'selector', short: 'l', type: 'string' },
  { name: 'field-selector', type: 'string' },
  { name: 'show-labels', type: 'bool' },
  { name: 'label-columns', short: 'L', type: 'strings' },
  { name: 'sort-by', type: 'string' },
  { name: 'watch', short: 'w', type: 'bool' },
] as const satisfies readonly FlagSpec[];

/**
 * The API lists events as it lists everything, in etcd key order (namespace, then name), not by
 * time (#72). An event's name is its object's name, a dot and a hex suffix: real suffixes are
 * fixed-width timestamps, so within one object the key order is the time order; the model's
 * suffix is a serial number, compared as such.
 */
function byEventKey(a: KubeEvent, b: KubeEvent): number {
  const key = (event: KubeEvent) => {
    const dot = event.name.lastIndexOf('.');
    return { prefix: `${event.namespace}/${event.name.slice(0, dot)}`, serial: Number.parseInt(event.name.slice(dot + 1), 16) };
  };
  const left = key(a);
  const right = key(b);
  if (left.prefix !== right.prefix) return left.prefix < right.prefix ? -1 : 1;
  return left.serial - right.serial;
}

const nameOf = (object: AnyObject | KubeEvent) => ('metadata' in object ? object.metadata.name : object.name);
const namespaceOf = (object: AnyObject | KubeEvent) => ('metadata' in object ? object.metadata.namespace : object.namespace);

/** What get reads: the store's objects with the Leases leader election derives, and the API's events, in list order. */
function getSource(env: KubectlEnv): ObjectSource<AnyObject | KubeEvent> {
  const all = (type: ResourceType): (AnyObject | KubeEvent)[] =>
    type.kind === 'Event'
      ? [...env.engine.api.events.list()]
      : [...env.engine.store.list(type.kind), ...leaderElectionLeases(env.engine, type.kind)];
  return {
    list(type, scope) {
      const objects = all(type).filter((object) => !type.namespaced || scope === undefined || namespaceOf(object) === scope);
      if (type.kind === 'Event') return (objects as KubeEvent[]).sort(byEventKey);
      return objects.sort((a, b) => (namespaceOf(a) + '/' + nameOf(a)).localeCompare(namespaceOf(b) + '/' + nameOf(b)));
    },
    get: (type, namespace, name) =>
      all(type).find((object) => nameOf(object) === name && (!type.namespaced || namespaceOf(object) === namespace)),
  };
}

/** The found objects in runs of one type: get prints a table for each run, as the printer changes with the type. */
function runsOfType<T>(found: readonly Found<T>[]): { type: ResourceType; objects: T[] }[] {
  const runs: { type: ResourceType; objects: T[] }[] = [];
  for (const { type, object } of found) {
    const last = runs.at(-1);
    if (last?.type === type) last.objects.push(object);
    else runs.push({ type, objects: [object] });
  }
  return runs;
}

export function kubectlGet(env: KubectlEnv, args: string[]): CommandResult {
  const parsed = parseArgs(args, getFlags);
  if ('error' in parsed) return fail(parsed.error);
  if (parsed.flags.watch) return fail(kubectlErrors.watchUnsupported());
  const output = parsed.flags.output ?? '';
  const structured = structuredFormat(output);
  if (structured && 'error' in structured) return fail(structured.error);
  const sortBy = parsed.flags['sort-by'];
  if (parsed.positional.length === 0) return fail(kubectlErrors.requiredResource());
  const allNamespaces = parsed.flags['all-namespaces'] === true;
  const plan = planSelection(parsed.positional, {
    namespace: parsed.flags.namespace ?? contextNamespace(env.engine),
    allNamespaces,
    selector: parsed.flags.selector,
    fieldSelector: parsed.flags['field-selector'],
    requireSelection: false,
  });
  if ('error' in plan) return fail(plan.error);
  const blocked = readBlocked(env);
  if (blocked) return blocked;
  const { found, errors } = visitPlanFrom(plan, getSource(env));
  const named = namedTuples(plan.target);
  const requested = targetTypes(plan.target);
  // A listed type with nothing in it prints nothing; a named one printed what was found of it.
  const runs =
    named.length > 0
      ? runsOfType(found)
      : requested.map((type) => ({ type, objects: found.filter((f) => f.type === type).map((f) => f.object) }));
  const now = env.engine.clock.now();
  const tables: string[] = [];
  const collected: (AnyObject | KubeEvent)[] = [];
  const multiple = requested.length > 1;
  for (const run of runs) {
    const { type } = run;
    let objects = run.objects;
    if (sortBy !== undefined) {
      const sorted = sortObjects(objects, sortBy, env.engine);
      if ('error' in sorted) return fail(sorted.error);
      objects = sorted;
    }
    if (structured) collected.push(...objects);
    if (objects.length === 0 || structured) continue;
    if (output === 'name') {
      tables.push(objects.map((object) => `${type.qualified}/${nameOf(object)}\n`).join(''));
      continue;
    }
    if (type.kind === 'Event') {
      const header = output === 'wide' ? eventColumns.wideHeader : eventColumns.header;
      const rows = (objects as KubeEvent[]).map((event) => {
        const cells = output === 'wide' ? eventColumns.wideRow(event, now) : eventColumns.row(event, now);
        return allNamespaces ? [event.namespace, ...cells] : cells;
      });
      tables.push(formatTable(allNamespaces ? ['NAMESPACE', ...header] : header, rows));
      continue;
    }
    const printer = type.columns as Columns<AnyObject>;
    const showLabels = parsed.flags['show-labels'] === true;
    // -L a,b or -L a -L b: one column per label, headed by its key's last segment in capitals.
    const labelColumns = (parsed.flags['label-columns'] ?? []).flatMap((text) => text.split(',')).filter(Boolean);
    const header = [
      ...printer.header,
      ...(output === 'wide' ? printer.wide : []),
      ...labelColumns.map((key) => key.split('/').at(-1)!.toUpperCase()),
      ...(showLabels ? ['LABELS'] : []),
    ];
    const rows = (objects as AnyObject[]).map((object) => {
      const cells = [
        ...printer.row(object, now),
        ...(output === 'wide' ? printer.wideRow(object, now) : []),
        ...labelColumns.map((key) => (Object.hasOwn(object.metadata.labels, key) ? object.metadata.labels[key] : '')),
      ];
      if (showLabels)
        cells.push(
          // labels.Set's String(): sorted by key.
          Object.entries(object.metadata.labels)
            .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
            .map(([k, v]) => `${k}=${v}`)
            .join(',') || '<none>',
        );
      if (multiple) cells[0] = `${type.qualified}/${cells[0]}`;
      return type.namespaced && allNamespaces ? [object.metadata.namespace, ...cells] : cells;
    });
    tables.push(formatTable(type.namespaced && allNamespaces ? ['NAMESPACE', ...header] : header, rows));
  }
  if (structured) {
    // One object asked for by name prints as itself, anything else as a List (singleItemImplied).
    const single = named.length === 1;
    if (collected.length === 0 && errors.length > 0) return fail(errors.join('\n'));
    const printed = printStructured(structured, collected, env.engine, single);
    if ('error' in printed) return fail(printed.error);
    return errors.length > 0 ? fail(errors.join('\n'), printed.stdout) : ok(printed.stdout);
  }
  // Tables are separated by a blank line; -o name prints one name per line and nothing else.
  const stdout = tables.join(output === 'name' ? '' : '\n');
  if (errors.length > 0) return fail(errors.join('\n'), stdout);
  if (!stdout) {
    const namespaced = requested.some((type) => type.namespaced);
    return ok('', kubectlErrors.noResources(namespaced && !allNamespaces ? plan.namespace : undefined));
  }
  return ok(stdout);
}
