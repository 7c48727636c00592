// The CLI: `clusterbook cluster --script FILE|-` and --json, spawned like a user would.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');

function clusterbook(args: string[], input?: string) {
  return spawnSync(process.execPath, [join(root, 'bin', 'clusterbook.mjs'), 'cluster', ...args], {
    cwd: root,
    input,
    encoding: 'utf8',
    timeout: 60_000,
  });
}

function scriptFile(text: string, extra: Record<string, string> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'cluster-cli-'));
  for (const [name, body] of Object.entries(extra)) writeFileSync(join(dir, name), body);
  const file = join(dir, 'drill.txt');
  writeFileSync(file, text);
  return file;
}

describe('clusterbook cluster', () => {
  it('runs a script, printing "$ <line>" before each command and skipping comments', () => {
    const file = scriptFile('# a drill\nkubectl get nodes\n\nsim advance 1m30s\nsim time\n');
    const run = clusterbook(['--script', file]);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^\$ kubectl get nodes\nNAME\s+STATUS\s+ROLES\s+AGE\s+VERSION\n/);
    expect(run.stdout).toContain('$ sim advance 1m30s\n');
    expect(run.stdout).toContain('$ sim time\n1m30s\n');
    expect(run.stdout).not.toContain('# a drill');
  });

  it('prints one JSON object per command with --json, time in simulated seconds', () => {
    const file = scriptFile('sim advance 45s\nkubectl get pod nope\n');
    const run = clusterbook(['--script', file, '--json']);
    const lines = run.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(lines).toEqual([
      { command: 'sim advance 45s', exitCode: 0, stdout: 'advanced 45s; now 45s\n', stderr: '', time: 45 },
      {
        command: 'kubectl get pod nope',
        exitCode: 1,
        stdout: '',
        stderr: 'Error from server (NotFound): pods "nope" not found\n',
        time: 45,
      },
    ]);
  });

  it('reads the script from stdin with -, and manifests relative to the working directory', () => {
    const run = clusterbook(
      ['--script', '-', '--seed', '3'],
      'kubectl apply -f tests/cluster/fixtures/web.yaml\nsim advance 30s\nkubectl get deploy web\n',
    );
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('deployment.apps/web created');
    expect(run.stdout).toMatch(/web\s+2\/2\s+2\s+2\s+30s/);
  });

  it('gives the same transcript for the same seed', () => {
    const file = scriptFile('kubectl create deployment web --image=nginx:1.27 --replicas=3\nsim advance 20s\nkubectl get pods -o wide\n');
    expect(clusterbook(['--script', file, '--seed', '11']).stdout).toBe(clusterbook(['--script', file, '--seed', '11']).stdout);
  });

  it('exits non-zero when the script cannot be read, and on unknown flags', () => {
    const missing = clusterbook(['--script', '/no/such/script.txt']);
    expect(missing.status).not.toBe(0);
    expect(missing.stderr).toContain('cannot read script "/no/such/script.txt"');
    const flag = clusterbook(['--scrip', 'x']);
    expect(flag.status).not.toBe(0);
    expect(flag.stderr).toContain('unknown flag: --scrip');
  });

  it('opens an interactive prompt that runs commands until exit', () => {
    const run = clusterbook([], 'sim time\nkubectl nope\nexit\n');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('0s\n');
    expect(run.stderr).toContain('error: unknown command "nope" for "kubectl"');
  });
});
