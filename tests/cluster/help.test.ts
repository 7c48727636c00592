// kubectl and sim help list exactly the commands the runner accepts, each with examples that run.
import { commandHelp, commandHelpByName } from '@/lib/cluster/kubectl/help/commands';
import { helpFor } from '@/lib/cluster/kubectl/help/help';
import { kubectlCommandNames } from '@/lib/cluster/kubectl/kubectl';
import { simCommands } from '@/lib/cluster/sim/commands';
import { simCommandHelp } from '@/lib/cluster/sim/help';
import { newCluster } from './fixtures';

/** What a command the runner did not understand says (a missing name is fine: examples use their own). */
const notUnderstood =
  /^sh: |command not found|unknown command|unknown flag|unknown shorthand|unable to match a printer|not supported|only ".*" (is|are) supported|unsupported argument/m;

/** A cluster the examples can act on: Deployment and Service web, three etcd members, two zones. */
function exampleCluster() {
  const c = newCluster({ etcdMembers: 3, zones: 2 });
  for (const line of [
    'kubectl create deployment web --image=nginx:1.27 --replicas=2',
    'kubectl expose deployment web --port=80',
    'sim advance 30s',
  ])
    expect(c.exec(line).exitCode, line).toBe(0);
  return c;
}

describe('kubectl help covers every command it runs', () => {
  const topLevel = commandHelp.map((entry) => entry.name);

  it('every command the runner accepts has a help entry, and every help entry is a command it accepts', () => {
    expect([...topLevel].sort()).toEqual([...kubectlCommandNames].sort());
  });

  it('kubectl alone and kubectl help list every command', () => {
    const c = newCluster();
    for (const line of ['kubectl', 'kubectl help']) {
      const out = c.exec(line).stdout;
      for (const name of topLevel) expect(out, `${line}: ${name}`).toMatch(new RegExp(`^  ${name} `, 'm'));
    }
  });

  it.each([...commandHelpByName.keys()].map((name) => [name]))('kubectl %s --help and -h show its help, with examples that run', (name) => {
    const c = exampleCluster();
    const text = helpFor(name)!;
    expect(text).toMatch(/\nExamples:\n/);
    expect(text).toMatch(/\nUsage:\n {2}kubectl /);
    expect(c.exec(`kubectl ${name} --help`).stdout).toBe(text);
    expect(c.exec(`kubectl ${name} -h`).stdout).toBe(text);
    if (!name.includes(' ')) expect(c.exec(`kubectl help ${name}`).stdout).toBe(text);
    const entry = commandHelpByName.get(name)!;
    expect(entry.examples.length).toBeGreaterThan(0);
    for (const [, example] of entry.examples) expect(c.exec(example).stderr, example).not.toMatch(notUnderstood);
  });
});

describe('sim help covers every command it runs', () => {
  it('every sim command has a help entry (ssh is run by the cluster itself), and every entry is a command', () => {
    expect(Object.keys(simCommandHelp).sort()).toEqual([...Object.keys(simCommands), 'ssh'].sort());
  });

  it('sim help, sim --help and sim alone list every command with an example', () => {
    const c = newCluster();
    for (const line of ['sim help', 'sim --help', 'sim']) {
      const out = c.exec(line).stdout;
      for (const [name, entry] of Object.entries(simCommandHelp)) {
        expect(out, `${line}: ${name}`).toMatch(new RegExp(`^  ${name} `, 'm'));
        expect(out, `${line}: ${name}`).toContain(`e.g. ${entry.example}`);
      }
    }
  });

  it.each(Object.keys(simCommandHelp).map((name) => [name]))('sim %s --help shows its usage, and its example succeeds', (name) => {
    const c = exampleCluster();
    const entry = simCommandHelp[name];
    const help = c.exec(`sim ${name} --help`).stdout;
    expect(help).toContain(`Examples:\n  ${entry.example}\n`);
    expect(help).toContain(`Usage:\n  ${entry.usage}\n`);
    expect(c.exec(`sim help ${name}`).stdout).toBe(help);
    const result = c.exec(entry.example);
    expect(result.exitCode, `${entry.example}\n${result.stderr}`).toBe(0);
  });
});
