import { createSearchEngine } from '@/lib/search';
import { normalizeText, stem, stripParticle, wordsOf } from '@/lib/search/query/normalize';
import { sampleRecords } from './fixtures/records';

const engine = createSearchEngine(sampleRecords);
/** Each concept of a query as its alternatives, phrases joined with "_": "kube_proxy|kubeproxy". */
const conceptsOf = (query: string) =>
  engine.search(query).query.concepts.map((c) => c.alternatives.map((a) => a.words.join('_')).join('|'));
const termsOf = (query: string) => engine.search(query).query.terms.map((t) => t.text);

describe('text is normalised the same way for the notes and for queries', () => {
  it.each([
    ['kube-proxy', ' kube proxy '],
    ['Kube_Proxy', ' kube proxy '],
    ['  KUBE   proxy ', ' kube proxy '],
    ["the kubelet's Lease", ' the kubelet lease '],
    ['naïve café', ' naive cafe '],
    ['.*+?^${}()|[]\\', ' '],
    ['🚀 containers 🐳', ' containers '],
  ])('%j becomes %j', (input, expected) => {
    expect(normalizeText(input)).toBe(expected);
  });

  it('splits into words', () => {
    expect(wordsOf('memory.high: slow down')).toEqual(['memory', 'high', 'slow', 'down']);
  });
});

describe('words are stemmed to one form all their inflections share, compared whole', () => {
  it.each([
    ['pods', 'pod'],
    ['namespaces', 'namespac'],
    ['namespace', 'namespac'],
    ['policies', 'policy'],
    ['scheduling', 'schedul'],
    ['schedule', 'schedul'],
    ['running', 'run'],
    ['eviction', 'evict'],
    ['evicted', 'evict'],
    ['processes', 'process'],
    ['scaled', 'scale'],
    ['listing', 'list'],
    ['status', 'status'],
    ['address', 'address'],
    ['dns', 'dns'],
    ['state', 'state'],
    ['stat', 'stat'],
    ['statefulset', 'statefulset'],
  ])('%s -> %s', (word, expected) => {
    expect(stem(word)).toBe(expected);
  });

  it('keeps unrelated words apart: stat is not state, nor StatefulSet', () => {
    expect(new Set([stem('stat'), stem('state'), stem('statefulset'), stem('static')]).size).toBe(4);
  });

  it.each([
    ['노드가', '노드'],
    ['파드는', '파드'],
    ['컨테이너를', '컨테이너'],
    ['노드에서', '노드'],
    ['쿠버네티스의', '쿠버네티스'],
    ['정도', '정도'],
  ])('takes the particle off Korean %s -> %s', (word, expected) => {
    expect(stripParticle(word)).toBe(expected);
  });
});

describe('queries are interpreted before they are searched', () => {
  it('drops question words and other stopwords, but not negations', () => {
    expect(conceptsOf('what does the kubelet do')).toEqual(['kubelet']);
    expect(engine.search('cannot delete').query.sequence).toContain('cannot');
  });

  it('corrects typos against the words of the notes and says so', () => {
    const { query } = engine.search('kublet');
    expect(query.corrections).toEqual([{ from: 'kublet', to: 'kubelet' }]);
    expect(termsOf('kublet')).toEqual(['kubelet']);
    expect(engine.search('ectd').query.corrections).toEqual([{ from: 'ectd', to: 'etcd' }]);
    expect(engine.search('namspace').query.corrections).toEqual([{ from: 'namspace', to: 'namespace' }]);
  });

  it('searches the words as typed when asked to (search instead for)', () => {
    const { query, hits } = engine.search('kublet', { exact: true });
    expect(query.corrections).toEqual([]);
    expect(query.unknown).toEqual(['kublet']);
    expect(hits).toEqual([]);
  });

  it('does not turn a word the notes lack into a real word they have: helm chart is not help cart', () => {
    const { query } = engine.search('helm chart');
    expect(query.corrections).toEqual([]);
    expect(query.unknown).toEqual(expect.arrayContaining(['helm']));
  });

  it('corrects four-letter words only for swapped letters', () => {
    expect(engine.search('ectd').query.corrections).toHaveLength(1);
    expect(engine.search('etcx').query.corrections).toEqual([]);
  });

  it('does not correct a word that is still being typed', () => {
    expect(engine.search('kubel').query.corrections).toEqual([]);
    expect(conceptsOf('kubel')[0].split('|')).toContain('kubelet');
  });

  it('reads kube-proxy, kube proxy and kubeproxy as the same phrase', () => {
    expect(conceptsOf('kube-proxy')[0].split('|')[0]).toBe('kube_proxy');
    expect(conceptsOf('kube proxy')[0].split('|')[0]).toBe('kube_proxy');
    expect(conceptsOf('kubeproxy')[0].split('|')[0]).toBe('kube_proxy');
  });

  it('joins words typed apart that the notes write as one', () => {
    expect(conceptsOf('daemon sets')[0].split('|')).toEqual(expect.arrayContaining(['daemonset', 'daemon_set']));
  });

  it('expands old names to what the notes call the thing now', () => {
    expect(conceptsOf('master')[0].split('|')).toEqual(expect.arrayContaining(['master', 'control_plane']));
    expect(conceptsOf('minion')[0].split('|')).toEqual(expect.arrayContaining(['minion', 'node']));
    expect(conceptsOf('k8s')[0].split('|')).toEqual(expect.arrayContaining(['k8s', 'kubernet']));
  });

  it('lets a glossary alias stand for its entry, for less than the typed word', () => {
    const [concept] = engine.search('kubeconfig').query.concepts;
    const weights = Object.fromEntries(concept.alternatives.map((a) => [a.words.join(' '), a.weight]));
    expect(weights.kubectl).toBeLessThan(weights.kubeconfig);
  });

  it('leaves out words that are neither in the notes nor a typo of one', () => {
    expect(conceptsOf('kubelet frobnicate')).toEqual(['kubelet']);
  });

  it('searches a query of stopwords only for those words', () => {
    expect(conceptsOf('the')).toEqual(['the']);
  });

  it('matches very short words whole', () => {
    expect(engine.search('PID 1').query.terms).toContainEqual({ text: '1', match: 'word' });
  });
});
