// `clusterbook search`, spawned like a user would run it, against the real content.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { errorMessages } from '@/lib/search';

const root = join(import.meta.dirname, '..', '..');
const contentLoadMs = 120_000;

function clusterbookSearch(...args: string[]) {
  return spawnSync(process.execPath, [join(root, 'bin', 'clusterbook.mjs'), 'search', ...args], {
    cwd: root,
    encoding: 'utf8',
    timeout: contentLoadMs,
  });
}

describe('clusterbook search', () => {
  it(
    'prints a JSON array of { title, section, url, snippet, score } best first with --json',
    () => {
      const run = clusterbookSearch('kublet', '--json', '--limit', '3');
      expect(run.status).toBe(0);
      const results = JSON.parse(run.stdout);
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
    () => {
      const run = clusterbookSearch('ectd', 'quorum');
      expect(run.status).toBe(0);
      expect(run.stdout).toContain(errorMessages.showingResultsFor('etcd'));
      expect(run.stdout).toContain(`${errorMessages.searchInsteadFor('ectd quorum')}: clusterbook search --exact`);
      expect(run.stdout).toMatch(/^ 1\. .+\n {4}\/(chapters|glossary)\S*\n/m);
      expect(run.stdout).toContain(
        'When the control plane breaks › etcd and its quorum\n    /chapters/control-plane-failures#etcd-and-its-quorum',
      );
    },
    contentLoadMs,
  );

  it(
    'rejects a missing query, a bad limit and unknown flags with usage and exit code 2',
    () => {
      for (const args of [[], ['--json'], ['kubelet', '--limit', 'zero'], ['kubelet', '--limit', '0'], ['kubelet', '--frobnicate']]) {
        const run = clusterbookSearch(...args);
        expect(run.status).toBe(2);
        expect(run.stderr).toContain(errorMessages.cliUsage);
      }
    },
    contentLoadMs,
  );

  it(
    'searches for words that look like flags after --',
    () => {
      const run = clusterbookSearch('--', '--pid');
      expect(run.status).toBe(0);
      expect(run.stdout).toContain('/chapters/namespaces#the-pid-namespace');
      const asFlag = clusterbookSearch('--pid');
      expect(asFlag.status).toBe(2);
      expect(asFlag.stderr).toContain(errorMessages.cliUnknownFlag('--pid'));
    },
    contentLoadMs,
  );

  it(
    'answers a query the notes cannot with glossary terms and chapters to try, not a dead end',
    () => {
      const run = clusterbookSearch('helm', 'chart');
      expect(run.status).toBe(0);
      expect(run.stdout).toContain(errorMessages.noResults('helm chart'));
      expect(run.stdout).toContain(`${errorMessages.suggestChapters}:`);
      expect(run.stdout).toMatch(/\/chapters\/[a-z-]+\n/);
      expect(run.stdout).not.toContain('Showing results for');
    },
    contentLoadMs,
  );

  it(
    'searches exactly what was typed with --exact',
    () => {
      const run = clusterbookSearch('kublet', '--exact');
      expect(run.status).toBe(0);
      expect(run.stdout).toContain(errorMessages.noResults('kublet'));
    },
    contentLoadMs,
  );

  it('prints its usage with --help', () => {
    const run = clusterbookSearch('--help');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('--json');
  });
});
