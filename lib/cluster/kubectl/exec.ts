// kubectl exec POD [-c CONTAINER] -- COMMAND [ARGS...] (kubectl/pkg/cmd/exec): the API server
// asks the pod's kubelet to run the command in the running container. Containers here run no real
// processes, so the simulator runs what it can answer from the model: the container's own cgroup
// files (cgroup namespace: its scope is /sys/fs/cgroup), its hostname, echo, date and `sh -c` lines
// of those, with pipes into grep and friends. Anything else is refused with a clear message.
import { logsErrors } from '../api/errors';
import { podHostname } from '../controllers/podutil';
import { containerEnvironment } from '../kubelet/envvars';
import { nslookup, resolvConf } from '../proxy/dns';
import { nodeAddress } from '../kubelet/runtime';
import { dateText } from '../node/commandlog';
import { containerCgroup, nodeMachine } from '../node/shell/machine';
import { nodeFile } from '../node/shell/systemTools';
import { runLine, shellQuote, type Program } from '../shell/shell';
import { readBlocked } from './builder';
import type { KubectlEnv } from './env';
import { parseArgs } from './flags';
import { contextNamespace } from './kubeconfig';
import { podFor } from './logs';
import { isPartitioned } from '../node/network';
import { fail, ok, type CommandResult } from './result';

const execErrors = {
  deprecatedForm: () =>
    'kubectl exec [POD] [COMMAND] is DEPRECATED and will be removed in a future version. Use kubectl exec [POD] -- [COMMAND] instead.\n',
  podRequired: () => 'error: pod, type/name or --filename must be specified',
  noCommand: () => 'error: you must specify at least one command for the container',
  completed: (phase: string) => `error: cannot exec into a container in a completed pod; current phase is ${phase}`,
  noContainer: (name: string, pod: string) => `error: container ${name} not found in pod ${pod}`,
  notRunning: (name: string) => `error: unable to upgrade connection: container not found ("${name}")`,
  terminated: (code: number) => `command terminated with exit code ${code}\n`,
  // Worded as every unsimulated command is (kubectlErrors.unsimulatedCommand), so a quiz does not grade it.
  interactive: (pod: string) =>
    `error: kubectl exec is not available in this simulator for an interactive shell: there is no terminal into containers; run one command at a time, such as kubectl exec ${pod} -- cat /sys/fs/cgroup/memory.max`,
  unmodelled: (program: string) =>
    `error: kubectl exec is not available in this simulator for ${JSON.stringify(program)}: it answers cat of /sys/fs/cgroup, /etc/hostname, /etc/resolv.conf and /proc/1/cgroup, hostname, echo, date, whoami, pwd, env, printenv, nslookup and sh -c lines of those; to send requests, use sim curl SERVICE`,
};

