// kubectl apply -f FILE: multi-document YAML, validated as a whole before anything is written.
import { annotations } from '../controllers/deployment.util';
import { contextNamespace } from './kubeconfig';
import { parseAllDocuments } from 'yaml';
import { objectKey } from '../apiserver/store';
import { apiErrors, formatApiError, kubectlErrors, manifestErrors, type ApiError } from '../api/errors';
import type { NewObject } from '../apiserver/apiserver';
import type { AnyObject, Container, Kind, PriorityClass } from '../api/types';
import { deepEqual, threeWayMerge } from './merge';
import { apiObject, type Json, type JsonObject } from './output/objects';
import { unsimulatedWarnings } from './unsimulated';
import type { KubectlEnv } from './env';
import { parseArgs } from './flags';
import { manifestKind } from '../api/kinds';
import { limits } from '../api/limits';
import { utf8Length } from '../apiserver/validation';
import { toObject, type ManifestKind } from './manifests';
import { resourceByKind, unmodelledPlural } from './resources';
import { fail, ok, type CommandResult } from './result';
import { planSelection, readBlocked, visitPlan } from './builder';
import { toYaml } from './output/yaml';
import { validationError } from './validate';

export interface Planned {
  file: string;
  kind: ManifestKind;
  object: ReturnType<typeof toObject>;
  /** The manifest as the file has it: the "modified" side of the three-way merge. */
  manifest: JsonObject;
  /** The manifest as applied, kept in the last-applied-configuration annotation. */
  applied: string;
}

export const { lastApplied } = annotations;

/**
 * A file's documents as plain values, up to and including the first with a YAML error (kept as
 * its message). Labs apply the same few files again and again, so parses are remembered by text.
 */
type ParsedDocument = { value: unknown } | { yamlError: string };

const parsedTexts = new Map<string, ParsedDocument[]>();

function parseDocuments(text: string): ParsedDocument[] {
  const cached = parsedTexts.get(text);
  if (cached) return cached;
  const parsed: ParsedDocument[] = [];
  for (const document of parseAllDocuments(text)) {
    if (document.errors.length > 0) {
      parsed.push({ yamlError: document.errors[0].message.split('\n')[0] });
      break;
    }
    parsed.push({ value: document.toJS() });
  }
  if (parsedTexts.size >= 32) parsedTexts.delete(parsedTexts.keys().next().value!);
  parsedTexts.set(text, parsed);
  return parsed;
}

/** One manifest, validated and turned into the object kubectl sends; a string says why it cannot be. */
export function manifestObject(
  file: string,
  value: unknown,
  namespace: string,
): { kind: ManifestKind; object: ReturnType<typeof toObject> } | string {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return manifestErrors.validating(file, 'invalid object to validate');
  const { kind, apiVersion } = value as { kind?: unknown; apiVersion?: unknown };
  const unset = [typeof apiVersion !== 'string' && 'apiVersion not set', typeof kind !== 'string' && 'kind not set'].filter(Boolean);
  if (typeof kind !== 'string' || typeof apiVersion !== 'string') {
    return manifestErrors.validating(file, `[${unset.join(', ')}]`);
  }
  const info = manifestKind(kind);
  if (!info?.manifest || info.apiVersion !== apiVersion) {
    const name = (value as { metadata?: { name?: unknown } }).metadata?.name;
    const plural = info ? undefined : unmodelledPlural(kind);
    if (plural) return manifestErrors.unmodelledKind(file, kind, plural);
    return manifestErrors.noMapping(typeof name === 'string' ? name : '', file, kind, apiVersion);
  }
  const result = info.manifest.safeParse(value);
  if (!result.success) return validationError(file, kind, value, result.error.issues[0]);
  const object = toObject(kind as ManifestKind, result.data as never, namespace);
  const spec =
    (object as unknown as { spec: { selector?: Record<string, string>; template?: { metadata: { labels: Record<string, string> } } } })
      .spec ?? {};
  if (spec.template && spec.selector) {
    const mismatch = Object.entries(spec.selector).some(([k, v]) => spec.template!.metadata.labels[k] !== v);
    if (mismatch) return manifestErrors.selectorMismatch(kind, object.metadata.name, spec.template.metadata.labels);
  }
  return { kind: kind as ManifestKind, object };
}

