// Every command a chapter prints after "$ " in a console block runs in the simulator and gives
// the shape the chapter shows, or is in the one reviewed list of what a simulator cannot run.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { createCluster, type Cluster } from '@/lib/cluster';
import { consoleSteps, type ConsoleStep } from '@/lib/cluster/shell/console';
import { createLabWorld, scriptLines } from '@/lib/labs';

/** Programs the chapters run outside any cluster, with why the simulator does not model them. */
const outsideTheSimulator: Record<string, string> = {
  docker: 'runs on a workstation with Docker Engine; the simulated nodes run containerd only',
  runc: 'builds a bundle and runs it by hand, below containerd',
  unshare: 'creates namespaces by hand on a Linux host',
  nsenter: 'enters namespaces by hand on a Linux host',
  strace: 'traces system calls of real processes',
  etcdctl: 'talks to etcd directly with client certificates',
  etcdutl: 'works on etcd data files offline',
  curl: 'sends real HTTP requests',
  jq: 'filters JSON outside kubectl',
  skopeo: 'copies images between registries',
  minikube: 'creates a real local cluster',
  'lxc-create': 'LXC, shown for history',
  'lxc-start': 'LXC, shown for history',
  'lxc-ls': 'LXC, shown for history',
  'lxc-attach': 'LXC, shown for history',
  'iptables-save': 'kube-proxy rules are not modelled',
  dmesg: 'kernel log of a real host',
  'systemd-cgls': 'systemd tree of a real host',
  mkdir: 'creates cgroups by hand on a Linux host',
  rmdir: 'removes cgroups by hand on a Linux host',
  bash: 'starts a shell inside a container',
  type: 'shell builtin on a real host',
  id: 'user ids inside a container',
  nproc: 'CPU count inside a container',
  uptime: 'load of a real host',
  sleep: 'waits in real time; use sim advance',
  stat: 'file metadata of a real host',
  tee: 'writes cgroup files by hand on a Linux host',
};

/** Single commands the simulator cannot run, with why. */
const notModelled: Record<string, string> = {
  'echo $SHELL': 'shell variables are not modelled',
  'kubectl get pods -w': 'streams until Ctrl+C: only the interactive lab terminal runs it',
};

/**
 * Objects and verbs the model does not have yet, each with its issue: rollouts and annotations
 * (Deployments as the controllers do them), ResourceQuota. Remove a line when the model gains it.
 */
const notYetModelled: [RegExp, string][] = [
  [/^kubectl annotate\b/, 'kubectl annotate (change-cause by hand) is not modelled yet'],
  [/\bresourcequota\b/, 'ResourceQuota is not modelled yet'],
  [/^kubectl -n shop describe replicaset /, 'shows a quota refusal, which needs ResourceQuota'],
];

/** Mistakes quiz and lab prose quotes on purpose (no output beside them says so): each must fail as not understood. */
const deliberateMistakes = new Set(['kubectl cluster info']);

/** kubectl verbs the chapters show that need processes inside containers. */
const insideContainers = /^kubectl (exec|attach|port-forward|cp)\b/;

/** Runtime commands that change containerd outside Kubernetes (pulling, running by hand). */
const mutatingRuntime =
  /^(ctr|nerdctl)\b.*\b(pull|run|rm|stop|start|tag|push|exec|kill)\b|^crictl (runp|create|start|stop|rm|pull)\b|\bnerdctl\b.*--format/;

const nodePrograms = new Set(['crictl', 'ctr', 'nerdctl', 'systemctl', 'journalctl', 'ps', 'lsns', 'ls', 'cat', 'uname', 'hostname']);

/** Failures that mean the simulator did not understand the command (not that an example name is absent). */
const notUnderstood =
  /^sh: |command not found|unknown command|unknown flag|unknown shorthand|unable to match a printer|not supported here|doesn't have a resource type|only ".*" (is|are) supported|unsupported argument/m;

interface ChapterCommand extends ConsoleStep {
  /** The file the command is printed in (a chapter, a quiz or a lab). */
  chapter: string;
  /** The lab whose set-up the command runs against; none: the default cluster. */
  lab?: string;
}

/** A chapter's commands run against its first lab's set-up: the cluster the chapter has just described. */
const firstLab = (text: string) => /<ClusterLab scenario="([^"]+)"/.exec(text)?.[1];

function chapterCommands(): ChapterCommand[] {
  const out: ChapterCommand[] = [];
  for (const file of readdirSync('content/chapters').sort()) {
    const text = readFileSync(`content/chapters/${file}`, 'utf8');
    const lab = firstLab(text);
    for (const block of text.matchAll(/```console[^\n]*\n([\s\S]*?)```/g))
      for (const step of consoleSteps(block[1])) out.push({ chapter: file, lab, ...step });
  }
  return out;
}