export function kubectlExec(env: KubectlEnv, args: string[]): CommandResult {
  const parsed = parseArgs(args, [
    { name: 'namespace', short: 'n', type: 'string' },
    { name: 'container', short: 'c', type: 'string' },
    { name: 'stdin', short: 'i', type: 'bool' },
    { name: 'tty', short: 't', type: 'bool' },
    { name: 'quiet', short: 'q', type: 'bool' },
  ]);
  if ('error' in parsed) return fail(parsed.error);
  const [target] = parsed.positional;
  // The words after `--` are the command; without `--`, those after POD, with kubectl's deprecation notice.
  const command = parsed.positional.slice(Math.max(1, parsed.dashAt ?? 1));
  const deprecated = parsed.dashAt === undefined && command.length > 0 && parsed.flags.quiet !== true ? execErrors.deprecatedForm() : '';
  if (!target) return fail(execErrors.podRequired());
  if (command.length === 0) return fail(execErrors.noCommand());
  const blocked = readBlocked(env);
  if (blocked) return blocked;
  const pod = podFor(env, target, parsed.flags.namespace ?? contextNamespace(env.engine));
  if (typeof pod === 'string') return fail(pod);
  if (pod.status.phase === 'Succeeded' || pod.status.phase === 'Failed') return fail(execErrors.completed(pod.status.phase));
  const containers = pod.spec.containers.map((container) => container.name);
  const name = parsed.flags.container ?? containers[0];
  if (!containers.includes(name)) return fail(execErrors.noContainer(name, pod.metadata.name));
  const notice = parsed.flags.container === undefined && containers.length > 1 ? logsErrors.defaultedContainer(name, containers) : '';
  const node = pod.spec.nodeName;
  if (!node) return fail(execErrors.notRunning(name));
  // The API server dials the kubelet on its port 10250, as for logs.
  const hostIP = nodeAddress(env.engine.state, node);
  const path = `https://${hostIP}:10250/exec/${pod.metadata.namespace}/${pod.metadata.name}/${name}`;
  const machineState = env.engine.actorState(`node/${node}`);
  if (machineState === 'poweredOff' || machineState === 'booting')
    return fail(logsErrors.kubeletUnreachable(path, 'connect: no route to host'));
  if (isPartitioned(env.engine, node)) return fail(logsErrors.kubeletUnreachable(path, 'i/o timeout'));
  if (!env.engine.kubeletRunning(node)) return fail(logsErrors.kubeletUnreachable(path, 'connect: connection refused'));
  const machine = nodeMachine(env.engine, node);
  const running = machine.containers.find(
    (entry) => entry.sandbox.pod.metadata.uid === pod.metadata.uid && entry.name === name && entry.state === 'Running',
  );
  if (!running) return fail(execErrors.notRunning(name));
  const now = env.engine.clock.now();
  const interactiveShell = /^(?:\/bin\/)?(?:sh|bash|ash)$/.test(command[0]) && command[1] !== '-c';
  if (interactiveShell || (parsed.flags.tty && parsed.flags.stdin && command.length === 1))
    return fail(execErrors.interactive(pod.metadata.name));
  const hostname = podHostname(pod);
  const readFile = (file: string): string | undefined => {
    if (file === '/etc/hostname') return `${hostname}\n`;
    // dnsPolicy ClusterFirst: the cluster's DNS Service and the pod's search list (#119).
    if (file === '/etc/resolv.conf') return resolvConf(pod.metadata.namespace);
    // The container's cgroup namespace: its own scope is the root it sees.
    if (file === '/proc/1/cgroup' || file === '/proc/self/cgroup') return '0::/\n';
    const cgroup = /^\/sys\/fs\/cgroup(\/.*)?$/.exec(file);
    if (!cgroup) return undefined;
    const found = nodeFile(machine, `/sys/fs/cgroup${containerCgroup(running)}${cgroup[1] ?? ''}`, now);
    return found && 'file' in found ? found.file : undefined;
  };
  const variables = new Map(containerEnvironment(pod, pod.spec.containers.find((c) => c.name === name) ?? {}, hostIP));
  const environment = [...variables].map(([key, value]) => `${key}=${value}`);
  const programs: Record<string, Program> = {
    hostname: () => ok(`${hostname}\n`),
    date: () => ok(`${dateText(now)}\n`),
    whoami: () => ok('root\n'),
    pwd: () => ok('/\n'),
    env: () => ok(`${environment.join('\n')}\n`),
    // printenv NAME... prints the values of those set, and fails when one is not.
    printenv: (words) => {
      if (words.length === 0) return ok(`${environment.join('\n')}\n`);
      const values = words.flatMap((key) => (variables.has(key) ? [`${variables.get(key)}\n`] : []));
      return { stdout: values.join(''), stderr: '', exitCode: values.length === words.length ? 0 : 1 };
    },
    sleep: () => ok(),
    // Cluster DNS through the pod's search list (#119); the interactive mode is not modelled.
    nslookup: ([name]) => {
      if (!name) return fail(execErrors.unmodelled('nslookup without a name'));
      const answer = nslookup(env.engine, name, pod.metadata.namespace);
      return { stdout: answer.stdout, stderr: '', exitCode: answer.exitCode };
    },
  };
  const script = /^(?:\/bin\/)?(?:sh|bash|ash)$/.test(command[0]) ? command.slice(2).join(' ') : shellQuote(command);
  const unknown = firstUnknown(script, programs);
  if (unknown) return fail(execErrors.unmodelled(unknown));
  const result = runLine({ programs, readFile, variables: (key) => variables.get(key) }, script);
  // kubectl reports a command's non-zero exit status, and exits with it.
  const terminated = result.exitCode !== 0 ? execErrors.terminated(result.exitCode) : '';
  const stderr = result.stderr && !result.stderr.endsWith('\n') ? `${result.stderr}\n` : result.stderr;
  return { ...result, stderr: deprecated + notice + stderr + terminated };
}

const shellTools = new Set(['echo', 'cat', 'true', 'false', 'grep', 'head', 'tail', 'wc', 'sort', 'uniq', 'cut', 'awk']);

/** The first program of the line the simulator cannot run in a container, if any. */
function firstUnknown(line: string, programs: Record<string, Program>): string | undefined {
  for (const part of line.split(/\|\|?|&&|;/)) {
    const program = part.trim().split(/\s+/)[0];
    if (program && !shellTools.has(program) && !Object.hasOwn(programs, program)) return program;
  }
  return undefined;
}
