// kubectl's command table: one entry per verb, and the checks every call shares.
import { kubectlErrors } from '../api/errors';
import { nodeIp } from '../kubelet/runtime';
import { kubectlApply } from './apply';
import { readBlocked } from './builder';
import { kubectlDescribe } from './describe';
import { getRaw, kubectlApiResources, kubectlApiVersions, kubectlVersion } from './discovery';
import { kubectlConfig, serverMissing } from './kubeconfig';
import { kubectlExplain } from './explain';
import { dryRun, dryRunMode, kubectlExpose } from './expose';
import { didYouMean, helpFor, rootHelp, suggestionsFor } from './help/help';
import { kubectlLogs } from './logs';
import { kubectlDrain } from './drain';
import type { KubectlEnv } from './env';
import { kubectlGet } from './get';
import { kubectlCordon } from './cordon';
import { kubectlLabel } from './label';
import { kubectlAnnotate } from './annotate';
import { kubectlTaint } from './taint';
import { fail, ok, type CommandResult } from './result';
import { kubectlRollout } from './rollout';
import { kubectlSet } from './set';
import { kubectlRun } from './run';
import { kubectlCreate, kubectlDelete, kubectlScale } from './workloads';
import { kubectlWait } from './waitfor';
import { kubectlPatch } from './patch';
import { kubectlReplace } from './replace';
import { kubectlDiff } from './diff';
import { kubectlExec } from './exec';
import { clusterInfoDump } from './clusterdump';
import { kubectlEvents } from './events';
import { kubectlAuth } from './auth';

const apiServerUrl = `https://${nodeIp(0)}:6443`;

function clusterInfo(env: KubectlEnv): CommandResult {
  const lines = [`Kubernetes control plane is running at ${apiServerUrl}`];
  for (const service of env.engine.store.list('Service')) {
    if (service.metadata.labels['kubernetes.io/cluster-service'] !== 'true') continue;
    const name = service.metadata.labels['kubernetes.io/name'] ?? service.metadata.name;
    const port = service.spec.ports[0]?.name ? `:${service.spec.ports[0].name}` : '';
    lines.push(
      `${name} is running at ${apiServerUrl}/api/v1/namespaces/${service.metadata.namespace}/services/${service.metadata.name}${port}/proxy`,
    );
  }
  lines.push('', "To further debug and diagnose cluster problems, use 'kubectl cluster-info dump'.");
  return ok(lines.join('\n') + '\n');
}

const commands: Record<string, (env: KubectlEnv, args: string[]) => CommandResult> = {
  get: kubectlGet,
  describe: kubectlDescribe,
  run: kubectlRun,
  create: kubectlCreate,
  scale: kubectlScale,
  rollout: kubectlRollout,
  set: kubectlSet,
  delete: kubectlDelete,
  cordon: (env, args) => kubectlCordon(env, args, true),
  uncordon: (env, args) => kubectlCordon(env, args, false),
  drain: kubectlDrain,
  taint: kubectlTaint,
  label: kubectlLabel,
  annotate: kubectlAnnotate,
  apply: kubectlApply,
  expose: kubectlExpose,
  logs: kubectlLogs,
  events: kubectlEvents,
  auth: kubectlAuth,
  wait: kubectlWait,
  patch: kubectlPatch,
  replace: kubectlReplace,
  diff: kubectlDiff,
  exec: kubectlExec,
  explain: kubectlExplain,
  'api-resources': kubectlApiResources,
  'api-versions': kubectlApiVersions,
  version: kubectlVersion,
  config: kubectlConfig,
  'cluster-info': (env, args) => {
    if (args[0] === 'dump') return clusterInfoDump(env, args.slice(1));
    return args.length > 0 ? fail(kubectlErrors.clusterInfoArgs()) : (readBlocked(env) ?? clusterInfo(env));
  },
};

/**
 * Real kubectl commands the simulator does not run, with what a learner can do instead: an
 * "unknown command" would wrongly say kubectl has no such command.
 */
const unsimulated: Record<string, string> = {
  attach: 'containers here run no processes to attach to; read their output with kubectl logs',
  cp: 'containers here have no file systems to copy from',
  debug: 'there are no processes to debug; look at a node with sim ssh NODE',
  'port-forward': 'there is no network outside the simulation; send requests from inside it with sim curl SERVICE',
  proxy: 'there is no network outside the simulation; send requests from inside it with sim curl SERVICE',
  autoscale: 'the model has no HorizontalPodAutoscaler (and no metrics to scale on); scale by hand with kubectl scale',
  edit: 'this terminal has no editor; change objects with kubectl apply -f, set, scale, label or annotate',
  kustomize: 'apply plain manifests with kubectl apply -f',
  certificate: 'the model has no CertificateSigningRequests',
  plugin: 'there are no plugins here',
  completion: 'this terminal completes commands with Tab by itself',
};

