// kubectl label: "TYPE NAME... KEY=VALUE... KEY-...", TYPE/NAME, --all or -l, in one namespace or all.
import { contextNamespace } from './kubeconfig';
import { formatApiError, kubectlErrors, labelErrors } from '../api/errors';
import type { AnyObject } from '../api/types';
import { labelValueErrors, qualifiedNameErrors } from '../util/validation';
import { planSelection, readBlocked, visitPlan, visited } from './builder';
import type { KubectlEnv } from './env';
import { parseArgs, type FlagSpec } from './flags';
import { resourceByKind } from './resources';
import { fail, type CommandResult } from './result';

/** GetResourcesAndPairs: resources first, then KEY=VALUE or KEY- pairs. */
export function resourcesAndPairs(args: string[], pairType: string): { resources: string[]; pairs: string[] } | { error: string } {
  const resources: string[] = [];
  const pairs: string[] = [];
  for (const arg of args) {
    const pair = (arg.includes('=') && !arg.startsWith('=')) || (arg.endsWith('-') && arg !== '-');
    if (pair) pairs.push(arg);
    else if (pairs.length > 0) return { error: kubectlErrors.resourcesBeforeChanges(pairType, arg) };
    else resources.push(arg);
  }
  return { resources, pairs };
}

/** parseLabels. */
function parseLabels(specs: string[]): { set: [string, string][]; remove: string[] } | { error: string } {
  const set = new Map<string, string>();
  const remove: string[] = [];
  for (const spec of specs) {
    if (spec.includes('=')) {
      const parts = spec.split('=');
      if (parts.length !== 2) return { error: kubectlErrors.invalidLabelSpec(spec) };
      const errors = labelValueErrors(parts[1]);
      if (errors.length > 0) return { error: labelErrors.invalidValue(spec, errors) };
      set.set(parts[0], parts[1]);
    } else if (spec.endsWith('-')) {
      remove.push(spec.slice(0, -1));
    } else {
      return { error: labelErrors.unknownSpec(spec) };
    }
  }
  if (remove.some((key) => set.has(key))) return { error: labelErrors.modifyAndRemove() };
  return { set: [...set], remove };
}

/** The flags label and annotate share: which objects, and whether a key may be changed. */
export const metadataEditFlags = [
  { name: 'namespace', short: 'n', type: 'string' },
  { name: 'overwrite', type: 'bool' },
  { name: 'all', type: 'bool' },
  { name: 'selector', short: 'l', type: 'string' },
  { name: 'all-namespaces', short: 'A', type: 'bool' },
] as const satisfies readonly FlagSpec[];

export function kubectlLabel(env: KubectlEnv, args: string[]): CommandResult {
  const parsed = parseArgs(args, metadataEditFlags);
  if ('error' in parsed) return fail(parsed.error);
  const split = resourcesAndPairs(parsed.positional, 'label');
  if ('error' in split) return fail(split.error);
  const changes = parseLabels(split.pairs);
  if ('error' in changes) return fail(changes.error);
  const all = parsed.flags.all === true;
  const selector = parsed.flags.selector;
  const overwrite = parsed.flags.overwrite === true;
  if (split.resources.length === 0) return fail(labelErrors.resourcesRequired());
  if (changes.set.length === 0 && changes.remove.length === 0) return fail(labelErrors.updateRequired());
  const plan = planSelection(split.resources, {
    namespace: parsed.flags.namespace ?? contextNamespace(env.engine),
    allNamespaces: parsed.flags['all-namespaces'] === true,
    selector,
    all,
    requireSelection: true,
  });
  if ('error' in plan) return fail(plan.error);
  const types = 'tuples' in plan.target ? plan.target.tuples.map((tuple) => tuple.type) : plan.target.types;
  if (types.some((type) => type.kind === 'Event')) return fail(kubectlErrors.eventsNotLabelled());
  const blocked = readBlocked(env);
  if (blocked) return blocked;

  const lines: string[] = [];
  const errors: string[] = [];
  const visit = (object: AnyObject) => {
    const type = resourceByKind(object.kind);
    for (const key of changes.remove) if (!Object.hasOwn(object.metadata.labels, key)) lines.push(labelErrors.notFound(key));
    if (!overwrite) {
      const clashes = changes.set.filter(
        ([key, value]) => Object.hasOwn(object.metadata.labels, key) && object.metadata.labels[key] !== value,
      );
      if (clashes.length > 0) {
        const messages = clashes.map(([key]) => labelErrors.alreadyHasValue(key, object.metadata.labels[key]));
        errors.push(messages.length === 1 ? messages[0] : `[${messages.join(', ')}]`);
        return;
      }
    }
    // Built from entries so that every key, "__proto__" included, is an own property.
    const entries = new Map(Object.entries(object.metadata.labels));
    for (const [key, value] of changes.set) entries.set(key, value);
    for (const key of changes.remove) entries.delete(key);
    const labels: Record<string, string> = Object.fromEntries(entries);
    const invalid = [...entries.keys()].find((key) => !Object.hasOwn(object.metadata.labels, key) && qualifiedNameErrors(key).length > 0);
    if (invalid) {
      errors.push(labelErrors.invalidKey(object.kind, object.metadata.name, invalid, qualifiedNameErrors(invalid)));
      return;
    }
    const before = JSON.stringify(object.metadata.labels);
    const after = JSON.stringify(labels);
    let word = 'not labeled';
    if (before !== after) {
      const updated = env.engine.api.update(object, 'metadata', (target) => {
        target.metadata.labels = labels;
      });
      if (!updated.ok) {
        errors.push(formatApiError(updated.error));
        return;
      }
      word = !overwrite && after.length < before.length ? 'unlabeled' : 'labeled';
    }
    lines.push(`${type.qualified}/${object.metadata.name} ${word}`);
  };

  const { found, errors: missing } = visitPlan(env, plan);
  errors.push(...missing);
  for (const { object } of found) visit(object);
  return visited(lines, errors);
}
