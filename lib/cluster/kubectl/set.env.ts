// kubectl set env (kubectl/pkg/cmd/set/set_env.go, env/env_parse.go) for Deployments (#120):
// KEY=VALUE sets, KEY- removes, in the containers -c selects; the resources come first
// (SplitEnvironmentFromResources). A changed template starts a rollout. --list prints the
// variables as they would be, and changes nothing. There are no ConfigMaps or Secrets to take
// variables --from.
import { kubectlErrors } from '../api/errors';
import { isEnvVarName } from '../api/envvars';
import type { EnvVar, PodTemplate } from '../api/types';
import type { FlagSpec } from './flags';
import type { TemplateEdit } from './set';
import { selects } from './set.resources';

export const envFlags = [
  { name: 'containers', short: 'c', type: 'string' },
  { name: 'env', short: 'e', type: 'strings' },
  { name: 'list', type: 'bool' },
  { name: 'overwrite', type: 'bool' },
  { name: 'resolve', type: 'bool' },
  { name: 'from', type: 'string' },
  { name: 'keys', type: 'strings' },
  { name: 'prefix', type: 'string' },
] as const satisfies readonly FlagSpec[];

export const setEnvErrors = {
  order: (args: string[]) => `error: all resources must be specified before environment changes: ${args.join(' ')}`,
  keyName: (name: string) =>
    `error: ${JSON.stringify(name)} is not a valid key name: a valid environment variable name must consist of alphabetic characters, digits, '_', '-', or '.', and must not start with a digit`,
  unknown: (spec: string) => `error: unknown environment variable: ${spec}`,
  both: () => 'error: can not both modify and remove the same environment variable in the same command',
  overwrite: (name: string, value: string) => `'${name}' already has a value (${value}), and --overwrite is false`,
  noMatch: (kind: string, name: string, selector: string) =>
    `warning: ${kind}/${name} does not have any containers matching ${JSON.stringify(selector)}`,
  from: () =>
    kubectlErrors.unsimulatedCommand('set env --from', 'there are no ConfigMaps or Secrets here; set values with KEY=VALUE instead'),
};

/** envutil.IsEnvironmentArgument, or a removal (KEY-). */
const isEnvArgument = (arg: string) => /^.+=/s.test(arg) || arg.endsWith('-');

/** The variables to set and the names to remove, or why the arguments are not valid. */
function parseEnv(specs: string[]): { set: EnvVar[]; remove: string[] } | { error: string } {
  const set: EnvVar[] = [];
  const remove: string[] = [];
  for (const spec of specs) {
    if (spec.includes('=')) {
      const [name, value] = spec.split(/=(.*)/s, 2);
      if (!isEnvVarName(name)) return { error: setEnvErrors.keyName(name) };
      set.push({ name, value });
    } else if (spec.endsWith('-')) remove.push(spec.slice(0, -1));
    else return { error: setEnvErrors.unknown(spec) };
  }
  if (remove.some((name) => set.some((variable) => variable.name === name))) return { error: setEnvErrors.both() };
  return { set, remove };
}

/** updateEnv: existing variables keep their place (replaced or removed), new ones go at the end. */
function updateEnv(existing: readonly EnvVar[], set: readonly EnvVar[], remove: readonly string[]): EnvVar[] {
  const covered = new Set(remove);
  const out: EnvVar[] = [];
  for (const variable of existing) {
    if (covered.has(variable.name)) continue;
    const newer = set.find((each) => each.name === variable.name);
    if (newer) covered.add(variable.name);
    out.push(newer ?? variable);
  }
  for (const variable of set) {
    if (covered.has(variable.name)) continue;
    covered.add(variable.name);
    out.push(variable);
  }
  return out;
}

const sameEnv = (a: readonly EnvVar[], b: readonly EnvVar[]) =>
  a.length === b.length &&
  a.every((variable, i) => variable.name === b[i].name && variable.value === b[i].value && variable.fieldPath === b[i].fieldPath);

export interface EnvPlan {
  resources: string[];
  edit: (template: PodTemplate, kind: string, name: string) => TemplateEdit;
  /** With --list: what each object's selected containers would hold, instead of a write. */
  listing?: (template: PodTemplate, kind: string, name: string) => string;
  /** Lines for stderr that do not fail the command (no container matched). */
  warnings: string[];
}

export function envEdit(positional: string[], flags: Record<string, unknown>): EnvPlan | { error: string } {
  if (flags.from !== undefined || flags.keys !== undefined || flags.prefix !== undefined) return { error: setEnvErrors.from() };
  const resources: string[] = [];
  const envArgs: string[] = [];
  for (const arg of positional) {
    if (isEnvArgument(arg)) envArgs.push(arg);
    else if (envArgs.length > 0) return { error: setEnvErrors.order(positional) };
    else resources.push(arg);
  }
  const parsed = parseEnv([...((flags.env as string[] | undefined) ?? []), ...envArgs]);
  if ('error' in parsed) return parsed;
  const selector = (flags.containers as string | undefined) ?? '*';
  const overwrite = flags.overwrite !== false;
  const warnings: string[] = [];
  const edit = (template: PodTemplate, kind: string, name: string): TemplateEdit => {
    const chosen = template.spec.containers.filter((container) => selects(selector, container.name));
    if (chosen.length === 0) warnings.push(setEnvErrors.noMatch(kind, name, selector));
    let changed = false;
    for (const container of chosen) {
      const existing = container.env ?? [];
      if (!overwrite) {
        const clash = parsed.set.find((variable) => {
          const current = existing.find((each) => each.name === variable.name);
          return current !== undefined && current.value !== variable.value;
        });
        if (clash)
          return {
            error: `error: deployments/${name} ${setEnvErrors.overwrite(clash.name, existing.find((e) => e.name === clash.name)?.value ?? '')}`,
          };
      }
      const next = updateEnv(existing, parsed.set, parsed.remove);
      if (sameEnv(existing, next)) continue;
      if (next.length > 0) container.env = next;
      else delete container.env;
      changed = true;
    }
    return changed ? 'changed' : 'unchanged';
  };
  const listing =
    flags.list === true
      ? (template: PodTemplate, kind: string, name: string) =>
          template.spec.containers
            .filter((container) => selects(selector, container.name))
            .map((container) =>
              [
                `# ${kind} ${name}, container ${container.name}`,
                ...(container.env ?? []).map((variable) =>
                  variable.fieldPath !== undefined
                    ? `# ${variable.name} from field path ${variable.fieldPath}`
                    : `${variable.name}=${variable.value ?? ''}`,
                ),
              ].join('\n'),
            )
            .map((block) => `${block}\n`)
            .join('')
      : undefined;
  return { resources, edit, listing, warnings };
}
