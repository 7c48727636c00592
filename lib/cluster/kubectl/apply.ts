// kubectl apply -f FILE: multi-document YAML, validated as a whole before anything is written.
import { parseAllDocuments } from 'yaml';
import { objectKey } from '../apiserver/store';
import { apiErrors, formatApiError, type ApiError } from '../api/errors';
import type { AnyObject, Kind, PriorityClass } from '../api/types';
import type { KubectlEnv } from './env';
import { parseArgs } from './flags';
import { manifestKind } from '../api/kinds';
import { limits } from '../api/limits';
import { utf8Length } from '../apiserver/validation';
import { toObject, type ManifestKind } from './manifests';
import { resourceByKind } from './resources';
import { fail, type CommandResult } from './result';
import { validationError } from './validate';

interface Planned {
  kind: ManifestKind;
  object: ReturnType<typeof toObject>;
  /** The manifest as applied, kept in the last-applied-configuration annotation. */
  applied: string;
}

const lastApplied = 'kubectl.kubernetes.io/last-applied-configuration';

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

function plan(file: string, text: string, namespace: string): Planned[] | string {
  const planned: Planned[] = [];
  for (const parsed of parseDocuments(text)) {
    if ('yamlError' in parsed) return `error: error parsing ${file}: error converting YAML to JSON: yaml: ${parsed.yamlError}`;
    const value = structuredClone(parsed.value);
    if (value === null || value === undefined) continue;
    if (typeof value !== 'object' || Array.isArray(value))
      return `error: error validating "${file}": error validating data: invalid object to validate`;
    const { kind, apiVersion } = value as { kind?: unknown; apiVersion?: unknown };
    const unset = [typeof apiVersion !== 'string' && 'apiVersion not set', typeof kind !== 'string' && 'kind not set'].filter(Boolean);
    if (typeof kind !== 'string' || typeof apiVersion !== 'string') {
      return `error: error validating "${file}": error validating data: [${unset.join(', ')}]`;
    }
    const info = manifestKind(kind);
    if (!info?.manifest || info.apiVersion !== apiVersion) {
      const name = (value as { metadata?: { name?: unknown } }).metadata?.name;
      return `error: resource mapping not found for name: "${typeof name === 'string' ? name : ''}" namespace: "" from "${file}": no matches for kind "${kind}" in version "${apiVersion}"\nensure CRDs are installed first`;
    }
    const result = info.manifest.safeParse(value);
    if (!result.success) return validationError(file, kind, value, result.error.issues[0]);
    const object = toObject(kind as ManifestKind, result.data as never, namespace);
    const spec =
      (object as unknown as { spec: { selector?: Record<string, string>; template?: { metadata: { labels: Record<string, string> } } } })
        .spec ?? {};
    if (spec.template && spec.selector) {
      const mismatch = Object.entries(spec.selector).some(([k, v]) => spec.template!.metadata.labels[k] !== v);
      if (mismatch) {
        return `The ${kind} "${object.metadata.name}" is invalid: spec.template.metadata.labels: Invalid value: ${JSON.stringify(spec.template.metadata.labels)}: \`selector\` does not match template \`labels\``;
      }
    }
    const applied = JSON.stringify(value);
    object.metadata.annotations = { ...object.metadata.annotations, [lastApplied]: applied };
    planned.push({ kind: kind as ManifestKind, object, applied });
  }
  return planned;
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

export function kubectlApply(env: KubectlEnv, args: string[]): CommandResult {
  const parsed = parseArgs(args, [
    { name: 'filename', short: 'f', type: 'strings' },
    { name: 'namespace', short: 'n', type: 'string' },
  ]);
  if ('error' in parsed) return fail(parsed.error);
  const files = parsed.flags.filename ?? [];
  if (files.length === 0) return fail('error: must specify one of -f and -k');
  const namespace = parsed.flags.namespace ?? 'default';
  // Every file is read and validated before anything is sent, as kubectl's builder visits them.
  const planned: Planned[] = [];
  for (const file of files) {
    const text = env.readFile(file);
    if (text === undefined) return fail(`error: the path "${file}" does not exist`);
    const result = plan(file, text, namespace);
    if (typeof result === 'string') return fail(result);
    planned.push(...result);
  }
  if (planned.length === 0) return fail(`error: no objects passed to apply`);
  const lines: string[] = [];
  const errors: string[] = [];
  for (const { kind, object, applied } of planned) {
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
      if (created.ok) lines.push(`${label} created`);
      else errors.push(formatApiError(created.error));
      continue;
    }
    if (existing.metadata.annotations[lastApplied] === applied) {
      lines.push(`${label} unchanged`);
      continue;
    }
    if (kind === 'Pod') {
      errors.push(
        `The Pod "${object.metadata.name}" is invalid: spec: Forbidden: pod updates may not change fields other than \`spec.containers[*].image\`,\`spec.initContainers[*].image\`,\`spec.activeDeadlineSeconds\`,\`spec.tolerations\` (only additions to existing tolerations),\`spec.terminationGracePeriodSeconds\` (allow it to be set to 1 if it was previously negative)`,
      );
      continue;
    }
    const updated = env.engine.api.update(existing, 'spec', (target) => {
      const keepIp = target.kind === 'Service' ? target.spec.clusterIP : undefined;
      // A PriorityClass keeps its fields at the top level, with no spec.
      if (target.kind === 'PriorityClass') {
        const source = object as unknown as PriorityClass;
        target.description = source.description;
        target.globalDefault = source.globalDefault;
      } else (target as { spec: unknown }).spec = structuredClone((object as unknown as { spec: unknown }).spec);
      if (target.kind === 'Service' && keepIp) target.spec.clusterIP = keepIp;
      target.metadata.labels = { ...(object.metadata.labels ?? {}) };
      target.metadata.annotations = { ...target.metadata.annotations, [lastApplied]: applied };
    });
    if (updated.ok) lines.push(`${label} configured`);
    else errors.push(formatApiError(updated.error));
  }
  return { stdout: lines.map((line) => `${line}\n`).join(''), stderr: errors.join('\n'), exitCode: errors.length ? 1 : 0 };
}
