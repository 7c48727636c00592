import { createSearchEngine, groupHits } from '@/lib/search';
import { sampleRecords, section, term } from './fixtures/records';

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

  it('lets a rare word outweigh a common one (IDF): records with "drain" before those with only "node"', () => {
    // "node" is in most of this corpus; "drain" picks the answer.
    const found = engine.search('drain a node', { limit: 20 }).hits.map((h) => h.record);
    expect(found[0].url).toBe('/chapters/maintenance#drain-cordon-then-evict');
    const hasDrain = found.map((r) => /drain/i.test(`${r.section} ${r.text}`));
    expect(hasDrain.indexOf(false)).toBeGreaterThan(hasDrain.lastIndexOf(true));
  });

  it('does not stretch a word into another: stat finds no StatefulSet', () => {
    const corpus = createSearchEngine([
      section('Limits', 'Seeing throttling in cpu.stat', 'cpu.stat counts the periods a group was throttled.'),
      section('Failure', 'StatefulSet pods', 'A StatefulSet pod keeps its name.'),
    ]);
    expect(corpus.search('stat').hits.map((h) => h.record.section)).toEqual(['Seeing throttling in cpu.stat']);
  });

  it('ranks the section quoting a pasted error message above sections that share its words', () => {
    const corpus = createSearchEngine([
      section('Maintenance', 'Drain', 'error: cannot delete DaemonSet-managed Pods (use --ignore-daemonsets to ignore)'),
      section(
        'Failure',
        'DaemonSet pods',
        'DaemonSet pods are managed by their DaemonSet; delete one and it comes back. Pods cannot move.',
      ),
      section('Failure', 'Deleting pods', 'You delete pods with kubectl delete; managed pods come back.'),
    ]);
    expect(corpus.search('cannot delete DaemonSet-managed Pods').hits[0].record.section).toBe('Drain');
  });

  it('ranks a quiz question below the section that teaches the same words', () => {
    const corpus = createSearchEngine([
      { ...section('Nodes', 'Quiz', 'How long do pods wait on a failed node before eviction?'), kind: 'quiz' },
      section('Nodes', 'Why pods wait five minutes', 'Pods on a failed node wait before eviction: five minutes.'),
    ]);
    expect(corpus.search('pods wait failed node eviction').hits.map((h) => h.record.kind)).toEqual(['section', 'quiz']);
  });

  it('finds Korean names with their particles stripped', () => {
    const corpus = createSearchEngine([
      { ...term('pod', 'The smallest unit.'), koNames: ['파드'], koText: '가장 작은 단위.' },
      term('node', 'A machine.'),
    ]);
    const { hits } = corpus.search('파드가');
    expect(hits.map((h) => h.record.url)).toEqual(['/glossary#pod']);
    expect(hits[0].snippet.text).toBe('가장 작은 단위.');
    expect(hits[0].title.text).toBe('pod (파드)');
    expect(corpus.search('pod').hits[0].title.text).toBe('pod');
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

  it('offers chapters too, so a search for something the notes lack is no dead end', () => {
    const chapters = engine.suggestChapters('helm chart');
    expect(chapters.length).toBeGreaterThan(0);
    expect(chapters.every((r) => r.kind === 'section' && r.section === null)).toBe(true);
  });

  it('offers starting points before anything is typed', () => {
    expect(engine.suggest('').map((r) => r.url)).toEqual(expect.arrayContaining(['/glossary#kubelet', '/glossary#etcd']));
  });
});
