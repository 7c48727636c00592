// kubectl cordon and uncordon (and the node selection drain shares): "NODE...", "node/NODE..."
// or -l, every node visited, each outcome reported.
import { involved } from '../apiserver/apiserver';
import { cordonErrors, formatApiError, kubectlErrors } from '../api/errors';
import { groupVersionResource, notFound, planSelection, readBlocked, visitPlan } from './builder';
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
 * The nodes cordon, uncordon and drain act on (drain.go Complete): ResourceNames("nodes", args...)
 * with SingleResourceType, or a label selector over the node type. The visit stops at the first
 * missing node and at anything that is not a node, before anything changes.
 */
export function selectNodes(env: KubectlEnv, verb: string, names: string[], selector: string | undefined): string[] | CommandResult {
  if (names.length === 0 && selector === undefined) return fail(kubectlErrors.usage(`${verb} NODE [flags]`));
  if (names.length > 0 && selector) return fail(cordonErrors.nameAndSelector());
  const plan = planSelection(names, {
    defaultType: nodeType,
    selector,
    requireSelection: true,
    singleResourceType: true,
    continueOnError: false,
  });
  if ('error' in plan) return fail(plan.error);
  const blocked = readBlocked(env);
  if (blocked) return blocked;
  const out: string[] = [];
  for (const visit of visitPlan(env, plan).visits) {
    if ('error' in visit) return fail(visit.error);
    if (visit.type.kind !== 'Node') return fail(cordonErrors.notANode(groupVersionResource(visit.type)));
    out.push(visit.object.metadata.name);
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
        cordonErrors.unableTo(unschedulable ? 'cordon' : 'uncordon', name, result.stderr.replace(/^Error from server( \([^)]*\))?: /, '')),
      );
  }
  return errors.length > 0 ? fail(errors.join('\n'), stdout) : ok(stdout);
}
