// Reference #115: kubectl diff (kubectl/pkg/cmd/diff) and the unified format of GNU diff -u -N.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createCluster } from '@/lib/cluster';
import { unifiedHunks } from '@/lib/cluster/util/unifieddiff';
import { deploymentYaml } from './fixtures';

/** Applies unified hunks to `a`, checking every context and removed line against it. */
function patch(a: readonly string[], hunks: string): string[] {
  const out: string[] = [];
  let at = 0;
  const lines = hunks.split('\n').filter(Boolean);
  for (const line of lines) {
    const header = /^@@ -(\d+)(?:,(\d+))? \+\d+(?:,\d+)? @@$/.exec(line);
    if (header) {
      const start = Number(header[2] === '0' ? Number(header[1]) + 1 : header[1]) - 1;
      while (at < start) out.push(a[at++]);
      continue;
    }
    const [op, text] = [line[0], line.slice(1)];
    if (op === '+') out.push(text);
    else {
      expect(a[at]).toBe(text);
      if (op === ' ') out.push(text);
      at++;
    }
  }
  while (at < a.length) out.push(a[at++]);
  return out;
}

describe('#115 unified hunks', () => {
  it('#115 turn the old lines into the new ones, with at most 3 lines of context around each change', () => {
    const lines = fc.array(fc.constantFrom('a', 'b', 'c', 'd', 'e'), { maxLength: 30 });
    fc.assert(
      fc.property(lines, lines, (a, b) => {
        const hunks = unifiedHunks(a, b);
        expect(hunks === '').toBe(a.join('\n') === b.join('\n') && a.length === b.length);
        expect(patch(a, hunks)).toEqual(b);
        for (const run of hunks.split(/^@@.*@@\n/m).filter(Boolean)) {
          const body = run.split('\n').filter(Boolean);
          expect(body.findIndex((line) => line[0] !== ' ')).toBeLessThanOrEqual(3);
        }
      }),
    );
  });
});

describe('#115 kubectl diff', () => {
  const manifest = deploymentYaml('web', 2);

  it('#115 shows what apply would change, as diff -u -N of LIVE and MERGED files, and writes nothing', () => {
    const cluster = createCluster({ seed: 6, files: { 'web.yaml': manifest } });
    const created = cluster.exec('kubectl diff -f web.yaml');
    expect(created.exitCode).toBe(1);
    const [command, from, to, hunk, ...added] = created.stdout.trimEnd().split('\n');
    expect(command).toMatch(
      /^diff -u -N \/tmp\/LIVE-\d+\/apps\.v1\.Deployment\.default\.web \/tmp\/MERGED-\d+\/apps\.v1\.Deployment\.default\.web$/,
    );
    expect(from).toMatch(/^--- \/tmp\/LIVE-\d+\/\S+\t1970-01-01 00:00:00\.000000000 \+0000$/);
    expect(to).toMatch(/^\+\+\+ \/tmp\/MERGED-\d+\/\S+\t\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{9} \+0000$/);
    expect(hunk).toBe(`@@ -0,0 +1,${added.length} @@`);
    // The server's defaults are part of what would be created.
    expect(added).toEqual(expect.arrayContaining(['+  progressDeadlineSeconds: 600', '+  replicas: 2']));
    expect(cluster.exec('kubectl get deploy web').exitCode).toBe(1);

    cluster.exec('kubectl apply -f web.yaml');
    expect(cluster.exec('kubectl diff -f web.yaml')).toEqual({ stdout: '', stderr: '', exitCode: 0 });
    cluster.exec('kubectl scale deployment web --replicas=5');
    const before = cluster.exec('kubectl get deploy web -o yaml').stdout;
    const scaled = cluster.exec('kubectl diff -f web.yaml');
    expect(scaled.exitCode).toBe(1);
    const changes = scaled.stdout.split('\n').filter((line) => /^[-+] /.test(line));
    const generation = Number(/generation: (\d+)/.exec(before)![1]);
    expect(changes).toEqual([`-  generation: ${generation}`, `+  generation: ${generation + 1}`, '-  replicas: 5', '+  replicas: 2']);
    expect(cluster.exec('kubectl get deploy web -o yaml').stdout).toBe(before);
  });

  it('#115 errors exit 2, so that 1 always means changes were found', () => {
    const cluster = createCluster({ seed: 6 });
    expect(cluster.exec('kubectl diff')).toEqual({ stdout: '', stderr: 'error: must specify one of -f and -k\n', exitCode: 2 });
    expect(cluster.exec('kubectl diff -f nope.yaml').exitCode).toBe(2);
  });
});
