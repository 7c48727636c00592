// kubectl cordon, uncordon, taint and label.
import { involved } from '../apiserver/apiserver';
import { objectKey } from '../apiserver/store';
import { formatApiError, kubectlErrors } from '../errors';
import type { AnyObject, Kind, Taint, TaintEffect } from '../types';
import type { KubectlEnv } from './env';
import { parseArgs } from './flags';
import { resolveResource } from './resources';
import { fail, ok, type CommandResult } from './result';

const effects: readonly TaintEffect[] = ['NoSchedule', 'PreferNoSchedule', 'NoExecute'];

export function setUnschedulable(env: KubectlEnv, name: string, unschedulable: boolean): CommandResult {
  const node = env.engine.store.get('Node', name);
  if (!node) return fail(`Error from server (NotFound): nodes "${name}" not found`);
  const verb = unschedulable ? 'cordoned' : 'uncordoned';
  if (node.spec.unschedulable === unschedulable) return ok(`node/${name} already ${verb}\n`);
  const updated = env.engine.api.update(node, 'spec', (target) => {
    target.spec.unschedulable = unschedulable;
  });
  if (!updated.ok) return fail(formatApiError(updated.error));
  if (env.engine.kubeletRunning(name)) {
    const word = unschedulable ? 'NodeNotSchedulable' : 'NodeSchedulable';
    env.engine.api.record(involved(node), 'Normal', word, `Node ${name} status is now: ${word}`, 'kubelet');
  }
  return ok(`node/${name} ${verb}\n`);
}

export function kubectlCordon(env: KubectlEnv, args: string[], unschedulable: boolean): CommandResult {
  const parsed = parseArgs(args, []);
  if ('error' in parsed) return fail(parsed.error);
  if (parsed.positional.length !== 1) return fail(`error: USAGE: ${unschedulable ? 'cordon' : 'uncordon'} NODE [flags]`);
  return setUnschedulable(env, parsed.positional[0], unschedulable);
}

function parseTaint(spec: string): { taint: Taint; remove: boolean } | undefined {
  const remove = spec.endsWith('-');
  const body = remove ? spec.slice(0, -1) : spec;
  const match = /^([A-Za-z0-9./_-]+)(?:=([A-Za-z0-9._-]*))?(?::([A-Za-z]+))?$/.exec(body);
  if (!match) return undefined;
  const [, key, value, effect] = match;
  if (effect && !effects.includes(effect as TaintEffect)) return undefined;
  if (!effect && !remove) return undefined;
  return { taint: { key, value: value || undefined, effect: (effect ?? '') as TaintEffect }, remove };
}

export function kubectlTaint(env: KubectlEnv, args: string[]): CommandResult {
  const parsed = parseArgs(args, [{ name: 'overwrite', type: 'bool' }]);
  if ('error' in parsed) return fail(parsed.error);
  const [typeName, name, ...specs] = parsed.positional;
  if (!typeName || !['node', 'nodes', 'no'].includes(typeName)) return fail('error: at least one resource name must be specified since \'all\' parameter is not set');
  if (!name || specs.length === 0) return fail('error: at least one taint update is required');
  const changes = specs.map((spec) => ({ spec, parsed: parseTaint(spec) }));
  const bad = changes.find((change) => !change.parsed);
  if (bad) return fail(`error: invalid taint spec: ${bad.spec}, unknown effect or malformed key`);
  const node = env.engine.store.get('Node', name);
  if (!node) return fail(`Error from server (NotFound): nodes "${name}" not found`);
  const taints = node.spec.taints.map((taint) => ({ ...taint }));
  let removed = false;
  for (const { spec, parsed: change } of changes) {
    const { taint, remove } = change!;
    if (remove) {
      const before = taints.length;
      const kept = taints.filter((existing) => !(existing.key === taint.key && (!taint.effect || existing.effect === taint.effect)));
      if (kept.length === before) return fail(`error: taint "${spec.slice(0, -1)}" not found`);
      taints.splice(0, taints.length, ...kept);
      removed = true;
      continue;
    }
    const clash = taints.findIndex((existing) => existing.key === taint.key && existing.effect === taint.effect);
    if (clash >= 0 && parsed.flags.overwrite !== true) {
      return fail(`error: node ${name} already has ${taint.key} taint(s) with same effect(s) and --overwrite is false`);
    }
    const added = { ...taint, ...(taint.effect === 'NoExecute' ? { timeAdded: env.engine.clock.now() } : {}) };
    if (taint.value === undefined) delete added.value;
    if (clash >= 0) taints[clash] = added;
    else taints.push(added);
  }
  const updated = env.engine.api.update(node, 'spec', (target) => {
    target.spec.taints = taints;
  });
  if (!updated.ok) return fail(formatApiError(updated.error));
  return ok(`node/${name} ${removed ? 'untainted' : 'tainted'}\n`);
}

export function kubectlLabel(env: KubectlEnv, args: string[]): CommandResult {
  const parsed = parseArgs(args, [{ name: 'namespace', short: 'n', type: 'string' }, { name: 'overwrite', type: 'bool' }]);
  if ('error' in parsed) return fail(parsed.error);
  const positional = [...parsed.positional];
  const first = positional.shift();
  if (!first) return fail('error: one or more resources must be specified as <resource> <name> or <resource>/<name>');
  const [typeName, slashName] = first.split('/', 2);
  const name = slashName ?? positional.shift();
  const type = resolveResource(typeName);
  if (!type || type.kind === 'Event') return fail(kubectlErrors.unknownResource(typeName));
  if (!name || positional.length === 0) return fail('error: at least one label update is required');
  const namespace = type.namespaced ? ((parsed.flags.namespace as string) ?? 'default') : '';
  const object = env.engine.store.get(type.kind as Kind, objectKey(namespace, name)) as AnyObject | undefined;
  if (!object) return fail(`Error from server (NotFound): ${type.plural}${type.qualified.includes('.') ? type.qualified.slice(type.qualified.indexOf('.')) : ''} "${name}" not found`);
  const labels = { ...object.metadata.labels };
  let removed = false;
  for (const change of positional) {
    if (change.endsWith('-')) {
      delete labels[change.slice(0, -1)];
      removed = true;
      continue;
    }
    const match = /^([A-Za-z0-9./_-]+)=([A-Za-z0-9._-]*)$/.exec(change);
    if (!match) return fail(`error: invalid label spec: ${change}`);
    if (labels[match[1]] !== undefined && labels[match[1]] !== match[2] && parsed.flags.overwrite !== true) {
      return fail(`error: '${match[1]}' already has a value (${labels[match[1]]}), and --overwrite is false`);
    }
    labels[match[1]] = match[2];
  }
  const updated = env.engine.api.update(object, 'metadata', (target) => {
    target.metadata.labels = labels;
  });
  if (!updated.ok) return fail(formatApiError(updated.error));
  return ok(`${type.qualified}/${name} ${removed ? 'unlabeled' : 'labeled'}\n`);
}
