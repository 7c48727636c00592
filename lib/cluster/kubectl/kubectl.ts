// kubectl's command table: one entry per verb, and the checks every call shares.
import { kubectlErrors } from '../api/errors';
import { nodeIp } from '../kubelet/runtime';
import { kubectlApply } from './apply';
import { readBlocked } from './builder';
import { kubectlDescribe } from './describe';
import { kubectlDrain } from './drain';
import type { KubectlEnv } from './env';
import { kubectlGet } from './get';
import { kubectlCordon } from './cordon';
import { kubectlLabel } from './label';
import { kubectlTaint } from './taint';
import { fail, ok, type CommandResult } from './result';
import { kubectlCreate, kubectlDelete, kubectlRun, kubectlScale } from './workloads';

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

type Command = (env: KubectlEnv, args: string[]) => CommandResult;

// A Map, so a verb named like an Object.prototype member ("toString") is simply unknown.
const commands = new Map<string, Command>(
  Object.entries({
    get: kubectlGet,
    describe: kubectlDescribe,
    run: kubectlRun,
    create: kubectlCreate,
    scale: kubectlScale,
    delete: kubectlDelete,
    cordon: (env, args) => kubectlCordon(env, args, true),
    uncordon: (env, args) => kubectlCordon(env, args, false),
    drain: kubectlDrain,
    taint: kubectlTaint,
    label: kubectlLabel,
    apply: kubectlApply,
    'cluster-info': (env, args) =>
      args.length > 0 ? fail('error: cluster-info takes no arguments here') : (readBlocked(env) ?? clusterInfo(env)),
  } satisfies Record<string, Command>),
);

export function kubectl(env: KubectlEnv, args: string[]): CommandResult {
  const [verb, ...rest] = args;
  if (!verb)
    return fail(
      'kubectl controls the Kubernetes cluster manager.\n\nUsage:\n  kubectl [flags] [options]\n\nUse "kubectl <command> --help" for more information about a given command.',
    );
  const command = commands.get(verb);
  if (!command) return fail(kubectlErrors.unknownCommand(verb));
  if (env.engine.apiAvailability() === 'unreachable') return fail(kubectlErrors.unreachable(nodeIp(0)));
  return command(env, rest);
}
