// kubectl create's generators (kubectl/pkg/cmd/create: deployment, service
// clusterip|nodeport|loadbalancer, poddisruptionbudget, priorityclass), and
// what it says for the generators of kinds it lacks. Each builds the object kubectl would send;
// --dry-run=client prints it (expose.ts), otherwise it is validated as a manifest and created.
import { z } from 'zod';
import { formatApiError, kubectlErrors } from '../api/errors';
import { clusterIPNone } from '../api/services';
import type { Service } from '../api/types';
import { manifestObject } from './apply';
import { readBlocked } from './builder';
import type { KubectlEnv } from './env';
import { type FlagSpec, parseArgs } from './flags';
import { contextNamespace } from './kubeconfig';
import type { JsonObject } from './output/json';
import { resourceByKind } from './resources';
import { fail, ok, type CommandResult } from './result';
import { unsimulatedWarnings } from './unsimulated';

/** create's generators for kinds a real cluster has and the model does not, by the plural kubectl api-resources would print. */
export const unmodelledGenerators: Record<string, string> = {
  clusterrole: 'clusterroles',
  clusterrolebinding: 'clusterrolebindings',
  configmap: 'configmaps',
  cm: 'configmaps',
  cronjob: 'cronjobs',
  cj: 'cronjobs',
  ingress: 'ingresses',
  ing: 'ingresses',
  job: 'jobs',
  quota: 'resourcequotas',
  resourcequota: 'resourcequotas',
  role: 'roles',
  rolebinding: 'rolebindings',
  secret: 'secrets',
  serviceaccount: 'serviceaccounts',
  sa: 'serviceaccounts',
  token: 'serviceaccounts',
};

const generatorErrors = {
  /** cmdutil.DefaultSubCommandRun's RequireNoArguments: every argument, joined. */
  serviceType: (args: readonly string[]) =>
    `error: unknown command ${JSON.stringify(args.join(' '))}\nSee 'kubectl create service -h' for help and examples`,
  /** What `kubectl create service` alone prints (its help, on stderr, exit 1). */
  serviceHelp: () =>
    [
      'Create a service using a specified subcommand.',
      '',
      'Aliases:',
      'service, svc',
      '',
      'Available Commands:',
      '  clusterip       Create a ClusterIP service',
      '  externalname    Create an ExternalName service',
      '  loadbalancer    Create a LoadBalancer service',
      '  nodeport        Create a NodePort service',
      '',
      'Usage:',
      '  kubectl create service [flags] [options]',
      '',
      'Use "kubectl create service <command> --help" for more information about a given command.',
      'Use "kubectl options" for a list of global command-line options (applies to all commands).',
    ].join('\n'),
  externalNameRequired: () => 'error: required flag(s) "external-name" not set',
  tcpRequired: () => 'error: at least one tcp port specifier must be provided',
  atoi: (text: string) => `error: strconv.Atoi: parsing ${JSON.stringify(text)}: invalid syntax`,
  budgetBoth: () => 'error: min-available and max-unavailable cannot be both specified',
  budgetNeither: () => 'error: one of min-available or max-unavailable must be specified',
  selectorRequired: () => 'error: a selector must be specified',
  selector: (text: string) => `error: the simulator's PodDisruptionBudgets take key=value selectors only, not ${JSON.stringify(text)}`,
  valueRequired: () => 'error: required flag(s) "value" not set',
  imagesAndCommand: () => 'error: cannot specify multiple --image options and command',
};

/** Flags every generator takes besides its own: -n, and the dry run's (read by expose.ts's dryRun). */
export const generatorFlags = [
  { name: 'namespace', short: 'n', type: 'string' },
  { name: 'dry-run', type: 'string' },
  { name: 'output', short: 'o', type: 'string' },
] as const satisfies readonly FlagSpec[];

/** The object, what create's failure message calls it (run has none: the API's error shows), and -n's namespace if given. */
export interface Generated {
  object: JsonObject;
  failure?: string;
  namespace?: string;
}

type Built = Generated | { error: string };

const serviceTypes: Record<string, Service['spec']['type']> = {
  clusterip: 'ClusterIP',
  nodeport: 'NodePort',
  loadbalancer: 'LoadBalancer',
  externalname: 'ExternalName',
};

/** Each service subcommand's own flags: --clusterip on clusterip only, --node-port on nodeport only. */
const serviceFlags: Record<string, readonly FlagSpec[]> = {
  clusterip: [{ name: 'clusterip', type: 'string' }],
  nodeport: [{ name: 'node-port', type: 'int' }],
  loadbalancer: [],
  externalname: [{ name: 'external-name', type: 'string' }],
};

/**
 * create service clusterip|nodeport|loadbalancer NAME --tcp=PORT[:TARGET]: ports named PORT-TARGET,
 * selector app=NAME. --clusterip sets spec.clusterIP as sent: None makes a headless Service, which
 * needs no port; a chosen IP draws apply's warning (the model allocates one anyway). externalname
 * NAME --external-name makes a DNS alias (#121).
 */
