// kubectl replace -f FILE (kubectl/pkg/cmd/replace): each object of the files is sent whole, as a
// PUT: what the file leaves out is gone (no three-way merge, no last-applied annotation), and a
// resourceVersion in the file must still be the stored one. --force deletes the objects, waits
// until they are gone, and creates them from the files, the way to change what an update may not.
import { apiErrors, kubectlErrors } from '../api/errors';
import { manifestKind } from '../api/kinds';
import type { AnyObject } from '../api/types';
import { readManifests, writeServed } from './apply';
import { keyOf, objectKey } from '../apiserver/store';
import { groupResource, readBlocked } from './builder';
import type { KubectlEnv } from './env';
import { parseArgs } from './flags';
import { createFromFiles, deletionsFromFiles, fileError } from './fromfiles';
import type { JsonObject } from './output/objects';
import { resourceByKind } from './resources';
import { fail, type CommandResult } from './result';
import { validationError } from './validate';
import { advanceUntil } from './wait';
import { kubectlDelete } from './workloads';
import { parseDuration } from '../util/duration';

const replaceErrors = {
  filenameRequired: () => "error: Must specify --filename to replace\nSee 'kubectl replace -h' for help and examples",
  forceGrace: () => 'error: --grace-period must have --force specified',
  forceTimeout: () => 'error: --timeout must have --force specified',
};

/** Each object replaced in place: "TYPE/NAME replaced", or the API's refusal naming the file. */
function replaceInPlace(env: KubectlEnv, files: string[], namespace: string | undefined): CommandResult {
  const planned = readManifests(env, files, namespace);
  if (typeof planned === 'string') return fail(planned);
  if (planned.length === 0) return fail(kubectlErrors.noObjectsPassedTo('replace'));
  const lines: string[] = [];
  const errors: string[] = [];
  for (const { file, kind, object, manifest } of planned) {
    const type = resourceByKind(kind);
    const name = object.metadata.name;
    const existing = env.engine.store.get(kind, objectKey(object.metadata.namespace ?? '', name)) as AnyObject | undefined;
    if (!existing) {
      errors.push(fileError(apiErrors.notFound(groupResource(type), name), 'replacing', file));
      continue;
    }
    const version = (manifest.metadata as JsonObject | undefined)?.resourceVersion;
    if (typeof version === 'string' && version !== String(existing.metadata.resourceVersion)) {
      errors.push(fileError(apiErrors.conflict(groupResource(type), name), 'replacing', file));
      continue;
    }
    const parsed = manifestKind(kind)!.manifest!.safeParse(manifest);
    if (!parsed.success) {
      errors.push(validationError(file, kind, manifest, parsed.error.issues[0]));
      continue;
    }
    const written = writeServed(env, kind, existing, parsed.data);
    if ('error' in written) errors.push(written.error);
    else lines.push(`${type.qualified}/${name} replaced`);
  }
  return { stdout: lines.map((line) => `${line}\n`).join(''), stderr: errors.join('\n'), exitCode: errors.length > 0 ? 1 : 0 };
}

export function kubectlReplace(env: KubectlEnv, args: string[]): CommandResult {
  const parsed = parseArgs(args, [
    { name: 'filename', short: 'f', type: 'strings' },
    { name: 'namespace', short: 'n', type: 'string' },
    { name: 'force', type: 'bool' },
    { name: 'grace-period', type: 'int' },
    { name: 'timeout', type: 'string' },
    { name: 'save-config', type: 'bool' },
  ]);
  if ('error' in parsed) return fail(parsed.error);
  const files = parsed.flags.filename ?? [];
  if (files.length === 0) return fail(replaceErrors.filenameRequired());
  if (parsed.positional.length > 0) return fail(kubectlErrors.resourcesWithPaths());
  const blocked = readBlocked(env);
  if (blocked) return blocked;
  const namespace = parsed.flags.namespace;
  if (!parsed.flags.force) {
    if ((parsed.flags['grace-period'] ?? -1) >= 0) return fail(replaceErrors.forceGrace());
    if (parsed.flags.timeout !== undefined) return fail(replaceErrors.forceTimeout());
    return replaceInPlace(env, files, namespace);
  }
  const timeoutText = parsed.flags.timeout;
  const timeout = timeoutText === undefined ? 0 : parseDuration(timeoutText);
  if (timeout === undefined) return fail(kubectlErrors.invalidDuration(timeoutText ?? '', '--timeout'));
  // forceReplace: delete what exists (a missing object is simply created), poll every second (up
  // to --timeout, 5 minutes if 0) until all are gone, then create the files' objects.
  const before = deletionsFromFiles(env, files, namespace, undefined);
  if ('error' in before) return fail(before.error);
  // --grace-period=0 becomes 1, so that the kubelet still confirms the deletion.
  const grace = parsed.flags['grace-period'] === 0 ? 1 : parsed.flags['grace-period'];
  let stdout = '';
  let stderr = '';
  for (const { type, object } of before.found) {
    const deleted = kubectlDelete(env, [
      `${type.plural}/${object.metadata.name}`,
      ...(type.namespaced ? ['-n', object.metadata.namespace] : []),
      ...(grace === undefined || grace < 0 ? [] : [`--grace-period=${grace}`]),
      '--wait=false',
    ]);
    stdout += deleted.stdout;
    stderr += deleted.stderr;
    if (deleted.exitCode !== 0) return { stdout, stderr, exitCode: deleted.exitCode };
  }
  const { engine } = env;
  const start = engine.clock.now();
  const limit = timeout > 0 ? timeout : 5 * 60_000;
  const remaining = () =>
    before.found.find(({ object }) => engine.store.get(object.kind, keyOf(object))?.metadata.uid === object.metadata.uid);
  for (let waited = 0; remaining(); waited += 1000) {
    const left = remaining()!;
    if (waited >= limit) return fail(kubectlErrors.waitTimedOut(left.type.plural, left.object.metadata.name), stdout);
    advanceUntil(engine, start + waited + 1000, () => false);
  }
  const created = createFromFiles(env, files, namespace, parsed.flags['save-config'] === true, 'replaced');
  return { stdout: stdout + created.stdout, stderr: stderr + created.stderr, exitCode: created.exitCode };
}
