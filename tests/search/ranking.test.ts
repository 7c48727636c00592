import { createSearchEngine, groupHits } from '@/lib/search';
import { sampleRecords } from './fixtures/records';

const engine = createSearchEngine(sampleRecords);
const urls = (query: string, limit = 3) => engine.search(query, { limit }).hits.map((h) => h.record.url);

describe('results are ranked by where the words are found', () => {
  it('puts records named after the query first: the glossary entry and the section', () => {
    expect(urls('kubelet', 2).sort()).toEqual(['/chapters/worker-nodes#the-kubelet', '/glossary#kubelet']);
  });

  it('finds a typo the same as the word', () => {
    expect(urls('kublet')).toEqual(urls('kubelet'));
    expect(urls('ectd')[0]).toBe('/glossary#etcd');
  });

  it('finds facts in the body text', () => {
    expect(urls('ignore-daemonsets')).toContain('/chapters/maintenance#drain-cordon-then-evict');
    expect(urls('quorum')).toContain('/chapters/the-control-plane#etcd-the-cluster-s-memory');
  });

  it('answers old names with the current ones', () => {
    expect(urls('master')).toContain('/glossary#control-plane');
    expect(urls('minion')).toContain('/glossary#node');
    expect(urls('k8s')).toContain('/glossary#kubernetes');
  });

  it('lets a common word rank the records of a telling word, not bring in its own', () => {
    // "node" is in most of this corpus; "drain" picks the answer.
    expect(urls('drain a node', 10)).toEqual(['/chapters/maintenance#drain-cordon-then-evict']);
  });

  it('returns results best first, each with a score between 0 and 1', () => {
    const scores = engine.search('kubelet heartbeats').hits.map((h) => h.score);
    expect(scores).toEqual([...scores].sort((a, b) => a - b));
    expect(scores.every((s) => s >= 0 && s <= 1)).toBe(true);
  });

  it('respects the limit', () => {
    expect(engine.search('node', { limit: 2 }).hits).toHaveLength(2);
  });
});

describe('results are grouped by chapter', () => {
  it('keeps glossary entries together and orders groups by their best hit', () => {
    const groups = groupHits(engine.search('kubelet', { limit: 10 }).hits);
    const labels = groups.map((g) => g.label);
    expect(new Set(labels).size).toBe(labels.length);
    expect(labels).toContain('Glossary');
    expect(labels).toContain('Worker nodes');
  });
});

describe('suggestions help when there is nothing to show', () => {
  it('offers glossary terms whose names look like an unmatched query', () => {
    expect(engine.search('etcdctl').hits).toEqual([]);
    expect(engine.suggest('etcdctl').map((r) => r.title)).toContain('etcd');
  });

  it('offers starting points before anything is typed', () => {
    expect(engine.suggest('').map((r) => r.url)).toEqual(expect.arrayContaining(['/glossary#kubelet', '/glossary#etcd']));
  });
});