/** The kubectl commands this runner accepts (besides help); each has a help entry. */
export const kubectlCommandNames: readonly string[] = Object.keys(commands);

/** Commands that read only the kubeconfig or the help text, so they work with the API server down. */
const offline = new Set(['config', 'help', 'version']);

/** How many arguments the -n/--namespace flag at `i` takes up: 2 with a separate value, 1 inline (-ndev, --namespace=dev), 0 if it is not one. */
function namespaceFlagWidth(args: readonly string[], i: number): 0 | 1 | 2 {
  const arg = args[i];
  if (arg === '-n' || arg === '--namespace') return 2;
  return /^(-n.|--namespace=)/.test(arg ?? '') ? 1 : 0;
}

/**
 * cobra reads kubectl's persistent flags anywhere, so `kubectl -n dev get pods` means `kubectl get
 * pods -n dev`: a leading --namespace moves behind the command (before a `--`, which ends flags).
 */
function namespaceAfterCommand(args: string[]): string[] {
  const leading: string[] = [];
  let i = 0;
  for (let width = namespaceFlagWidth(args, 0); width > 0 && i + width <= args.length; width = namespaceFlagWidth(args, i)) {
    leading.push(...args.slice(i, i + width));
    i += width;
  }
  if (leading.length === 0) return args;
  const [verb, ...rest] = args.slice(i);
  if (verb === undefined) return [];
  const end = rest.indexOf('--');
  return end === -1 ? [verb, ...rest, ...leading] : [verb, ...rest.slice(0, end), ...leading, ...rest.slice(end)];
}

/** Commands with no namespaced objects: kubectl's global -n/--namespace is accepted there and changes nothing. */
const namespaceless = new Set([
  'cordon',
  'uncordon',
  'drain',
  'taint',
  'explain',
  'api-resources',
  'api-versions',
  'version',
  'cluster-info',
]);

/** The arguments without -n/--namespace and their values (before a `--`, which ends flags), or pflag's error for a -n with no value. */
function withoutNamespace(args: string[]): string[] | { error: string } {
  const kept: string[] = [];
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '--') return [...kept, ...args.slice(i)];
    const width = namespaceFlagWidth(args, i);
    if (width === 0) kept.push(args[i]);
    else if (i + width > args.length) return { error: leadingFlagError(args[i]) };
    else i += width - 1;
  }
  return kept;
}

/** What pflag says about a flag before the command that is not one kubectl takes there. */
function leadingFlagError(flag: string): string {
  if (flag === '-n') return kubectlErrors.shorthandNeedsArgument('n');
  if (flag === '--namespace') return kubectlErrors.flagNeedsArgument('--namespace');
  if (flag.startsWith('--')) return kubectlErrors.unknownFlag(flag.split('=')[0]);
  return kubectlErrors.unknownShorthand(flag[1], flag);
}

export function kubectl(env: KubectlEnv, given: string[]): CommandResult {
  const args = namespaceAfterCommand(given);
  const [verb, ...rest] = args;
  if (!verb || verb === 'help' || verb === '--help' || verb === '-h') {
    const topic = verb === 'help' ? rest[0] : undefined;
    if (!topic) return ok(rootHelp());
    const text = helpFor(topic);
    return text ? ok(text) : fail(kubectlErrors.unknownHelpTopic(topic));
  }
  if (verb.startsWith('-')) return fail(leadingFlagError(verb));
  if (verb === 'top') return fail(kubectlErrors.metricsUnavailable());
  if (Object.hasOwn(unsimulated, verb)) return fail(kubectlErrors.unsimulatedCommand(verb, unsimulated[verb]));
  const command = Object.hasOwn(commands, verb) ? commands[verb] : undefined;
  if (!command) return fail(kubectlErrors.unknownCommand(verb) + didYouMean(suggestionsFor(verb, Object.keys(commands))));
  // rollout and set answer --help per subcommand.
  if ((rest.includes('--help') || rest.includes('-h')) && verb !== 'rollout' && verb !== 'set') return ok(helpFor(verb) ?? rootHelp());
  if (!offline.has(verb)) {
    const missing = serverMissing(env.engine);
    if (missing) return fail(missing);
    if (env.engine.apiAvailability() === 'unreachable') return fail(kubectlErrors.unreachable(nodeIp(0)));
  }
  if (namespaceless.has(verb)) {
    const kept = withoutNamespace(rest);
    if ('error' in kept) return fail(kept.error);
    return command(env, kept);
  }
  if (['create', 'run', 'expose'].includes(verb) && dryRunMode(rest) !== undefined) return dryRun(env, verb, rest);
  const raw = verb === 'get' ? rest.findIndex((arg) => arg === '--raw' || arg.startsWith('--raw=')) : -1;
  if (raw !== -1) return getRaw(env, rest[raw].startsWith('--raw=') ? rest[raw].slice(6) : (rest[raw + 1] ?? ''));
  return command(env, rest);
}
