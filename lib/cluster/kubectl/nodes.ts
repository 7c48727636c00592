// kubectl cordon, uncordon, taint and label: like the real commands they take "TYPE NAME...",
// "TYPE/NAME...", --all and -l/--selector, visit every object, and report each one's outcome.
import { involved } from '../apiserver/apiserver';
import { objectKey } from '../apiserver/store';
import { formatApiError } from '../api/errors';
import type { AnyObject, Kind, Node, Taint, TaintEffect } from '../api/types';
import { labelValueErrors, qualifiedNameErrors } from '../util/validation';
import {
  groupVersionResource,
  labelSelector,
  listObjects,
  matchesAll,
  notFound,
  readBlocked,
  resourceNamesArgs,
  resourceTypeOrNameArgs,
  visited,
  type Tuple,
} from './builder';
import type { KubectlEnv } from './env';
import { parseArgs } from './flags';
import { resolveResource, resourceByKind } from './resources';
import { fail, ok, type CommandResult } from './result';

const effects: readonly TaintEffect[] = ['NoSchedule', 'PreferNoSchedule', 'NoExecute'];
const nodeType = resourceByKind('Node');

export function setUnschedulable(env: KubectlEnv, name: string, unschedulable: boolean): CommandResult {
  const node = env.engine.store.get('Node', name);
  if (!node) return fail(notFound(nodeType, name));
  const verb = unschedulable ? 'cordoned' : 'uncordoned';
  if (node.spec.unschedulable === unschedulable) return ok(`node/${name} already ${verb}\n`);
  const updated = env.engine.api.update(node, 'spec', (target) => {
    target.spec.unschedulable = unschedulable;
  });
  if (!updated.ok) return fail(formatApiError(updated.error));
  if (env.engine.kubeletRunning(name)) {
    const word = unschedulable ? 'NodeNotSchedulable' : 'NodeSchedulable';
    env.engine.api.record(involved(node), 'Normal', word, `Node ${name} status is now: ${word}`, 'kubelet');
  }
  return ok(`node/${name} ${verb}\n`);
}

/**
 * The nodes cordon, uncordon and drain act on: ResourceNames("nodes", args...) or a label
 * selector. Any missing node stops the command before anything changes.
 */
export function selectNodes(env: KubectlEnv, verb: string, names: string[], selector: string | undefined): string[] | CommandResult {
  if (names.length === 0 && selector === undefined) return fail(`error: USAGE: ${verb} NODE [flags]`);
  if (names.length > 0 && selector) return fail('error: cannot specify both a node name and a --selector option');
  const requirements = labelSelector(selector);
  if ('error' in requirements) return fail(requirements.error);
  const tuples = resourceNamesArgs(nodeType, names);
  if ('error' in tuples) return fail(tuples.error);
  const blocked = readBlocked(env);
  if (blocked) return blocked;
  if (names.length === 0) {
    return listObjects(env, nodeType, undefined)
      .filter((node) => matchesAll(requirements, node.metadata.labels))
      .map((node) => node.metadata.name);
  }
  const out: string[] = [];
  for (const { type, name } of tuples) {
    const namespace = type.namespaced ? 'default' : '';
    const object = type.kind === 'Event' ? undefined : env.engine.store.get(type.kind as Kind, objectKey(namespace, name));
    if (!object) return fail(notFound(type, name));
    if (type.kind !== 'Node') return fail(`error: expected resource of type node, got "${groupVersionResource(type)}"`);
    out.push(name);
  }
  return out;
}

export function kubectlCordon(env: KubectlEnv, args: string[], unschedulable: boolean): CommandResult {
  const parsed = parseArgs(args, [{ name: 'selector', short: 'l', type: 'string' }]);
  if ('error' in parsed) return fail(parsed.error);
  const nodes = selectNodes(env, unschedulable ? 'cordon' : 'uncordon', parsed.positional, parsed.flags.selector as string | undefined);
  if (!Array.isArray(nodes)) return nodes;
  let stdout = '';
  const errors: string[] = [];
  for (const name of nodes) {
    const result = setUnschedulable(env, name, unschedulable);
    stdout += result.stdout;
    // cordon reports a failed patch per node and goes on ("error: unable to cordon node ...").
    if (result.exitCode !== 0)
      errors.push(
        `error: unable to ${unschedulable ? 'cordon' : 'uncordon'} node "${name}": ${result.stderr.replace(/^Error from server( \([^)]*\))?: /, '')}`,
      );
  }
  return errors.length > 0 ? fail(errors.join('\n'), stdout) : ok(stdout);
}

// ---- taint ----

