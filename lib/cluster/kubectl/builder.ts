// kubectl's resource builder, trimmed (k8s.io/cli-runtime/pkg/resource): how commands turn their
// arguments into objects ("TYPE NAME...", "TYPE/NAME...", --all, -l), and how the errors of a
// command that continues on error are printed (cmdutil.CheckErr).
import { apiErrors, formatApiError, kubectlErrors } from '../api/errors';
import type { AnyObject, Kind } from '../api/types';
import type { KubectlEnv } from './env';
import { resolveResource, type ResourceType } from './resources';
import { fail, type CommandResult } from './result';
import { matchesAll, parseLabelSelector, type Requirement } from './selectors';

export interface Tuple {
  type: ResourceType;
  name: string;
}

/** Either explicit TYPE/NAME tuples, or types with names (possibly none: then a selector or --all picks). */
export type ResourceArgs = { tuples: Tuple[] } | { types: ResourceType[]; names: string[] };

const mixedForms =
  "there is no need to specify a resource type as a separate argument when passing arguments in resource/name form (e.g. 'kubectl get resource/<resource_name>' instead of 'kubectl get resource resource/<resource_name>'";

/** splitResourceTypeName: "node/worker-1" -> node + worker-1; undefined when there is no slash. */
function splitTypeName(arg: string): { typeName: string; name: string } | { error: string } | undefined {
  if (!arg.includes('/')) return undefined;
  const parts = arg.split('/');
  if (parts.length !== 2) return { error: 'error: arguments in resource/name form may not have more than one slash' };
  const [typeName, name] = parts;
  if (!typeName || !name || typeName.includes(','))
    return { error: 'error: arguments in resource/name form must have a single resource and name' };
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
    if (slashed !== args.length) return { error: `error: ${mixedForms}` };
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
  return requirements ?? { error: `error: unable to parse requirement: invalid label selector "${text}"` };
}

export { matchesAll };