/** `enforce`: the namespace came from -n, so a manifest naming another one is refused (else the manifest's wins). */
function plan(file: string, text: string, namespace: string, enforce: boolean): Planned[] | string {
  const planned: Planned[] = [];
  for (const parsed of parseDocuments(text)) {
    if ('yamlError' in parsed) return manifestErrors.yaml(file, parsed.yamlError);
    const value = structuredClone(parsed.value);
    if (value === null || value === undefined) continue;
    const built = manifestObject(file, value, namespace);
    if (typeof built === 'string') return built;
    const { kind, object } = built;
    const declared = (value as { metadata?: { namespace?: unknown } }).metadata?.namespace;
    if (enforce && object.metadata.namespace !== '' && typeof declared === 'string' && declared !== '' && declared !== namespace)
      return manifestErrors.namespaceMismatch(declared, namespace);
    const applied = JSON.stringify(value);
    object.metadata.annotations = { ...object.metadata.annotations, [lastApplied]: applied };
    planned.push({ file, kind, object, manifest: value as JsonObject, applied });
  }
  return planned;
}

/**
 * Every document of every file, validated and turned into the object kubectl sends, before anything
 * is sent (as kubectl's builder visits them); or the first problem. `namespace` is -n's, if given.
 */
export function readManifests(env: KubectlEnv, files: readonly string[], namespace: string | undefined): Planned[] | string {
  const planned: Planned[] = [];
  for (const file of files) {
    const text = env.readFile(file);
    if (text === undefined) return kubectlErrors.pathNotExist(file);
    const result = plan(file, text, namespace ?? contextNamespace(env.engine), namespace !== undefined);
    if (typeof result === 'string') return result;
    planned.push(...result);
  }
  return planned;
}

type Outcome = { word: 'configured' | 'unchanged'; warnings: string[] } | { error: string };

const specOf = (object: AnyObject | NewObject<Kind>) => (object as unknown as { spec: Record<string, unknown> }).spec;

/**
 * The three-way merge of the previous apply, the file and the live object (as the API serves
 * it), validated: what apply sends for an object that exists.
 */
function merged(env: KubectlEnv, planned: Planned, existing: AnyObject): { data: unknown; warnings: string[] } | { error: string } {
  const { kind, manifest, file } = planned;
  const warnings: string[] = [];
  const previous = existing.metadata.annotations[lastApplied];
  if (previous === undefined) warnings.push(kubectlErrors.missingLastApplied(`${resourceByKind(kind).plural}/${existing.metadata.name}`));
  const original = previous === undefined ? undefined : (parseJson(previous) as Json | undefined);
  const current = apiObject(existing, env.engine);
  const result = threeWayMerge(original, manifest, current) as JsonObject;
  const parsed = manifestKind(kind)!.manifest!.safeParse(result);
  if (!parsed.success) return { error: validationError(file, kind, result, parsed.error.issues[0]) };
  return { data: parsed.data, warnings };
}

/** Apply to an object that exists: the merge, sent only if it changes something (then "configured"). */
function configure(env: KubectlEnv, planned: Planned, existing: AnyObject): Outcome {
  const merge = merged(env, planned, existing);
  if ('error' in merge) return merge;
  const written = writeServed(env, planned.kind, existing, merge.data, planned.applied);
  if ('error' in written) return written;
  return written.changed
    ? { word: 'configured', warnings: [...merge.warnings, ...unsimulatedWarnings(planned.manifest)] }
    : { word: 'unchanged', warnings: merge.warnings };
}

/** kubectl diff's MERGED side: the object as the API would serve it after this apply, written nowhere. */
export function appliedServed(env: KubectlEnv, planned: Planned, existing: AnyObject): JsonObject | { error: string } {
  const merge = merged(env, planned, existing);
  if ('error' in merge) return merge;
  const written = writeServed(env, planned.kind, existing, merge.data, planned.applied, true);
  if ('error' in written) return written;
  return written.served;
}