/** Taint.ToString. */
function taintText(taint: { key: string; value?: string; effect?: string }): string {
  if (!taint.effect) return taint.value ? `${taint.key}=${taint.value}:` : taint.key;
  return taint.value ? `${taint.key}=${taint.value}:${taint.effect}` : `${taint.key}:${taint.effect}`;
}

/** parseTaint: "<key>=<value>:<effect>", "<key>:<effect>" or "<key>". */
function parseTaint(spec: string): { key: string; value: string; effect: TaintEffect | '' } | { error: string } {
  const parts = spec.split(':');
  let key = spec;
  let value = '';
  let effect: TaintEffect | '' = '';
  if (parts.length === 2) {
    if (!effects.includes(parts[1] as TaintEffect)) return { error: `invalid taint effect: ${parts[1]}, unsupported taint effect` };
    effect = parts[1] as TaintEffect;
    const kv = parts[0].split('=');
    if (kv.length > 2) return { error: `invalid taint spec: ${spec}` };
    key = kv[0];
    if (kv.length === 2) {
      value = kv[1];
      const errors = labelValueErrors(value);
      if (errors.length > 0) return { error: `invalid taint spec: ${spec}, ${errors.join('; ')}` };
    }
  } else if (parts.length > 2) {
    return { error: `invalid taint spec: ${spec}` };
  }
  const errors = qualifiedNameErrors(key);
  if (errors.length > 0) return { error: `invalid taint spec: ${spec}, ${errors.join('; ')}` };
  return { key, value, effect };
}

interface TaintChanges {
  add: Taint[];
  remove: { key: string; effect: TaintEffect | '' }[];
}

/** parseTaints, then Validate's check that nothing is both added and removed. */
function parseTaints(specs: string[]): TaintChanges | { error: string } {
  const changes: TaintChanges = { add: [], remove: [] };
  for (const spec of specs) {
    if (spec.endsWith('-')) {
      const parsed = parseTaint(spec.slice(0, -1));
      if ('error' in parsed) return parsed;
      changes.remove.push({ key: parsed.key, effect: parsed.effect });
      continue;
    }
    const parsed = parseTaint(spec);
    if ('error' in parsed) return parsed;
    if (!parsed.effect) return { error: `invalid taint spec: ${spec}` };
    if (changes.add.some((taint) => taint.key === parsed.key && taint.effect === parsed.effect)) {
      return { error: `duplicated taints with the same key and effect: {${parsed.key} ${parsed.value} ${parsed.effect} <nil>}` };
    }
    changes.add.push({ key: parsed.key, ...(parsed.value ? { value: parsed.value } : {}), effect: parsed.effect });
  }
  return changes;
}

const matchTaint = (a: { key: string; effect: string }, b: { key: string; effect: string }) => a.key === b.key && a.effect === b.effect;

/** updateTaints + reorganizeTaints: the node's new taints and the word kubectl prints, or the node's errors. */
function retaint(
  node: Node,
  changes: TaintChanges,
  overwrite: boolean,
  now: number,
): { taints: Taint[]; operation: string } | { errors: string[] } {
  const old = node.spec.taints;
  if (!overwrite) {
    const existing = changes.add.flatMap((taint) => old.filter((o) => matchTaint(o, taint)).map(() => taint.key));
    if (existing.length > 0) {
      return {
        errors: [`node ${node.metadata.name} already has ${existing.join(',')} taint(s) with same effect(s) and --overwrite is false`],
      };
    }
  }
  let taints: Taint[] = changes.add.map((taint) => ({ ...taint, ...(taint.effect === 'NoExecute' ? { timeAdded: now } : {}) }));
  for (const taint of old) if (!taints.some((added) => matchTaint(added, taint))) taints.push(taint);
  const added = old.length !== taints.length;
  const errors: string[] = [];
  let deleted = false;
  for (const removal of changes.remove) {
    const kept = taints.filter((taint) => !(taint.key === removal.key && (!removal.effect || taint.effect === removal.effect)));
    deleted = kept.length !== taints.length;
    if (!deleted) errors.push(`taint "${taintText(removal)}" not found`);
    taints = kept;
  }
  if (errors.length > 0) return { errors: errors.length === 1 ? errors : [`[${errors.join(', ')}]`] };
  const operation = (added && deleted) || overwrite ? 'modified' : added ? 'tainted' : 'untainted';
  return { taints, operation };
}

