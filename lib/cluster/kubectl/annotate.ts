// kubectl annotate: "TYPE NAME... KEY=VALUE... KEY-...", as kubectl/pkg/cmd/annotate does it.
// Values are free text (a change-cause sentence); an existing value changes only with
// --overwrite, except kubernetes.io/change-cause, which may always be rewritten.
import { contextNamespace } from './kubeconfig';
import { formatApiError } from '../api/errors';
import type { AnyObject } from '../api/types';
import { qualifiedNameErrors } from '../util/validation';
import { planSelection, readBlocked, visitPlan, visited } from './builder';
import type { KubectlEnv } from './env';
import { parseArgs } from './flags';
import { metadataEditFlags, resourcesAndPairs } from './label';
import { resourceByKind } from './resources';
import { fail, type CommandResult } from './result';

const changeCause = 'kubernetes.io/change-cause';

export const annotateErrors = {
  invalidSpec: (spec: string) => `error: invalid annotation spec: ${spec}`,
  noUpdate: () => 'error: at least one annotation update is required',
  noResources: () => 'error: one or more resources must be specified as <resource> <name> or <resource>/<name>',
  bothChangedAndRemoved: () => 'error: can not both modify and remove an annotation in the same command',
  overwrite: (clashes: string[]) => `--overwrite is false but found the following declared annotation(s): ${clashes.join('; ')}`,
  invalidKey: (object: AnyObject, key: string) =>
    `The ${object.kind} "${object.metadata.name}" is invalid: metadata.annotations: Invalid value: "${key}": ${qualifiedNameErrors(key).join('; ')}`,
};

/** ParsePairs(..., "annotation", true): KEY=VALUE (the value may hold "=" or be empty) or KEY-. */
function parseAnnotations(specs: string[]): { set: [string, string][]; remove: string[] } | { error: string } {
  const set = new Map<string, string>();
  const remove: string[] = [];
  for (const spec of specs) {
    const equals = spec.indexOf('=');
    if (equals > 0) set.set(spec.slice(0, equals), spec.slice(equals + 1));
    else if (spec.endsWith('-') && spec.length > 1) remove.push(spec.slice(0, -1));
    else return { error: annotateErrors.invalidSpec(spec) };
  }
  if (remove.some((key) => set.has(key))) return { error: annotateErrors.bothChangedAndRemoved() };
  return { set: [...set], remove };
}

export function kubectlAnnotate(env: KubectlEnv, args: string[]): CommandResult {
  const parsed = parseArgs(args, metadataEditFlags);
  if ('error' in parsed) return fail(parsed.error);
  const split = resourcesAndPairs(parsed.positional, 'annotation');
  if ('error' in split) return fail(split.error);
  const changes = parseAnnotations(split.pairs);
  if ('error' in changes) return fail(changes.error);
  if (split.resources.length === 0) return fail(annotateErrors.noResources());
  if (changes.set.length === 0 && changes.remove.length === 0) return fail(annotateErrors.noUpdate());
  const plan = planSelection(split.resources, {
    namespace: parsed.flags.namespace ?? contextNamespace(env.engine),
    allNamespaces: parsed.flags['all-namespaces'] === true,
    selector: parsed.flags.selector,
    all: parsed.flags.all === true,
    requireSelection: true,
  });
  if ('error' in plan) return fail(plan.error);
  const blocked = readBlocked(env);
  if (blocked) return blocked;
  const overwrite = parsed.flags.overwrite === true;

  const lines: string[] = [];
  const errors: string[] = [];
  const visit = (object: AnyObject) => {
    const current = object.metadata.annotations;
    if (!overwrite) {
      const clashes = changes.set
        .filter(([key, value]) => key !== changeCause && Object.hasOwn(current, key) && current[key] !== value)
        .map(([key]) => `'${key}' already has a value (${current[key]})`);
      if (clashes.length > 0) {
        errors.push(annotateErrors.overwrite(clashes));
        return;
      }
    }
    const invalid = changes.set.map(([key]) => key).find((key) => qualifiedNameErrors(key).length > 0);
    if (invalid) {
      errors.push(annotateErrors.invalidKey(object, invalid));
      return;
    }
    // Built from entries so that every key, "__proto__" included, is an own property.
    const entries = new Map(Object.entries(current));
    for (const [key, value] of changes.set) entries.set(key, value);
    for (const key of changes.remove) entries.delete(key);
    const annotations: Record<string, string> = Object.fromEntries(entries);
    if (JSON.stringify(annotations) !== JSON.stringify(current)) {
      const updated = env.engine.api.update(object, 'metadata', (target) => {
        target.metadata.annotations = annotations;
      });
      if (!updated.ok) {
        errors.push(formatApiError(updated.error));
        return;
      }
    }
    lines.push(`${resourceByKind(object.kind).qualified}/${object.metadata.name} annotated`);
  };

  const { found, errors: missing } = visitPlan(env, plan);
  errors.push(...missing);
  for (const { object } of found) visit(object);
  return visited(lines, errors);
}
