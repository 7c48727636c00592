// kubectl's resource builder, trimmed (k8s.io/cli-runtime/pkg/resource): how commands turn their
// arguments into objects ("TYPE NAME...", "TYPE/NAME...", --all, -l), and how the errors of a
// command that continues on error are printed (cmdutil.CheckErr).
import { apiErrors, formatApiError, kubectlErrors } from '../api/errors';
import type { AnyObject, Kind, KubeEvent } from '../api/types';
import type { KubectlEnv } from './env';
import { resolveResource, unknownResourceError, type ResourceType } from './resources';
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
  if (!type) return { error: unknownResourceError(split.typeName) };
  return { type, name: split.name };
}

/**
 * Builder.ResourceTypeOrNameArgs: "TYPE[,TYPE] [NAME...]" or "TYPE/NAME..." (not both). Several
 * types with names become one tuple per type and name, types first (normalizeMultipleResourcesArgs).
 */
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
  for (const typeName of args[0].split(',').flatMap((name) => (name === 'all' ? allCategory : [name]))) {
    const type = resolveResource(typeName);
    if (!type) return { error: unknownResourceError(typeName) };
    if (!types.includes(type)) types.push(type);
  }
  const names = args.slice(1);
  if (types.length > 1 && names.length > 0) return { tuples: types.flatMap((type) => names.map((name) => ({ type, name }))) };
  return { types, names };
}

/** The `all` category (the RESTMapper's categories expansion): the usual workload kinds the model has. */
const allCategory = ['pods', 'services', 'daemonsets', 'deployments', 'replicasets', 'statefulsets'];

/** Every TYPE/NAME pair a target names, in the order kubectl visits them (none for a bare type). */
export function namedTuples(target: ResourceArgs): Tuple[] {
  return 'tuples' in target ? target.tuples : target.types.flatMap((type) => target.names.map((name) => ({ type, name })));
}

/** The resource types a target asks for, each once, in order. */
export function targetTypes(target: ResourceArgs): ResourceType[] {
  const types = 'tuples' in target ? target.tuples.map((tuple) => tuple.type) : target.types;
  return types.filter((type, index) => types.indexOf(type) === index);
}

/** Whether the target names objects (TYPE NAME..., TYPE/NAME...) rather than whole types. */
export const isNamed = (target: ResourceArgs): boolean => namedTuples(target).length > 0;

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
    return asIs ? only : kubectlErrors.prefixed(only);
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

/** What a command asks the builder for, besides its arguments (the Builder's *Param calls). */
export interface SelectionFlags {
  namespace?: string;
  /** -A (AllNamespaces): lists span every namespace, and nothing namespaced is found by name. */
  allNamespaces?: boolean;
  /** -l */
  selector?: string;
  /** --field-selector */
  fieldSelector?: string;
  /** --all (SelectAllParam): every object of the types, as an empty selector would. */
  all?: boolean;
  /**
   * Commands that change objects (delete, label, annotate, scale, taint) need names, -l or --all
   * (RequireObject); get and describe list every object of the type without them.
   */
  requireSelection: boolean;
  /** ResourceNames(defaultType, args...): bare arguments are names of this type (cordon, drain, taint, logs). */
  defaultType?: ResourceType;
  /** SingleResourceType: every argument must name the same resource type. */
  singleResourceType?: boolean;
  /**
   * ContinueOnError: visit every object and collect each error (get, delete, label, taint, scale);
   * without it the visit stops at the first error (cordon, drain, rollout, logs).
   */
  continueOnError?: boolean;
}

/** The builder after its arguments were checked (Builder.Do), before it reads the API. */
export interface Plan {
  target: ResourceArgs;
  namespace: string;
  /** undefined: every namespace (-A). */
  scope: string | undefined;
  requirements: Requirement[];
  fields: FieldRequirement[];
  continueOnError: boolean;
}

/** The arguments as ResourceNames reads them: names of the default type, or TYPE/NAME; a selector alone lists the type. */
function resourceNamesTarget(defaultType: ResourceType, args: readonly string[]): ResourceArgs | { error: string } {
  if (args.length === 0) return { types: [defaultType], names: [] };
  const tuples = resourceNamesArgs(defaultType, args);
  return 'error' in tuples ? tuples : { tuples };
}

/**
 * kubectl's resource.Builder: TYPE[,TYPE] NAME..., TYPE/NAME..., -l, --field-selector, --all, -n, -A
 * turned into a plan, or the error kubectl gives for such arguments (visitorResult, visitBySelector,
 * visitByResource, visitByName). Nothing is read yet.
 */
