// The line layer: pasted prompts and comments, && ; ||, pipes into the text filters, and a clear
// refusal for what a simulator cannot run.
import { describe, expect, it } from 'vitest';
import { shellErrors } from '@/lib/cluster/shell/errors';
import { newCluster } from '../fixtures';

const text = 'alpha 3\nbeta 10\nalpha 3\ngamma 2\nTaints: none\nUnschedulable: false\nLabels: x\n';

function run(line: string) {
  return newCluster({ files: { 'list.txt': text } }).exec(line);
}

describe('pasted lines', () => {
  it('a leading "$ " prompt and a trailing comment are ignored', () => {
    const plain = run('kubectl get nodes');
    expect(run('$ kubectl get nodes    # t = 0')).toEqual(plain);
    expect(run('root@control-plane:~# kubectl get nodes')).toEqual(plain);
  });

  it('"# " before a known program is a root prompt; before prose it is a comment', () => {
    expect(run('# kubectl get nodes').stdout).toBe(run('kubectl get nodes').stdout);
    expect(run('# now look at the nodes')).toEqual({ stdout: '', stderr: '', exitCode: 0 });
  });

  it('what a shell would expand or redirect is refused by name, never passed to kubectl', () => {
    expect(run('kubectl get pods < pods.txt').stderr).toBe(`${shellErrors.unsupported('input redirection (<)')}\n`);
    expect(run('kubectl get pod $POD').stderr).toBe(`${shellErrors.unsupported('variables ($POD)')}\n`);
    expect(run('kubectl get pods $(echo x)').stderr).toContain('command substitution');
    expect(run('vim list.txt').exitCode).toBe(127);
  });
});

describe('redirection and special parameters', () => {
  it('> writes a file later commands read, >> appends, 2>&1 joins the streams', () => {
    expect(run('kubectl get nodes > nodes.txt; wc -l nodes.txt; echo more >> nodes.txt; tail -1 nodes.txt').stdout).toBe(
      '5 nodes.txt\nmore\n',
    );
    expect(run('kubectl get pod nope 2>&1 | grep -c NotFound').stdout).toBe('1\n');
    expect(run('kubectl get pod nope 2>/dev/null').stderr).toBe('');
  });

  it('$? is the status of the command before it', () => {
    expect(run('kubectl get pod nope 2>/dev/null; echo $?').stdout).toBe('1\n');
    expect(run('echo ok; echo $?').stdout).toBe('ok\n0\n');
  });
});

describe('lists and exit statuses', () => {
  it('&& runs the next command only after success, || only after failure, ; always', () => {
    expect(run('cat list.txt | grep zeta && echo found').stdout).toBe('');
    expect(run('cat list.txt | grep zeta || echo missing').stdout).toBe('missing\n');
    expect(run('echo one; echo two').stdout).toBe('one\ntwo\n');
  });

  it('a pipeline exits with its last command: grep without a match exits 1', () => {
    expect(run('cat list.txt | grep zeta').exitCode).toBe(1);
    expect(run('cat list.txt | grep zeta | wc -l')).toEqual({ stdout: '0\n', stderr: '', exitCode: 0 });
  });
});

describe('text filters', () => {
  it('grep takes clustered flags and attached context counts (grep -A1 Taints)', () => {
    expect(run('cat list.txt | grep -A1 Taints').stdout).toBe('Taints: none\nUnschedulable: false\n');
    expect(run('cat list.txt | grep -ic ALPHA').stdout).toBe('2\n');
    expect(run('cat list.txt | grep -v a').stdout).toBe('');
    expect(run("cat list.txt | grep -E 'beta|gamma'").stdout).toBe('beta 10\ngamma 2\n');
    expect(run("cat list.txt | grep 'beta\\|gamma'").stdout).toBe('beta 10\ngamma 2\n');
    expect(run('cat list.txt | grep -w alph').exitCode).toBe(1);
  });

  it('context groups are separated by --', () => {
    expect(run('cat list.txt | grep -B1 -e gamma -e beta').stdout).toBe('alpha 3\nbeta 10\nalpha 3\ngamma 2\n');
    expect(run('cat list.txt | grep -A1 gamma').stdout).toBe('gamma 2\nTaints: none\n');
    expect(run('cat list.txt | grep -C0 -E "^(beta|Taints)"').stdout).toBe('beta 10\n--\nTaints: none\n');
  });

  it('head, tail, sort, uniq, cut and awk behave like coreutils', () => {
    expect(run('head -2 list.txt').stdout).toBe('alpha 3\nbeta 10\n');
    expect(run('cat list.txt | tail -n 1').stdout).toBe('Labels: x\n');
    expect(run('cat list.txt | head -n 4 | sort -n -k 2 -r').stdout).toBe('beta 10\nalpha 3\nalpha 3\ngamma 2\n');
    expect(run('cat list.txt | head -3 | sort | uniq -c').stdout).toBe('      2 alpha 3\n      1 beta 10\n');
    expect(run('cat list.txt | head -2 | cut -d " " -f 2').stdout).toBe('3\n10\n');
    expect(run("cat list.txt | awk 'NR<=2 {print $2, $1}'").stdout).toBe('3 alpha\n10 beta\n');
    expect(run("cat list.txt | awk '{print $NF}' | tail -1").stdout).toBe('x\n');
  });

  it('filters at the head of a pipeline say they need input', () => {
    expect(run('grep x').stderr).toBe(`${shellErrors.noInput('grep')}\n`);
  });
});
