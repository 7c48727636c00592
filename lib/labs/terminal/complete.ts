import type { ClusterView } from '@/lib/cluster';
import { commandHelpByName as kubectlCommandHelp } from '@/lib/cluster/kubectl/help/commands';
import { simCommandHelp } from '@/lib/cluster/sim/help';
import {
  advanceDurations,
  configSubcommands,
  nodeProgramArguments,
  nodePrograms,
  kubectlFlags,
  kubectlVerbs,
  outputFormats,
  programs,
  resourceKinds,
  simCommands,
  type ResourceList,
} from './grammar';

/**
 * Tab completion for the lab terminal: commands, resource kinds, and the names of resources and
 * nodes that exist right now. Pure: it reads a ClusterView and returns the new line.
 */

export interface Completion {
  /** The line after completing (unchanged when nothing matched or the choice is ambiguous). */
  line: string;
  /** Every match, shown to the reader when there is more than one. */
  candidates: string[];
}

export interface CompletionContext {
  view: ClusterView;
  files: readonly string[];
}

const singular: Record<string, string> = Object.fromEntries(
  Object.keys(resourceKinds).flatMap((plural) => [
    [plural, plural],
    [plural.replace(/s$/, ''), plural],
    [resourceKinds[plural].short, plural],
  ]),
);
singular.deploy = 'deployments';
singular.poddisruptionbudget = 'poddisruptionbudgets';

function namesOf(kindWord: string, view: ClusterView, namespace: string | undefined): string[] {
  const plural = singular[kindWord.toLowerCase()];
  const list: ResourceList | undefined = plural ? resourceKinds[plural].list : undefined;
  if (!list || list === 'none') return [];
  if (list === 'nodes') return view.nodes.map((n) => n.name);
  const items: { namespace: string; name: string }[] = view[list];
  return items.filter((item) => namespace === undefined || item.namespace === namespace).map((item) => item.name);
}

/** kubectl's commands as the help lists them, then what only the help itself answers (kubectl help). */
const kubectlCommands = [
  ...new Set([...[...kubectlCommandHelp.keys()].filter((name) => !name.includes(' ')), ...Object.keys(kubectlVerbs)]),
];

/** rollout status, set image ...: the subcommands the help has for a verb. */
const helpSubcommands = (verb: string) =>
  [...kubectlCommandHelp.keys()].filter((name) => name.startsWith(`${verb} `)).map((name) => name.slice(verb.length + 1));

/** Every flag of a command's help (`--replicas=` for one that takes a value), after the usual values of grammar.ts. */
function flagsOf(verb: string, name: string): string[] {
  const options = kubectlCommandHelp.get(name)?.options ?? [];
  return [
    ...(kubectlFlags[verb] ?? []),
    ...options.flatMap((option) => [
      `--${option.flag}${option.value === 'false' ? '' : '='}`,
      ...(option.short ? [`-${option.short}`] : []),
    ]),
  ];
}

/** sim's flags, from its help's usage lines. */
const simFlags = (group: string) => (Object.hasOwn(simCommandHelp, group) ? (simCommandHelp[group].usage.match(/-[-a-z]+/g) ?? []) : []);

const flagTakesValue = new Set(['-o', '--output', '-n', '--namespace', '-l', '--selector', '-f', '--filename']);

/** The words after the verb that are not flags (or flag values). */
function positionals(words: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < words.length; i++) {
    if (words[i].startsWith('-')) {
      if (flagTakesValue.has(words[i])) i++;
      continue;
    }
    out.push(words[i]);
  }
  return out;
}

function namespaceIn(words: readonly string[]): string | undefined {
  if (words.includes('-A') || words.includes('--all-namespaces')) return undefined;
  const i = words.findIndex((w) => w === '-n' || w === '--namespace');
  return i >= 0 && words[i + 1] ? words[i + 1] : 'default';
}

function kubectlCandidates(words: readonly string[], partial: string, { view, files }: CompletionContext): string[] {
  if (words.length === 0) return kubectlCommands;
  const [verb, ...all] = words;
  // rollout status deployment/web: the subcommand comes first, then the arguments as for other verbs.
  const subcommands = helpSubcommands(verb);
  const sub = subcommands.length > 0 ? positionals(all)[0] : undefined;
  if (subcommands.length > 0 && sub === undefined) return partial.startsWith('-') ? flagsOf(verb, verb) : subcommands;
  const rest = sub === undefined ? all : all.filter((_word, i) => i !== all.indexOf(sub));
  const previous = words.at(-1);
  if (previous === '-o' || previous === '--output') return outputFormats;
  if (previous === '-n' || previous === '--namespace')
    return [...new Set(['default', 'kube-system', ...view.pods.map((p) => p.namespace)])];
  if (previous === '-f' || previous === '--filename') return [...files];
  if (partial.startsWith('-')) return flagsOf(verb, sub === undefined ? verb : `${verb} ${sub}`);
  const args = positionals(rest);
  const namespace = namespaceIn(rest);
  const nodes = view.nodes.map((n) => n.name);
  switch (kubectlVerbs[verb]) {
    case 'node':
      return args.length === 0 ? nodes : [];
    case 'file':
      return [];
    case 'pod':
      return args.length === 0 ? view.pods.filter((p) => namespace === undefined || p.namespace === namespace).map((p) => p.name) : [];
    case 'none':
      if (verb === 'config') return args.length === 0 ? configSubcommands : [];
      if (verb === 'help') return args.length === 0 ? kubectlCommands : [];
      return verb === 'create' && args.length === 0 ? ['deployment'] : [];
    case 'deployment-or-kind':
      if (args.length === 0 && partial.includes('/')) return slashNames(partial, view, namespace);
      return args.length === 0 ? ['deployment', 'statefulset', 'replicaset'] : args.length === 1 ? namesOf(args[0], view, namespace) : [];
    case 'kind': {
      if (verb === 'taint') return taintCandidates(args, view);
      if (args.length === 0) return partial.includes('/') ? slashNames(partial, view, namespace) : Object.keys(resourceKinds);
      if (args[0].includes('/')) return [];
      return namesOf(args[0], view, namespace);
    }
    default:
      return [];
  }
}

