// `sim ssh NODE -- COMMAND`: runs one command line on a node, through the same line layer as the
// terminal (pipes, && ;), with the node's own programs. A powered-off machine does not answer.
import type { Engine } from '../../engine/engine';
import { fail, ok, type CommandResult } from '../../kubectl/result';
import { runLine, shellQuote, type Program } from '../../shell/shell';
import { nodeMachine } from './machine';
import { ctr, nerdctl } from './containerdTools';
import { crictl } from './runtimeTools';
import { journalctl, kernelRelease, ls, lsns, nodeFile, ps, systemctl } from './systemTools';

export const nodeShellErrors = {
  noRoute: (node: string) => `ssh: connect to host ${node} port 22: No route to host`,
  unknownHost: (node: string) => `ssh: Could not resolve hostname ${node}: Name or service not known`,
  interactiveOnly: (node: string) =>
    `sim ssh ${node} opens a shell only in an interactive terminal; run one command with: sim ssh ${node} -- COMMAND`,
  usage: () => 'usage: sim ssh NODE -- COMMAND   (e.g. sim ssh worker-1 -- crictl ps)',
};

/** The node's prompt in the interactive terminals. */
export const nodePrompt = (node: string) => `root@${node}:~# `;

/** Why the node cannot be reached, or undefined when it answers. */
export function unreachable(engine: Engine, node: string): CommandResult | undefined {
  if (!engine.actors.has(`node/${node}`)) return fail(nodeShellErrors.unknownHost(node), '', 255);
  const machine = engine.actorState(`node/${node}`);
  if (machine === 'poweredOff' || machine === 'booting') return fail(nodeShellErrors.noRoute(node), '', 255);
  return undefined;
}

/** Runs one line on the node as root. */
export function runOnNode(engine: Engine, node: string, line: string): CommandResult {
  const down = unreachable(engine, node);
  if (down) return down;
  const now = engine.clock.now();
  const machine = () => nodeMachine(engine, node);
  const programs: Record<string, Program> = {
    crictl: (args) => crictl(machine(), args, now),
    ctr: (args) => ctr(machine(), args),
    nerdctl: (args) => nerdctl(machine(), args, now),
    systemctl: (args) => systemctl(machine(), args, now),
    journalctl: (args) => journalctl(machine(), args, now),
    ps: (args) => ps(machine(), args),
    lsns: (args) => lsns(machine(), args),
    ls: (args) => ls(machine(), args, now),
    hostname: () => ok(`${node}\n`),
    uname: (args) =>
      ok(
        `${args.includes('-a') ? `Linux ${node} ${kernelRelease} #51-Ubuntu SMP PREEMPT_DYNAMIC x86_64 x86_64 x86_64 GNU/Linux` : args.includes('-r') ? kernelRelease : 'Linux'}\n`,
      ),
    whoami: () => ok('root\n'),
    exit: () => ok(),
  };
  return runLine(
    {
      programs,
      readFile: (path) => {
        const found = nodeFile(machine(), path, now);
        return found && 'file' in found ? found.file : undefined;
      },
    },
    line,
  );
}

/** sim ssh NODE [-- COMMAND...]. */
export function simSsh(engine: Engine, args: string[]): CommandResult {
  const [node, separator, ...command] = args;
  if (!node || node.startsWith('-')) return fail(nodeShellErrors.usage());
  const down = unreachable(engine, node);
  if (down) return down;
  if (separator === undefined) return fail(nodeShellErrors.interactiveOnly(node));
  const words = separator === '--' ? command : [separator, ...command];
  if (words.length === 0) return fail(nodeShellErrors.usage());
  // Words were split by the outer shell; quote them back so `sim ssh n -- 'crictl ps | grep x'` works too.
  const line = words.length === 1 ? words[0] : shellQuote(words);
  return runOnNode(engine, node, line);
}
