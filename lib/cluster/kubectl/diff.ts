// kubectl diff -f FILE (kubectl/pkg/cmd/diff): each object of the files as the API serves it now
// (LIVE) and as it would after `kubectl apply -f FILE` (MERGED, a dry run: nothing is written),
// both as YAML in two temporary directories, compared by `diff -u -N` as GNU diff compares
// directories. Exit 0 when nothing would change, 1 when something would, more on an error.
import { objectKey } from '../apiserver/store';
import type { AnyObject, Kind } from '../api/types';
import { Rng, seedToState } from '../util/rng';
import { unifiedHunks } from '../util/unifieddiff';
import { formatApiError, kubectlErrors } from '../api/errors';
import { appliedServed, type Planned, readManifests } from './apply';
import { readBlocked } from './builder';
import { simulatedEpochMs, type KubectlEnv } from './env';
import { parseArgs } from './flags';
import { apiObject, type JsonObject } from './output/objects';
import { toYaml } from './output/yaml';
import { fail, type CommandResult } from './result';

/** What a dry-run create answers: the object with the server's defaults, a uid and a creation time, no resourceVersion. */
function createdServed(env: KubectlEnv, planned: Planned): JsonObject | { error: string } {
  const created = env.engine.api.dryRunCreate(planned.object);
  if (!created.ok) return { error: formatApiError(created.error) };
  const served = apiObject(created.value, env.engine);
  const { resourceVersion: _unset, ...rest } = served.metadata as JsonObject;
  // What the model fills in only when it stores the object: the Service's ClusterIP, the pod's conditions.
  const spec = served.spec as JsonObject | undefined;
  if (spec?.clusterIP === '') {
    delete spec.clusterIP;
    delete spec.clusterIPs;
  }
  const status = served.status as JsonObject | undefined;
  if (Array.isArray(status?.conditions) && status.conditions.length === 0) delete status.conditions;
  return { ...served, metadata: rest };
}

/** The file name kubectl diff gives an object: group.version.Kind.namespace.name. */
function fileName(served: JsonObject): string {
  const [group, version] = String(served.apiVersion).includes('/') ? String(served.apiVersion).split('/') : ['', String(served.apiVersion)];
  const { namespace, name } = served.metadata as { namespace?: string; name: string };
  return [group, version, served.kind, namespace, name].filter(Boolean).join('.');
}

/** A file's modification time as GNU diff prints it in --- and +++ lines. */
function stamp(ms: number): string {
  return `${new Date(simulatedEpochMs + ms)
    .toISOString()
    .replace('T', ' ')
    .replace(/\.(\d{3})Z$/, '.$1000000 +0000')}`;
}

export function kubectlDiff(env: KubectlEnv, args: string[]): CommandResult {
  const parsed = parseArgs(args, [
    { name: 'filename', short: 'f', type: 'strings' },
    { name: 'namespace', short: 'n', type: 'string' },
    { name: 'server-side', type: 'bool' },
  ]);
  // CheckDiffErr: an error exits with its code plus one, so that 1 always means "changes found".
  if ('error' in parsed) return fail(parsed.error, '', 2);
  const files = parsed.flags.filename ?? [];
  if (files.length === 0) return fail(kubectlErrors.filenameRequired(), '', 2);
  if (parsed.positional.length > 0) return fail(kubectlErrors.resourcesWithPaths(), '', 2);
  const blocked = readBlocked(env);
  if (blocked) return { ...blocked, exitCode: blocked.exitCode + 1 };
  const planned = readManifests(env, files, parsed.flags.namespace);
  if (typeof planned === 'string') return fail(planned, '', 2);
  const now = env.engine.clock.now();
  // kubectl names its temporary directories with random numbers: these come from the instant.
  const rng = new Rng(seedToState(`diff/${now}`));
  const live = `/tmp/LIVE-${1_000_000_000 + rng.int(3_000_000_000)}`;
  const mergedDir = `/tmp/MERGED-${1_000_000_000 + rng.int(3_000_000_000)}`;
  let stdout = '';
  for (const item of planned) {
    const key = objectKey(item.object.metadata.namespace ?? '', item.object.metadata.name);
    const existing = env.engine.store.get(item.kind as Kind, key) as AnyObject | undefined;
    const before = existing ? apiObject(existing, env.engine) : undefined;
    const after = existing ? appliedServed(env, item, existing) : createdServed(env, item);
    if ('error' in after) return fail(String(after.error), stdout, 2);
    const lines = (object: JsonObject | undefined) => (object ? toYaml(object).replace(/\n$/, '').split('\n') : []);
    const hunks = unifiedHunks(lines(before), lines(after));
    if (!hunks) continue;
    const name = fileName(after);
    stdout += `diff -u -N ${live}/${name} ${mergedDir}/${name}\n`;
    // -N reads a missing file as empty, dated the Unix epoch.
    stdout += `--- ${live}/${name}\t${existing ? stamp(now) : '1970-01-01 00:00:00.000000000 +0000'}\n+++ ${mergedDir}/${name}\t${stamp(now)}\n${hunks}`;
  }
  return { stdout, stderr: '', exitCode: stdout ? 1 : 0 };
}
