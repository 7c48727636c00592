// kubectl patch TYPE NAME -p PATCH [--type strategic|merge|json] (kubectl/pkg/cmd/patch): the
// patch goes over the object as the API serves it, a strategic merge patch by default (lists
// with a merge key merge by it, like apply), then the result is validated and written like an
// apply. Nodes take patches of their labels, annotations, unschedulable and taints.
import { contextNamespace } from './kubeconfig';
import { parse } from 'yaml';
import { formatApiError, kubectlErrors, patchErrors } from '../api/errors';
import { manifestKind } from '../api/kinds';
import type { AnyObject, Node, Taint } from '../api/types';
import { writeServed } from './apply';
import { planSelection, readBlocked, visitPlan } from './builder';
import type { KubectlEnv } from './env';
import { namespaceFlags, parseArgs } from './flags';
import type { ManifestKind } from './manifests';
import { deepEqual, jsonPatch, JsonPatchError, mergePatch, threeWayMerge } from './merge';
import { apiObject, type Json, type JsonObject } from './output/objects';
import { isJsonObject } from './output/json';
import { fail, ok, type CommandResult } from './result';
import { validationDetail } from './validate';

const patchTypes = ['json', 'merge', 'strategic'] as const;
type PatchType = (typeof patchTypes)[number];

function parsePatch(text: string, type: PatchType): { patch: Json } | { error: string } {
  let value: unknown;
  try {
    value = parse(text);
  } catch (error) {
    return { error: patchErrors.unparsable(text, (error as Error).message.split('\n')[0].replace(/:$/, '')) };
  }
  if (type === 'json' ? !Array.isArray(value) : typeof value !== 'object' || value === null || Array.isArray(value))
    return { error: patchErrors.unparsable(text, type === 'json' ? 'a JSON patch is a list of operations' : 'the patch is not an object') };
  return { patch: value as Json };
}

/** The fields of a Node the model keeps that a patch may set (a node is not written from a manifest). */
function patchNode(env: KubectlEnv, node: Node, patched: JsonObject): { changed: boolean } | { error: string } {
  const metadata = isJsonObject(patched.metadata) ? patched.metadata : {};
  const spec = isJsonObject(patched.spec) ? patched.spec : {};
  const strings = (value: Json | undefined) =>
    isJsonObject(value) && Object.values(value).every((each) => typeof each === 'string') ? (value as Record<string, string>) : undefined;
  const labels = strings(metadata.labels ?? {});
  const annotations = strings(metadata.annotations ?? {});
  if (!labels || !annotations) return { error: patchErrors.badRequest('metadata.labels and metadata.annotations map strings to strings') };
  const taintsValue = spec.taints ?? [];
  const effects = ['NoSchedule', 'PreferNoSchedule', 'NoExecute'];
  const taints =
    Array.isArray(taintsValue) &&
    taintsValue.every((taint) => isJsonObject(taint) && typeof taint.key === 'string' && effects.includes(String(taint.effect)))
      ? (taintsValue as unknown as Taint[])
      : undefined;
  if (!taints)
    return {
      error: patchErrors.badRequest('spec.taints: each taint needs a key and an effect of NoSchedule, PreferNoSchedule or NoExecute'),
    };
  const unschedulable = spec.unschedulable === true;
  const current = apiObject(node, env.engine);
  if (deepEqual(current, patched)) return { changed: false };
  const updated = env.engine.api.update(node, 'spec', (target) => {
    target.metadata.labels = { ...labels };
    target.metadata.annotations = { ...annotations };
    target.spec.unschedulable = unschedulable;
    target.spec.taints = taints.map(({ key, value, effect, timeAdded }) => ({ key, value, effect, timeAdded }) as Taint);
  });
  return updated.ok ? { changed: true } : { error: formatApiError(updated.error) };
}

function apply(env: KubectlEnv, object: AnyObject, patch: Json, type: PatchType): { changed: boolean } | { error: string } {
  const current = apiObject(object, env.engine);
  let patched: Json;
  try {
    patched =
      type === 'json'
        ? jsonPatch(current, patch as Json[])
        : type === 'merge'
          ? mergePatch(current, patch)
          : threeWayMerge(undefined, patch, current);
  } catch (error) {
    if (error instanceof JsonPatchError) return { error: patchErrors.badRequest(error.message) };
    throw error;
  }
  if (!isJsonObject(patched)) return { error: patchErrors.badRequest('the patched object is not an object') };
  if (object.kind === 'Node') return patchNode(env, object, patched);
  const info = manifestKind(object.kind);
  if (!info?.manifest) return { error: patchErrors.unsupportedKind(object.kind) };
  const name = isJsonObject(patched.metadata) ? patched.metadata.name : undefined;
  if (name !== object.metadata.name) return { error: patchErrors.badRequest('metadata.name cannot be changed') };
  const parsed = info.manifest.safeParse(patched);
  if (!parsed.success)
    return {
      error: patchErrors.invalid(object.kind, object.metadata.name, validationDetail(object.kind, patched, parsed.error.issues[0])),
    };
  return writeServed(env, object.kind as ManifestKind, object, parsed.data);
}

export function kubectlPatch(env: KubectlEnv, args: string[]): CommandResult {
  const parsed = parseArgs(args, [
    ...namespaceFlags,
    { name: 'patch', short: 'p', type: 'string' },
    { name: 'patch-file', type: 'string' },
    { name: 'type', type: 'string' },
    { name: 'selector', short: 'l', type: 'string' },
  ]);
  if ('error' in parsed) return fail(parsed.error);
  const type = (parsed.flags.type ?? 'strategic') as PatchType;
  if (!patchTypes.includes(type)) return fail(patchErrors.badType(parsed.flags.type ?? ''));
  const file = parsed.flags['patch-file'];
  if (parsed.flags.patch && file) return fail(patchErrors.patchAndFile());
  if (!parsed.flags.patch && !file) return fail(patchErrors.patchRequired());
  const text = file ? env.readFile(file) : parsed.flags.patch;
  if (text === undefined) return fail(patchErrors.patchFileUnreadable(file ?? ''));
  const read = parsePatch(text, type);
  if ('error' in read) return fail(read.error);
  const { patch } = read;
  if (parsed.positional.length === 0) return fail(kubectlErrors.resourcesRequired());
  const plan = planSelection(parsed.positional, {
    namespace: parsed.flags.namespace ?? contextNamespace(env.engine),
    selector: parsed.flags.selector,
    requireSelection: true,
    continueOnError: false,
  });
  if ('error' in plan) return fail(plan.error);
  const blocked = readBlocked(env);
  if (blocked) return blocked;
  const { found, errors } = visitPlan(env, plan);
  if (errors.length > 0) return fail(errors[0]);
  let stdout = '';
  for (const { type: resource, object } of found) {
    const outcome = apply(env, object, patch, type);
    if ('error' in outcome) return fail(outcome.error, stdout);
    stdout += `${resource.qualified}/${object.metadata.name} patched${outcome.changed ? '' : ' (no change)'}\n`;
  }
  return ok(stdout);
}