/** "deployment/we" -> "deployment/web". */
function slashNames(partial: string, view: ClusterView, namespace: string | undefined): string[] {
  const kind = partial.slice(0, partial.indexOf('/'));
  return namesOf(kind, view, namespace).map((name) => `${kind}/${name}`);
}

/** kubectl taint nodes NAME KEY=VALUE:EFFECT[-]: offers removing the node's own taints and the out-of-service taint. */
function taintCandidates(args: readonly string[], view: ClusterView): string[] {
  if (args.length === 0) return ['nodes'];
  if (args.length === 1) return view.nodes.map((n) => n.name);
  const node = view.nodes.find((n) => n.name === args[1]);
  if (!node) return [];
  return [...node.taints.map((t) => `${t.text}-`), 'node.kubernetes.io/out-of-service=nodeshutdown:NoExecute'];
}

function simCandidates(words: readonly string[], partial: string, view: ClusterView): string[] {
  const commands = [...Object.keys(simCommandHelp), 'help'];
  if (words.length === 0) return commands;
  const [group, action] = words;
  if (partial.startsWith('-')) return simFlags(group);
  if (group === 'ssh') return words.length === 1 ? view.nodes.map((n) => n.name) : words.length === 2 ? ['--'] : [];
  if (group === 'help') return words.length === 1 ? commands : [];
  if (group === 'advance') return words.length === 1 ? advanceDurations : [];
  if (group === 'curl') return words.length === 1 ? view.services.map((s) => s.name) : [];
  const actions = simCommands[group];
  if (!actions) return [];
  if (words.length === 1) return Object.keys(actions);
  if (words.length !== 2) return [];
  if (actions[action] === 'node') return view.nodes.map((n) => n.name);
  if (actions[action] === 'etcd-member') return view.etcd.members.map((m) => m.name);
  if (actions[action] === 'zone') return view.nodes.flatMap((n) => (n.zone ? [n.zone] : []));
  if (actions[action] === 'pod') return view.pods.filter((p) => p.namespace === 'default').map((p) => p.name);
  return [];
}

function commonPrefix(words: readonly string[]): string {
  let prefix = words[0] ?? '';
  for (const word of words) while (!word.startsWith(prefix)) prefix = prefix.slice(0, -1);
  return prefix;
}

/** Inside a node shell: the node's programs and their first arguments. */
function nodeCandidates(words: readonly string[]): string[] {
  const [program, ...rest] = words[0] === 'sudo' ? words.slice(1) : words;
  if (program === undefined) return Object.keys(nodePrograms);
  if (rest.length === 0) return nodePrograms[program] ?? [];
  return nodeProgramArguments[program] ?? [];
}

export function complete(line: string, context: CompletionContext & { node?: string }): Completion {
  const words = line.trimStart().split(/\s+/);
  const partial = words.pop() ?? '';
  let all: readonly string[];
  // After a pipe only the text filters make sense.
  const afterPipe = words.lastIndexOf('|');
  if (afterPipe !== -1 && afterPipe === words.length - 1) all = ['grep', 'head', 'tail', 'wc', 'sort', 'uniq', 'cut', 'awk'];
  else if (context.node !== undefined) all = nodeCandidates(words);
  else if (words[0] === 'sim' && words[1] === 'ssh' && words[3] === '--') all = nodeCandidates(words.slice(4));
  else if (words.length === 0) all = programs;
  else if (words[0] === 'kubectl' || words[0] === 'k') all = kubectlCandidates(words.slice(1), partial, context);
  else if (words[0] === 'sim') all = simCandidates(words.slice(1), partial, context.view);
  else all = [];
  const candidates = [...new Set(all)].filter((c) => c.startsWith(partial)).sort();
  if (candidates.length === 0) return { line, candidates: [] };
  const head = line.slice(0, line.length - partial.length);
  if (candidates.length === 1) {
    const word = candidates[0];
    const open = word.endsWith('=') || word.endsWith('/');
    return { line: `${head}${word}${open ? '' : ' '}`, candidates };
  }
  return { line: `${head}${commonPrefix(candidates)}`, candidates };
}
