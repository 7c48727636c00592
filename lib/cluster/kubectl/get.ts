// kubectl get.
import { kubectlErrors } from '../errors';
import type { AnyObject, KubeEvent } from '../types';
import type { KubectlEnv } from './env';
import { namespaceFlags, parseArgs, type FlagSpec } from './flags';
import { columns, eventColumns } from './printers';
import { resolveResource, type ResourceType } from './resources';
import { fail, ok, type CommandResult } from './result';
import { matchesAll, parseLabelSelector } from './selectors';
import { formatTable } from './table';

const getFlags: readonly FlagSpec[] = [
  ...namespaceFlags,
  { name: 'output', short: 'o', type: 'string' },
  { name: 'selector', short: 'l', type: 'string' },
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
  if (positional.every((arg) => arg.includes('/'))) {
    const requests: Request[] = [];
    for (const arg of positional) {
      const [typeName, name] = arg.split('/', 2);
      const type = resolveResource(typeName);
      if (!type) return { error: kubectlErrors.unknownResource(typeName) };
      const existing = requests.find((request) => request.type === type);
      if (existing) existing.names.push(name);
      else requests.push({ type, names: [name] });
    }
    return requests;
  }
  const [typeList, ...names] = positional;
  const requests: Request[] = [];
  for (const typeName of typeList.split(',')) {
    const type = resolveResource(typeName);
    if (!type) return { error: kubectlErrors.unknownResource(typeName) };
    requests.push({ type, names });
  }
  if (requests.length > 1 && names.length > 0) return { error: 'error: there is no need to specify a resource type as a separate argument when passing arguments in resource/name form (e.g. \'kubectl get resource/<resource_name>\' instead of \'kubectl get resource resource/<resource_name>\')' };
  return requests;
}

export function kubectlGet(env: KubectlEnv, args: string[]): CommandResult {
  const parsed = parseArgs(args, getFlags);
  if ('error' in parsed) return fail(parsed.error);
  if (parsed.flags.watch) return fail('error: --watch is not supported here: advance time with "sim advance" and get again');
  const output = (parsed.flags.output as string | undefined) ?? '';
  if (!['', 'wide', 'name'].includes(output)) {
    return fail(`error: unable to match a printer suitable for the output format "${output}", allowed formats are: name,wide`);
  }
  const requirements = parsed.flags.selector !== undefined ? parseLabelSelector(String(parsed.flags.selector)) : [];
  if (!requirements) return fail(`error: unable to parse requirement: invalid label selector "${parsed.flags.selector}"`);
  const targets = parseTargets(parsed.positional);
  if ('error' in targets) return fail(targets.error);
  const allNamespaces = parsed.flags['all-namespaces'] === true;
  const namespace = (parsed.flags.namespace as string | undefined) ?? 'default';
  const now = env.engine.clock.now();
  const tables: string[] = [];
  const errors: string[] = [];
  const multiple = targets.length > 1;
  for (const { type, names } of targets) {
    const scoped = (object: { metadata: { namespace: string } } | KubeEvent) =>
      !type.namespaced || allNamespaces || ('metadata' in object ? object.metadata.namespace : object.namespace) === namespace;
    if (type.kind === 'Event') {
      const events = [...env.engine.api.events.list()].filter((event) => scoped(event)).sort((a, b) => a.lastTimestamp - b.lastTimestamp);
      if (events.length === 0) continue;
      const header = output === 'wide' ? eventColumns.wideHeader : eventColumns.header;
      const rows = events.map((event) => {
        const cells = output === 'wide' ? eventColumns.wideRow(event, now) : eventColumns.row(event, now);
        return allNamespaces ? [event.namespace, ...cells] : cells;
      });
      tables.push(formatTable(allNamespaces ? ['NAMESPACE', ...header] : header, rows));
      continue;
    }
    const all = [...env.engine.store.list(type.kind)] as AnyObject[];
    let objects: AnyObject[];
    if (names.length > 0) {
      objects = [];
      for (const name of names) {
        const found = all.find((object) => object.metadata.name === name && (!type.namespaced || object.metadata.namespace === namespace));
        if (found) objects.push(found);
        else errors.push(`Error from server (NotFound): ${type.plural}${type.qualified.includes('.') ? type.qualified.slice(type.qualified.indexOf('.')) : ''} "${name}" not found`);
      }
    } else {
      objects = all.filter((object) => scoped(object) && matchesAll(requirements, object.metadata.labels));
      objects.sort((a, b) => (a.metadata.namespace + '/' + a.metadata.name).localeCompare(b.metadata.namespace + '/' + b.metadata.name));
    }
    if (objects.length === 0) continue;
    if (output === 'name') {
      tables.push(objects.map((object) => `${type.qualified}/${object.metadata.name}\n`).join(''));
      continue;
    }
    const printer = columns[type.kind];
    const showLabels = parsed.flags['show-labels'] === true;
    const header = [...printer.header, ...(output === 'wide' ? printer.wide : []), ...(showLabels ? ['LABELS'] : [])];
    const rows = objects.map((object) => {
      const cells = [...printer.row(object as never, now), ...(output === 'wide' ? printer.wideRow(object as never, now) : [])];
      if (showLabels) cells.push(Object.entries(object.metadata.labels).map(([k, v]) => `${k}=${v}`).join(',') || '<none>');
      if (multiple) cells[0] = `${type.qualified}/${cells[0]}`;
      return type.namespaced && allNamespaces ? [object.metadata.namespace, ...cells] : cells;
    });
    tables.push(formatTable(type.namespaced && allNamespaces ? ['NAMESPACE', ...header] : header, rows));
  }
  const stdout = tables.join('\n');
  if (errors.length > 0) return fail(errors.join('\n'), stdout);
  if (!stdout) {
    const namespaced = targets.some((target) => target.type.namespaced);
    return ok('', kubectlErrors.noResources(namespaced && !allNamespaces ? namespace : undefined));
  }
  return ok(stdout);
}
