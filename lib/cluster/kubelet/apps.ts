// What the process in a container does, as far as the kubelet can observe it: which port it
// listens on, which HTTP paths it serves, how much memory it uses, how it ends. Known images are a
// table (policy as data); anything else listens on the ports its manifest declares. The learner
// changes an app's behaviour with `sim app` (hang, unready, memory, crash); that state is plain
// data in the node's runtime (ContainerInstance.app), so it survives snapshots.
import type { Container, ProbeAction } from '../api/types';
import type { AppBehaviour, ContainerInstance, ProbeResult, ProbeType } from '../engine/state';
import { processWords } from '../registry/config';
import { runExecCommand } from './execprobe';
import { memoBy } from '../util/memo';
import { parseMemory } from '../util/quantity';

interface ImageApp {
  match: RegExp;
  /** The port the server listens on. */
  port: number;
  /** HTTP paths that answer 200; every other path answers 404 (null: any path answers 200). */
  paths: string[] | null;
  /** Resident memory at idle. */
  memoryBytes: number;
  /** Exit code after SIGTERM: these servers shut down cleanly. */
  sigtermExitCode: number;
}

const Mi = 1024 * 1024;

const imageApps: ImageApp[] = [
  { match: /(^|\/)nginx(:|@|$)/, port: 80, paths: ['/', '/index.html', '/50x.html'], memoryBytes: 4 * Mi, sigtermExitCode: 0 },
  { match: /(^|\/)httpd(:|@|$)/, port: 80, paths: ['/', '/index.html'], memoryBytes: 6 * Mi, sigtermExitCode: 0 },
  { match: /(^|\/)redis(:|@|$)/, port: 6379, paths: null, memoryBytes: 3 * Mi, sigtermExitCode: 0 },
  { match: /(^|\/)postgres(:|@|$)/, port: 5432, paths: null, memoryBytes: 30 * Mi, sigtermExitCode: 0 },
  { match: /(^|\/)mysql(:|@|$)/, port: 3306, paths: null, memoryBytes: 350 * Mi, sigtermExitCode: 0 },
];

/** An unknown program: killed by SIGTERM's default action (128 + 15). */
const sigtermDefaultExitCode = 143;
const defaultMemoryBytes = 2 * Mi;

const appOf = (image: string) => imageApps.find((app) => app.match.test(image));

/** The arguments of `stress --vm-bytes SIZE` (the memory demo image of the Kubernetes docs): what it allocates. */
function stressBytes(words: string[]): number | undefined {
  const at = words.indexOf('--vm-bytes');
  return at >= 0 && at + 1 < words.length ? parseMemory(words[at + 1].replace(/([KMGT])$/, '$1i')) : undefined;
}

/** A fresh app: its memory from the image (or what `stress --vm-bytes` asks for). */
export function initialApp(container: Container): AppBehaviour {
  const words = [...(container.command ?? []), ...(container.args ?? [])];
  return {
    hung: false,
    unready: false,
    memoryBytes: stressBytes(words) ?? appOf(container.image)?.memoryBytes ?? defaultMemoryBytes,
  };
}

/**
 * Programs that, run with no arguments, read commands from stdin: a container has no terminal and
 * no stdin (stdin and tty are false by default), so they read end-of-file and exit 0 at once (#98).
 */
const readsStdin = /^(?:\/(?:usr\/)?bin\/)?(?:sh|ash|bash|dash|python3?|node)$/;

/** Programs that do one thing and end (with arguments): a script made only of them ends too. */
const oneShotPrograms = new Set([
  'echo',
  'printf',
  'date',
  'env',
  'printenv',
  'hostname',
  'uname',
  'id',
  'whoami',
  'pwd',
  'ls',
  'touch',
  'rm',
  'mkdir',
  'cp',
  'mv',
  'nslookup',
]);
const isOneShot = (statement: string) => oneShotPrograms.has(statement.split(/\s+/)[0]);

/** curl with no URL prints its usage hint and exits 2 (CURLE_FAILED_INIT). */
const curlNoUrlExitCode = 2;

/**
 * How the container's process ends by itself: the image's default when the manifest gives no
 * command (registry/config.ts), `sleep N` after N seconds with 0 (a script's sleeps add up),
 * `true`/`false`, `exit N` (also through `sh -c`). Null for a long-running process (a server, or a
 * command the model cannot read).
 */
