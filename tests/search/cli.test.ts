// `clusterbook search` against the real content, run in-process on memory streams as a shell would
// run it (tests/cluster/cli.test.ts spawns the real bin once, for its wiring).
import { run } from '@/bin/commands/search';
import { memoryIo } from '@/bin/commands/io';
import { errorMessages } from '@/lib/search';

const contentLoadMs = 120_000;

async function clusterbookSearch(...args: string[]) {
  const { io, stdout, stderr } = memoryIo();
  const status = await run(args, io);
  return { status, stdout: stdout(), stderr: stderr() };
}

describe('clusterbook search', () => {
  it(
    'prints a JSON array of { title, section, url, snippet, score } best first with --json',
    async () => {
      const result = await clusterbookSearch('kublet', '--json', '--limit', '3');
      expect(result.status).toBe(0);
      const results = JSON.parse(result.stdout);
      expect(results).toHaveLength(3);
      for (const r of results) {
        expect(Object.keys(r)).toEqual(['title', 'section', 'url', 'snippet', 'score']);
        expect(typeof r.snippet).toBe('string');
        expect(r.section === null || typeof r.section === 'string').toBe(true);
      }
      expect(results.map((r: { url: string }) => r.url)).toContain('/chapters/worker-nodes#the-kubelet');
      const scores = results.map((r: { score: number }) => r.score);
      expect(scores).toEqual([...scores].sort((a, b) => a - b));
    },
    contentLoadMs,
  );

  it(
    'prints the chapter, section and URL of each result, and the spelling it searched for',
    async () => {
      const result = await clusterbookSearch('ectd', 'quorum');
      expect(result.status).toBe(0);
      expect(result.stdout).toContain('Showing results for "etcd"');
      expect(result.stdout).toMatch(/^ 1\. .+\n {4}\/(chapters|glossary)\S*\n/m);
      expect(result.stdout).toContain(
        'When the control plane breaks › etcd and its quorum\n    /chapters/control-plane-failures#etcd-and-its-quorum',
      );
    },
    contentLoadMs,
  );

  it(
    'rejects a missing query, a bad limit and unknown flags with usage and exit code 2',
    async () => {
      for (const args of [[], ['--json'], ['kubelet', '--limit', 'zero'], ['kubelet', '--limit', '0'], ['kubelet', '--frobnicate']]) {
        const result = await clusterbookSearch(...args);
        expect(result.status).toBe(2);
        expect(result.stderr).toContain(errorMessages.cliUsage);
      }
    },
    contentLoadMs,
  );

  it('prints its usage with --help', async () => {
    const result = await clusterbookSearch('--help');
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('--json');
  });
});