/**
 * Writes an existing object from its served form as changed (merged by apply, or patched),
 * already validated against its kind's manifest schema: only if that changes something. With
 * `applied`, the last-applied-configuration annotation records it.
 */
export function writeServed(
  env: KubectlEnv,
  kind: ManifestKind,
  existing: AnyObject,
  data: unknown,
  applied?: string,
  dryRun = false,
): { changed: boolean; served: JsonObject } | { error: string } {
  const current = apiObject(existing, env.engine);
  const next = toObject(kind, data as never, existing.metadata.namespace);
  const meta = next.metadata as { labels: Record<string, string>; annotations: Record<string, string> };
  const annotations = applied === undefined ? meta.annotations : { ...meta.annotations, [lastApplied]: applied };
  const nextSpec = { ...specOf(existing), ...specOf(next) };
  // A Service's ClusterIP is the server's: left out (or cleared), it keeps the allocated one; a
  // different value (another IP, or None) goes to the API server, which refuses the change (#119).
  if (existing.kind === 'Service') {
    const asked = (data as { spec?: { clusterIP?: unknown } }).spec?.clusterIP;
    nextSpec.clusterIP = typeof asked === 'string' && asked !== '' ? asked : existing.spec.clusterIP;
  }
  // A PriorityClass keeps its fields at the top level, with no spec (value and preemptionPolicy are immutable).
  // A Namespace's only field a file sets here is its metadata.
  const topLevel =
    existing.kind === 'PriorityClass'
      ? { description: (next as unknown as PriorityClass).description, globalDefault: (next as unknown as PriorityClass).globalDefault }
      : existing.kind === 'Namespace'
        ? {}
        : { spec: nextSpec };
  const candidate = {
    ...existing,
    metadata: { ...existing.metadata, labels: meta.labels, annotations },
    ...topLevel,
  } as unknown as AnyObject;
  const after = apiObject(candidate, env.engine);
  const same = (a: JsonObject, b: JsonObject) =>
    deepEqual(a.spec, b.spec) &&
    a.description === b.description &&
    a.globalDefault === b.globalDefault &&
    deepEqual((a.metadata as JsonObject).labels, (b.metadata as JsonObject).labels) &&
    deepEqual((a.metadata as JsonObject).annotations, (b.metadata as JsonObject).annotations);
  if (same(after, current)) return { changed: false, served: current };
  if (existing.kind === 'Pod' && !deepEqual(withoutImages(after.spec), withoutImages(current.spec)))
    return { error: kubectlErrors.podUpdateForbidden(existing.metadata.name) };
  // A dry run (kubectl diff) answers with what would be stored: a spec change bumps generation.
  if (dryRun) {
    const metadata = after.metadata as JsonObject;
    const bumped = !deepEqual(after.spec, current.spec) && typeof metadata.generation === 'number';
    return {
      changed: true,
      served: bumped ? { ...after, metadata: { ...metadata, generation: (metadata.generation as number) + 1 } } : after,
    };
  }
  const updated = env.engine.api.update(existing, 'spec', (target) => {
    if (target.kind === 'Pod') {
      // Only images may change in a pod's spec (checked above).
      const images = new Map((nextSpec.containers as Container[]).map((c) => [c.name, c.image]));
      for (const container of target.spec.containers) container.image = images.get(container.name) ?? container.image;
    } else if (target.kind === 'PriorityClass') Object.assign(target, topLevel);
    else if (target.kind !== 'Namespace') (target as { spec: unknown }).spec = structuredClone(nextSpec);
    target.metadata.labels = { ...meta.labels };
    target.metadata.annotations = annotations;
  });
  if (!updated.ok) return { error: formatApiError(updated.error) };
  return { changed: true, served: after };
}

/**
 * A pod spec as the API serves it, minus the container images (the one thing a pod update may
 * change) and the pull policy the model derives from the image.
 */
