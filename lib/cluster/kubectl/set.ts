// kubectl set image (kubectl/pkg/cmd/set/set_image.go) for Deployments: CONTAINER=IMAGE pairs
// ("*" for every container) change the pod template, which starts a rollout. An unchanged
// image makes no patch and prints nothing, as upstream skips empty patches.
import { contextNamespace } from './kubeconfig';
import { formatApiError, rolloutErrors } from '../api/errors';
import { annotations } from '../controllers/deployment.util';
import { namedTuples, planSelection, readBlocked, visitPlan } from './builder';
import type { KubectlEnv } from './env';
import { parseArgs } from './flags';
import { helpFor } from './help/help';
import { fail, ok, type CommandResult } from './result';

function setImage(env: KubectlEnv, args: string[]): CommandResult {
  const parsed = parseArgs(args, [
    { name: 'namespace', short: 'n', type: 'string' },
    { name: 'record', type: 'bool' },
    { name: 'selector', short: 'l', type: 'string' },
    { name: 'all', type: 'bool' },
  ]);
  if ('error' in parsed) return fail(parsed.error);
  const pairs = parsed.positional.filter((arg) => arg.includes('='));
  const resources = parsed.positional.filter((arg) => !arg.includes('='));
  if (resources.length === 0) return fail(rolloutErrors.required('set'));
  if (pairs.length === 0) return fail(rolloutErrors.setImageUsage());
  const images = new Map<string, string>();
  for (const pair of pairs) {
    const [container, image] = pair.split(/=(.*)/s, 2);
    if (!container || !image) return fail(rolloutErrors.invalidImageUpdate(pair));
    images.set(container, image);
  }
  const plan = planSelection(resources, {
    namespace: parsed.flags.namespace ?? contextNamespace(env.engine),
    selector: parsed.flags.selector,
    all: parsed.flags.all,
    requireSelection: true,
  });
  if ('error' in plan) return fail(plan.error);
  const other = namedTuples(plan.target).find((tuple) => tuple.type.kind !== 'Deployment');
  if (other) return fail(rolloutErrors.setImageUnsupported(other.type.kind, other.name));
  const blocked = readBlocked(env);
  if (blocked) return blocked;
  const { visits, found } = visitPlan(env, plan);
  const listedOther = found.find(({ object }) => object.kind !== 'Deployment');
  if (listedOther) return fail(rolloutErrors.setImageUnsupported(listedOther.object.kind, listedOther.object.metadata.name));
  const record = parsed.flags.record === true;
  const cause = `kubectl set image ${args.filter((arg) => !arg.startsWith('--record')).join(' ')} --record=true`;
  const lines: string[] = [];
  const errors: string[] = record ? [rolloutErrors.recordDeprecated()] : [];
  for (const visit of visits) {
    if ('error' in visit) {
      errors.push(visit.error);
      continue;
    }
    const deployment = visit.object;
    if (deployment.kind !== 'Deployment') continue;
    const template = structuredClone(deployment.spec.template);
    const missing = [...images.keys()].find((name) => name !== '*' && !template.spec.containers.some((c) => c.name === name));
    if (missing) {
      errors.push(rolloutErrors.noContainer(missing));
      continue;
    }
    let changed = false;
    for (const container of template.spec.containers) {
      const image = images.get(container.name) ?? images.get('*');
      if (image !== undefined && image !== container.image) {
        container.image = image;
        changed = true;
      }
    }
    if (!changed) continue;
    const updated = env.engine.api.update(deployment, 'spec', (object) => {
      object.spec.template = template;
      if (record) object.metadata.annotations = { ...object.metadata.annotations, [annotations.changeCause]: cause };
    });
    if (updated.ok) lines.push(`deployment.apps/${deployment.metadata.name} image updated`);
    else errors.push(formatApiError(updated.error));
    env.engine.afterChange();
  }
  const stdout = lines.map((line) => `${line}\n`).join('');
  const failed = errors.some((line) => line !== rolloutErrors.recordDeprecated());
  return { stdout, stderr: errors.length ? `${errors.join('\n')}\n` : '', exitCode: failed ? 1 : 0 };
}

export function kubectlSet(env: KubectlEnv, args: string[]): CommandResult {
  const [sub, ...rest] = args;
  // Bare, or asked for help before any subcommand: the command's own help, as kubectl does.
  if (!sub || sub === '--help' || sub === '-h') return ok(helpFor('set') ?? '');
  if (sub !== 'image') return fail(rolloutErrors.unknownSetSubcommand(sub));
  if (rest.includes('--help') || rest.includes('-h')) return ok(helpFor('set image') ?? '');
  return setImage(env, rest);
}
