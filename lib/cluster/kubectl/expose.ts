// kubectl expose, and --dry-run=client for create, run and expose: the object kubectl would send,
// built on the client without the server's defaults (creationTimestamp: null, status: {}).
import type { AnyObject } from '../api/types';
import { resolveResource } from './resources';
import { kubectlApply } from './apply';
import { readBlocked } from './builder';
import type { KubectlEnv } from './env';
import { parseArgs, type FlagSpec } from './flags';
import { structuredFormat } from './output/printers';
import type { JsonObject } from './output/objects';
import { toYaml } from './output/yaml';
import { fail, ok, type CommandResult } from './result';
import { containerFor } from './workloads';

const exposeFlags: readonly FlagSpec[] = [
  { name: 'namespace', short: 'n', type: 'string' },
  { name: 'port', type: 'string' },
  { name: 'target-port', type: 'string' },
  { name: 'name', type: 'string' },
  { name: 'type', type: 'string' },
  { name: 'protocol', type: 'string' },
  { name: 'dry-run', type: 'string' },
  { name: 'output', short: 'o', type: 'string' },
  { name: 'command', type: 'bool' },
];

/** The Service expose would create, or why it cannot. */
function serviceFor(env: KubectlEnv, args: string[]): { service: JsonObject; namespace: string } | { error: string } {
  const parsed = parseArgs(args, exposeFlags);
  if ('error' in parsed) return parsed;
  const [first, second] = parsed.positional;
  if (!first) return { error: 'error: You must provide the resource to expose: kubectl expose TYPE NAME --port=PORT' };
  const [typeName, name] = first.includes('/') ? first.split('/', 2) : [first, second];
  const type = resolveResource(typeName);
  if (!type) return { error: `error: the server doesn't have a resource type "${typeName}"` };
  if (!name) return { error: 'error: you must specify the name of the resource to expose' };
  const namespace = (parsed.flags.namespace as string | undefined) ?? 'default';
  const object = type.kind === 'Event' ? undefined : (env.engine.store.get(type.kind, `${namespace}/${name}`) as AnyObject | undefined);
  if (!object)
    return {
      error: `Error from server (NotFound): ${type.plural}${type.qualified.includes('.') ? `.${type.qualified.split('.').slice(1).join('.')}` : ''} "${name}" not found`,
    };
  let selector: Record<string, string>;
  if (object.kind === 'Pod') selector = object.metadata.labels;
  else if (object.kind === 'Service') selector = object.spec.selector;
  else if ('spec' in object && 'selector' in object.spec && object.kind !== 'PodDisruptionBudget')
    selector = object.spec.selector as Record<string, string>;
  else return { error: `error: cannot expose a ${object.kind}` };
  let portText = parsed.flags.port as string | undefined;
  if (portText === undefined) {
    const ports =
      object.kind === 'Pod'
        ? object.spec.containers.flatMap((c) => c.ports)
        : 'template' in object.spec
          ? object.spec.template.spec.containers.flatMap((c) => c.ports)
          : [];
    if (ports.length === 0)
      return { error: "error: couldn't find port via --port flag or introspection\nSee 'kubectl expose -h' for help and examples" };
    portText = String(ports[0]);
  }
  const port = Number(portText);
  if (!Number.isInteger(port) || port < 1 || port > 65535) return { error: `error: invalid port "${portText}"` };
  const targetText = (parsed.flags['target-port'] as string | undefined) ?? portText;
  const targetPort = /^\d+$/.test(targetText) ? Number(targetText) : targetText;
  const serviceType = parsed.flags.type as string | undefined;
  if (serviceType !== undefined && !['ClusterIP', 'NodePort', 'LoadBalancer'].includes(serviceType))
    return { error: `error: the Service type "${serviceType}" is not supported here: ClusterIP, NodePort or LoadBalancer` };
  const service: JsonObject = {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: {
      creationTimestamp: null,
      ...(Object.keys(object.metadata.labels).length > 0 ? { labels: { ...object.metadata.labels } } : {}),
      name: (parsed.flags.name as string | undefined) ?? name,
    },
    spec: {
      ports: [{ port, protocol: (parsed.flags.protocol as string | undefined) ?? 'TCP', targetPort }],
      selector: { ...selector },
      ...(serviceType ? { type: serviceType } : {}),
    },
    status: { loadBalancer: {} },
  };
  return { service, namespace };
}

export function kubectlExpose(env: KubectlEnv, args: string[]): CommandResult {
  const blocked = readBlocked(env);
  if (blocked) return blocked;
  const built = serviceFor(env, args);
  if ('error' in built) return fail(built.error);
  const path = '/.kubectl-expose/service.yaml';
  const { creationTimestamp: _unset, ...metadata } = built.service.metadata as JsonObject;
  const { status: _status, ...rest } = built.service;
  const manifest: JsonObject = { ...rest, metadata };
  const applyEnv: KubectlEnv = {
    get engine() {
      return env.engine;
    },
    readFile: (file) => (file === path ? toYaml(manifest) : env.readFile(file)),
  };
  const result = kubectlApply(applyEnv, ['-f', path, '-n', built.namespace]);
  if (result.exitCode !== 0) return result;
  if (/ unchanged| configured/.test(result.stdout))
    return fail(`Error from server (AlreadyExists): services "${(metadata as JsonObject).name}" already exists`);
  return { ...result, stdout: result.stdout.replace(/ created\n$/, ' exposed\n') };
}

