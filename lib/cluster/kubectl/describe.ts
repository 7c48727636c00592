// kubectl describe: TYPE NAME..., TYPE/NAME..., -l, with the describers the kind registry names.
import { contextNamespace } from './kubeconfig';
import { kubectlErrors } from '../api/errors';
import { allKinds, describeObject } from '../api/kinds';
import type { KubectlEnv } from './env';
import { namespaceFlags, parseArgs } from './flags';
import { listObjects, planSelection, readBlocked, visitPlan } from './builder';
import { fail, ok, type CommandResult } from './result';

export function kubectlDescribe(env: KubectlEnv, args: string[]): CommandResult {
  const parsed = parseArgs(args, [...namespaceFlags, { name: 'selector', short: 'l', type: 'string' }]);
  if ('error' in parsed) return fail(parsed.error);
  if (parsed.positional.length === 0) {
    return fail(kubectlErrors.describeRequiresType());
  }
  const plan = planSelection(parsed.positional, {
    namespace: parsed.flags.namespace ?? contextNamespace(env.engine),
    allNamespaces: parsed.flags['all-namespaces'] === true,
    selector: parsed.flags.selector,
    requireSelection: false,
  });
  if ('error' in plan) return fail(plan.error);
  const { target } = plan;
  const types = 'tuples' in target ? target.tuples.map((tuple) => tuple.type) : target.types;
  const unsupported = types.find((type) => !type.describe);
  if (unsupported)
    return fail(
      kubectlErrors.describeUnsupported(
        unsupported.plural,
        allKinds.filter((kind) => kind.describe).map((kind) => kind.plural),
      ),
    );
  const blocked = readBlocked(env);
  if (blocked) return blocked;
  const engine = env.engine;
  const { found, errors: missing } = visitPlan(env, plan);
  const chosen = found.map(({ object }) => object);
  const errors: string[] = [];
  // "kubectl describe pods web" also describes every pod whose name starts with "web".
  const single = 'types' in target && target.types.length === 1 && target.names.length === 1 ? target : undefined;
  if (single && chosen.length === 0) {
    const [prefix] = single.names;
    const prefixed = listObjects(env, single.types[0], plan.namespace).filter((object) => object.metadata.name.startsWith(prefix));
    if (prefixed.length > 0) chosen.push(...prefixed);
    else errors.push(...missing);
  } else errors.push(...missing);
  if ('types' in target && target.names.length === 0 && chosen.length === 0) {
    const namespaced = target.types.some((type) => type.namespaced) && plan.scope !== undefined;
    return ok('', kubectlErrors.noResources(namespaced ? plan.namespace : undefined));
  }
  const out = chosen.map((item) => describeObject(engine, item));
  const stdout = out.join('\n\n');
  return errors.length ? fail(errors.join('\n'), stdout) : ok(stdout);
}