function serviceObject(args: string[]): Built {
  const [type, ...rest] = args;
  if (type === undefined) return { error: generatorErrors.serviceHelp() };
  if (!Object.hasOwn(serviceFlags, type)) {
    // Cobra parses the flags first, and `create service` itself has none but -n and the dry run's.
    const flags = parseArgs(args, generatorFlags);
    return 'error' in flags ? flags : { error: generatorErrors.serviceType(flags.positional) };
  }
  const parsed = parseArgs(rest, [...generatorFlags, { name: 'tcp', type: 'strings' }, ...serviceFlags[type]]);
  if ('error' in parsed) return parsed;
  if (parsed.positional.length !== 1) return { error: kubectlErrors.exactlyOneName(parsed.positional.length) };
  if (type === 'externalname' && parsed.flags['external-name'] === undefined) return { error: generatorErrors.externalNameRequired() };
  const kind = serviceTypes[type];
  const [name] = parsed.positional;
  const clusterIP = parsed.flags.clusterip;
  const specs = (parsed.flags.tcp ?? []).flatMap((each) => each.split(','));
  // A headless (#119) or ExternalName (#121) Service may have no ports.
  if (specs.length === 0 && clusterIP !== clusterIPNone && kind !== 'ExternalName') return { error: generatorErrors.tcpRequired() };
  const ports: JsonObject[] = [];
  for (const spec of specs) {
    const [portText, targetText = portText] = spec.split(/:(.*)/s, 2);
    if (!/^-?\d+$/.test(portText)) return { error: generatorErrors.atoi(portText) };
    const targetPort = /^\d+$/.test(targetText) ? Number(targetText) : targetText;
    const nodePort = parsed.flags['node-port'];
    ports.push({ name: spec.replaceAll(':', '-'), port: Number(portText), protocol: 'TCP', targetPort, ...(nodePort ? { nodePort } : {}) });
  }
  return {
    object: {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { creationTimestamp: null, labels: { app: name }, name },
      spec: {
        ...(clusterIP ? { clusterIP } : {}),
        ...(parsed.flags['external-name'] !== undefined ? { externalName: parsed.flags['external-name'] } : {}),
        ...(ports.length > 0 ? { ports } : {}),
        selector: { app: name },
        type: kind,
      },
      status: { loadBalancer: {} },
    },
    failure: `${kind} service`,
    namespace: parsed.flags.namespace,
  };
}

/**
 * create deployment NAME --image=IMAGE... [--replicas=N] [--port=P] [-- COMMAND [ARGS...]]
 * (create_deployment.go): one container per image, named after it; the words after NAME are
 * every container's command; --port is the first container's containerPort. Labels app=NAME.
 */
function deploymentObject(args: string[]): Built {
  const parsed = parseArgs(args, [
    ...generatorFlags,
    { name: 'image', type: 'strings' },
    { name: 'replicas', short: 'r', type: 'int32' },
    { name: 'port', type: 'int32' },
    { name: 'save-config', type: 'bool' },
  ]);
  if ('error' in parsed) return parsed;
  // NameFromCommandArgs: exactly one argument before any `--`; every one after NAME is the command.
  const names = parsed.dashAt ?? parsed.positional.length;
  if (names !== 1) return { error: kubectlErrors.exactlyOneName(names) };
  const [name, ...command] = parsed.positional;
  if (!nameSchema.safeParse(name).success) return { error: kubectlErrors.invalidName('deployment', name) };
  const images = parsed.flags.image ?? [];
  if (images.length === 0) return { error: kubectlErrors.requiredFlag('image') };
  if (images.length > 1 && command.length > 0) return { error: generatorErrors.imagesAndCommand() };
  const port = parsed.flags.port ?? -1;
  const labels = { app: name };
  const containers = images.map((image, index) => ({
    ...(command.length > 0 ? { command } : {}),
    image,
    name: containerName(image),
    ...(index === 0 && port >= 0 ? { ports: [{ containerPort: port }] } : {}),
    resources: {},
  }));
  return {
    object: {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { creationTimestamp: null, labels, name },
      spec: {
        replicas: parsed.flags.replicas ?? 1,
        selector: { matchLabels: labels },
        strategy: {},
        template: { metadata: { creationTimestamp: null, labels }, spec: { containers } },
      },
      status: {},
    },
    failure: 'deployment',
    namespace: parsed.flags.namespace,
  };
}

const intOrPercent = (text: string) => (/^\d+$/.test(text) ? Number(text) : text);

