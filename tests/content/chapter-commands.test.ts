// Every command a chapter prints after "$ " in a console block runs in the simulator, against the
// cluster the chapter describes at that point (tests/content/fixtures/chapter-setups.ts), and gives
// the shape the chapter shows: the same table columns, the same labelled lines, the same first
// word, success or failure as shown. Commands quoted in quizzes and labs run against their
// question's or lab's set-up. What a simulator cannot run is in one reviewed list, with reasons.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse, parseAllDocuments } from 'yaml';
import { createCluster, type Cluster } from '@/lib/cluster';
import { consoleSteps, type ConsoleStep } from '@/lib/cluster/shell/console';
import { createLabWorld, scriptLines } from '@/lib/labs';
import { fillDeep } from '@/lib/quiz/template';
import { modelGaps, offCluster, setupOf, type ChapterSetup } from './fixtures/chapter-setups';

/** Programs the chapters run outside any cluster, with why the simulator does not model them. */
const outsideTheSimulator: Record<string, string> = {
  docker: 'runs on a workstation with Docker Engine; the simulated nodes run containerd only',
  minikube: 'creates a real local cluster',
  etcdctl: 'talks to etcd directly with client certificates',
  etcdutl: 'works on etcd data files offline',
  curl: 'sends real HTTP requests (sim curl sends them through the modelled Service rules)',
  'iptables-save': 'kube-proxy rules are not modelled as iptables text',
  dmesg: 'kernel log of a real host',
  sleep: 'waits in real time; use sim advance',
};

/** Single commands the simulator cannot run, with why. */
const notModelled: Record<string, string> = {
  'kubectl config use-context minikube':
    'the chapter’s kubeconfig has a minikube context; the simulated one has only kubernetes-admin@kubernetes',
};

/** Objects and verbs the model does not have yet. Remove a line when the model gains it. */
const notYetModelled: [RegExp, string][] = [
  [/\bresourcequota\b/, 'ResourceQuota is not modelled yet'],
  [/^kubectl -n shop describe replicaset /, 'shows a quota refusal, which needs ResourceQuota'],
];

/** Runtime commands that change containerd outside Kubernetes (pulling, running by hand). */
const mutatingRuntime =
  /^(ctr|nerdctl)\b.*\b(pull|run|rm|stop|start|tag|push|exec|kill|import)\b|^crictl (runp|create|start|stop|rm|pull)\b/;

/** Mistakes quiz and lab prose quotes on purpose (no output beside them says so): each must fail as not understood. */
const deliberateMistakes = new Set(['kubectl cluster info']);

const nodePrograms = new Set([
  'crictl',
  'ctr',
  'nerdctl',
  'systemctl',
  'journalctl',
  'ps',
  'lsns',
  'ls',
  'cat',
  'grep',
  'uname',
  'hostname',
]);

/** Failures that mean the simulator did not understand the command (not that an example name is absent). */
const notUnderstood =
  /^sh: |command not found|unknown command|unknown flag|unknown shorthand|unable to match a printer|not supported here|doesn't have a resource type|only ".*" (is|are) supported|unsupported argument/m;

/** A transcript line that reports a failed kubectl command. */
const errorLine = /^(Error from server|error: |The connection to the server)/;

interface Transcript {
  where: string;
  /** Why it cannot run here, when it is typed outside any cluster. */
  offCluster?: string;
  steps: ConsoleStep[];
  /** A fresh cluster in the state the transcript starts from. */
  cluster: () => Cluster;
  node: string;
}

const labFile = (lab: string) => parse(readFileSync(`content/labs/${lab}.yaml`, 'utf8'));

/** Manifests a chapter prints in its YAML blocks, by their title or as NAME.yaml. */
function chapterFiles(text: string): Record<string, string> {
  const files: Record<string, string> = {};
  for (const block of text.matchAll(/```yaml(?: title="([^"]+)")?[^\n]*\n([\s\S]*?)```/g)) {
    const [, title, body] = block;
    const name = title ?? (parseAllDocuments(body)[0]?.toJS() as { metadata?: { name?: string } } | null)?.metadata?.name;
    if (name) files[title ? name : `${name}.yaml`] = body;
  }
  return files;
}