function processExit(container: Container): { afterMs: number; exitCode: number } | null {
  const words = processWords(container.image, container.command, container.args);
  if (words.length === 0) return null;
  if (words.length === 1 && readsStdin.test(words[0])) return { afterMs: 0, exitCode: 0 };
  if (words.length === 1 && words[0] === 'curl') return { afterMs: 0, exitCode: curlNoUrlExitCode };
  const script =
    (words[0] === 'sh' || words[0] === '/bin/sh' || words[0] === 'bash') && words[1] === '-c' ? words.slice(2).join(' ') : words.join(' ');
  const last = script.split(/\s*(?:;|&&)\s*/).filter(Boolean);
  const sleeps = last.map((part) => /^sleep (\d+)$/.exec(part)).filter((match) => match !== null);
  const exit = last.map((part) => /^exit (\d+)$/.exec(part)).find(Boolean);
  const falseCmd = last.includes('false');
  const trueCmd = last.includes('true');
  if (sleeps.length === 0 && !exit && !falseCmd && !trueCmd && !last.every(isOneShot)) return null;
  if (/\b(while|tail -f|nginx|httpd|redis-server)\b/.test(script)) return null;
  const afterMs = sleeps.reduce((sum, match) => sum + Number(match[1]) * 1000, 0);
  const exitCode = exit ? Number(exit[1]) % 256 : falseCmd ? 1 : 0;
  return { afterMs, exitCode };
}

/** What ends a process depends only on the image, command and args: remembered, as every pod start asks. */
const processKey = (container: Container) =>
  `${container.image}\n${container.command?.join('\0') ?? '\u0001'}\n${container.args?.join('\0') ?? '\u0001'}`;
export const commandExit = memoBy(processKey, processExit);

/** Exit code once SIGTERM arrives (a hung app ignores it and is SIGKILLed at the grace's end: 137). */
export function sigtermExitCode(container: Container): number {
  return appOf(container.image)?.sigtermExitCode ?? sigtermDefaultExitCode;
}

export const sigkillExitCode = 137;

/**
 * Whether PID 1 of this container ignores SIGTERM: a shell or `sleep` (named by the manifest's
 * command, its args after the image's entrypoint, or the image's default) installs no handler,
 * and the kernel drops unhandled signals to a namespace's init, so only SIGKILL at the end of
 * the grace period stops it.
 */
export function ignoresSigterm(container: Container): boolean {
  const first = processWords(container.image, container.command, container.args)[0];
  return first !== undefined && /^(\/bin\/)?(sh|bash|ash|sleep)$/.test(first);
}

function listens(container: Container, port: number): boolean {
  const app = appOf(container.image);
  if (app) return app.port === port;
  return container.ports.length === 0 || container.ports.includes(port);
}

export interface ProbeOutcome {
  result: Exclude<ProbeResult, 'Unknown'>;
  /** What the kubelet puts after "Liveness probe failed: ". */
  output: string;
}

/** The outcome of one probe (pkg/kubelet/prober runProbe), given what the app does. */
export function runProbe(
  container: Container,
  instance: ContainerInstance,
  type: ProbeType,
  action: ProbeAction,
  podIp: string,
  /** How long the container has run (an exec probe's command sees what its script did by then). */
  elapsedMs = 0,
): ProbeOutcome {
  const { hung, unready } = instance.app;
  const refusesReadiness = unready && type === 'readiness';
  if (action.httpGet) {
    const { path, port, scheme } = action.httpGet;
    const paths = appOf(container.image)?.paths;
    if (!hung && !refusesReadiness && listens(container, port) && (!paths || paths.includes(path))) return succeeded;
    const url = `${scheme.toLowerCase()}://${podIp}:${port}${path}`;
    if (!listens(container, port))
      return { result: 'Failure', output: `Get "${url}": dial tcp ${podIp}:${port}: connect: connection refused` };
    if (hung)
      return { result: 'Failure', output: `Get "${url}": context deadline exceeded (Client.Timeout exceeded while awaiting headers)` };
    if (refusesReadiness) return { result: 'Failure', output: 'HTTP probe failed with statuscode: 503' };
    return { result: 'Failure', output: 'HTTP probe failed with statuscode: 404' };
  }
  if (action.tcpSocket) {
    const { port } = action.tcpSocket;
    if (!listens(container, port)) return { result: 'Failure', output: `dial tcp ${podIp}:${port}: connect: connection refused` };
    if (hung || refusesReadiness) return { result: 'Failure', output: `dial tcp ${podIp}:${port}: i/o timeout` };
    return succeeded;
  }
  // A timed-out exec reports what the command printed before the deadline: nothing (pkg/probe/exec).
  if (hung) return { result: 'Failure', output: '' };
  if (refusesReadiness) return { result: 'Failure', output: '' };
  // Otherwise the command's exit code decides, and its output is the message (#99).
  if (action.exec) {
    const run = runExecCommand(container, action.exec.command, elapsedMs);
    if (!run.ok) return { result: 'Failure', output: run.output };
  }
  return succeeded;
}

/** One shared success: a healthy probe allocates nothing. */
const succeeded: ProbeOutcome = Object.freeze({ result: 'Success', output: '' });

/** Whether the process answers requests: the container runs and is not hung (what a Service's backend needs). */
export function appServes(instance: ContainerInstance | undefined): boolean {
  return instance !== undefined && instance.state === 'running' && !instance.app.hung;
}
