// `sim help`, `sim --help` and `sim CMD --help`: every sim command with what it does and an example.

interface SimCommandHelp {
  usage: string;
  text: string;
  example: string;
}

export const simCommandHelp: Record<string, SimCommandHelp> = {
  init: {
    usage: 'sim init [--workers N] [--cpu N] [--memory SIZE] [--etcd-members 1|3|5] [--zones Z] [--seed S]',
    text: 'Replace the cluster with a fresh one of this shape; --zones spreads the workers round-robin over zone-a, zone-b, ... of region eu-west-1 (topology.kubernetes.io labels).',
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
  network: {
    usage: 'sim network partition|heal NODE',
    text: 'Cut a worker off from the API server and the other nodes, or reconnect it; the machine, its kubelet and its containers keep running.',
    example: 'sim network partition worker-1',
  },
  zone: {
    usage: 'sim zone fail|recover ZONE',
    text: 'Cut or restore the power of every machine in a zone (clusters made with sim init --zones).',
    example: 'sim zone fail zone-a',
  },
  curl: {
    usage: 'sim curl SERVICE [--count N] [-n NAMESPACE]',
    text: 'Send N requests (default 1) from a pod to a Service at this instant: its name goes through cluster DNS (SERVICE.NAMESPACE, POD.SERVICE for a StatefulSet’s pods and full .svc.cluster.local names work too), then kube-proxy’s rules pick a pod; a headless Service’s name answers with its ready pods. Each line is one request, the last one the tally.',
    example: 'sim curl web --count 10',
  },
  registry: {
    usage: 'sim registry list [REPOSITORY] | sim registry push NAME[:TAG] | sim registry rm NAME[:TAG]',
    text: 'List the images the registry holds, push one (as if built and pushed), or delete one; pods pull from it.',
    example: 'sim registry push registry.example.com/shop/web:2.0',
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
  return `sim drives what happens to the machines and apps rather than to the API: power, kubelets, container runtimes, etcd members, network links, zones, the image registry, app behaviour, in-cluster traffic, node shells and time.\n\nCommands:\n${lines.join('\n')}\n\nUsage:\n  sim COMMAND [args]\n\nUse "sim COMMAND --help" for more about a command.\n`;
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