function clusterFor(setup: ChapterSetup, lab: string | undefined, files: Record<string, string>): () => Cluster {
  return () => {
    const chosen = setup.lab === undefined ? lab : (setup.lab ?? undefined);
    const scenario = chosen ? labFile(chosen) : { cluster: { seed: 7, workers: 3 }, files: {}, setup: '' };
    const world = createLabWorld({ ...scenario, files: { ...files, ...scenario.files, ...setup.files } });
    for (const line of setup.setup ?? []) {
      const result = world.cluster.exec(line);
      if (result.exitCode !== 0) throw new Error(`set-up line failed: ${line}\n${result.stderr}`);
    }
    return world.cluster;
  };
}

function chapterTranscripts(): Transcript[] {
  const out: Transcript[] = [];
  for (const file of readdirSync('content/chapters').sort()) {
    const slug = file.replace(/\.mdx$/, '');
    const text = readFileSync(`content/chapters/${file}`, 'utf8');
    const lab = /<ClusterLab scenario="([^"]+)"/.exec(text)?.[1];
    const files = chapterFiles(text);
    [...text.matchAll(/```console[^\n]*\n([\s\S]*?)```/g)].forEach((block, i) => {
      const key = `${slug}#${i + 1}`;
      const setup = setupOf(slug, i + 1);
      out.push({
        where: key,
        offCluster: offCluster[key] ?? offCluster[slug] ?? modelGaps[key],
        steps: consoleSteps(block[1]),
        cluster: clusterFor(setup, lab, files),
        node: setup.node ?? 'control-plane',
      });
    });
  }
  return out;
}

