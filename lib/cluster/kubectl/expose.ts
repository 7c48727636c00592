// kubectl expose, and --dry-run=client for create, run and expose: the object kubectl would send,
// built on the client without the server's defaults (creationTimestamp: null, status: {}).
import { contextNamespace } from './kubeconfig';
import { manifestObject } from './apply';
import { planSelection, readBlocked, visitPlan } from './builder';
import { exposeErrors, formatApiError, kubectlErrors } from '../api/errors';
import type { KubectlEnv } from './env';
import { parseArgs, type FlagSpec } from './flags';
import { structuredFormat } from './output/printers';
import type { JsonObject } from './output/objects';
import { toYaml } from './output/yaml';
import { fail, ok, type CommandResult } from './result';
import { resourceByKind } from './resources';
import type { Kind } from '../api/types';
import { generatedObject, generatorFlags } from './create';
import { runObjects } from './run';
import { unsimulatedWarnings } from './unsimulated';

const exposeFlags = [
  { name: 'namespace', short: 'n', type: 'string' },
  { name: 'port', type: 'string' },
  { name: 'target-port', type: 'string' },
  { name: 'name', type: 'string' },
  { name: 'type', type: 'string' },
  { name: 'protocol', type: 'string' },
  { name: 'cluster-ip', type: 'string' },
  { name: 'dry-run', type: 'string' },
  { name: 'output', short: 'o', type: 'string' },
] as const satisfies readonly FlagSpec[];

/** The Service expose would create, or why it cannot. */
function serviceFor(env: KubectlEnv, args: string[]): { service: JsonObject; namespace: string } | { error: string } {
  const parsed = parseArgs(args, exposeFlags);
  if ('error' in parsed) return parsed;
  const [first] = parsed.positional;
  if (!first) return { error: exposeErrors.resourceRequired() };
  // One object per call here: TYPE NAME or TYPE/NAME (ResourceTypeOrNameArgs(false, ...)).
  const plan = planSelection(parsed.positional.slice(0, first.includes('/') ? 1 : 2), {
    namespace: parsed.flags.namespace ?? contextNamespace(env.engine),
    requireSelection: true,
  });
  if ('error' in plan) return plan;
  const namespace = plan.namespace;
  const [visit] = visitPlan(env, plan).visits;
  if ('error' in visit) return visit;
  const { object } = visit;
  const name = object.metadata.name;
  let selector: Record<string, string>;
  if (object.kind === 'Pod') selector = object.metadata.labels;
  else if (object.kind === 'Service') selector = object.spec.selector;
  else if ('spec' in object && 'selector' in object.spec && object.kind !== 'PodDisruptionBudget')
    selector = object.spec.selector as Record<string, string>;
  else return { error: exposeErrors.cannotExpose(object.kind) };
  let portText = parsed.flags.port;
  if (portText === undefined) {
    const ports =
      object.kind === 'Pod'
        ? object.spec.containers.flatMap((c) => c.ports)
        : 'template' in object.spec
          ? object.spec.template.spec.containers.flatMap((c) => c.ports)
          : [];
    if (ports.length === 0) return { error: exposeErrors.noPort() };
    portText = String(ports[0]);
  }
  const port = Number(portText);
  if (!Number.isInteger(port) || port < 1 || port > 65535) return { error: exposeErrors.invalidPort(portText) };
  const targetText = parsed.flags['target-port'] ?? portText;
  const targetPort = /^\d+$/.test(targetText) ? Number(targetText) : targetText;
  const serviceType = parsed.flags.type;
  if (serviceType !== undefined && !['ClusterIP', 'NodePort', 'LoadBalancer'].includes(serviceType))
    return { error: exposeErrors.unsupportedType(serviceType) };
  const service: JsonObject = {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: {
      creationTimestamp: null,
      ...(Object.keys(object.metadata.labels).length > 0 ? { labels: { ...object.metadata.labels } } : {}),
      name: parsed.flags.name ?? name,
    },
    spec: {
      // --cluster-ip None makes the Service headless (#119).
      ...(parsed.flags['cluster-ip'] ? { clusterIP: parsed.flags['cluster-ip'] } : {}),
      ports: [{ port, protocol: parsed.flags.protocol ?? 'TCP', targetPort }],
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
  const { creationTimestamp: _unset, ...metadata } = built.service.metadata as JsonObject;
  const { status: _status, ...rest } = built.service;
  // Validated as a manifest would be, then created: without --save-config (not simulated) expose
  // leaves no last-applied-configuration annotation.
  const service = manifestObject('STDIN', { ...rest, metadata }, built.namespace);
  if (typeof service === 'string') return fail(service);
  const created = env.engine.api.create(service.object);
  if (!created.ok) return fail(formatApiError(created.error));
  // A chosen ClusterIP is not simulated: say so, as apply and create do.
  const warnings = unsimulatedWarnings({ ...rest, metadata } as JsonObject);
  return { stdout: `service/${created.value.metadata.name} exposed\n`, stderr: warnings.map((line) => `${line}\n`).join(''), exitCode: 0 };
}

function clientObject(env: KubectlEnv, verb: string, args: string[]): JsonObject | { error: string } {
  if (verb === 'expose') {
    const built = serviceFor(env, args);
    return 'error' in built ? built : built.service;
  }
  if (verb === 'run') {
    const built = runObjects(args);
    return 'error' in built ? built : built.pod.object;
  }
  const generated = generatedObject(args);
  if (generated) return 'error' in generated ? generated : generated.object;
  const parsed = parseArgs(args, generatorFlags);
  if ('error' in parsed) return parsed;
  if (parsed.positional[0] === 'namespace' || parsed.positional[0] === 'ns') {
    const names = parsed.positional.slice(1);
    if (names.length !== 1) return { error: kubectlErrors.exactlyOneName(names.length) };
    return { apiVersion: 'v1', kind: 'Namespace', metadata: { creationTimestamp: null, name: names[0] }, spec: {}, status: {} };
  }
  return { error: exposeErrors.dryRunCommands() };
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
  if (mode === 'none') return fail(exposeErrors.dryRunNone());
  if (mode === 'server') return fail(exposeErrors.dryRunServer());
  if (mode !== 'client') return fail(exposeErrors.invalidDryRun(mode ?? ''));
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
    const resource = resourceByKind(kind as Kind).qualified;
    const name = String((object.metadata as JsonObject).name);
    return ok(format === 'name' ? `${resource}/${name}\n` : `${resource}/${name} ${verb === 'expose' ? 'exposed' : 'created'} (dry run)\n`);
  }
  const structured = structuredFormat(format);
  if (!structured) return fail(exposeErrors.dryRunOutput());
  if ('error' in structured) return fail(structured.error);
  if (structured.kind === 'yaml') return ok(toYaml(object));
  if (structured.kind === 'json') return ok(`${JSON.stringify(object, null, 4)}\n`);
  return fail(exposeErrors.dryRunOutput());
}
