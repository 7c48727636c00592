// kubectl run NAME --image=IMAGE: the Pod kubectl's BasicPod generator builds (run=NAME labels,
// or -l's instead; the words after NAME as args, or the command with --command; --port as its
// containerPort, --env's variables), created as create's generators create theirs; with --expose, a ClusterIP
// Service in front of it too.
import { kubectlErrors } from '../api/errors';
import { isEnvVarName } from '../api/envvars';
import { createBuilt, type Generated, generatorFlags, nameSchema } from './create';
import type { KubectlEnv } from './env';
import { parseArgs } from './flags';
import { fail, type CommandResult } from './result';

const runFlags = [
  ...generatorFlags,
  { name: 'image', type: 'string' },
  { name: 'restart', type: 'string' },
  { name: 'labels', short: 'l', type: 'string' },
  { name: 'port', type: 'string' },
  { name: 'expose', type: 'bool' },
  { name: 'image-pull-policy', type: 'string' },
  { name: 'env', type: 'strings' },
  { name: 'command', type: 'bool' },
  { name: 'stdin', short: 'i', type: 'bool' },
  { name: 'tty', short: 't', type: 'bool' },
  { name: 'rm', type: 'bool' },
  { name: 'attach', type: 'bool' },
] as const;

const runErrors = {
  exposeWithoutPort: () => "error: --port must be set when exposing a service\nSee 'kubectl run -h' for help and examples",
  pullPolicy: (value: string) => `error: invalid image pull policy: ${value}`,
  atoi: (text: string) => `error: strconv.Atoi: parsing ${JSON.stringify(text)}: invalid syntax`,
  env: (text: string) => `error: invalid env: ${text}`,
};

/** The Pod `kubectl run` sends, and with --expose the Service; or why it sends nothing. */
export function runObjects(args: string[]): { pod: Generated; service?: Generated } | { error: string } {
  const parsed = parseArgs(args, runFlags);
  if ('error' in parsed) return parsed;
  const { stdin, tty, rm, attach } = parsed.flags;
  if (stdin || tty || rm || attach) return { error: kubectlErrors.interactiveRun() };
  const [name, ...words] = parsed.positional;
  if (!name) return { error: kubectlErrors.runNeedsName() };
  if (!nameSchema.safeParse(name).success) return { error: kubectlErrors.invalidName('pod', name) };
  const image = parsed.flags.image;
  if (!image) return { error: kubectlErrors.requiredFlag('image') };
  const restart = parsed.flags.restart ?? 'Always';
  if (!['Always', 'OnFailure', 'Never'].includes(restart)) return { error: kubectlErrors.invalidRestartPolicy(restart) };
  const pullPolicy = parsed.flags['image-pull-policy'];
  if (pullPolicy && !['Always', 'IfNotPresent', 'Never'].includes(pullPolicy)) return { error: runErrors.pullPolicy(pullPolicy) };
  // getLabels: -l replaces the default run=NAME. From entries, so "__proto__" is an own key too.
  const pairs = new Map<string, string>();
  for (const pair of (parsed.flags.labels ?? '').split(',').filter(Boolean)) {
    const [key, value, extra] = pair.split('=');
    if (!key || value === undefined || extra !== undefined) return { error: kubectlErrors.invalidLabelSpec(pair) };
    pairs.set(key, value);
  }
  const labels: Record<string, string> = pairs.size > 0 ? Object.fromEntries(pairs) : { run: name };
  const portText = parsed.flags.port ?? '';
  if (portText !== '' && !/^[-+]?\d+$/.test(portText)) return { error: runErrors.atoi(portText) };
  const port = portText === '' ? -1 : Number(portText);
  if (parsed.flags.expose && port < 0) return { error: runErrors.exposeWithoutPort() };
  // parseEnvs: NAME=VALUE, the name an IsEnvVarName (#120).
  const env: { name: string; value: string }[] = [];
  for (const text of parsed.flags.env ?? []) {
    const [envName, value] = text.split(/=(.*)/s, 2);
    if (value === undefined || !isEnvVarName(envName)) return { error: runErrors.env(text) };
    env.push({ name: envName, value });
  }
  const namespace = parsed.flags.namespace;
  const pod: Generated = {
    object: {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { creationTimestamp: null, labels, name },
      spec: {
        containers: [
          {
            ...(words.length === 0 ? {} : parsed.flags.command ? { command: words } : { args: words }),
            ...(env.length > 0 ? { env } : {}),
            image,
            ...(pullPolicy ? { imagePullPolicy: pullPolicy } : {}),
            name,
            ...(port > 0 ? { ports: [{ containerPort: port }] } : {}),
            resources: {},
          },
        ],
        dnsPolicy: 'ClusterFirst',
        restartPolicy: restart,
      },
      status: {},
    },
    namespace,
  };
  if (!parsed.flags.expose) return { pod };
  const service: Generated = {
    object: {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { creationTimestamp: null, labels, name },
      spec: { ports: [{ port, protocol: 'TCP', targetPort: port }], selector: labels },
      status: { loadBalancer: {} },
    },
    namespace,
  };
  return { pod, service };
}

export function kubectlRun(env: KubectlEnv, args: string[]): CommandResult {
  const built = runObjects(args);
  if ('error' in built) return fail(built.error);
  const pod = createBuilt(env, built.pod);
  if (pod.exitCode !== 0 || !built.service) return pod;
  // run prints the Service it exposed before the Pod (generateService prints as it creates).
  const service = createBuilt(env, built.service);
  return { stdout: service.stdout + pod.stdout, stderr: pod.stderr + service.stderr, exitCode: service.exitCode };
}
