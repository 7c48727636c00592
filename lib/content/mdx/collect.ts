import { visit } from 'unist-util-visit';
import type { Root as MdastRoot } from 'mdast';

/** What a remark pass records about one MDX file, for checks that need the whole site. */
export interface MdxReferences {
  components: { name: string; line?: number; attributes: Record<string, string | null> }[];
  links: { href: string; line?: number }[];
}

interface JsxAttribute {
  type: string;
  name?: string;
  value?: unknown;
}

/** A remark plugin that records every capitalised JSX element and every link, with its line. */
export function remarkCollectReferences(into: MdxReferences) {
  return () => (tree: MdastRoot) => {
    visit(tree, (node) => {
      const line = node.position?.start.line;
      const type: string = node.type;
      if (type === 'mdxJsxFlowElement' || type === 'mdxJsxTextElement') {
        const el = node as unknown as { name: string | null; attributes: JsxAttribute[] };
        if (!el.name || !/^[A-Z]/.test(el.name)) return;
        const attributes: Record<string, string | null> = {};
        for (const a of el.attributes) {
          if (a.type === 'mdxJsxAttribute' && a.name) attributes[a.name] = typeof a.value === 'string' ? a.value : null;
        }
        into.components.push({ name: el.name, line, attributes });
      } else if (type === 'link' || type === 'definition') {
        into.links.push({ href: (node as { url: string }).url, line });
      }
    });
  };
}
