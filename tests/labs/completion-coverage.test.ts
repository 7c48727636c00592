// Tab completion knows every command the runner accepts: the lists below come from the help
// tables (kubectl's and sim's) and from the shells' own "command not found" lists, so a command
// or flag added there without completion fails here.
import { createCluster } from '@/lib/cluster';
import { commandHelpByName } from '@/lib/cluster/kubectl/help/commands';
import { kubectlCommandNames } from '@/lib/cluster/kubectl/kubectl';
import { simCommandHelp } from '@/lib/cluster/sim/help';
import { complete } from '@/lib/labs/terminal/complete';
import { baseView } from './support/views';

const context = (node?: string) => ({ view: baseView(), files: ['web.yaml'], node });
const candidates = (line: string, node?: string) => complete(line, context(node)).candidates;

/** Long flags of a help entry, as completion offers them (`--replicas=` for a flag that takes a value). */
const longFlags = (name: string) => commandHelpByName.get(name)?.options.map((option) => `--${option.flag}`) ?? [];
const offered = (flag: string, list: readonly string[]) => list.some((c) => c === flag || c === `${flag}=` || c.startsWith(`${flag}=`));

/** The programs a shell says it has, from its own "command not found" message. */
function programsOf(line: string): string[] {
  const { stderr } = createCluster({ seed: 1 }).exec(line);
  const list = /\(commands here: ([^)]+)\)/.exec(stderr)?.[1];
  if (!list) throw new Error(`no program list in: ${stderr}`);
  return list.split(', ');
}

/** The actions of a sim command, from its usage line: "sim node fail|recover NAME | sim node add NAME" gives fail, recover, add. */
function simActions(command: string): string[] {
  return simCommandHelp[command].usage
    .split(' | ')
    .map((alternative) => alternative.split(' ')[2])
    .filter((word): word is string => word !== undefined && /^[a-z|]+$/.test(word))
    .flatMap((word) => word.split('|'));
}

const simFlags = (command: string) => [...new Set(simCommandHelp[command].usage.match(/--[a-z-]+/g) ?? [])];

describe('completion covers every kubectl command and flag in the help', () => {
  it.each(kubectlCommandNames.map((name) => [name]))('kubectl %s completes, with every long flag of its help', (name) => {
    expect(candidates('kubectl ')).toContain(name);
    const flags = candidates(`kubectl ${name} --`);
    for (const flag of longFlags(name)) expect(offered(flag, flags), `kubectl ${name} ${flag}`).toBe(true);
  });

  const subcommands = [...commandHelpByName.keys()].filter((name) => name.includes(' '));
  it.each(subcommands.map((name) => [name]))('kubectl %s completes, with every long flag of its help', (name) => {
    const [verb, sub] = name.split(' ');
    expect(candidates(`kubectl ${verb} `)).toContain(sub);
    const flags = candidates(`kubectl ${verb} ${sub} --`);
    for (const flag of longFlags(name)) expect(offered(flag, flags), `kubectl ${name} ${flag}`).toBe(true);
  });

  it('kubectl help completes every command', () => {
    expect(candidates('kubectl help ')).toEqual(expect.arrayContaining([...kubectlCommandNames]));
  });
});

describe('completion covers every sim command, action and flag in the help', () => {
  it.each(Object.keys(simCommandHelp).map((name) => [name]))('sim %s completes, with its actions and flags', (name) => {
    expect(candidates('sim ')).toContain(name);
    expect(candidates('sim help ')).toContain(name);
    const actions = simActions(name);
    for (const action of actions) expect(candidates(`sim ${name} `), `sim ${name} ${action}`).toContain(action);
    const before = actions.length > 0 ? `sim ${name} ${actions[0]} x --` : `sim ${name} x --`;
    for (const flag of simFlags(name)) expect(offered(flag, candidates(before)), `${before} ${flag}`).toBe(true);
  });
});

describe('completion covers every program of the shells', () => {
  it.each(programsOf('nosuch').map((name) => [name]))('the terminal offers %s', (program) => {
    expect(candidates('')).toContain(program === 'k' ? 'kubectl' : program);
  });

  it.each(programsOf('sim ssh worker-1 -- nosuch').map((name) => [name]))(
    'a node shell offers %s, in it and after sim ssh NODE --',
    (program) => {
      expect(candidates('', 'worker-1')).toContain(program);
      expect(candidates('sim ssh worker-1 -- ')).toContain(program);
    },
  );
});