export function planSelection(positional: readonly string[], flags: SelectionFlags): Plan | { error: string } {
  const target = flags.defaultType ? resourceNamesTarget(flags.defaultType, positional) : resourceTypeOrNameArgs(positional);
  if ('error' in target) return target;
  const tuples = namedTuples(target);
  if (flags.all && flags.selector) return { error: kubectlErrors.allAndSelector() };
  const selecting = flags.all === true || flags.selector !== undefined || flags.fieldSelector !== undefined;
  if (selecting && 'tuples' in target) return { error: kubectlErrors.selectorWithTuples() };
  if (selecting && tuples.length > 0) return { error: kubectlErrors.nameWithSelector() };
  if (tuples.length === 0 && flags.requireSelection && !selecting) return { error: kubectlErrors.requiredResourceName() };
  if (flags.singleResourceType && targetTypes(target).length > 1) return { error: kubectlErrors.singleResourceType() };
  if (flags.allNamespaces && tuples.some(({ type }) => type.namespaced)) return { error: kubectlErrors.nameAcrossNamespaces() };
  const requirements = labelSelector(flags.selector);
  if ('error' in requirements) return requirements;
  const fields = flags.fieldSelector === undefined ? [] : parseFieldSelector(flags.fieldSelector);
  const fieldProblem = (type: ResourceType) => {
    if ('error' in fields) return fields.error;
    const unsupported = unsupportedField(type, fields);
    return unsupported === undefined ? undefined : kubectlErrors.fieldLabelNotSupported(unsupported);
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
  return {
    target,
    namespace,
    scope: flags.allNamespaces ? undefined : namespace,
    requirements,
    fields,
    continueOnError: flags.continueOnError !== false,
  };
}

/** Where the builder reads objects: the API's store by default; get adds events and derived Leases. */
export interface ObjectSource<T> {
  /** Objects of the type in the scope (a namespace, or undefined for all), in the order kubectl lists them. */
  list(type: ResourceType, scope: string | undefined): T[];
  get(type: ResourceType, namespace: string, name: string): T | undefined;
}

export function storeSource(env: KubectlEnv): ObjectSource<AnyObject> {
  return {
    list: (type, scope) => listObjects(env, type, scope),
    get: (type, namespace, name) =>
      type.kind === 'Event'
        ? undefined
        : (env.engine.store.get(type.kind, objectKey(type.namespaced ? namespace : '', name)) as AnyObject | undefined),
  };
}

/** One object the builder found, with the resource type it was asked for as. */
export interface Found<T = AnyObject> {
  type: ResourceType;
  object: T;
}

/** One step of the visit, in order: an object found, or the error for a name that is missing. */
export type Visit<T> = Found<T> | { error: string };

export interface Visited<T> {
  /** Every step in visit order. */
  visits: Visit<T>[];
  found: Found<T>[];
  errors: string[];
}

export const labelsOf = (object: AnyObject | KubeEvent): Record<string, string> => ('metadata' in object ? object.metadata.labels : {});

/**
 * Builder.Visit: the objects a plan names, in the order kubectl visits them (arguments in order;
 * a listed type in the source's list order), and a NotFound error for each name that is missing.
 * Without ContinueOnError the visit stops at the first missing name.
 */
export function visitPlanFrom<T extends AnyObject | KubeEvent>(plan: Plan, source: ObjectSource<T>): Visited<T> {
  const visits: Visit<T>[] = [];
  const { target } = plan;
  const tuples = namedTuples(target);
  if (tuples.length > 0) {
    for (const { type, name } of tuples) {
      const object = source.get(type, plan.namespace, name);
      visits.push(object ? { type, object } : { error: notFound(type, name) });
      if (!object && !plan.continueOnError) break;
    }
  } else {
    for (const type of 'types' in target ? target.types : []) {
      for (const object of source.list(type, plan.scope)) {
        if (matchesAll(plan.requirements, labelsOf(object)) && matchesFields(plan.fields, object)) visits.push({ type, object });
      }
    }
  }
  const found = visits.filter((visit): visit is Found<T> => !('error' in visit));
  const errors = visits.flatMap((visit) => ('error' in visit ? [visit.error] : []));
  return { visits, found, errors };
}

/** Builder.Visit over the API's store. */
export function visitPlan(env: KubectlEnv, plan: Plan): Visited<AnyObject> {
  return visitPlanFrom(plan, storeSource(env));
}
