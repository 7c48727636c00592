// The CLI: `clusterbook cluster --script FILE|-` and --json. The command runs in-process on memory
// streams (what a shell would give it); one smoke test spawns the real bin to check its wiring.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '@/bin/commands/cluster';
import { memoryIo } from '@/bin/commands/io';

const root = join(import.meta.dirname, '..', '..');

async function clusterbook(args: string[], input?: string) {
  const { io, stdout, stderr } = memoryIo(input ?? '', root);
  const status = await run(args, io);
  return { status, stdout: stdout(), stderr: stderr() };
}

function scriptFile(text: string, extra: Record<string, string> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'cluster-cli-'));
  for (const [name, body] of Object.entries(extra)) writeFileSync(join(dir, name), body);
  const file = join(dir, 'drill.txt');
  writeFileSync(file, text);
  return file;
}

describe('the clusterbook bin', () => {
  it('starts the cluster command from a shell: reads a script on stdin and prints JSON lines', () => {
    const spawned = spawnSync(process.execPath, [join(root, 'bin', 'clusterbook.mjs'), 'cluster', '--script', '-', '--json'], {
      cwd: root,
      input: 'sim advance 5s\nkubectl get pod nope\n',
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(spawned.status).toBe(0);
    expect(
      spawned.stdout
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line).command),
    ).toEqual(['sim advance 5s', 'kubectl get pod nope']);
  });
});

describe('clusterbook cluster', () => {
  it('runs a script, printing "$ <line>" before each command and skipping comments', async () => {
    const file = scriptFile('# a drill\nkubectl get nodes\n\nsim advance 1m30s\nsim time\n');
    const result = await clusterbook(['--script', file]);
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^\$ kubectl get nodes\nNAME\s+STATUS\s+ROLES\s+AGE\s+VERSION\n/);
    expect(result.stdout).toContain('$ sim advance 1m30s\n');
    expect(result.stdout).toContain('$ sim time\n1m30s\n');
    expect(result.stdout).not.toContain('# a drill');
  });

  it('prints one JSON object per command with --json, time in simulated seconds', async () => {
    const file = scriptFile('sim advance 45s\nkubectl get pod nope\n');
    const result = await clusterbook(['--script', file, '--json']);
    const lines = result.stdout
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

  it('reads the script from stdin with -, and manifests relative to the working directory', async () => {
    const result = await clusterbook(
      ['--script', '-', '--seed', '3'],
      'kubectl apply -f tests/cluster/fixtures/web.yaml\nsim advance 30s\nkubectl get deploy web\n',
    );
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('deployment.apps/web created');
    expect(result.stdout).toMatch(/web\s+2\/2\s+2\s+2\s+30s/);
  });

  it('gives the same transcript for the same seed', async () => {
    const file = scriptFile('kubectl create deployment web --image=nginx:1.27 --replicas=3\nsim advance 20s\nkubectl get pods -o wide\n');
    const first = await clusterbook(['--script', file, '--seed', '11']);
    const second = await clusterbook(['--script', file, '--seed', '11']);
    expect(first.stdout).toContain('$ kubectl get pods -o wide');
    expect(second.stdout).toBe(first.stdout);
  });

  it('exits non-zero when the script cannot be read, and on unknown flags', async () => {
    const missing = await clusterbook(['--script', '/no/such/script.txt']);
    expect(missing.status).not.toBe(0);
    expect(missing.stderr).toContain('cannot read script "/no/such/script.txt"');
    const flag = await clusterbook(['--scrip', 'x']);
    expect(flag.status).not.toBe(0);
    expect(flag.stderr).toContain('unknown flag: --scrip');
  });

  it('opens an interactive prompt that runs commands until exit', async () => {
    const result = await clusterbook([], 'sim time\nkubectl nope\nexit\n');
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('0s\n');
    expect(result.stderr).toContain('error: unknown command "nope" for "kubectl"');
  });
});
