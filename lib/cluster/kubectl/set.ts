// kubectl set (kubectl/pkg/cmd/set) for Deployments: image (CONTAINER=IMAGE pairs, "*" for every
// container), resources (--limits/--requests for the containers -c selects) and env (KEY=VALUE,
// KEY-) change the pod template, which starts a rollout. An unchanged template makes no patch and prints nothing, as
// upstream skips empty patches.
import { contextNamespace } from './kubeconfig';
import { formatApiError, kubectlErrors, rolloutErrors } from '../api/errors';
import type { PodTemplate } from '../api/types';
import { annotations } from '../controllers/deployment.util';
import { namedTuples, planSelection, readBlocked, visitPlan } from './builder';
import type { KubectlEnv } from './env';
import { type FlagSpec, parseArgs } from './flags';
import { helpFor } from './help/help';
import { fail, ok, type CommandResult } from './result';
import { envEdit, envFlags } from './set.env';
import { resourcesEdit, resourcesFlags } from './set.resources';

/** What an edit did to one template: changed it, left it as it was, or could not (an error line). */
export type TemplateEdit = 'changed' | 'unchanged' | { error: string };

const selectionFlags = [
  { name: 'namespace', short: 'n', type: 'string' },
  { name: 'record', type: 'bool' },
  { name: 'selector', short: 'l', type: 'string' },
  { name: 'all', type: 'bool' },
] as const satisfies readonly FlagSpec[];

interface SetCommand {
  sub: string;
  /** What kubectl prints after TYPE/NAME on success. */
  done: string;
  flags: readonly FlagSpec[];
  /** The edit for these arguments, or the usage error; `resources` are the positional arguments naming objects. */
  prepare(positional: string[], flags: Record<string, unknown>): SetPlan | { error: string };
}

interface SetPlan {
  resources: string[];
  edit: (template: PodTemplate, kind: string, name: string) => TemplateEdit;
  /** Prints instead of writing (set env --list): what each template holds once edited. */
  listing?: (template: PodTemplate, kind: string, name: string) => string;
  /** Lines for stderr that do not fail the command, filled in as templates are edited. */
  warnings?: string[];
}

const image: SetCommand = {
  sub: 'image',
  done: 'image updated',
  flags: [],
  prepare(positional) {
    const pairs = positional.filter((arg) => arg.includes('='));
    const resources = positional.filter((arg) => !arg.includes('='));
    if (resources.length === 0) return { error: rolloutErrors.required('set') };
    if (pairs.length === 0) return { error: rolloutErrors.setImageUsage() };
    const images = new Map<string, string>();
    for (const pair of pairs) {
      const [container, value] = pair.split(/=(.*)/s, 2);
      if (!container || !value) return { error: rolloutErrors.invalidImageUpdate(pair) };
      images.set(container, value);
    }
    return {
      resources,
      edit(template) {
        const missing = [...images.keys()].find((name) => name !== '*' && !template.spec.containers.some((c) => c.name === name));
        if (missing) return { error: rolloutErrors.noContainer(missing) };
        let changed = false;
        for (const container of template.spec.containers) {
          const wanted = images.get(container.name) ?? images.get('*');
          if (wanted !== undefined && wanted !== container.image) {
            container.image = wanted;
            changed = true;
          }
        }
        return changed ? 'changed' : 'unchanged';
      },
    };
  },
};

const resources: SetCommand = { sub: 'resources', done: 'resource requirements updated', flags: resourcesFlags, prepare: resourcesEdit };

const env: SetCommand = { sub: 'env', done: 'env updated', flags: envFlags, prepare: envEdit };

function runSet(env: KubectlEnv, command: SetCommand, args: string[]): CommandResult {
  const parsed = parseArgs(args, [...selectionFlags, ...command.flags]);
  if ('error' in parsed) return fail(parsed.error);
  const flags = parsed.flags as Record<string, unknown> & { namespace?: string; record?: boolean; selector?: string; all?: boolean };
  const prepared = command.prepare(parsed.positional, flags);
  if ('error' in prepared) return fail(prepared.error);
  const plan = planSelection(prepared.resources, {
    namespace: flags.namespace ?? contextNamespace(env.engine),
    selector: flags.selector,
    all: flags.all,
    requireSelection: true,
  });
  if ('error' in plan) return fail(plan.error);
  const other = namedTuples(plan.target).find((tuple) => tuple.type.kind !== 'Deployment');
  if (other) return fail(rolloutErrors.setUnsupported(command.sub, other.type.kind, other.name));
  const blocked = readBlocked(env);
  if (blocked) return blocked;
  const { visits, found } = visitPlan(env, plan);
  const listedOther = found.find(({ object }) => object.kind !== 'Deployment');
  if (listedOther) return fail(rolloutErrors.setUnsupported(command.sub, listedOther.object.kind, listedOther.object.metadata.name));
  const record = flags.record === true;
  const cause = `kubectl set ${command.sub} ${args.filter((arg) => !arg.startsWith('--record')).join(' ')} --record=true`;
  const lines: string[] = [];
  let listed = '';
  const errors: string[] = record ? [rolloutErrors.recordDeprecated()] : [];
  for (const visit of visits) {
    if ('error' in visit) {
      errors.push(visit.error);
      continue;
    }
    const deployment = visit.object;
    if (deployment.kind !== 'Deployment') continue;
    const template = structuredClone(deployment.spec.template);
    const edit = prepared.edit(template, 'Deployment', deployment.metadata.name);
    if (typeof edit === 'object') {
      errors.push(edit.error);
      continue;
    }
    if (prepared.listing) {
      listed += prepared.listing(template, 'Deployment', deployment.metadata.name);
      continue;
    }
    if (edit === 'unchanged') continue;
    const updated = env.engine.api.update(deployment, 'spec', (object) => {
      object.spec.template = template;
      if (record) object.metadata.annotations = { ...object.metadata.annotations, [annotations.changeCause]: cause };
    });
    if (updated.ok) lines.push(`deployment.apps/${deployment.metadata.name} ${command.done}`);
    else errors.push(formatApiError(updated.error));
    env.engine.afterChange();
  }
  errors.unshift(...(prepared.warnings ?? []));
  const stdout = listed + lines.map((line) => `${line}\n`).join('');
  const failed = errors.some((line) => line !== rolloutErrors.recordDeprecated() && !prepared.warnings?.includes(line));
  return { stdout, stderr: errors.length ? `${errors.join('\n')}\n` : '', exitCode: failed ? 1 : 0 };
}

const subcommands: Record<string, SetCommand> = { image, resources, env };

/** kubectl set's other subcommands, with why the model cannot run them. */
const unsimulated: Record<string, string> = {
  selector: 'change a Service’s selector with kubectl apply -f or kubectl patch',
  serviceaccount: 'the model has no ServiceAccounts',
  sa: 'the model has no ServiceAccounts',
  subject: 'the model has no RBAC bindings',
};

export function kubectlSet(env: KubectlEnv, args: string[]): CommandResult {
  const [sub, ...rest] = args;
  // Bare, or asked for help before any subcommand: the command's own help, as kubectl does.
  if (!sub || sub === '--help' || sub === '-h') return ok(helpFor('set') ?? '');
  if (Object.hasOwn(unsimulated, sub)) return fail(kubectlErrors.unsimulatedCommand(`set ${sub}`, unsimulated[sub]));
  if (!Object.hasOwn(subcommands, sub)) return fail(rolloutErrors.unknownSetSubcommand(sub));
  if (rest.includes('--help') || rest.includes('-h')) return ok(helpFor(`set ${sub}`) ?? '');
  return runSet(env, subcommands[sub], rest);
}