export function kubectlTaint(env: KubectlEnv, args: string[]): CommandResult {
  const parsed = parseArgs(args, [
    { name: 'overwrite', type: 'bool' },
    { name: 'all', type: 'bool' },
    { name: 'selector', short: 'l', type: 'string' },
  ]);
  if ('error' in parsed) return fail(parsed.error);
  const resources: string[] = [];
  const specs: string[] = [];
  for (const arg of parsed.positional) {
    const isTaint = arg.includes('=') || arg.includes(':') || arg.endsWith('-');
    if (isTaint) specs.push(arg);
    else if (specs.length > 0) return fail(`error: all resources must be specified before taint changes: ${arg}`);
    else resources.push(arg);
  }
  if (resources.length === 0) return fail('error: one or more resources must be specified as <resource> <name>');
  if (specs.length === 0) return fail('error: at least one taint update is required');
  const changes = parseTaints(specs);
  if ('error' in changes) return fail(`error: ${changes.error}`);
  const all = parsed.flags.all === true;
  const selector = parsed.flags.selector as string | undefined;
  const type = resolveResource(resources[0]);
  if (!type) return fail(`error: the server doesn't have a resource type "${resources[0].toLowerCase()}"`);
  if (type.kind !== 'Node') return fail(`error: invalid resource type ${resources[0].toLowerCase()}, only node types are supported`);
  const conflicts = changes.add.flatMap((add) =>
    changes.remove.filter((remove) => remove.key === add.key && (!remove.effect || remove.effect === add.effect)),
  );
  if (conflicts.length > 0) {
    return fail(
      `error: can not both modify and remove the following taint(s) in the same command: ${conflicts.map((c) => `{"${c.key}":"${c.effect}"}`).join(', ')}`,
    );
  }
  if (all && selector) return fail("error: setting 'all' parameter with a non empty selector is prohibited");
  if (!all && !selector && resources.length < 2)
    return fail("error: at least one resource name must be specified since 'all' parameter is not set");
  const requirements = labelSelector(selector);
  if ('error' in requirements) return fail(requirements.error);
  const named = all || selector ? [] : resourceNamesArgs(nodeType, resources.slice(1));
  if ('error' in named) return fail(named.error);
  const blocked = readBlocked(env);
  if (blocked) return blocked;

  const targets: (Node | Tuple)[] =
    all || selector
      ? (listObjects(env, nodeType, undefined) as Node[]).filter((node) => matchesAll(requirements, node.metadata.labels))
      : named;
  const lines: string[] = [];
  const errors: string[] = [];
  for (const target of targets) {
    let node: Node | undefined;
    if ('kind' in target) node = target;
    else if (target.type.kind !== 'Node') {
      errors.push(`unexpected type ${target.type.kind === 'Event' ? 'Event' : target.type.kind}, expected Node`);
      continue;
    } else {
      node = env.engine.store.get('Node', target.name);
      if (!node) {
        errors.push(notFound(nodeType, target.name));
        continue;
      }
    }
    const result = retaint(node, changes, parsed.flags.overwrite === true, env.engine.clock.now());
    if ('errors' in result) {
      errors.push(...result.errors);
      continue;
    }
    if (JSON.stringify(result.taints) !== JSON.stringify(node.spec.taints)) {
      const updated = env.engine.api.update(node, 'spec', (target) => {
        target.spec.taints = result.taints;
      });
      if (!updated.ok) {
        errors.push(formatApiError(updated.error));
        continue;
      }
    }
    lines.push(`node/${node.metadata.name} ${result.operation}`);
  }
  return visited(lines, errors);
}

// ---- label ----

/** GetResourcesAndPairs: resources first, then KEY=VALUE or KEY- pairs. */
function resourcesAndPairs(args: string[], pairType: string): { resources: string[]; pairs: string[] } | { error: string } {
  const resources: string[] = [];
  const pairs: string[] = [];
  for (const arg of args) {
    const pair = (arg.includes('=') && !arg.startsWith('=')) || (arg.endsWith('-') && arg !== '-');
    if (pair) pairs.push(arg);
    else if (pairs.length > 0) return { error: `error: all resources must be specified before ${pairType} changes: ${arg}` };
    else resources.push(arg);
  }
  return { resources, pairs };
}

/** parseLabels. */
function parseLabels(specs: string[]): { set: [string, string][]; remove: string[] } | { error: string } {
  const set = new Map<string, string>();
  const remove: string[] = [];
  for (const spec of specs) {
    if (spec.includes('=')) {
      const parts = spec.split('=');
      if (parts.length !== 2) return { error: `error: invalid label spec: ${spec}` };
      const errors = labelValueErrors(parts[1]);
      if (errors.length > 0) return { error: `error: invalid label value: "${spec}": ${errors.join(';')}` };
      set.set(parts[0], parts[1]);
    } else if (spec.endsWith('-')) {
      remove.push(spec.slice(0, -1));
    } else {
      return { error: `error: unknown label spec: ${spec}` };
    }
  }
  if (remove.some((key) => set.has(key))) return { error: 'error: can not both modify and remove a label in the same command' };
  return { set: [...set], remove };
}