/** create poddisruptionbudget NAME --selector=... --min-available=N|--max-unavailable=N. */
function budgetObject(args: string[]): Built {
  const parsed = parseArgs(args, [
    ...generatorFlags,
    { name: 'selector', type: 'string' },
    { name: 'min-available', type: 'string' },
    { name: 'max-unavailable', type: 'string' },
  ]);
  if ('error' in parsed) return parsed;
  if (parsed.positional.length !== 1) return { error: kubectlErrors.exactlyOneName(parsed.positional.length) };
  const { selector, 'min-available': min, 'max-unavailable': max } = parsed.flags;
  if (min && max) return { error: generatorErrors.budgetBoth() };
  if (!min && !max) return { error: generatorErrors.budgetNeither() };
  if (!selector) return { error: generatorErrors.selectorRequired() };
  const matchLabels: Record<string, string> = {};
  for (const term of selector.split(',')) {
    const match = /^([^=!\s]+)==?([^=!\s]*)$/.exec(term.trim());
    if (!match) return { error: generatorErrors.selector(term) };
    matchLabels[match[1]] = match[2];
  }
  return {
    object: {
      apiVersion: 'policy/v1',
      kind: 'PodDisruptionBudget',
      metadata: { creationTimestamp: null, name: parsed.positional[0] },
      spec: { ...(min ? { minAvailable: intOrPercent(min) } : { maxUnavailable: intOrPercent(max ?? '') }), selector: { matchLabels } },
      status: { currentHealthy: 0, desiredHealthy: 0, disruptionsAllowed: 0, expectedPods: 0 },
    },
    failure: 'poddisruptionbudgets',
    namespace: parsed.flags.namespace,
  };
}

/** create priorityclass NAME --value=N [--global-default] [--description=TEXT] [--preemption-policy=...]. */
function priorityClassObject(args: string[]): Built {
  const parsed = parseArgs(args, [
    ...generatorFlags,
    { name: 'value', type: 'int32' },
    { name: 'global-default', type: 'bool' },
    { name: 'description', type: 'string' },
    { name: 'preemption-policy', type: 'string' },
  ]);
  if ('error' in parsed) return parsed;
  if (parsed.positional.length !== 1) return { error: kubectlErrors.exactlyOneName(parsed.positional.length) };
  if (parsed.flags.value === undefined) return { error: generatorErrors.valueRequired() };
  return {
    object: {
      apiVersion: 'scheduling.k8s.io/v1',
      description: parsed.flags.description ?? '',
      globalDefault: parsed.flags['global-default'] === true,
      kind: 'PriorityClass',
      metadata: { creationTimestamp: null, name: parsed.positional[0] },
      preemptionPolicy: parsed.flags['preemption-policy'] ?? 'PreemptLowerPriority',
      value: parsed.flags.value,
    },
    failure: 'priorityclass',
  };
}

const generators: Record<string, (args: string[]) => Built> = {
  deployment: deploymentObject,
  deploy: deploymentObject,
  service: serviceObject,
  svc: serviceObject,
  poddisruptionbudget: budgetObject,
  pdb: budgetObject,
  priorityclass: priorityClassObject,
  pc: priorityClassObject,
};

/** The object `kubectl create SUB ...` would send, for --dry-run=client; undefined when SUB is not one of these generators. */
export function generatedObject(args: string[]): { object: JsonObject } | { error: string } | undefined {
  const [sub, ...rest] = args;
  return Object.hasOwn(generators, sub) ? generators[sub](rest) : undefined;
}

/** Names the generators accept for what they create (DNS-1123 labels). */
export const nameSchema = z
  .string()
  .regex(/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/)
  .max(63);

/** The container name kubectl derives from an image: its last path segment without tag or digest. */
export function containerName(image: string): string {
  return (
    image
      .split('/')
      .pop()!
      .split(/[:@]/)[0]
      .replace(/[^a-z0-9-]/g, '-') || 'app'
  );
}

/** A generator's object, validated as a manifest is and created: "KIND/NAME created", or the API's refusal. */
export function createBuilt(env: KubectlEnv, built: Generated): CommandResult {
  const blocked = readBlocked(env);
  if (blocked) return blocked;
  const namespace = built.namespace ?? contextNamespace(env.engine);
  const { status: _status, ...sent } = built.object;
  const { creationTimestamp: _unset, ...metadata } = sent.metadata as JsonObject;
  const manifest = manifestObject('STDIN', { ...sent, metadata }, namespace);
  if (typeof manifest === 'string') return fail(manifest);
  const warnings = unsimulatedWarnings(sent).map((line) => `${line}\n`);
  const created = env.engine.api.create(manifest.object);
  if (!created.ok) {
    const { reason } = created.error;
    if (built.failure && (reason === 'AlreadyExists' || reason === 'Invalid'))
      return fail(kubectlErrors.failedToCreate(built.failure, created.error.message));
    return fail(formatApiError(created.error));
  }
  return ok(`${resourceByKind(manifest.kind).qualified}/${created.value.metadata.name} created\n`, warnings.join(''));
}

/** kubectl create SUB ... for these generators; undefined when SUB is not one of them. */
export function createGenerated(env: KubectlEnv, args: string[]): CommandResult | undefined {
  const [sub, ...rest] = args;
  if (Object.hasOwn(unmodelledGenerators, sub)) return fail(kubectlErrors.unmodelledResource(unmodelledGenerators[sub]));
  if (!Object.hasOwn(generators, sub)) return undefined;
  const built = generators[sub](rest);
  return 'error' in built ? fail(built.error) : createBuilt(env, built);
}