const runFlags: readonly FlagSpec[] = [
  { name: 'namespace', short: 'n', type: 'string' },
  { name: 'image', type: 'strings' },
  { name: 'restart', type: 'string' },
  { name: 'labels', short: 'l', type: 'string' },
  { name: 'port', type: 'string' },
  { name: 'replicas', short: 'r', type: 'string' },
  { name: 'dry-run', type: 'string' },
  { name: 'output', short: 'o', type: 'string' },
];

function clientObject(env: KubectlEnv, verb: string, args: string[]): JsonObject | { error: string } {
  if (verb === 'expose') {
    const built = serviceFor(env, args);
    return 'error' in built ? built : built.service;
  }
  const parsed = parseArgs(args, runFlags);
  if ('error' in parsed) return parsed;
  const images = (parsed.flags.image as string[] | undefined) ?? [];
  if (images.length === 0) return { error: 'error: required flag(s) "image" not set' };
  const port = parsed.flags.port as string | undefined;
  const ports: JsonObject = port ? { ports: [{ containerPort: Number(port) }] } : {};
  if (verb === 'run') {
    const [name, ...words] = parsed.positional;
    if (!name) return { error: 'error: NAME is required for run' };
    const process: JsonObject = words.length === 0 ? {} : parsed.flags.command ? { command: words } : { args: words };
    const labels: Record<string, string> = { run: name };
    for (const pair of ((parsed.flags.labels as string | undefined) ?? '').split(',').filter(Boolean)) {
      const [key, value] = pair.split('=');
      if (!key || value === undefined) return { error: `error: invalid label spec: ${pair}` };
      labels[key] = value;
    }
    return {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { creationTimestamp: null, labels, name },
      spec: {
        containers: [{ ...process, image: images[0], name, ...ports, resources: {} }],
        dnsPolicy: 'ClusterFirst',
        restartPolicy: (parsed.flags.restart as string | undefined) ?? 'Always',
      },
      status: {},
    };
  }
  const [what, name] = parsed.positional;
  if (what !== 'deployment' && what !== 'deploy')
    return { error: `error: --dry-run is supported here for create deployment, run and expose` };
  if (!name) return { error: 'error: exactly one NAME is required, got 0' };
  const replicas = Number((parsed.flags.replicas as string | undefined) ?? '1');
  const labels = { app: name };
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { creationTimestamp: null, labels, name },
    spec: {
      replicas,
      selector: { matchLabels: labels },
      strategy: {},
      template: {
        metadata: { creationTimestamp: null, labels },
        spec: { containers: images.map((image) => ({ image, name: containerFor(image).name, ...ports, resources: {} })) },
      },
    },
    status: {},
  };
}

/** Whether these arguments ask for a client-side dry run; undefined when they do not. */
export function dryRunMode(args: string[]): string | undefined {
  const index = args.findIndex((arg) => arg === '--dry-run' || arg.startsWith('--dry-run='));
  if (index === -1) return undefined;
  const arg = args[index];
  return arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : 'client';
}

export function dryRun(env: KubectlEnv, verb: string, args: string[]): CommandResult {
  const mode = dryRunMode(args);
  if (mode === 'none') return fail('error: --dry-run=none is the default: drop the flag');
  if (mode === 'server') return fail('error: --dry-run=server is not available in this simulator: use --dry-run=client');
  if (mode !== 'client') return fail(`error: Invalid dry-run value (${mode}). Must be "none", "server", or "client".`);
  const built = clientObject(env, verb, args);
  if (typeof built.error === 'string') return fail(built.error);
  const object = built as JsonObject;
  let format: string | undefined;
  for (const [i, arg] of args.entries()) {
    if ((arg === '-o' || arg === '--output') && i + 1 < args.length) format = args[i + 1];
    else if (/^(-o=?|--output=)./.test(arg)) format = arg.replace(/^(-o=?|--output=)/, '');
  }
  if (format === undefined || format === 'name') {
    const kind = String(object.kind);
    const resource = kind === 'Deployment' ? 'deployment.apps' : kind.toLowerCase();
    const name = String((object.metadata as JsonObject).name);
    return ok(format === 'name' ? `${resource}/${name}\n` : `${resource}/${name} ${verb === 'expose' ? 'exposed' : 'created'} (dry run)\n`);
  }
  const structured = structuredFormat(format);
  if (!structured) return fail(`error: --dry-run=client prints with -o yaml, -o json or -o name`);
  if ('error' in structured) return fail(structured.error);
  if (structured.kind === 'yaml') return ok(toYaml(object));
  if (structured.kind === 'json') return ok(`${JSON.stringify(object, null, 4)}\n`);
  return fail('error: --dry-run=client prints with -o yaml, -o json or -o name');
}
