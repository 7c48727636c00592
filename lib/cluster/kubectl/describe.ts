// kubectl describe: TYPE NAME..., TYPE/NAME..., -l, with the describers the kind registry names.
import { objectKey } from '../apiserver/store';
import { kubectlErrors } from '../api/errors';
import { describeObject } from '../api/kinds';
import type { AnyObject } from '../api/types';
import type { KubectlEnv } from './env';
import { namespaceFlags, parseArgs } from './flags';
import { labelSelector, listObjects, matchesAll, notFound, readBlocked, resourceTypeOrNameArgs } from './builder';
import type { ResourceType } from './resources';
import { fail, ok, type CommandResult } from './result';

export function kubectlDescribe(env: KubectlEnv, args: string[]): CommandResult {
  const parsed = parseArgs(args, [...namespaceFlags, { name: 'selector', short: 'l', type: 'string' }]);
  if ('error' in parsed) return fail(parsed.error);
  if (parsed.positional.length === 0) {
    return fail(
      'error: You must specify the type of resource to describe. Use "kubectl api-resources" for a complete list of supported resources.',
    );
  }
  const target = resourceTypeOrNameArgs(parsed.positional);
  if ('error' in target) return fail(target.error);
  const types = 'tuples' in target ? target.tuples.map((tuple) => tuple.type) : target.types;
  const unsupported = types.find((type) => !type.describe);
  if (unsupported) return fail(`error: describe ${unsupported.plural} is not supported here (try node, pod or deployment)`);
  const requirements = labelSelector(parsed.flags.selector);
  if ('error' in requirements) return fail(requirements.error);
  const blocked = readBlocked(env);
  if (blocked) return blocked;
  const namespace = parsed.flags.namespace ?? 'default';
  const allNamespaces = parsed.flags['all-namespaces'] === true;
  const engine = env.engine;
  const find = (type: ResourceType, name: string) =>
    type.kind === 'Event'
      ? undefined
      : (engine.store.get(type.kind, objectKey(type.namespaced ? namespace : '', name)) as AnyObject | undefined);
  const chosen: AnyObject[] = [];
  const errors: string[] = [];
  if ('tuples' in target) {
    for (const { type, name } of target.tuples) {
      const object = find(type, name);
      if (object) chosen.push(object);
      else errors.push(notFound(type, name));
    }
  } else if (target.names.length > 0) {
    for (const type of target.types) {
      for (const name of target.names) {
        const object = find(type, name);
        if (object) {
          chosen.push(object);
          continue;
        }
        // "kubectl describe pods web" also describes every pod whose name starts with "web".
        const prefixed =
          parsed.positional.length === 2 ? listObjects(env, type, namespace).filter((o) => o.metadata.name.startsWith(name)) : [];
        if (prefixed.length > 0) chosen.push(...prefixed);
        else errors.push(notFound(type, name));
      }
    }
  } else {
    for (const type of target.types) {
      chosen.push(
        ...listObjects(env, type, allNamespaces ? undefined : namespace).filter((object) =>
          matchesAll(requirements, object.metadata.labels),
        ),
      );
    }
    if (chosen.length === 0)
      return ok('', kubectlErrors.noResources(target.types.some((type) => type.namespaced) && !allNamespaces ? namespace : undefined));
  }
  const out = chosen.map((item) => describeObject(engine, item));
  const stdout = out.join('\n\n');
  return errors.length ? fail(errors.join('\n'), stdout) : ok(stdout);
}
