import type { Element, Root as HastRoot, RootContent } from 'hast';

/** Components that mount interactive code as they near the viewport: their sections are always laid out. */
const islands = new Set(['ClusterLab']);

function hasIsland(node: RootContent): boolean {
  // MDX's JSX nodes are not in hast's types.
  const jsx = node as { type: string; name?: string | null };
  if (jsx.type === 'mdxJsxFlowElement' && jsx.name && islands.has(jsx.name)) return true;
  return 'children' in node && (node.children as RootContent[]).some(hasIsland);
}

/**
 * Wraps each h2 and what follows it, up to the next h2, in `<section class="prose-section">`.
 * The stylesheet lets the browser skip laying out such a section until it nears the viewport, so
 * a long chapter's first layout shapes only the text on the first screen (app/styles/prose.css).
 * A section holding a lab is marked `prose-section-live` and is never skipped: the lab's loader
 * watches its own box. Runs after rehypeHeadings, which reads the flat list of headings.
 */
export function rehypeSections() {
  return () => (tree: HastRoot) => {
    const children: RootContent[] = [];
    let section: Element | undefined;
    for (const node of tree.children) {
      if (node.type === 'element' && node.tagName === 'h2') {
        section = { type: 'element', tagName: 'section', properties: { className: ['prose-section'] }, children: [] };
        children.push(section);
      }
      if (section) section.children.push(node as Element['children'][number]);
      else children.push(node);
    }
    for (const node of children)
      if (node.type === 'element' && node.tagName === 'section' && node.children.some(hasIsland))
        node.properties.className = ['prose-section', 'prose-section-live'];
    tree.children = children;
  };
}
