import fc from 'fast-check';
import { createSearchEngine } from '@/lib/search';
import { sampleRecords } from './fixtures/records';

const engine = createSearchEngine(sampleRecords);

/** Generous for a 20-record corpus, on a busy machine: the point is "bounded"; speed is measured in bench/search. */
const boundMs = 100;

beforeAll(() => {
  // Compile the hot paths first, so the bound measures the work and not the JIT.
  for (const q of ['kubelet', 'kublet', 'what is a pod', 'x'.repeat(40)]) engine.search(q);
});

function timed(query: string) {
  const started = performance.now();
  const response = engine.search(query);
  return { response, ms: performance.now() - started };
}

describe('any input returns in bounded time without errors', () => {
  it.each([
    ['empty', ''],
    ['only spaces', '     \t  '],
    ['regex characters', '.*+?^${}()|[]\\/'],
    ['fuse.js operators', `'kubelet !etcd ^kube proxy$ ="pod" | node`],
    ['emoji', '🚀🐳 containers 🐳'],
    ['very long', 'kubelet '.repeat(5000)],
    ['one very long word', 'a'.repeat(100_000)],
    ['unusual Unicode', 'ẞ ǅ İ ﬁ \u0000 \uFFFF \uD800'],
  ])('%s', (_, query) => {
    const { response, ms } = timed(query);
    expect(Array.isArray(response.hits)).toBe(true);
    expect(ms).toBeLessThan(boundMs);
  });

  it('treats fuse.js and regex operators as plain text', () => {
    expect(engine.search('!kubelet').hits.map((h) => h.record.url)).toEqual(engine.search('kubelet').hits.map((h) => h.record.url));
  });

  it('holds for arbitrary strings', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 400 }), (query) => {
        const { response, ms } = timed(query);
        return Array.isArray(response.hits) && ms < boundMs && response.query.terms.length <= 12;
      }),
      { numRuns: 300 },
    );
  });
});
