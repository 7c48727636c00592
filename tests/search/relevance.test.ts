import { gzipSync } from 'node:zlib';
import { loadSite } from '@/lib/content';
import { createSearchEngine, searchIndexOfSite, type SearchEngine, type SearchIndexFile } from '@/lib/search/node';
import { learnerQueries, type LearnerQuery } from './fixtures/learnerQueries';

// Runs against the real content, so it fails when the notes stop answering what learners ask.
let index: SearchIndexFile;
let engine: SearchEngine;

beforeAll(async () => {
  index = await searchIndexOfSite(await loadSite());
  engine = createSearchEngine(index.records);
}, 120_000);

interface Outcome {
  query: LearnerQuery;
  rank: number;
  top: string[];
}

function outcomes(): Outcome[] {
  return learnerQueries.map((query) => {
    const top = engine.search(query.query, { limit: 10 }).hits.map((h) => h.record.url);
    return { query, rank: top.findIndex((url) => query.expect.includes(url)), top };
  });
}

const found = (o: Outcome) => o.rank >= 0 && o.rank < 3;

describe('learners find what they look for in the real notes', () => {
  it('is measured with at least 40 realistic queries of every kind', () => {
    expect(learnerQueries.length).toBeGreaterThanOrEqual(40);
    expect(new Set(learnerQueries.map((q) => q.kind)).size).toBe(7);
  });

  it('expects only sections and glossary entries that exist (a renamed heading must update its query)', () => {
    const urls = new Set(index.records.map((r) => r.url));
    const missing = learnerQueries.flatMap((q) => q.expect.filter((url) => !urls.has(url)).map((url) => `${q.query} -> ${url}`));
    expect(missing).toEqual([]);
  });

  it('finds the expected section in the top three for at least 90% of queries', () => {
    const results = outcomes();
    const rate = results.filter(found).length / results.length;
    const misses = results.filter((o) => !found(o));
    const kinds = [...new Set(results.map((o) => o.query.kind))];
    const byKind = kinds.map((kind) => {
      const ofKind = results.filter((o) => o.query.kind === kind);
      return `${kind} ${ofKind.filter(found).length}/${ofKind.length}`;
    });
    console.log(
      [
        `top-3 hit rate: ${(rate * 100).toFixed(1)}% (${results.length - misses.length}/${results.length}); ${byKind.join(', ')}`,
        ...misses.map((m) => `  missed "${m.query.query}" (rank ${m.rank < 0 ? '>10' : m.rank + 1}); top: ${m.top.slice(0, 3).join(', ')}`),
      ].join('\n'),
    );
    expect(rate).toBeGreaterThanOrEqual(0.9);
  });
});

describe('the index of the real notes', () => {
  it('stays under 100 kB gzip, the budget for fetching it when search opens', () => {
    const gzipKb = gzipSync(JSON.stringify(index), { level: 9 }).length / 1024;
    console.log(`index: ${index.records.length} records, ${gzipKb.toFixed(1)} kB gzip`);
    expect(gzipKb).toBeLessThan(100);
  });
});
