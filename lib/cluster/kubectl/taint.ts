// kubectl taint: "node NAME... KEY[=VALUE]:EFFECT[-]...", --all or -l; nodes only, as upstream.
import { formatApiError, kubectlErrors, taintErrors } from '../api/errors';
import type { Node, Taint, TaintEffect } from '../api/types';
import { labelValueErrors, qualifiedNameErrors } from '../util/validation';
import { planSelection, readBlocked, visitPlan, visited } from './builder';
import { nodeType } from './cordon';
import type { KubectlEnv } from './env';
import { parseArgs } from './flags';
import { resolveResource, unknownResourceError } from './resources';
import { fail, type CommandResult } from './result';

const effects: readonly TaintEffect[] = ['NoSchedule', 'PreferNoSchedule', 'NoExecute'];

/** Taint.ToString. */
function taintText(taint: { key: string; value?: string; effect?: string }): string {
  if (!taint.effect) return taint.value ? `${taint.key}=${taint.value}:` : taint.key;
  return taint.value ? `${taint.key}=${taint.value}:${taint.effect}` : `${taint.key}:${taint.effect}`;
}

/** parseTaint: "<key>=<value>:<effect>", "<key>:<effect>" or "<key>". */
function parseTaint(spec: string): { key: string; value: string; effect: TaintEffect | '' } | { error: string } {
  const parts = spec.split(':');
  let key = spec;
  let value = '';
  let effect: TaintEffect | '' = '';
  if (parts.length === 2) {
    if (!effects.includes(parts[1] as TaintEffect)) return { error: taintErrors.invalidEffect(parts[1]) };
    effect = parts[1] as TaintEffect;
    const kv = parts[0].split('=');
    if (kv.length > 2) return { error: taintErrors.invalidSpec(spec) };
    key = kv[0];
    if (kv.length === 2) {
      value = kv[1];
      const errors = labelValueErrors(value);
      if (errors.length > 0) return { error: taintErrors.invalidSpec(spec, errors) };
    }
  } else if (parts.length > 2) {
    return { error: taintErrors.invalidSpec(spec) };
  }
  const errors = qualifiedNameErrors(key);
  if (errors.length > 0) return { error: taintErrors.invalidSpec(spec, errors) };
  return { key, value, effect };
}

interface TaintChanges {
  add: Taint[];
  remove: { key: string; effect: TaintEffect | '' }[];
}

/** parseTaints, then Validate's check that nothing is both added and removed. */
function parseTaints(specs: string[]): TaintChanges | { error: string } {
  const changes: TaintChanges = { add: [], remove: [] };
  for (const spec of specs) {
    if (spec.endsWith('-')) {
      const parsed = parseTaint(spec.slice(0, -1));
      if ('error' in parsed) return parsed;
      changes.remove.push({ key: parsed.key, effect: parsed.effect });
      continue;
    }
    const parsed = parseTaint(spec);
    if ('error' in parsed) return parsed;
    if (!parsed.effect) return { error: taintErrors.invalidSpec(spec) };
    if (changes.add.some((taint) => taint.key === parsed.key && taint.effect === parsed.effect)) {
      return { error: taintErrors.duplicated(parsed.key, parsed.value, parsed.effect) };
    }
    changes.add.push({ key: parsed.key, ...(parsed.value ? { value: parsed.value } : {}), effect: parsed.effect });
  }
  return changes;
}

const matchTaint = (a: { key: string; effect: string }, b: { key: string; effect: string }) => a.key === b.key && a.effect === b.effect;

