// `sim help`, `sim --help` and `sim CMD --help`: every sim command with what it does and an example.

interface SimCommandHelp {
  usage: string;
  text: string;
  example: string;
}

export const simCommandHelp: Record<string, SimCommandHelp> = {
  init: {
    usage: 'sim init [--workers N] [--cpu N] [--memory SIZE] [--etcd-members 1|3|5] [--seed S]',
    text: 'Replace the cluster with a fresh one of this shape.',
    example: 'sim init --workers 2 --cpu 2 --memory 4Gi',
  },
  node: {
    usage: 'sim node fail|recover NAME | sim node add NAME [--cpu N] [--memory SIZE]',
    text: 'Cut or restore a machine’s power, or add a worker machine whose kubelet registers it.',
    example: 'sim node fail worker-1',
  },
  kubelet: {
    usage: 'sim kubelet stop|start NODE',
    text: 'Stop or start the kubelet service on a node; its containers keep running.',
    example: 'sim kubelet stop worker-2',
  },
  runtime: {
    usage: 'sim runtime stop|start NODE',
    text: 'Stop or start containerd on a node; running containers survive, the node goes NotReady.',
    example: 'sim runtime stop worker-2',
  },
  etcd: {
    usage: 'sim etcd fail|recover MEMBER',
    text: 'Fail or recover one etcd member; without quorum the API server cannot read or write.',
    example: 'sim etcd fail etcd-1',
  },
  app: {
    usage:
      'sim app crash|hang|unready|heal POD [--exit-code N] [-c CONTAINER] [-n NS] | sim app memory POD SIZE; POD may be deployment/NAME',
    text: 'Make the app in a pod misbehave: exit (default code 1), hang (probes time out, SIGTERM ignored), fail readiness, use memory (over its limit it is OOM-killed), or heal.',
    example: 'sim app crash deployment/web --exit-code 2',
  },
  advance: { usage: 'sim advance DURATION', text: 'Let simulated time pass (30s, 5m, 1h, 1m30s).', example: 'sim advance 45s' },
  time: { usage: 'sim time', text: 'Print the simulated time since the cluster started.', example: 'sim time' },
  ssh: {
    usage: 'sim ssh NODE [-- COMMAND]',
    text: 'Run a command on a node as root (crictl, ctr, nerdctl, systemctl, journalctl, ps, lsns, ls, cat); without a command, open a node shell in the interactive terminal.',
    example: 'sim ssh worker-1 -- crictl ps',
  },
};

function overview(): string {
  const width = Math.max(...Object.keys(simCommandHelp).map((name) => name.length)) + 2;
  const lines = Object.entries(simCommandHelp).map(
    ([name, entry]) => `  ${name.padEnd(width)}${entry.text}\n  ${' '.repeat(width)}e.g. ${entry.example}`,
  );
  return `sim drives what happens to the machines rather than to the API: power, kubelets, container runtimes, etcd members, the apps in containers, node shells and time.\n\nCommands:\n${lines.join('\n')}\n\nUsage:\n  sim COMMAND [args]\n\nUse "sim COMMAND --help" for more about a command.\n`;
}

/** The help text these arguments ask for, or undefined when they are an ordinary sim command. */
export function simHelp(all: string[]): { stdout: string; stderr: string; exitCode: number } | undefined {
  // Words after -- belong to the command run on a node (sim ssh NODE -- crictl --help).
  const args = all.includes('--') ? all.slice(0, all.indexOf('--')) : all;
  const [first, second] = args;
  if (first === undefined || first === 'help' || first === '--help' || first === '-h') {
    const topic = first === 'help' ? second : undefined;
    if (topic && !Object.hasOwn(simCommandHelp, topic))
      return { stdout: '', stderr: `error: unknown command "${topic}" for "sim"`, exitCode: 1 };
    const entry = topic ? simCommandHelp[topic] : undefined;
    return { stdout: entry ? commandText(entry) : overview(), stderr: '', exitCode: 0 };
  }
  if (!args.includes('--help') && !args.includes('-h')) return undefined;
  const entry = Object.hasOwn(simCommandHelp, first) ? simCommandHelp[first] : undefined;
  return entry ? { stdout: commandText(entry), stderr: '', exitCode: 0 } : undefined;
}

const commandText = (entry: SimCommandHelp) => `${entry.text}\n\nExamples:\n  ${entry.example}\n\nUsage:\n  ${entry.usage}\n`;
