// The kubeconfig the terminal's kubectl reads (kubeadm's admin.conf, copied to ~/.kube/config)
// and kubectl config, which reads and edits it (kubectl/pkg/cmd/config). It is client-side: the
// cluster never sees it, but its current context decides the namespace every command defaults to
// and whether kubectl finds a server at all.
import { kubeconfigErrors, kubectlErrors } from '../api/errors';
import type { Engine } from '../engine/engine';
import type { KubeconfigContext, KubeconfigState } from '../engine/state';
import { nodeIp } from '../kubelet/runtime';
import type { KubectlEnv } from './env';
import { parseArgs } from './flags';
import type { Json, JsonObject } from './output/json';
import { jsonpath, JsonPathError } from './output/jsonpath';
import { outputErrors } from './output/printers';
import { toYaml } from './output/yaml';
import { fail, ok, type CommandResult } from './result';
import { formatTable } from './table';

/** What kubeadm writes: one cluster, its admin user and the context pairing them. */
const admin = { cluster: 'kubernetes', user: 'kubernetes-admin', context: 'kubernetes-admin@kubernetes' };
const file = '/root/.kube/config';

/** Absent until kubectl config first changes it, so snapshots (and their hashes) of untouched clusters stay as they were. */
function current(engine: Engine): KubeconfigState {
  return engine.state.kubeconfig ?? { current: admin.context, contexts: { [admin.context]: { cluster: admin.cluster, user: admin.user } } };
}

function edit(engine: Engine, change: (config: KubeconfigState) => void): void {
  const config = structuredClone(current(engine));
  change(config);
  engine.state.kubeconfig = config;
}

function currentContext(engine: Engine): KubeconfigContext | undefined {
  const config = current(engine);
  return Object.hasOwn(config.contexts, config.current) ? config.contexts[config.current] : undefined;
}

/** The namespace commands use without -n: the current context's, else "default" (clientcmd's DefaultNamespace). */
export function contextNamespace(engine: Engine): string {
  return currentContext(engine)?.namespace || 'default';
}

/** Without a context naming the cluster, kubectl has no server and tries localhost:8080. */
export function serverMissing(engine: Engine): string | undefined {
  return currentContext(engine)?.cluster === admin.cluster ? undefined : kubeconfigErrors.noServer();
}

/** The kubeconfig as kubectl config view prints it (secrets replaced), or only the current context's part with --minify. */
function viewed(config: KubeconfigState, minify: boolean): JsonObject {
  const names = Object.keys(config.contexts)
    .filter((name) => !minify || name === config.current)
    .sort();
  const contexts = names.map((name) => {
    const { cluster, user, namespace } = config.contexts[name];
    const context: JsonObject = { cluster };
    if (namespace) context.namespace = namespace;
    context.user = user;
    return { context, name };
  });
  const used = (field: 'cluster' | 'user') => !minify || names.some((name) => config.contexts[name][field] === admin[field]);
  return {
    apiVersion: 'v1',
    clusters: used('cluster')
      ? [{ cluster: { 'certificate-authority-data': 'DATA+OMITTED', server: `https://${nodeIp(0)}:6443` }, name: admin.cluster }]
      : null,
    contexts: contexts.length > 0 ? contexts : null,
    'current-context': config.current,
    kind: 'Config',
    preferences: {},
    users: used('user')
      ? [{ name: admin.user, user: { 'client-certificate-data': 'DATA+OMITTED', 'client-key-data': 'DATA+OMITTED' } }]
      : null,
  };
}

function view(engine: Engine, args: string[]): CommandResult {
  const parsed = parseArgs(args, [
    { name: 'minify', type: 'bool' },
    { name: 'raw', type: 'bool' },
    { name: 'flatten', type: 'bool' },
    { name: 'output', short: 'o', type: 'string' },
  ]);
  if ('error' in parsed) return fail(parsed.error);
  if (parsed.positional.length > 0) return fail(kubectlErrors.unexpectedArgs(parsed.positional));
  const config = current(engine);
  if (parsed.flags.minify && !Object.hasOwn(config.contexts, config.current)) return fail(kubeconfigErrors.minifyNeedsContext());
  const data = viewed(config, parsed.flags.minify === true);
  const output = parsed.flags.output ?? 'yaml';
  if (output === 'yaml') return ok(toYaml(data as Json));
  if (output === 'json') return ok(`${JSON.stringify(data, null, 4)}\n`);
  if (output.startsWith('jsonpath=')) {
    const template = output.slice('jsonpath='.length);
    try {
      return ok(jsonpath(template, data as Json));
    } catch (error) {
      if (error instanceof JsonPathError) return fail(outputErrors.jsonpathParse(template, error.message));
      throw error;
    }
  }
  return fail(outputErrors.noPrinter(output));
}

