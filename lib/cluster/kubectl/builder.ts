// kubectl's resource builder, trimmed (k8s.io/cli-runtime/pkg/resource): how commands turn their
// arguments into objects ("TYPE NAME...", "TYPE/NAME...", --all, -l), and how the errors of a
// command that continues on error are printed (cmdutil.CheckErr).
import { apiErrors, formatApiError, kubectlErrors } from '../api/errors';
import type { AnyObject, Kind } from '../api/types';
import type { KubectlEnv } from './env';
import { resolveResource, type ResourceType } from './resources';
import { fail, type CommandResult } from './result';
import { matchesAll, parseLabelSelector, type Requirement } from './selectors';
import { matchesFields, parseFieldSelector, unsupportedField, type FieldRequirement } from './fields';
import { objectKey } from '../apiserver/store';

export interface Tuple {
  type: ResourceType;
  name: string;
}

/** Either explicit TYPE/NAME tuples, or types with names (possibly none: then a selector or --all picks). */
export type ResourceArgs = { tuples: Tuple[] } | { types: ResourceType[]; names: string[] };

/** splitResourceTypeName: "node/worker-1" -> node + worker-1; undefined when there is no slash. */
function splitTypeName(arg: string): { typeName: string; name: string } | { error: string } | undefined {
  if (!arg.includes('/')) return undefined;
  const parts = arg.split('/');
  if (parts.length !== 2) return { error: kubectlErrors.tooManySlashes() };
  const [typeName, name] = parts;
  if (!typeName || !name || typeName.includes(',')) return { error: kubectlErrors.singleResourceAndName() };
  return { typeName, name };
}

function tupleOf(split: { typeName: string; name: string }): Tuple | { error: string } {
  const type = resolveResource(split.typeName);
  if (!type) return { error: kubectlErrors.unknownResource(split.typeName) };
  return { type, name: split.name };
}

/** Builder.ResourceTypeOrNameArgs: "TYPE[,TYPE] [NAME...]" or "TYPE/NAME..." (not both). */
export function resourceTypeOrNameArgs(args: readonly string[]): ResourceArgs | { error: string } {
  const slashed = args.filter((arg) => arg.includes('/')).length;
  if (slashed > 0) {
    if (slashed !== args.length) return { error: kubectlErrors.mixedResourceForms() };
    const tuples: Tuple[] = [];
    for (const arg of args) {
      const split = splitTypeName(arg)!;
      if ('error' in split) return split;
      const tuple = tupleOf(split);
      if ('error' in tuple) return tuple;
      tuples.push(tuple);
    }
    return { tuples };
  }
  if (args.length === 0) return { types: [], names: [] };
  const types: ResourceType[] = [];
  for (const typeName of args[0].split(',')) {
    const type = resolveResource(typeName);
    if (!type) return { error: kubectlErrors.unknownResource(typeName) };
    if (!types.includes(type)) types.push(type);
  }
  return { types, names: args.slice(1) };
}

/** Builder.ResourceNames(defaultType, names...): plain names get the default type, TYPE/NAME keeps its own. */
export function resourceNamesArgs(defaultType: ResourceType, names: readonly string[]): Tuple[] | { error: string } {
  const tuples: Tuple[] = [];
  for (const name of names) {
    const split = splitTypeName(name);
    if (split && 'error' in split) return split;
    if (!split) {
      tuples.push({ type: defaultType, name });
      continue;
    }
    const tuple = tupleOf(split);
    if ('error' in tuple) return tuple;
    tuples.push(tuple);
  }
  return tuples;
}

/** The resource as a GroupVersionResource prints: "/v1, Resource=pods", "apps/v1, Resource=deployments". */
export function groupVersionResource(type: ResourceType): string {
  return `${type.group}/${type.version}, Resource=${type.plural}`;
}

/** "pods", "deployments.apps": how NotFound errors name a resource. */
export function groupResource(type: ResourceType): string {
  return type.groupResource;
}

export function notFound(type: ResourceType, name: string): string {
  return formatApiError(apiErrors.notFound(groupResource(type), name));
}

/**
 * What kubectl prints for the errors of a command that continued past them: one error alone as
 * usual ("error: ..." unless the server sent it), several one per line as they are.
 */
export function checkErr(errors: readonly string[]): string {
  if (errors.length === 1) {
    const [only] = errors;
    // Server errors print as they are, Invalid ones as "The Kind "name" is invalid: ...".
    const asIs = only.startsWith('Error from server') || only.startsWith('error: ') || /^The \S+ "[^"]*" is invalid: /.test(only);
    return asIs ? only : `error: ${only}`;
  }
  return errors.join('\n');
}

/** A command's result once it visited every object: stdout so far, and the errors met on the way. */
export function visited(lines: readonly string[], errors: readonly string[]): CommandResult {
  const stdout = lines.map((line) => `${line}\n`).join('');
  return errors.length > 0 ? fail(checkErr(errors), stdout) : { stdout, stderr: '', exitCode: 0 };
}

/**
 * Reads go to etcd too (the API server's reads are quorum reads): without quorum they time out
 * like writes (#27). Returns the failed result, or undefined when the API can read.
 */