/** Commands quoted in quiz and lab prose (`kubectl ...`, `crictl ...`), which show no output. */
const quoted = (text: string) =>
  [...text.matchAll(/`((?:sudo )?(?:kubectl|crictl|ctr|nerdctl|lsns|sim) [^`]+)`/g)]
    .map((match) => match[1])
    .filter((command) => !/[<>]|\.\.\.|\b[A-Z]{3,}\b/.test(command));

interface QuizQuestion {
  id: string;
  params?: Record<string, unknown[]>;
  setup?: string;
  files?: Record<string, string>;
}

/** Each quiz question's quoted commands, run against that question's own set-up (its first variant). */
function quizTranscripts(): Transcript[] {
  const out: Transcript[] = [];
  for (const file of readdirSync('content/quizzes')
    .filter((name) => name.endsWith('.yaml'))
    .sort()) {
    const quiz = parse(readFileSync(`content/quizzes/${file}`, 'utf8')) as { questions: QuizQuestion[] };
    for (const raw of quiz.questions) {
      const variables = Object.fromEntries(Object.entries(raw.params ?? {}).map(([name, values]) => [name, values[0]]));
      const question = fillDeep(raw, variables as Record<string, string | number>);
      const commands = [...new Set(quoted(JSON.stringify(question).replaceAll('\\n', ' ').replaceAll('\\"', '"')))];
      if (commands.length === 0) continue;
      out.push({
        where: `quizzes/${file} ${question.id}`,
        steps: commands.map((command) => ({ command, output: [] })),
        cluster: () => {
          const cluster = createCluster({ seed: 1, files: question.files ?? {} });
          for (const line of scriptLines(question.setup ?? '')) cluster.exec(line);
          return cluster;
        },
        node: 'worker-1',
      });
    }
  }
  return out;
}

/** Each lab's goal and hints, run against the lab's set-up; solutions are run in their own test below. */
function labTranscripts(): Transcript[] {
  return readdirSync('content/labs')
    .sort()
    .map((file) => {
      const lab = file.replace(/\.yaml$/, '');
      const scenario = labFile(lab) as { hints?: string[]; goal?: string };
      const commands = [...new Set([scenario.goal ?? '', ...(scenario.hints ?? [])].flatMap(quoted))];
      return {
        where: `labs/${file}`,
        steps: commands.map((command) => ({ command, output: [] })),
        cluster: () => createLabWorld(labFile(lab)).cluster,
        node: 'worker-1',
      };
    });
}

const programOf = (command: string) => {
  const words = command.split(/\s+/);
  return words[0] === 'sudo' ? words[1] : words[0];
};

/** Why a command cannot run in the simulator, or undefined when it can. */
/** A command without its sudo and its trailing comment. */
const bare = (command: string) => command.replace(/^sudo /, '').replace(/\s+#.*$/, '');

function skipReason(step: ConsoleStep): string | undefined {
  const command = bare(step.command);
  const programs = command.split(/\|\|?|&&|;/).map((part) => programOf(part.trim()));
  const outside = programs.find((program) => program in outsideTheSimulator);
  if (outside) return outsideTheSimulator[outside];
  if (mutatingRuntime.test(command)) return 'changes containerd by hand, outside Kubernetes';
  if (command in notModelled) return notModelled[command];
  return notYetModelled.find(([pattern]) => pattern.test(command))?.[1];
}

/** The column names of a table header line, if the line is one ("..." marks columns left out). */
const headerWords = (line: string | undefined) =>
  line && /^[A-Z][A-Z0-9 %().-]{3,}$/.test(line.trim()) && !line.includes(':')
    ? line
        .trim()
        .split(/\s+/)
        .filter((word) => word !== '...')
    : undefined;

/** The keys of "Key: value" lines (describe, YAML, systemctl status), each once. */
const labelledKeys = (lines: readonly string[]) =>
  new Set(
    lines
      .map((line) => /^\s*(?:- )?([A-Za-z][\w./-]*(?: [A-Z][\w-]*)*):(?:\s|$)/.exec(line)?.[1])
      .filter((key): key is string => key !== undefined),
  );

/** A word with what varies from run to run (generated names, numbers) taken out. */
const shapeOf = (word: string) =>
  word
    .replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, '<uuid>')
    .replace(/-[a-z0-9]{5,10}(-[a-z0-9]{5})?\b/g, '-*')
    .replace(/[0-9a-f]{12,}/g, '<id>')
    .replace(/\d+/g, '0');

/** Generated names in the chapter (web-7c5ddbdf54-8kq2n) stand for the pods the model made from the same owner. */
function resolveNames(command: string, cluster: Cluster): string {
  const view = cluster.view();
  const names = [...view.pods.map((pod) => pod.name), ...view.replicaSets.map((rs) => rs.name)];
  return command.replace(/\b([a-z][a-z0-9-]*?)((?:-[a-z0-9]{8,10})?-[a-z0-9]{5,10})\b/g, (whole, base: string, suffix: string) => {
    if (names.includes(whole) || !/\d/.test(suffix)) return whole;
    const segments = suffix.split('-').length - 1;
    return names.find((name) => name.startsWith(`${base}-`) && name.slice(base.length).split('-').length - 1 === segments) ?? whole;
  });
}

function runStep(cluster: Cluster, step: ConsoleStep, node: string, where: string) {
  const command = resolveNames(step.command, cluster);
  const line = nodePrograms.has(programOf(command)) ? `sim ssh ${node} -- ${command}` : command;
  const result = cluster.exec(line);
  const label = `${where}: ${line}`;
  const ours = `${result.stdout}${result.stderr}`.split('\n');
  if (deliberateMistakes.has(step.command)) {
    expect(result.stderr, label).toMatch(notUnderstood);
    return;
  }
  if (!step.output.some((text) => notUnderstood.test(text))) expect(result.stderr, label).not.toMatch(notUnderstood);
  // A bare "$" after a command is the next prompt: the chapter shows that it printed nothing.
  if (step.output.length > 0 && step.output.every((text) => text.trim() === '$')) {
    expect(result.stdout, label).toBe('');
    return;
  }
  if (step.output.length === 0 || step.output.every((text) => text.trim() === '' || text.trim() === '...')) return;
  // Failure or success as the chapter shows it.
  const shownError = step.output.some((text) => errorLine.test(text));
  // A watch the chapter shows running on ("...") ends here when the simulator presses Ctrl+C.
  const interrupted = result.stderr.startsWith('^C') && step.output.at(-1)?.trim() === '...';
  expect(result.exitCode !== 0 && !interrupted, `${label}\n${ours.join('\n')}`).toBe(shownError);
  // What an app or a service writes to its log is its own text.
  if (/^(kubectl|crictl|nerdctl) logs\b|^journalctl\b/.test(command.replace(/^sudo /, ''))) return;
  // A table the chapter shows has the same columns here.
  const shown = headerWords(step.output[0]);
  if (shown) {
    const header = headerWords(ours[0]) ?? [];
    for (const column of shown) expect(header, label).toContain(column);
    return;
  }
  // Labelled lines (describe, YAML, unit status) have the same labels here.
  const keys = labelledKeys(step.output);
  if (keys.size > 0) {
    const ourKeys = labelledKeys(ours);
    for (const key of keys) expect([...ourKeys], `${label}: the label "${key}"`).toContain(key);
    return;
  }
  // A message has the same form: its first word up to any "/" (pod/x, deployment.apps/x) and its last word (created, scaled).
  const shownWords = step.output
    .find((text) => text.trim() !== '')!
    .trim()
    .split(/\s+/);
  const ourWords = ours[0].trim().split(/\s+/);
  const form = (words: string[]) => [shapeOf(words[0].split('/')[0]), words.length > 1 ? shapeOf(words.at(-1)!) : ''];
  expect(form(ourWords), `${label}\n${ours.join('\n')}`).toEqual(form(shownWords));
}

const transcripts = [...chapterTranscripts(), ...quizTranscripts(), ...labTranscripts()];
const runnable = transcripts.filter((t) => !t.offCluster && t.steps.some((step) => !skipReason(step)));

describe('chapter console commands', () => {
  it('the chapters, quizzes and labs print commands to check', () => {
    expect(transcripts.flatMap((t) => t.steps).length).toBeGreaterThan(250);
  });

  it.each(runnable.map((t) => [t.where, t] as const))('%s gives the shape it shows', (_where, transcript) => {
    const cluster = transcript.cluster();
    for (const step of transcript.steps) if (!skipReason(step)) runStep(cluster, step, transcript.node, transcript.where);
  });

  it('each lab solution runs line by line in its own set-up, every line understood', () => {
    for (const file of readdirSync('content/labs').sort()) {
      const scenario = labFile(file.replace(/\.yaml$/, '')) as { solution: string };
      const cluster = createLabWorld(labFile(file.replace(/\.yaml$/, ''))).cluster;
      for (const line of scriptLines(scenario.solution)) expect(cluster.exec(line).stderr, `${file}: ${line}`).not.toMatch(notUnderstood);
    }
  });

  it('the reviewed list of what cannot run is short and every entry is still needed', () => {
    const onCluster = transcripts.filter((t) => !t.offCluster).flatMap((t) => t.steps.map((step) => bare(step.command)));
    const programsUsed = new Set(onCluster.flatMap((command) => command.split(/\|\|?|&&|;/).map((part) => programOf(part.trim()))));
    for (const program of Object.keys(outsideTheSimulator)) expect(programsUsed, program).toContain(program);
    for (const command of Object.keys(notModelled)) expect(onCluster, command).toContain(command);
    for (const [pattern] of notYetModelled)
      expect(
        onCluster.some((command) => pattern.test(command)),
        String(pattern),
      ).toBe(true);
    expect(
      onCluster.some((command) => mutatingRuntime.test(command)),
      String(mutatingRuntime),
    ).toBe(true);
    const entries = [outsideTheSimulator, notModelled, offCluster, modelGaps].reduce((n, table) => n + Object.keys(table).length, 0);
    expect(entries + notYetModelled.length + 1).toBeLessThanOrEqual(25);
  });

  it('every block said to be typed off the cluster exists', () => {
    const keys = transcripts.map((t) => t.where);
    for (const key of [...Object.keys(offCluster), ...Object.keys(modelGaps)])
      expect(
        keys.some((where) => where === key || where.startsWith(`${key}#`)),
        key,
      ).toBe(true);
  });
});
