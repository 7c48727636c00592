// kubectl create -f and delete -f: the objects of manifest files, read and validated as apply
// reads them, then created (without apply's last-applied annotation unless --save-config) or
// looked up for deletion. A failure names the file, as kubectl's "error when creating" does.
import { type ApiError, apiErrors, formatApiError, kubectlErrors } from '../api/errors';
import { objectKey } from '../apiserver/store';
import type { AnyObject, Kind } from '../api/types';
import { lastApplied, readManifests } from './apply';
import { type Found, groupResource, labelSelector, matchesAll } from './builder';
import type { KubectlEnv } from './env';
import { type ResourceType, resourceByKind } from './resources';
import { unsimulatedWarnings } from './unsimulated';
import { type CommandResult, fail } from './result';

/** A server error for one object of a file: Invalid prints as usual, the others say which file and what kubectl was doing. */
export function fileError(error: ApiError, doing: 'creating' | 'deleting' | 'replacing', file: string): string {
  if (error.invalid) return formatApiError(error);
  return `Error from server (${error.reason ?? 'InternalError'}): error when ${doing} "${file}": ${error.message}`;
}

export function createFromFiles(
  env: KubectlEnv,
  files: readonly string[],
  namespace: string | undefined,
  saveConfig: boolean,
  word: 'created' | 'replaced' = 'created',
): CommandResult {
  const planned = readManifests(env, files, namespace);
  if (typeof planned === 'string') return fail(planned);
  if (planned.length === 0) return fail(kubectlErrors.noObjectsPassedTo(word === 'created' ? 'create' : 'replace'));
  const lines: string[] = [];
  const errors: string[] = [];
  const warnings: string[] = [];
  for (const { file, kind, object, manifest } of planned) {
    if (!saveConfig && object.metadata.annotations) {
      const { [lastApplied]: _applied, ...rest } = object.metadata.annotations;
      object.metadata.annotations = rest;
    }
    const created = env.engine.api.create(object);
    if (created.ok) {
      lines.push(`${resourceByKind(kind).qualified}/${object.metadata.name} ${word}`);
      warnings.push(...unsimulatedWarnings(manifest));
    } else errors.push(fileError(created.error, 'creating', file));
  }
  return {
    stdout: lines.map((line) => `${line}\n`).join(''),
    stderr: [...warnings, ...errors].map((line) => `${line}\n`).join(''),
    exitCode: errors.length > 0 ? 1 : 0,
  };
}

/** What a file names: its type and name, and the live object if there is one. */
export interface FileObject {
  file: string;
  type: ResourceType;
  name: string;
  live: AnyObject | undefined;
}

/**
 * The objects the files name, looked up in the API (the builder's Latest()), in file order; a
 * selector keeps those whose live labels match (a missing object stays, to be reported).
 */
export function liveFromFiles(
  env: KubectlEnv,
  files: readonly string[],
  namespace: string | undefined,
  selector?: string,
): FileObject[] | { error: string } {
  const requirements = labelSelector(selector);
  if ('error' in requirements) return requirements;
  const planned = readManifests(env, files, namespace);
  if (typeof planned === 'string') return { error: planned };
  const named = planned.map(({ file, kind, object }) => ({
    file,
    type: resourceByKind(kind),
    name: object.metadata.name,
    live: env.engine.store.get(kind as Kind, objectKey(object.metadata.namespace ?? '', object.metadata.name)) as AnyObject | undefined,
  }));
  return named.filter(({ live }) => !live || matchesAll(requirements, live.metadata.labels));
}

/** visitByPaths: -f with resource arguments is refused; undefined when only files are given. */
export function argumentsWithFiles(positional: readonly string[]): string | undefined {
  if (positional.length === 0) return undefined;
  return positional.some((arg) => arg.includes('/')) ? kubectlErrors.tuplesWithPaths() : kubectlErrors.resourcesWithPaths();
}

/** The objects the files name, as delete visits them, and a NotFound for each that is missing. */
export function deletionsFromFiles(
  env: KubectlEnv,
  files: readonly string[],
  namespace: string | undefined,
  selector: string | undefined,
): { found: Found[]; errors: string[] } | { error: string } {
  const named = liveFromFiles(env, files, namespace, selector);
  if ('error' in named) return named;
  const found: Found[] = [];
  const errors: string[] = [];
  for (const { file, type, name, live } of named) {
    if (live) found.push({ type, object: live });
    else errors.push(fileError(apiErrors.notFound(groupResource(type), name), 'deleting', file));
  }
  return { found, errors };
}