/** Commands quoted in quiz and lab prose (`kubectl ...`, `crictl ...`), which show no output. */
const quoted = (text: string) =>
  [...text.matchAll(/`((?:sudo )?(?:kubectl|crictl|sim) [^`]+)`/g)]
    .map((match) => match[1])
    .filter((command) => !/[<>]|\.\.\./.test(command));

function quizAndLabCommands(): ChapterCommand[] {
  const out: ChapterCommand[] = [];
  for (const file of readdirSync('content/quizzes')
    .filter((name) => name.endsWith('.yaml'))
    .sort()) {
    for (const command of quoted(readFileSync(`content/quizzes/${file}`, 'utf8')))
      out.push({ chapter: `quizzes/${file}`, command, output: [] });
  }
  for (const file of readdirSync('content/labs').sort()) {
    const lab = file.replace(/\.yaml$/, '');
    const scenario = parse(readFileSync(`content/labs/${file}`, 'utf8')) as { hints?: string[]; goal?: string };
    for (const text of [scenario.goal ?? '', ...(scenario.hints ?? [])])
      for (const command of quoted(text)) out.push({ chapter: `labs/${file}`, lab, command, output: [] });
  }
  return out;
}

const programOf = (command: string) => {
  const words = command.split(/\s+/);
  return words[0] === 'sudo' ? words[1] : words[0];
};

/** The column names of a table header line, if the line is one. */
const headerWords = (line: string | undefined) =>
  line && /^[A-Z][A-Z0-9 %()-]{3,}$/.test(line.trim()) ? line.trim().split(/\s+/) : undefined;

function cluster(lab: string | undefined): Cluster {
  if (lab) return createLabWorld(parse(readFileSync(`content/labs/${lab}.yaml`, 'utf8'))).cluster;
  const c = createCluster({ seed: 7 });
  c.exec('kubectl create deployment web --image=nginx:1.27 --replicas=3');
  c.advance('1m');
  return c;
}

const commands = [...chapterCommands(), ...quizAndLabCommands()];

describe('chapter console commands', () => {
  it('the chapters print commands to check', () => {
    expect(commands.length).toBeGreaterThan(100);
  });

  const skipped = (step: ChapterCommand) => {
    const command = step.command.replace(/^sudo /, '').replace(/\s+#.*$/, '');
    const programs = command.split(/\|\|?|&&|;/).map((part) => programOf(part.trim()));
    return (
      programs.some((program) => program in outsideTheSimulator) ||
      mutatingRuntime.test(command) ||
      insideContainers.test(command) ||
      command in notModelled ||
      notYetModelled.some(([pattern]) => pattern.test(command))
    );
  };
  const runnable = commands.filter((step) => !skipped(step));

  it.each(runnable.map((step) => [`${step.chapter}: ${step.command}`, step] as const))('%s', (_name, step) => {
    const c = cluster(step.lab);
    const program = programOf(step.command);
    const line = nodePrograms.has(program) ? `sim ssh control-plane -- ${step.command}` : step.command;
    const result = c.exec(line);
    // A chapter may show a mistake on purpose (kubectl cluster info); then the same kind of error is right.
    if (deliberateMistakes.has(step.command)) expect(result.stderr, line).toMatch(notUnderstood);
    else if (!step.output.some((text) => notUnderstood.test(text))) expect(result.stderr, line).not.toMatch(notUnderstood);
    // A table the chapter shows has the same columns here.
    const shown = headerWords(step.output[0]);
    if (shown && result.exitCode === 0 && result.stdout) {
      const ours = result.stdout.split('\n')[0].trim().split(/\s+/);
      for (const column of shown) expect(ours, line).toContain(column);
    }
  });

  it('each lab solution runs line by line in its own set-up, every line understood', () => {
    for (const file of readdirSync('content/labs').sort()) {
      const scenario = parse(readFileSync(`content/labs/${file}`, 'utf8')) as { solution: string };
      const c = cluster(file.replace(/\.yaml$/, ''));
      for (const line of scriptLines(scenario.solution)) expect(c.exec(line).stderr, `${file}: ${line}`).not.toMatch(notUnderstood);
    }
  });

  it('every command outside the simulator has its program in the reviewed list', () => {
    for (const step of commands.filter((entry) => !runnable.includes(entry))) expect(skipped(step)).toBe(true);
  });
});
