import { LineCounter, parseDocument, isNode } from 'yaml';
import type { z } from 'zod';
import { errorMessages, type ContentProblem } from './errors';

export interface SplitSource {
  /** The YAML between the --- fences. */
  yaml: string;
  /** The body with the frontmatter replaced by blank lines, so body line numbers are file line numbers. */
  body: string;
}

const fence = /^---[ \t]*$/;

export function splitFrontmatter(source: string): SplitSource | ContentProblem {
  const lines = source.split('\n');
  if (!fence.test(lines[0] ?? '')) return { file: '', line: 1, message: errorMessages.missingFrontmatter };
  const end = lines.findIndex((l, i) => i > 0 && fence.test(l));
  if (end < 0) return { file: '', line: 1, message: errorMessages.unclosedFrontmatter };
  return {
    yaml: lines.slice(1, end).join('\n'),
    body: '\n'.repeat(end + 1) + lines.slice(end + 1).join('\n'),
  };
}

/**
 * Parses YAML and validates it with a schema; problems carry the line of the offending field
 * (`lineOffset` is the file line where the YAML starts).
 */
export function parseYamlWith<S extends z.ZodType>(
  file: string,
  yamlText: string,
  schema: S,
  lineOffset = 1,
): { data: z.infer<S> } | { problems: ContentProblem[] } {
  const lineCounter = new LineCounter();
  const doc = parseDocument(yamlText, { lineCounter, prettyErrors: false });
  if (doc.errors.length > 0) {
    return {
      problems: doc.errors.map((e) => ({
        file,
        line: lineOffset + (e.linePos?.[0]?.line ?? 1) - 1,
        message: errorMessages.yaml(e.message.split('\n')[0]),
      })),
    };
  }
  const result = schema.safeParse(doc.toJS() ?? {});
  if (result.success) return { data: result.data };
  return {
    problems: result.error.issues.map((issue) => {
      const keyPath = issue.path.map(String);
      let node: unknown = keyPath.length ? doc.getIn(issue.path as (string | number)[], true) : doc.contents;
      // A missing field has no node: point at its parent instead.
      for (let up = keyPath.length - 1; !isNode(node) && up >= 0; up--) {
        node = up === 0 ? doc.contents : doc.getIn(issue.path.slice(0, up) as (string | number)[], true);
      }
      const offset = isNode(node) && node.range ? node.range[0] : 0;
      return {
        file,
        line: lineOffset + lineCounter.linePos(offset).line - 1,
        message: errorMessages.field(keyPath.join('.') || '(root)', issue.message),
      };
    }),
  };
}
