/**
 * A chapter's MDX source as plain Markdown, for "Copy page as Markdown" and llms.txt: the
 * frontmatter and JSX become their Markdown meaning (a term is its text, a callout a quote), and
 * what only works in the browser (labs, diagrams) is named with a link to the page.
 */
export interface MarkdownPage {
  title: string;
  description: string;
  url: string;
  source: string;
  /** A glossary id's display name, for terms written without their own text. */
  termTitle: (id: string) => string;
}

const frontmatter = /^---\r?\n[\s\S]*?\r?\n---\r?\n/;

function attribute(tag: string, name: string): string | undefined {
  return new RegExp(`\\b${name}="([^"]*)"`).exec(tag)?.[1];
}

export function chapterMarkdown({ title, description, url, source, termTitle }: MarkdownPage): string {
  let body = source.replace(frontmatter, '');
  // Only outside fenced code: a code block may show JSX-looking text that must stay as it is.
  body = body
    .split(/(^```[\s\S]*?^```)/m)
    .map((part, i) => (i % 2 === 1 ? part : prose(part, url, termTitle)))
    .join('');
  return `# ${title}\n\n> ${description}\n\nSource: ${url}\n\n${body.trim()}\n`;
}

function prose(text: string, url: string, termTitle: (id: string) => string): string {
  return text
    .replace(/<Term\b[^>]*?\bid="([^"]+)"[^>]*\/>/g, (_m, id: string) => termTitle(id))
    .replace(/<Term\b[^>]*>([\s\S]*?)<\/Term>/g, '$1')
    .replace(/<Callout\b([^>]*)>([\s\S]*?)<\/Callout>/g, (_m, attrs: string, inner: string) => {
      const heading = attribute(attrs, 'title') ?? (attribute(attrs, 'type') ?? 'note').replace(/^./, (c) => c.toUpperCase());
      const lines = [`**${heading}**`, '', ...inner.trim().split('\n')];
      return lines.map((l) => (l ? `> ${l}` : '>')).join('\n');
    })
    .replace(/<ClusterLab\b[^>]*\/>/g, (tag) => `*Interactive lab "${attribute(tag, 'scenario') ?? 'lab'}": run it at ${url}*`)
    .replace(/<([A-Z][A-Za-z]+)\b[^>]*\/>/g, (_m, name: string) => `*Diagram (${name.replace(/([a-z])([A-Z])/g, '$1 $2')}): see ${url}*`)
    .replace(/\]\((\/[^)\s]*)\)/g, (_m, href: string) => `](${new URL(url).origin}${href})`);
}