export function kubectlLabel(env: KubectlEnv, args: string[]): CommandResult {
  const parsed = parseArgs(args, [
    { name: 'namespace', short: 'n', type: 'string' },
    { name: 'overwrite', type: 'bool' },
    { name: 'all', type: 'bool' },
    { name: 'selector', short: 'l', type: 'string' },
    { name: 'all-namespaces', short: 'A', type: 'bool' },
  ]);
  if ('error' in parsed) return fail(parsed.error);
  const split = resourcesAndPairs(parsed.positional, 'label');
  if ('error' in split) return fail(split.error);
  const changes = parseLabels(split.pairs);
  if ('error' in changes) return fail(changes.error);
  const all = parsed.flags.all === true;
  const selector = parsed.flags.selector as string | undefined;
  const overwrite = parsed.flags.overwrite === true;
  if (all && selector) return fail('error: cannot set --all and --selector at the same time');
  if (split.resources.length === 0) return fail('error: one or more resources must be specified as <resource> <name> or <resource>/<name>');
  if (changes.set.length === 0 && changes.remove.length === 0) return fail('error: at least one label update is required');
  const target = resourceTypeOrNameArgs(split.resources);
  if ('error' in target) return fail(target.error);
  const requirements = labelSelector(selector);
  if ('error' in requirements) return fail(requirements.error);
  if ('types' in target && target.types.some((type) => type.kind === 'Event'))
    return fail('error: labels cannot be changed on events here');
  if ('tuples' in target && target.tuples.some((tuple) => tuple.type.kind === 'Event'))
    return fail('error: labels cannot be changed on events here');
  if ('types' in target && target.names.length > 0 && selector) return fail('error: name cannot be provided when a selector is specified');
  if ('types' in target && target.names.length === 0 && !all && !selector)
    return fail('error: resource(s) were provided, but no name was specified');
  const blocked = readBlocked(env);
  if (blocked) return blocked;

  const namespace = (parsed.flags.namespace as string | undefined) ?? 'default';
  const scope = parsed.flags['all-namespaces'] === true ? undefined : namespace;
  const lines: string[] = [];
  const errors: string[] = [];
  const visit = (object: AnyObject) => {
    const type = resourceByKind(object.kind);
    for (const key of changes.remove) if (!(key in object.metadata.labels)) lines.push(`label "${key}" not found.`);
    if (!overwrite) {
      const clashes = changes.set.filter(([key, value]) => key in object.metadata.labels && object.metadata.labels[key] !== value);
      if (clashes.length > 0) {
        const messages = clashes.map(([key]) => `'${key}' already has a value (${object.metadata.labels[key]}), and --overwrite is false`);
        errors.push(messages.length === 1 ? messages[0] : `[${messages.join(', ')}]`);
        return;
      }
    }
    const labels = { ...object.metadata.labels };
    for (const [key, value] of changes.set) labels[key] = value;
    for (const key of changes.remove) delete labels[key];
    const invalid = Object.keys(labels).find((key) => !(key in object.metadata.labels) && qualifiedNameErrors(key).length > 0);
    if (invalid) {
      errors.push(
        `The ${object.kind} "${object.metadata.name}" is invalid: metadata.labels: Invalid value: "${invalid}": ${qualifiedNameErrors(invalid).join('; ')}`,
      );
      return;
    }
    const before = JSON.stringify(object.metadata.labels);
    const after = JSON.stringify(labels);
    let word = 'not labeled';
    if (before !== after) {
      const updated = env.engine.api.update(object, 'metadata', (target) => {
        target.metadata.labels = labels;
      });
      if (!updated.ok) {
        errors.push(formatApiError(updated.error));
        return;
      }
      word = !overwrite && after.length < before.length ? 'unlabeled' : 'labeled';
    }
    lines.push(`${type.qualified}/${object.metadata.name} ${word}`);
  };

  if ('tuples' in target) {
    for (const { type, name } of target.tuples) {
      const object = env.engine.store.get(type.kind as Kind, objectKey(type.namespaced ? namespace : '', name)) as AnyObject | undefined;
      if (object) visit(object);
      else errors.push(notFound(type, name));
    }
  } else if (target.names.length > 0) {
    for (const type of target.types) {
      for (const name of target.names) {
        const object = env.engine.store.get(type.kind as Kind, objectKey(type.namespaced ? namespace : '', name)) as AnyObject | undefined;
        if (object) visit(object);
        else errors.push(notFound(type, name));
      }
    }
  } else {
    const objects = target.types.flatMap((type) =>
      listObjects(env, type, scope).filter((object) => matchesAll(requirements, object.metadata.labels)),
    );
    for (const object of objects) visit(object);
  }
  return visited(lines, errors);
}
