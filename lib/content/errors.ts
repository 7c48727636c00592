/** A problem found in a content file, reported as `path:line: message` like a compiler would. */
export interface ContentProblem {
  file: string;
  line?: number;
  message: string;
}

export function formatProblem(p: ContentProblem): string {
  return `${p.file}${p.line ? `:${p.line}` : ''}: ${p.message}`;
}

/** Thrown when content is invalid; its message lists every problem so one build shows them all. */
export class ContentError extends Error {
  constructor(readonly problems: ContentProblem[]) {
    super(
      `Invalid content (${problems.length} problem${problems.length === 1 ? '' : 's'}):\n` +
        problems.map((p) => `  ${formatProblem(p)}`).join('\n'),
    );
    this.name = 'ContentError';
  }
}

/** Every content error message, defined once; tests import these instead of repeating strings. */
export const errorMessages = {
  missingFrontmatter: 'missing frontmatter: the file must start with a --- block',
  unclosedFrontmatter: 'frontmatter is not closed: add a line with --- after it',
  yaml: (reason: string) => `frontmatter is not valid YAML: ${reason}`,
  field: (path: string, reason: string, what = 'frontmatter field') => `${what} "${path}": ${reason}`,
  mdxSyntax: (reason: string) => `MDX syntax error: ${reason}`,
  unknownTerm: (id: string) => `unknown glossary term <Term id="${id}"> (add content/glossary/${id}.mdx)`,
  termWithoutId: '<Term> needs an id attribute, e.g. <Term id="kubelet">',
  unknownComponent: (name: string, known: readonly string[]) => `unknown component <${name}>; MDX may use: ${known.join(', ')}`,
  unknownPart: (part: string, known: string[]) => `unknown part "${part}"; parts are: ${known.join(', ')}`,
  brokenChapterLink: (href: string) => `link to a chapter that does not exist: ${href}`,
  brokenAnchor: (href: string) => `link to a heading that does not exist: ${href}`,
  brokenGlossaryLink: (href: string) => `link to a glossary term that does not exist: ${href}`,
  duplicateSlug: (slug: string, other: string) => `duplicate chapter slug "${slug}" (also ${other})`,
  duplicateOrder: (part: string, order: number, other: string) => `duplicate order ${order} in part "${part}" (also ${other})`,
  duplicateHeading: (id: string) => `two headings share the id "${id}"; headings must be unique`,
} as const;
