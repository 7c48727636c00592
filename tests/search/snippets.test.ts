import { createSearchEngine } from '@/lib/search';
import { markText, snippetOf, termMatcher } from '@/lib/search/engine/highlight';
import type { QueryTerm } from '@/lib/search';
import { section } from './fixtures/records';

const prefix = (text: string): QueryTerm => ({ text, match: 'prefix' });
const marked = ({ text, marks }: { text: string; marks: [number, number][] }) => marks.map(([s, e]) => text.slice(s, e));

describe('matched words are highlighted in display text', () => {
  it('marks whole words that start with a term, in any case', () => {
    expect(marked(markText('Namespaces and a namespace, not subnamespace.', termMatcher([prefix('namespace')])))).toEqual([
      'Namespaces',
      'namespace',
    ]);
  });

  it('marks a phrase across the punctuation that normalisation removed', () => {
    expect(marked(markText('Run kube-proxy, or kube proxy.', termMatcher([prefix('kube proxy')])))).toEqual(['kube-proxy', 'kube proxy']);
  });

  it('marks nothing without terms', () => {
    expect(markText('anything', termMatcher([]))).toEqual({ text: 'anything', marks: [] });
  });
});

describe('snippets show the text around the best match', () => {
  const long = `${'Filler words about other things. '.repeat(20)}The kubelet renews its Lease every 10 seconds. ${'More filler. '.repeat(20)}`;

  it('cuts around the match, at word boundaries, with ellipses where text was cut', () => {
    const snippet = snippetOf(long, termMatcher([prefix('lease')]));
    expect(snippet.text.startsWith('…')).toBe(true);
    expect(snippet.text.endsWith('…')).toBe(true);
    expect(marked(snippet)).toEqual(['Lease']);
    expect(snippet.text.length).toBeLessThanOrEqual(182);
  });

  it('prefers the window holding the most different query words', () => {
    const text = `kubelet alone here. ${'x '.repeat(150)} The kubelet renews its lease here.`;
    const snippet = snippetOf(text, termMatcher([prefix('kubelet'), prefix('lease')]), 60);
    expect(marked(snippet)).toEqual(['kubelet', 'lease']);
  });

  it('starts at the beginning when nothing matches', () => {
    expect(snippetOf('Short text.', null)).toEqual({ text: 'Short text.', marks: [] });
  });

  it('comes with every hit, as do the marked title and heading', () => {
    const engine = createSearchEngine([section('Worker nodes', 'The kubelet', long)]);
    const [hit] = engine.search('lease').hits;
    expect(marked(hit.snippet)).toEqual(['Lease']);
    expect(engine.search('kubelet').hits[0].section).toEqual({ text: 'The kubelet', marks: [[4, 11]] });
  });
});