export function readBlocked(env: KubectlEnv): CommandResult | undefined {
  const error = env.engine.api.readError();
  return error ? fail(formatApiError(error)) : undefined;
}

/** Objects of one type in the scope kubectl would list (namespace, or all), in etcd's key order. */
export function listObjects(env: KubectlEnv, type: ResourceType, namespace: string | undefined): AnyObject[] {
  const out: AnyObject[] = [];
  for (const object of env.engine.store.list(type.kind as Kind) as IterableIterator<AnyObject>) {
    if (type.namespaced && namespace !== undefined && object.metadata.namespace !== namespace) continue;
    out.push(object);
  }
  return out.sort(byKey);
}

export function byKey(a: AnyObject, b: AnyObject): number {
  const left = `${a.metadata.namespace}/${a.metadata.name}`;
  const right = `${b.metadata.namespace}/${b.metadata.name}`;
  return left < right ? -1 : left > right ? 1 : 0;
}

/** Parses -l; undefined selector text means "no selector". */
export function labelSelector(text: string | undefined): Requirement[] | { error: string } {
  if (text === undefined) return [];
  const requirements = parseLabelSelector(text);
  return requirements ?? { error: kubectlErrors.invalidLabelSelector(text) };
}

export { matchesAll };

/** What a command asks the builder for, besides its arguments. */
export interface SelectionFlags {
  namespace?: string;
  allNamespaces?: boolean;
  /** -l */
  selector?: string;
  /** --field-selector */
  fieldSelector?: string;
  /** --all */
  all?: boolean;
  /**
   * Commands that change objects (delete, label, annotate, scale) need names, -l or --all
   * (RequireObject); get and describe list every object of the type without them.
   */
  requireSelection: boolean;
}

/** The builder after its arguments were checked (Builder.Do), before it reads the API. */
export interface Plan {
  target: ResourceArgs;
  namespace: string;
  /** undefined: every namespace (-A). */
  scope: string | undefined;
  requirements: Requirement[];
  fields: FieldRequirement[];
}

/**
 * kubectl's resource.Builder: TYPE[,TYPE] NAME..., TYPE/NAME..., -l, --field-selector, --all, -n, -A
 * turned into a plan, or the error kubectl gives for such arguments. Nothing is read yet.
 */
export function planSelection(positional: readonly string[], flags: SelectionFlags): Plan | { error: string } {
  const target = resourceTypeOrNameArgs(positional);
  if ('error' in target) return target;
  const named = 'tuples' in target || target.names.length > 0;
  if (flags.all && flags.selector) return { error: kubectlErrors.allAndSelector() };
  if (named && (flags.selector !== undefined || flags.fieldSelector !== undefined)) return { error: kubectlErrors.nameWithSelector() };
  if (!named && flags.requireSelection && !flags.all && flags.selector === undefined && flags.fieldSelector === undefined)
    return { error: kubectlErrors.requiredResourceName() };
  const requirements = labelSelector(flags.selector);
  if ('error' in requirements) return requirements;
  const fields = flags.fieldSelector === undefined ? [] : parseFieldSelector(flags.fieldSelector);
  const fieldProblem = (type: ResourceType) => {
    if ('error' in fields) return fields.error;
    const unsupported = unsupportedField(type, fields);
    return unsupported === undefined ? undefined : `field label not supported: ${unsupported}`;
  };
  for (const type of 'types' in target ? target.types : []) {
    const problem = flags.fieldSelector === undefined ? undefined : fieldProblem(type);
    if (problem !== undefined)
      return {
        error: kubectlErrors.badFieldSelector(groupVersionResource(type), flags.selector ?? '', flags.fieldSelector ?? '', problem),
      };
  }
  if ('error' in fields) return fields;
  const namespace = flags.namespace ?? 'default';
  return { target, namespace, scope: flags.allNamespaces ? undefined : namespace, requirements, fields };
}

/** One object the builder found, with the resource type it was asked for as. */
export interface Found {
  type: ResourceType;
  object: AnyObject;
}

/**
 * Builder.Visit: the objects a plan names, in the order kubectl visits them (arguments in order;
 * a listed type in etcd key order), and a NotFound error for each name that is missing.
 */
export function visitPlan(env: KubectlEnv, plan: Plan): { found: Found[]; errors: string[] } {
  const found: Found[] = [];
  const errors: string[] = [];
  const lookUp = (type: ResourceType, name: string) => {
    const object =
      type.kind === 'Event'
        ? undefined
        : (env.engine.store.get(type.kind, objectKey(type.namespaced ? plan.namespace : '', name)) as AnyObject | undefined);
    if (object) found.push({ type, object });
    else errors.push(notFound(type, name));
  };
  const { target } = plan;
  if ('tuples' in target) for (const { type, name } of target.tuples) lookUp(type, name);
  else if (target.names.length > 0) for (const type of target.types) for (const name of target.names) lookUp(type, name);
  else {
    for (const type of target.types) {
      for (const object of listObjects(env, type, plan.scope)) {
        if (matchesAll(plan.requirements, object.metadata.labels) && matchesFields(plan.fields, object)) found.push({ type, object });
      }
    }
  }
  return { found, errors };
}