/** updateTaints + reorganizeTaints: the node's new taints and the word kubectl prints, or the node's errors. */
function retaint(
  node: Node,
  changes: TaintChanges,
  overwrite: boolean,
  now: number,
): { taints: Taint[]; operation: string } | { errors: string[] } {
  const old = node.spec.taints;
  if (!overwrite) {
    const existing = changes.add.flatMap((taint) => old.filter((o) => matchTaint(o, taint)).map(() => taint.key));
    if (existing.length > 0) {
      return {
        errors: [taintErrors.alreadyHas(node.metadata.name, existing)],
      };
    }
  }
  let taints: Taint[] = changes.add.map((taint) => ({ ...taint, ...(taint.effect === 'NoExecute' ? { timeAdded: now } : {}) }));
  for (const taint of old) if (!taints.some((added) => matchTaint(added, taint))) taints.push(taint);
  const added = old.length !== taints.length;
  const errors: string[] = [];
  let deleted = false;
  for (const removal of changes.remove) {
    const kept = taints.filter((taint) => !(taint.key === removal.key && (!removal.effect || taint.effect === removal.effect)));
    deleted = kept.length !== taints.length;
    if (!deleted) errors.push(taintErrors.notFound(taintText(removal)));
    taints = kept;
  }
  if (errors.length > 0) return { errors: errors.length === 1 ? errors : [`[${errors.join(', ')}]`] };
  const operation = (added && deleted) || overwrite ? 'modified' : added ? 'tainted' : 'untainted';
  return { taints, operation };
}

export function kubectlTaint(env: KubectlEnv, args: string[]): CommandResult {
  const parsed = parseArgs(args, [
    { name: 'overwrite', type: 'bool' },
    { name: 'all', type: 'bool' },
    { name: 'selector', short: 'l', type: 'string' },
  ]);
  if ('error' in parsed) return fail(parsed.error);
  const resources: string[] = [];
  const specs: string[] = [];
  for (const arg of parsed.positional) {
    const isTaint = arg.includes('=') || arg.includes(':') || arg.endsWith('-');
    if (isTaint) specs.push(arg);
    else if (specs.length > 0) return fail(kubectlErrors.resourcesBeforeChanges('taint', arg));
    else resources.push(arg);
  }
  if (resources.length === 0) return fail(taintErrors.resourcesRequired());
  if (specs.length === 0) return fail(taintErrors.updateRequired());
  const changes = parseTaints(specs);
  if ('error' in changes) return fail(kubectlErrors.prefixed(changes.error));
  const all = parsed.flags.all === true;
  const selector = parsed.flags.selector;
  const type = resolveResource(resources[0]);
  if (!type) return fail(unknownResourceError(resources[0].toLowerCase()));
  if (type.kind !== 'Node') return fail(taintErrors.onlyNodes(resources[0].toLowerCase()));
  const conflicts = changes.add.flatMap((add) =>
    changes.remove.filter((remove) => remove.key === add.key && (!remove.effect || remove.effect === add.effect)),
  );
  if (conflicts.length > 0) {
    return fail(taintErrors.modifyAndRemove(conflicts));
  }
  if (all && selector) return fail(taintErrors.allWithSelector());
  if (!all && !selector && resources.length < 2) return fail(taintErrors.nameRequired());
  // ResourceNames("node", NAME...) unless -l or --all pick, which list the node type.
  const plan = planSelection(all || selector ? [] : resources.slice(1), {
    defaultType: nodeType,
    selector,
    all,
    requireSelection: true,
  });
  if ('error' in plan) return fail(plan.error);
  const blocked = readBlocked(env);
  if (blocked) return blocked;
  const lines: string[] = [];
  const errors: string[] = [];
  for (const visit of visitPlan(env, plan).visits) {
    if ('error' in visit) {
      errors.push(visit.error);
      continue;
    }
    // The builder found it as what it was asked for; updateTaints takes only Nodes.
    if (visit.object.kind !== 'Node') {
      errors.push(taintErrors.notANode(visit.object.kind));
      continue;
    }
    const node = visit.object;
    const result = retaint(node, changes, parsed.flags.overwrite === true, env.engine.clock.now());
    if ('errors' in result) {
      errors.push(...result.errors);
      continue;
    }
    if (JSON.stringify(result.taints) !== JSON.stringify(node.spec.taints)) {
      const updated = env.engine.api.update(node, 'spec', (target) => {
        target.spec.taints = result.taints;
      });
      if (!updated.ok) {
        errors.push(formatApiError(updated.error));
        continue;
      }
    }
    lines.push(`node/${node.metadata.name} ${result.operation}`);
  }
  return visited(lines, errors);
}
