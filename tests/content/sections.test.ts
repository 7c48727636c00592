import type { Element, Root } from 'hast';
import { rehypeSections } from '@/lib/content/mdx/sections';

const h = (tagName: string, text = ''): Element => ({
  type: 'element',
  tagName,
  properties: {},
  children: text ? [{ type: 'text', value: text }] : [],
});

describe('chapter sections', () => {
  it('wraps each h2 with what follows it, leaves the text before the first h2 alone, and marks a section with a lab as always laid out', () => {
    const lab = { type: 'mdxJsxFlowElement', name: 'ClusterLab', attributes: [], children: [] } as unknown as Element;
    const tree: Root = {
      type: 'root',
      children: [h('p', 'intro'), h('h2', 'One'), h('p', 'a'), h('h3', 'sub'), h('h2', 'Two'), { ...h('div'), children: [lab] }],
    };
    rehypeSections()()(tree);
    const [intro, one, two] = tree.children as Element[];
    expect(tree.children).toHaveLength(3);
    expect(intro.tagName).toBe('p');
    expect(one.tagName).toBe('section');
    expect(one.properties.className).toEqual(['prose-section']);
    expect((one.children as Element[]).map((c) => c.tagName)).toEqual(['h2', 'p', 'h3']);
    expect(two.properties.className).toEqual(['prose-section', 'prose-section-live']);
  });

  it('makes no section in a text without h2 headings', () => {
    const tree: Root = { type: 'root', children: [h('p', 'a'), h('h3', 'b')] };
    rehypeSections()()(tree);
    expect((tree.children as Element[]).map((c) => c.tagName)).toEqual(['p', 'h3']);
  });
});
