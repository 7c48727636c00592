// kubectl cordon and uncordon (and the node selection drain shares): "NODE...", "node/NODE..."
// or -l, every node visited, each outcome reported.
import { involved } from '../apiserver/apiserver';
import { objectKey } from '../apiserver/store';
import { formatApiError } from '../api/errors';
import type { Kind } from '../api/types';
import { groupVersionResource, labelSelector, listObjects, matchesAll, notFound, readBlocked, resourceNamesArgs } from './builder';
import type { KubectlEnv } from './env';
import { parseArgs } from './flags';
import { resourceByKind } from './resources';
import { fail, ok, type CommandResult } from './result';
export const nodeType = resourceByKind('Node');

export function setUnschedulable(env: KubectlEnv, name: string, unschedulable: boolean): CommandResult {
  const node = env.engine.store.get('Node', name);
  if (!node) return fail(notFound(nodeType, name));
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

/**
 * The nodes cordon, uncordon and drain act on: ResourceNames("nodes", args...) or a label
 * selector. Any missing node stops the command before anything changes.
 */
export function selectNodes(env: KubectlEnv, verb: string, names: string[], selector: string | undefined): string[] | CommandResult {
  if (names.length === 0 && selector === undefined) return fail(`error: USAGE: ${verb} NODE [flags]`);
  if (names.length > 0 && selector) return fail('error: cannot specify both a node name and a --selector option');
  const requirements = labelSelector(selector);
  if ('error' in requirements) return fail(requirements.error);
  const tuples = resourceNamesArgs(nodeType, names);
  if ('error' in tuples) return fail(tuples.error);
  const blocked = readBlocked(env);
  if (blocked) return blocked;
  if (names.length === 0) {
    return listObjects(env, nodeType, undefined)
      .filter((node) => matchesAll(requirements, node.metadata.labels))
      .map((node) => node.metadata.name);
  }
  const out: string[] = [];
  for (const { type, name } of tuples) {
    const namespace = type.namespaced ? 'default' : '';
    const object = type.kind === 'Event' ? undefined : env.engine.store.get(type.kind as Kind, objectKey(namespace, name));
    if (!object) return fail(notFound(type, name));
    if (type.kind !== 'Node') return fail(`error: expected resource of type node, got "${groupVersionResource(type)}"`);
    out.push(name);
  }
  return out;
}

export function kubectlCordon(env: KubectlEnv, args: string[], unschedulable: boolean): CommandResult {
  const parsed = parseArgs(args, [{ name: 'selector', short: 'l', type: 'string' }]);
  if ('error' in parsed) return fail(parsed.error);
  const nodes = selectNodes(env, unschedulable ? 'cordon' : 'uncordon', parsed.positional, parsed.flags.selector);
  if (!Array.isArray(nodes)) return nodes;
  let stdout = '';
  const errors: string[] = [];
  for (const name of nodes) {
    const result = setUnschedulable(env, name, unschedulable);
    stdout += result.stdout;
    // cordon reports a failed patch per node and goes on ("error: unable to cordon node ...").
    if (result.exitCode !== 0)
      errors.push(
        `error: unable to ${unschedulable ? 'cordon' : 'uncordon'} node "${name}": ${result.stderr.replace(/^Error from server( \([^)]*\))?: /, '')}`,
      );
  }
  return errors.length > 0 ? fail(errors.join('\n'), stdout) : ok(stdout);
}
