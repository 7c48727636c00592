// kubectl get.
import { kubectlErrors } from '../api/errors';
import type { AnyObject, KubeEvent } from '../api/types';
import { groupVersionResource, notFound, readBlocked, resourceTypeOrNameArgs } from './builder';
import type { KubectlEnv } from './env';
import { matchesFields, parseFieldSelector, unsupportedField } from './fields';
import { namespaceFlags, parseArgs, type FlagSpec } from './flags';
import { leaderElectionLeases } from './output/leases';
import { printStructured, sortObjects, structuredFormat } from './output/printers';
import { eventColumns, type Columns } from './printers';
import type { ResourceType } from './resources';
import { fail, ok, type CommandResult } from './result';
import { matchesAll, parseLabelSelector } from './selectors';
import { formatTable } from './table';

const getFlags: readonly FlagSpec[] = [
  ...namespaceFlags,
  { name: 'output', short: 'o', type: 'string' },
  { name: 'selector', short: 'l', type: 'string' },
  { name: 'field-selector', type: 'string' },
  { name: 'show-labels', type: 'bool' },
  { name: 'sort-by', type: 'string' },
  { name: 'watch', short: 'w', type: 'bool' },
];

interface Request {
  type: ResourceType;
  names: string[];
}

function parseTargets(positional: string[]): Request[] | { error: string } {
  if (positional.length === 0) return { error: kubectlErrors.requiredResource() };
  const args = resourceTypeOrNameArgs(positional);
  if ('error' in args) return args;
  if ('tuples' in args) {
    const requests: Request[] = [];
    for (const { type, name } of args.tuples) {
      const existing = requests.find((request) => request.type === type);
      if (existing) existing.names.push(name);
      else requests.push({ type, names: [name] });
    }
    return requests;
  }
  if (args.types.length > 1 && args.names.length > 0) {
    return { error: `${kubectlErrors.mixedResourceForms()})` };
  }
  return args.types.map((type) => ({ type, names: args.names }));
}

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

export function kubectlGet(env: KubectlEnv, args: string[]): CommandResult {
  const parsed = parseArgs(args, getFlags);
  if ('error' in parsed) return fail(parsed.error);
  if (parsed.flags.watch) return fail('error: --watch is not supported here: advance time with "sim advance" and get again');
  const output = (parsed.flags.output as string | undefined) ?? '';
  const structured = structuredFormat(output);
  if (structured && 'error' in structured) return fail(structured.error);
  const sortBy = parsed.flags['sort-by'] as string | undefined;
  const collected: (AnyObject | KubeEvent)[] = [];
  const labelText = parsed.flags.selector as string | undefined;
  const requirements = labelText !== undefined ? parseLabelSelector(labelText) : [];
  if (!requirements) return fail(kubectlErrors.invalidLabelSelector(labelText ?? ''));
  const fieldText = parsed.flags['field-selector'] as string | undefined;
  const fieldRequirements = fieldText !== undefined ? parseFieldSelector(fieldText) : [];
  // `all` is kubectl's category of the usual workload kinds.
  const targets = parseTargets(
    parsed.positional.map((arg) => (arg === 'all' ? 'pods,services,daemonsets,deployments,replicasets,statefulsets' : arg)),
  );
  if ('error' in targets) return fail(targets.error);
  const selecting = labelText !== undefined || fieldText !== undefined;
  if (selecting && targets.some((target) => target.names.length > 0)) return fail(kubectlErrors.nameWithSelector());
  const blocked = readBlocked(env);
  if (blocked) return blocked;
  // The server checks field selectors per resource, when it lists.
  for (const { type } of targets) {
    const problem = 'error' in fieldRequirements ? fieldRequirements.error : unsupportedField(type, fieldRequirements);
    if (problem === undefined) continue;
    const detail = 'error' in fieldRequirements ? problem : `field label not supported: ${problem}`;
    return fail(kubectlErrors.badFieldSelector(groupVersionResource(type), labelText ?? '', fieldText ?? '', detail));
  }
  const fields = 'error' in fieldRequirements ? [] : fieldRequirements;
  const allNamespaces = parsed.flags['all-namespaces'] === true;
  const namespace = (parsed.flags.namespace as string | undefined) ?? 'default';
  const now = env.engine.clock.now();
  const tables: string[] = [];
  const errors: string[] = [];
  const multiple = targets.length > 1;
  for (const { type, names } of targets) {
    const scoped = (object: AnyObject | KubeEvent) => !type.namespaced || allNamespaces || namespaceOf(object) === namespace;
    const all: (AnyObject | KubeEvent)[] =
      type.kind === 'Event'
        ? [...env.engine.api.events.list()]
        : [...env.engine.store.list(type.kind), ...leaderElectionLeases(env.engine, type.kind)];
    let objects: (AnyObject | KubeEvent)[];
    if (names.length > 0) {
      objects = [];
      for (const name of names) {
        const found = all.find((object) => nameOf(object) === name && (!type.namespaced || namespaceOf(object) === namespace));
        if (found) objects.push(found);
        else errors.push(notFound(type, name));
      }
    } else {
      objects = all.filter(
        (object) =>
          scoped(object) && matchesAll(requirements, 'metadata' in object ? object.metadata.labels : {}) && matchesFields(fields, object),
      );
      if (type.kind === 'Event') (objects as KubeEvent[]).sort(byEventKey);
      else objects.sort((a, b) => (namespaceOf(a) + '/' + nameOf(a)).localeCompare(namespaceOf(b) + '/' + nameOf(b)));
    }
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
    const header = [...printer.header, ...(output === 'wide' ? printer.wide : []), ...(showLabels ? ['LABELS'] : [])];
    const rows = (objects as AnyObject[]).map((object) => {
      const cells = [...printer.row(object, now), ...(output === 'wide' ? printer.wideRow(object, now) : [])];
      if (showLabels)
        cells.push(
          Object.entries(object.metadata.labels)
            .map(([k, v]) => `${k}=${v}`)
            .join(',') || '<none>',
        );
      if (multiple) cells[0] = `${type.qualified}/${cells[0]}`;
      return type.namespaced && allNamespaces ? [object.metadata.namespace, ...cells] : cells;
    });
    tables.push(formatTable(type.namespaced && allNamespaces ? ['NAMESPACE', ...header] : header, rows));
  }
  if (structured) {
    const single = targets.length === 1 && targets[0].names.length === 1 && !selecting;
    if (collected.length === 0 && errors.length > 0) return fail(errors.join('\n'));
    const printed = printStructured(structured, collected, env.engine, single);
    if ('error' in printed) return fail(printed.error);
    return errors.length > 0 ? fail(errors.join('\n'), printed.stdout) : ok(printed.stdout);
  }
  // Tables are separated by a blank line; -o name prints one name per line and nothing else.
  const stdout = tables.join(output === 'name' ? '' : '\n');
  if (errors.length > 0) return fail(errors.join('\n'), stdout);
  if (!stdout) {
    const namespaced = targets.some((target) => target.type.namespaced);
    return ok('', kubectlErrors.noResources(namespaced && !allNamespaces ? namespace : undefined));
  }
  return ok(stdout);
}
