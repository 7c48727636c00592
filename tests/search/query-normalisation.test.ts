import { createSearchEngine } from '@/lib/search';
import { normalizeText, stem, wordsOf } from '@/lib/search/query/normalize';
import { sampleRecords } from './fixtures/records';

const engine = createSearchEngine(sampleRecords);
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

describe('words are stemmed to a prefix all their forms share', () => {
  it.each([
    ['pods', 'pod'],
    ['namespaces', 'namespace'],
    ['policies', 'polic'],
    ['scheduling', 'schedul'],
    ['running', 'run'],
    ['eviction', 'evict'],
    ['processes', 'process'],
    ['restore', 'restor'],
    ['status', 'status'],
    ['address', 'address'],
    ['dns', 'dns'],
    ['state', 'state'],
  ])('%s -> %s', (word, expected) => {
    expect(stem(word)).toBe(expected);
  });
});

describe('queries are interpreted before they are searched', () => {
  it('drops question words and other stopwords', () => {
    expect(termsOf('what does the kubelet do')).toEqual(['kubelet']);
  });

  it('corrects typos against the words of the notes and says so', () => {
    const { query } = engine.search('kublet');
    expect(query.corrections).toEqual([{ from: 'kublet', to: 'kubelet' }]);
    expect(query.terms.map((t) => t.text)).toEqual(['kubelet']);
    expect(engine.search('ectd').query.corrections).toEqual([{ from: 'ectd', to: 'etcd' }]);
    expect(engine.search('namspace').query.corrections).toEqual([{ from: 'namspace', to: 'namespace' }]);
  });

  it('does not correct a word that is still being typed', () => {
    expect(engine.search('kubel').query.corrections).toEqual([]);
    expect(termsOf('kubel')).toEqual(['kubel']);
  });

  it('reads kube-proxy, kube proxy and kubeproxy as the same phrase', () => {
    expect(termsOf('kube-proxy')).toEqual(['kube proxy']);
    expect(termsOf('kube proxy')).toEqual(['kube proxy']);
    expect(termsOf('kubeproxy')).toEqual(['kube proxy']);
  });

  it('searches plurals by their stem', () => {
    expect(termsOf('namespaces')).toEqual(['namespace']);
    expect(termsOf('daemon sets')).toEqual(['daemon set', 'daemonset']);
  });

  it('expands old names to what the notes call the thing now', () => {
    expect(termsOf('master')).toEqual(['master', 'control plane']);
    expect(termsOf('minion')).toEqual(['minion', 'node', 'worker node']);
    expect(termsOf('k8s')).toEqual(['k8s', 'kubernetes']);
  });

  it('lets a glossary alias rank up its entry without bringing in records of its own', () => {
    const related = engine.search('kubeconfig').query.terms.find((t) => t.text === 'kubectl');
    expect(related?.role).toBe('related');
  });

  it('leaves out words that are neither in the notes nor a typo of one', () => {
    expect(termsOf('kubelet frobnicate')).toEqual(['kubelet']);
  });

  it('searches a query of stopwords only for those words', () => {
    expect(termsOf('the')).toEqual(['the']);
  });

  it('matches very short words whole', () => {
    expect(engine.search('PID 1').query.terms).toContainEqual({ text: '1', match: 'word', role: expect.any(String) });
  });
});
