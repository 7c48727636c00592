import GithubSlugger from 'github-slugger';
import { toString as hastToString } from 'hast-util-to-string';
import type { Element, Root as HastRoot, RootContent } from 'hast';

export interface TocItem {
  depth: 2 | 3;
  id: string;
  text: string;
}

/** A chapter cut at its h2/h3 headings: the unit that search indexes and links to. */
export interface Section {
  /** null for the text before the first heading. */
  id: string | null;
  heading: string | null;
  depth: 2 | 3 | null;
  text: string;
}

export interface HeadingInfo {
  toc: TocItem[];
  sections: Section[];
  ids: string[];
  duplicateIds: { id: string; line?: number }[];
}

const headingDepth: Record<string, number> = { h2: 2, h3: 3, h4: 4, h5: 5, h6: 6 };
// Expressions and ESM are code, not prose; they have no place in a table of contents or search.
const skipped = new Set(['mdxjsEsm', 'mdxFlowExpression', 'mdxTextExpression']);
const blockTags = /^(p|li|pre|tr|td|th|h\d|div|blockquote|dt|dd)$/;

function plainText(node: RootContent): string {
  if (skipped.has(node.type)) return '';
  if ('children' in node) {
    const inner = (node.children as RootContent[]).map(plainText).join('');
    return node.type === 'element' && blockTags.test((node as Element).tagName) ? ` ${inner} ` : inner;
  }
  return 'value' in node && typeof node.value === 'string' ? node.value : '';
}

/**
 * Gives every heading a stable id (the GitHub slug of its text), turns its text into a link to
 * itself, and records the table of contents (h2/h3) and the sections between headings.
 */
export function rehypeHeadings(into: HeadingInfo) {
  return () => (tree: HastRoot) => {
    const slugger = new GithubSlugger();
    const seen = new Set<string>();
    let current: Section = { id: null, heading: null, depth: null, text: '' };
    const sections: Section[] = [current];

    for (const node of tree.children) {
      const depth = node.type === 'element' ? headingDepth[node.tagName] : undefined;
      if (node.type === 'element' && depth) {
        const text = hastToString(node).trim();
        const explicit = typeof node.properties.id === 'string' ? node.properties.id : undefined;
        const id = explicit ?? slugger.slug(text);
        if (seen.has(id)) into.duplicateIds.push({ id, line: node.position?.start.line });
        seen.add(id);
        node.properties.id = id;
        node.children = [
          { type: 'element', tagName: 'a', properties: { className: ['heading-link'], href: `#${id}` }, children: node.children },
        ];
        into.ids.push(id);
        if (depth === 2 || depth === 3) {
          into.toc.push({ depth, id, text });
          current = { id, heading: text, depth, text: '' };
          sections.push(current);
        }
        continue;
      }
      const text = plainText(node).replace(/\s+/g, ' ').trim();
      if (text) current.text = current.text ? `${current.text} ${text}` : text;
    }
    into.sections = sections.filter((s) => s.id !== null || s.text);
  };
}
