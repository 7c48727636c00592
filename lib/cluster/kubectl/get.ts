// kubectl get.
import { contextNamespace } from './kubeconfig';
import { kubectlErrors } from '../api/errors';
import type { AnyObject, KubeEvent } from '../api/types';
import { namedTuples, planSelection, readBlocked, targetTypes, visitPlanFrom, type Found } from './builder';
import type { KubectlEnv } from './env';
import { parseArgs } from './flags';
import { getFlags, getSource, nameOf, tableOf, tableOptions } from './getprint';
import { printStructured, sortObjects, structuredFormat } from './output/printers';
import type { ResourceType } from './resources';
import { fail, ok, type CommandResult } from './result';
import { formatTable } from './table';
import { watchGet } from './getwatch';

/** The found objects in runs of one type: get prints a table for each run, as the printer changes with the type. */
function runsOfType<T>(found: readonly Found<T>[]): { type: ResourceType; objects: T[] }[] {
  const runs: { type: ResourceType; objects: T[] }[] = [];
  for (const { type, object } of found) {
    const last = runs.at(-1);
    if (last?.type === type) last.objects.push(object);
    else runs.push({ type, objects: [object] });
  }
  return runs;
}

/** --template fills -o go-template, template or jsonpath given without one; alone, it means go-template (PrintFlags). */
function outputWithTemplate(output: string | undefined, template: string | undefined): string {
  if (template === undefined) return output ?? '';
  const format = output ?? 'go-template';
  return ['go-template', 'template', 'jsonpath'].includes(format) ? `${format}=${template}` : format;
}

export function kubectlGet(env: KubectlEnv, args: string[]): CommandResult {
  const parsed = parseArgs(args, getFlags);
  if ('error' in parsed) return fail(parsed.error);
  const output = outputWithTemplate(parsed.flags.output, parsed.flags.template);
  const structured = structuredFormat(output);
  if (structured && 'error' in structured) return fail(structured.error);
  const sortBy = parsed.flags['sort-by'];
  const noHeaders = parsed.flags['no-headers'] === true;
  if (parsed.positional.length === 0) return fail(kubectlErrors.requiredResource());
  const allNamespaces = parsed.flags['all-namespaces'] === true;
  const plan = planSelection(parsed.positional, {
    namespace: parsed.flags.namespace ?? contextNamespace(env.engine),
    allNamespaces,
    selector: parsed.flags.selector,
    fieldSelector: parsed.flags['field-selector'],
    requireSelection: false,
  });
  if ('error' in plan) return fail(plan.error);
  const blocked = readBlocked(env);
  if (blocked) return blocked;
  if (parsed.flags.watch || parsed.flags['watch-only']) return watchGet(env, plan, parsed.flags, structured);
  const { found, errors } = visitPlanFrom(plan, getSource(env));
  const named = namedTuples(plan.target);
  const requested = targetTypes(plan.target);
  // A listed type with nothing in it prints nothing; a named one printed what was found of it.
  const runs =
    named.length > 0
      ? runsOfType(found)
      : requested.map((type) => ({ type, objects: found.filter((f) => f.type === type).map((f) => f.object) }));
  const now = env.engine.clock.now();
  const tables: string[] = [];
  const collected: (AnyObject | KubeEvent)[] = [];
  const multiple = requested.length > 1;
  for (const run of runs) {
    const { type } = run;
    let objects = run.objects;
    if (sortBy !== undefined) {
      const sorted = sortObjects(objects, sortBy, env.engine);
      if ('error' in sorted) return fail(sorted.error);
      objects = sorted;
    }
    if (structured) collected.push(...objects);
    if (objects.length === 0 || structured) continue;
    if (output === 'name') {
      tables.push(objects.map((object) => `${type.qualified}/${nameOf(object)}\n`).join(''));
      continue;
    }
    const table = tableOf(type, tableOptions(parsed.flags, allNamespaces, multiple));
    tables.push(
      formatTable(
        table.header,
        objects.map((object) => table.row(object, now)),
        noHeaders,
      ),
    );
  }
  if (structured) {
    // One object asked for by name prints as itself, anything else as a List (singleItemImplied).
    const single = named.length === 1;
    if (collected.length === 0 && errors.length > 0) return fail(errors.join('\n'));
    const printed = printStructured(structured, collected, env.engine, single, noHeaders);
    if ('error' in printed) return fail(printed.error);
    return errors.length > 0 ? fail(errors.join('\n'), printed.stdout) : ok(printed.stdout);
  }
  // Tables are separated by a blank line (when they have headers); -o name prints one name per line and nothing else.
  const stdout = tables.join(output === 'name' || noHeaders ? '' : '\n');
  if (errors.length > 0) return fail(errors.join('\n'), stdout);
  if (!stdout) {
    const namespaced = requested.some((type) => type.namespaced);
    return ok('', kubectlErrors.noResources(namespaced && !allNamespaces ? plan.namespace : undefined));
  }
  return ok(stdout);
}
