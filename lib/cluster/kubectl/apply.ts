// kubectl apply -f FILE: multi-document YAML, validated as a whole before anything is written.
import { parseAllDocuments } from 'yaml';
import { objectKey } from '../apiserver/store';
import { formatApiError } from '../api/errors';
import type { AnyObject, Kind } from '../api/types';
import type { KubectlEnv } from './env';
import { parseArgs } from './flags';
import { manifestSchemas, toObject, type ManifestKind } from './manifests';
import { resourceByKind } from './resources';
import { fail, type CommandResult } from './result';

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

function plan(env: KubectlEnv, file: string, text: string, namespace: string): Planned[] | string {
  const planned: Planned[] = [];
  for (const parsed of parseDocuments(text)) {
    if ('yamlError' in parsed) return `error: error parsing ${file}: error converting YAML to JSON: yaml: ${parsed.yamlError}`;
    const value = structuredClone(parsed.value);
    if (value === null || value === undefined) continue;
    if (typeof value !== 'object' || Array.isArray(value))
      return `error: error validating "${file}": error validating data: invalid object to validate`;
    const { kind, apiVersion } = value as { kind?: unknown; apiVersion?: unknown };
    if (typeof kind !== 'string' || typeof apiVersion !== 'string') {
      return `error: error validating "${file}": error validating data: [apiVersion not set, kind not set]; if you choose to ignore these errors, turn validation off with --validate=false`;
    }
    if (!(kind in manifestSchemas)) {
      return `error: resource mapping not found for name: "${(value as { metadata?: { name?: string } }).metadata?.name ?? ''}" namespace: "" from "${file}": no matches for kind "${kind}" in version "${apiVersion}"\nensure CRDs are installed first`;
    }
    const schema = manifestSchemas[kind as ManifestKind];
    const result = schema.safeParse(value);
    if (!result.success) {
      const issue = result.error.issues[0];
      const path = [kind, ...issue.path.slice(0, -1).map(String)].join('.');
      const field = String(issue.path[issue.path.length - 1] ?? '');
      return `error: error validating "${file}": error validating data: ValidationError(${path}): ${field ? `invalid value for field "${field}": ` : ''}${issue.message}; if you choose to ignore these errors, turn validation off with --validate=false`;
    }
    const object = toObject(kind as ManifestKind, result.data, namespace, () => nextClusterIp(env));
    const spec = (
      object as unknown as { spec: { selector?: Record<string, string>; template?: { metadata: { labels: Record<string, string> } } } }
    ).spec;
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

function nextClusterIp(env: KubectlEnv): string {
  const n = env.engine.state.nextServiceIp++;
  return `10.96.${Math.floor(n / 250)}.${(n % 250) + 2}`;
}

export function kubectlApply(env: KubectlEnv, args: string[]): CommandResult {
  const parsed = parseArgs(args, [
    { name: 'filename', short: 'f', type: 'string', repeat: true },
    { name: 'namespace', short: 'n', type: 'string' },
  ]);
  if ('error' in parsed) return fail(parsed.error);
  const files = (parsed.flags.filename as string[] | undefined) ?? [];
  if (files.length === 0) return fail('error: must specify one of -f and -k');
  const namespace = (parsed.flags.namespace as string) ?? 'default';
  const rngBefore = env.engine.state.nextServiceIp;
  const planned: Planned[] = [];
  for (const file of files) {
    const text = env.readFile(file);
    if (text === undefined) return fail(`error: the path "${file}" does not exist`);
    const result = plan(env, file, text, namespace);
    if (typeof result === 'string') {
      env.engine.state.nextServiceIp = rngBefore;
      return fail(result);
    }
    planned.push(...result);
  }
  if (planned.length === 0) {
    env.engine.state.nextServiceIp = rngBefore;
    return fail(`error: no objects passed to apply`);
  }
  const lines: string[] = [];
  const errors: string[] = [];
  for (const { kind, object, applied } of planned) {
    const type = resourceByKind(kind);
    const label = `${type.qualified}/${object.metadata.name}`;
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
      (target as { spec: unknown }).spec = structuredClone((object as unknown as { spec: unknown }).spec);
      if (target.kind === 'Service' && keepIp) target.spec.clusterIP = keepIp;
      target.metadata.labels = { ...(object.metadata.labels ?? {}) };
      target.metadata.annotations = { ...target.metadata.annotations, [lastApplied]: applied };
    });
    if (updated.ok) lines.push(`${label} configured`);
    else errors.push(formatApiError(updated.error));
  }
  if (errors.length > 0 && lines.length === 0) env.engine.state.nextServiceIp = rngBefore;
  return { stdout: lines.map((line) => `${line}\n`).join(''), stderr: errors.join('\n'), exitCode: errors.length ? 1 : 0 };
}