function getContexts(engine: Engine, args: string[]): CommandResult {
  const parsed = parseArgs(args, [
    { name: 'output', short: 'o', type: 'string' },
    { name: 'no-headers', type: 'bool' },
  ]);
  if ('error' in parsed) return fail(parsed.error);
  const config = current(engine);
  const missing = parsed.positional.find((name) => !Object.hasOwn(config.contexts, name));
  if (missing !== undefined) return fail(kubectlErrors.contextNotFound(missing));
  const names = parsed.positional.length > 0 ? parsed.positional : Object.keys(config.contexts).sort();
  if (parsed.flags.output === 'name') return ok(names.map((name) => `${name}\n`).join(''));
  if (parsed.flags.output !== undefined && parsed.flags.output !== '') return fail(outputErrors.noPrinter(parsed.flags.output));
  const rows = names.map((name) => {
    const { cluster, user, namespace } = config.contexts[name];
    return [name === config.current ? '*' : '', name, cluster, user, namespace ?? ''];
  });
  const table = formatTable(['CURRENT', 'NAME', 'CLUSTER', 'AUTHINFO', 'NAMESPACE'], rows);
  return ok(parsed.flags['no-headers'] ? table.split('\n').slice(1).join('\n') : table);
}

/** set-context [NAME | --current] [--cluster] [--user] [--namespace]: a given flag (even empty) replaces the field. */
function setContext(engine: Engine, args: string[]): CommandResult {
  const parsed = parseArgs(args, [
    { name: 'current', type: 'bool' },
    { name: 'cluster', type: 'string' },
    { name: 'user', type: 'string' },
    { name: 'namespace', short: 'n', type: 'string' },
  ]);
  if ('error' in parsed) return fail(parsed.error);
  if (parsed.positional.length > 1) return fail(kubectlErrors.unexpectedArgs(parsed.positional));
  const [named] = parsed.positional;
  if (!named && !parsed.flags.current) return fail(kubeconfigErrors.contextNameOrCurrent());
  if (named && parsed.flags.current) return fail(kubeconfigErrors.contextNameAndCurrent());
  const name = named ?? current(engine).current;
  if (!name) return fail(kubeconfigErrors.currentContextNotSet());
  const exists = Object.hasOwn(current(engine).contexts, name);
  edit(engine, (config) => {
    const context: KubeconfigContext = exists ? config.contexts[name] : { cluster: '', user: '' };
    if (parsed.flags.cluster !== undefined) context.cluster = parsed.flags.cluster;
    if (parsed.flags.user !== undefined) context.user = parsed.flags.user;
    if (parsed.flags.namespace !== undefined) context.namespace = parsed.flags.namespace || undefined;
    if (context.namespace === undefined) delete context.namespace;
    config.contexts[name] = context;
  });
  return ok(`Context "${name}" ${exists ? 'modified' : 'created'}.\n`);
}

function switchContext(engine: Engine, args: string[]): CommandResult {
  if (args.length !== 1) return fail(kubectlErrors.unexpectedArgs(args));
  const [name] = args;
  if (!Object.hasOwn(current(engine).contexts, name)) return fail(kubectlErrors.noContext(name));
  edit(engine, (config) => {
    config.current = name;
  });
  return ok(`Switched to context "${name}".\n`);
}

function deleteContext(engine: Engine, args: string[]): CommandResult {
  if (args.length !== 1) return fail(kubectlErrors.unexpectedArgs(args));
  const [name] = args;
  const config = current(engine);
  if (!Object.hasOwn(config.contexts, name)) return fail(kubeconfigErrors.cannotDelete(name, file));
  const wasCurrent = config.current === name;
  edit(engine, (changed) => {
    delete changed.contexts[name];
  });
  return {
    stdout: `deleted context ${name} from ${file}\n`,
    stderr: wasCurrent ? 'warning: this removed your active context, use "kubectl config use-context" to select a different one\n' : '',
    exitCode: 0,
  };
}

function renameContext(engine: Engine, args: string[]): CommandResult {
  if (args.length !== 2) return fail(kubectlErrors.unexpectedArgs(args));
  const [from, to] = args;
  const config = current(engine);
  if (!Object.hasOwn(config.contexts, from)) return fail(kubeconfigErrors.renameMissing(from, file));
  if (Object.hasOwn(config.contexts, to)) return fail(kubeconfigErrors.renameTaken(from, to, file));
  edit(engine, (changed) => {
    changed.contexts[to] = changed.contexts[from];
    delete changed.contexts[from];
    if (changed.current === from) changed.current = to;
  });
  return ok(`Context "${from}" renamed to "${to}".\n`);
}

export function kubectlConfig(env: KubectlEnv, args: string[]): CommandResult {
  const { engine } = env;
  const [sub, ...rest] = args;
  switch (sub) {
    case 'current-context': {
      const name = current(engine).current;
      return name ? ok(`${name}\n`) : fail(kubeconfigErrors.currentContextNotSet());
    }
    case 'get-contexts':
      return getContexts(engine, rest);
    case 'get-clusters':
      return ok(`NAME\n${admin.cluster}\n`);
    case 'get-users':
      return ok(`NAME\n${admin.user}\n`);
    case 'set-context':
      return setContext(engine, rest);
    case 'use-context':
    case 'use':
      return switchContext(engine, rest);
    case 'delete-context':
      return deleteContext(engine, rest);
    case 'rename-context':
      return renameContext(engine, rest);
    case 'view':
      return view(engine, rest);
    default:
      return fail(sub ? kubectlErrors.unknownConfigSubcommand(sub) : kubeconfigErrors.subcommands());
  }
}
