import { LineCounter, parseDocument, isMap, isNode, isScalar, type Document } from 'yaml';
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
 * (`lineOffset` is the file line where the YAML starts; `what` names a field in messages).
 */
export function parseYamlWith<S extends z.ZodType>(
  file: string,
  yamlText: string,
  schema: S,
  lineOffset = 1,
  what = 'field',
): { data: z.infer<S>; keyLines: Record<string, number> } | { problems: ContentProblem[] } {
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
  if (result.success) {
    const keyLines: Record<string, number> = {};
    if (isMap(doc.contents)) {
      for (const pair of doc.contents.items) {
        if (isScalar(pair.key) && pair.key.range)
          keyLines[String(pair.key.value)] = lineOffset + lineCounter.linePos(pair.key.range[0]).line - 1;
      }
    }
    return { data: result.data, keyLines };
  }
  return {
    problems: result.error.issues.map((issue) => ({
      file,
      line: lineOffset + lineCounter.linePos(offsetOf(doc, issue.path as (string | number)[])).line - 1,
      message: errorMessages.field(issue.path.map(String).join('.') || '(root)', issue.message, what),
    })),
  };
}

/**
 * Where a field is in the YAML text: the key of a mapping entry (so "objectives:" rather than its
 * first item), or the nearest existing parent when the field is missing.
 */
function offsetOf(doc: Document, path: (string | number)[]): number {
  for (let depth = path.length; depth > 0; depth--) {
    const parent = depth === 1 ? doc.contents : doc.getIn(path.slice(0, depth - 1), true);
    const key = path[depth - 1];
    if (isMap(parent)) {
      const pair = parent.items.find((p) => isScalar(p.key) && p.key.value === key);
      if (pair && isNode(pair.key) && pair.key.range) return pair.key.range[0];
    } else {
      const node = doc.getIn(path.slice(0, depth), true);
      if (isNode(node) && node.range) return node.range[0];
    }
  }
  return isNode(doc.contents) && doc.contents.range ? doc.contents.range[0] : 0;
}

/** The line of a value in a YAML text, for problems found after the schema passed. */
export function yamlLines(text: string): (keyPath: (string | number)[]) => number | undefined {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter });
  return (keyPath) => {
    const node = doc.getIn(keyPath, true);
    return isNode(node) && node.range ? lineCounter.linePos(node.range[0]).line : undefined;
  };
}
