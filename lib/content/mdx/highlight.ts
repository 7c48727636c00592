import rehypeShiki, { type RehypeShikiOptions } from '@shikijs/rehype';
import type { BundledLanguage, ShikiTransformer } from 'shiki';

const languageLabels: Record<string, string> = {
  bash: 'Shell',
  sh: 'Shell',
  console: 'Terminal',
  shellsession: 'Terminal',
  yaml: 'YAML',
  dockerfile: 'Dockerfile',
  json: 'JSON',
  go: 'Go',
  text: 'Text',
  ts: 'TypeScript',
  js: 'JavaScript',
  ini: 'INI',
  toml: 'TOML',
  diff: 'Diff',
};

/** Adds the language label and an optional `title="..."` from the code fence's meta to the <pre>. */
const codeMeta: ShikiTransformer = {
  name: 'clusterbook:code-meta',
  pre(node) {
    const lang = this.options.lang;
    node.properties['data-language'] = languageLabels[lang] ?? lang;
    const raw = (this.options.meta as { __raw?: string } | undefined)?.__raw ?? '';
    const title = /title="([^"]+)"/.exec(raw)?.[1];
    if (title) node.properties['data-title'] = title;
  },
};

/**
 * Replaces each token's inline colour variables with a short class named after its light and
 * dark colours, recording the pairs so the page can carry one CSS rule per pair. Inline styles on
 * every token would double the page weight (HTML plus the React payload) and slow style recalc.
 */
function colorClasses(pairs: Set<string>): ShikiTransformer {
  return {
    name: 'clusterbook:color-classes',
    pre(node) {
      delete node.properties.style;
    },
    span(node) {
      const style = String(node.properties.style ?? '');
      const light = /--shiki-light:#([0-9a-f]{3,8})/i.exec(style)?.[1]?.toLowerCase();
      const dark = /--shiki-dark:#([0-9a-f]{3,8})/i.exec(style)?.[1]?.toLowerCase();
      if (!light || !dark) return;
      delete node.properties.style;
      const pair = `${light}-${dark}`;
      pairs.add(pair);
      this.addClassToHast(node, `sk-${pair}`);
    },
  };
}

/** The CSS for the colour classes a page uses: each token follows the page's light/dark theme. */
export function codeColorCss(pairs: Iterable<string>): string {
  return [...pairs]
    .sort()
    .map((pair) => {
      const [light, dark] = pair.split('-');
      return `.sk-${pair}{color:light-dark(#${light},#${dark})}`;
    })
    .join('');
}

/** Build-time highlighting in both themes, so no highlighter ships to the browser. */
export function highlightPlugin(pairs: Set<string>): [typeof rehypeShiki, RehypeShikiOptions] {
  return [
    rehypeShiki,
    {
      themes: { light: 'github-light-default', dark: 'github-dark-default' },
      defaultColor: false,
      langs: Object.keys(languageLabels) as BundledLanguage[],
      fallbackLanguage: 'text',
      transformers: [codeMeta, colorClasses(pairs)],
    },
  ];
}