function withoutImages(spec: Json | undefined): Json | undefined {
  if (typeof spec !== 'object' || spec === null || Array.isArray(spec) || !Array.isArray(spec.containers)) return spec;
  return {
    ...spec,
    containers: spec.containers.map((c) =>
      typeof c === 'object' && c !== null && !Array.isArray(c) ? { ...c, image: '', imagePullPolicy: '' } : c,
    ),
  };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/**
 * What the API server answers a request body of this many bytes: its own limit first, then
 * etcd's, which is lower but applies to the stored object.
 */
function bodyRefusal(bytes: number): ApiError | undefined {
  if (bytes > limits.maxRequestBodyBytes) return apiErrors.requestTooLarge();
  if (bytes > limits.etcdMaxRequestBytes) return apiErrors.etcdRequestTooLarge();
  return undefined;
}

/** kubectl apply view-last-applied TYPE NAME: the annotation apply keeps, as YAML (default) or JSON. */
function viewLastApplied(env: KubectlEnv, args: string[]): CommandResult {
  const parsed = parseArgs(args, [
    { name: 'namespace', short: 'n', type: 'string' },
    { name: 'output', short: 'o', type: 'string' },
    { name: 'selector', short: 'l', type: 'string' },
    { name: 'all', type: 'bool' },
  ]);
  if ('error' in parsed) return fail(parsed.error);
  const format = parsed.flags.output ?? 'yaml';
  if (format !== 'yaml' && format !== 'json') return fail(kubectlErrors.viewLastAppliedOutput(format));
  const plan = planSelection(parsed.positional, {
    namespace: parsed.flags.namespace ?? contextNamespace(env.engine),
    selector: parsed.flags.selector,
    all: parsed.flags.all,
    requireSelection: true,
    singleResourceType: true,
    continueOnError: false,
  });
  if ('error' in plan) return fail(plan.error);
  const blocked = readBlocked(env);
  if (blocked) return blocked;
  const out: string[] = [];
  for (const visit of visitPlan(env, plan).visits) {
    if ('error' in visit) return fail(visit.error, out.join(''));
    const { object } = visit;
    const name = object.metadata.name;
    const text = object.metadata.annotations[lastApplied];
    const value = text === undefined ? undefined : (parseJson(text) as Json | undefined);
    if (value === undefined) return fail(kubectlErrors.noLastApplied(name), out.join(''));
    out.push(format === 'json' ? `${JSON.stringify(value, null, 2)}\n` : toYaml(value));
  }
  return ok(out.join(''));
}

export function kubectlApply(env: KubectlEnv, args: string[]): CommandResult {
  if (args[0] === 'view-last-applied') return viewLastApplied(env, args.slice(1));
  const parsed = parseArgs(args, [
    { name: 'filename', short: 'f', type: 'strings' },
    { name: 'namespace', short: 'n', type: 'string' },
  ]);
  if ('error' in parsed) return fail(parsed.error);
  const files = parsed.flags.filename ?? [];
  if (files.length === 0) return fail(kubectlErrors.filenameRequired());
  const planned = readManifests(env, files, parsed.flags.namespace);
  if (typeof planned === 'string') return fail(planned);
  if (planned.length === 0) return fail(kubectlErrors.noObjectsPassedTo('apply'));
  const lines: string[] = [];
  const errors: string[] = [];
  const warnings: string[] = [];
  for (const item of planned) {
    const { kind, object, applied } = item;
    const type = resourceByKind(kind);
    const label = `${type.qualified}/${object.metadata.name}`;
    const tooLarge = bodyRefusal(utf8Length(applied) * 2);
    if (tooLarge) {
      errors.push(formatApiError(tooLarge));
      continue;
    }
    const existing = env.engine.store.get(kind as Kind, objectKey(object.metadata.namespace ?? '', object.metadata.name)) as
      | AnyObject
      | undefined;
    if (!existing) {
      const created = env.engine.api.create(object);
      if (created.ok) {
        warnings.push(...unsimulatedWarnings(item.manifest));
        lines.push(`${label} created`);
      } else errors.push(formatApiError(created.error));
      continue;
    }
    const outcome = configure(env, item, existing);
    if ('error' in outcome) errors.push(outcome.error);
    else {
      warnings.push(...outcome.warnings);
      lines.push(`${label} ${outcome.word}`);
    }
  }
  const stderr = [...warnings, ...errors].join('\n');
  return { stdout: lines.map((line) => `${line}\n`).join(''), stderr, exitCode: errors.length ? 1 : 0 };
}
