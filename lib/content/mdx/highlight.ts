import rehypeShiki, { type RehypeShikiOptions } from '@shikijs/rehype';
import type { BundledLanguage, ShikiTransformer } from 'shiki';

const languageLabels: Record<string, string> = {
  bash: 'Shell', sh: 'Shell', console: 'Terminal', shellsession: 'Terminal', yaml: 'YAML', dockerfile: 'Dockerfile',
  json: 'JSON', go: 'Go', text: 'Text', ts: 'TypeScript', js: 'JavaScript', ini: 'INI', toml: 'TOML', diff: 'Diff',
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

/** Build-time highlighting with both themes as CSS variables, so no highlighter ships to the browser. */
export const highlightPlugin: [typeof rehypeShiki, RehypeShikiOptions] = [
  rehypeShiki,
  {
    themes: { light: 'github-light-default', dark: 'github-dark-default' },
    defaultColor: false,
    langs: Object.keys(languageLabels) as BundledLanguage[],
    fallbackLanguage: 'text',
    transformers: [codeMeta],
  },
];
