// Kubernetes JSONPath (k8s.io/client-go/util/jsonpath) over the API objects: text with {actions},
// where an action is a path (.a.b, ['a.b'], [*], [0], [-1], [0:2], ..name, [?(@.x=="y")]), a
// "literal", or {range PATH}...{end}. Several results of one action print space-separated;
// maps and lists print as JSON; missing keys print nothing, as kubectl get allows them.
import { jsonpathErrors } from '../../api/errors';
import type { Json } from './objects';
import { isJsonObject } from './json';

type Segment =
  | { type: 'field'; name: string }
  | { type: 'wildcard' }
  | { type: 'index'; start?: number; end?: number; single: boolean }
  | { type: 'recursive'; name: string }
  | { type: 'filter'; left: Segment[]; operator?: string; right?: Json | Segment[] };

type Node = { type: 'text'; text: string } | { type: 'path'; segments: Segment[] } | { type: 'range'; segments: Segment[]; body: Node[] };

export class JsonPathError extends Error {}

const nameChars = /[A-Za-z0-9_\-/$]/;

function parsePath(text: string): Segment[] {
  const segments: Segment[] = [];
  let i = 0;
  if (text[i] === '$' || text[i] === '@') i++;
  while (i < text.length) {
    const char = text[i];
    if (char === '.' && text[i + 1] === '.') {
      i += 2;
      let name = '';
      while (i < text.length && nameChars.test(text[i])) name += text[i++];
      if (!name) throw new JsonPathError(jsonpathErrors.unrecognizedCharacter('.'));
      segments.push({ type: 'recursive', name });
    } else if (char === '.') {
      i++;
      if (text[i] === '*') {
        i++;
        segments.push({ type: 'wildcard' });
        continue;
      }
      let name = '';
      while (i < text.length && nameChars.test(text[i])) name += text[i++];
      if (name) segments.push({ type: 'field', name });
    } else if (char === '[') {
      const close = matchingBracket(text, i);
      const inner = text.slice(i + 1, close).trim();
      i = close + 1;
      segments.push(parseBracket(inner));
    } else if (/\s/.test(char)) i++;
    else throw new JsonPathError(jsonpathErrors.unrecognizedCharacter(char));
  }
  return segments;
}

function matchingBracket(text: string, open: number): number {
  let depth = 0;
  let quote: string | undefined;
  for (let i = open; i < text.length; i++) {
    const char = text[i];
    if (quote) {
      if (char === quote) quote = undefined;
      continue;
    }
    if (char === '"' || char === "'") quote = char;
    else if (char === '[') depth++;
    else if (char === ']' && --depth === 0) return i;
  }
  throw new JsonPathError(jsonpathErrors.unclosedArray());
}

function literal(text: string): Json | Segment[] {
  const trimmed = text.trim();
  if (/^(['"]).*\1$/s.test(trimmed)) return trimmed.slice(1, -1);
  if (/^-?\d+(\.\d+)?$/.test(trimmed)) return Number(trimmed);
  if (trimmed === 'true' || trimmed === 'false') return trimmed === 'true';
  if (trimmed.startsWith('@') || trimmed.startsWith('$')) return parsePath(trimmed);
  throw new JsonPathError(jsonpathErrors.unrecognizedFilter(trimmed));
}

function parseBracket(inner: string): Segment {
  if (inner === '*') return { type: 'wildcard' };
  const quoted = /^(['"])(.*)\1$/s.exec(inner);
  if (quoted) return { type: 'field', name: quoted[2] };
  const filter = /^\?\((.*)\)$/s.exec(inner);
  if (filter) {
    const comparison = /^(.*?)\s*(==|!=|<=|>=|<|>)\s*(.*)$/s.exec(filter[1].trim());
    if (!comparison) return { type: 'filter', left: parsePath(filter[1].trim()) };
    return { type: 'filter', left: parsePath(comparison[1].trim()), operator: comparison[2], right: literal(comparison[3]) };
  }
  const slice = /^(-?\d*)\s*(?::\s*(-?\d*))?$/.exec(inner);
  if (slice && (slice[1] !== '' || slice[2] !== undefined)) {
    const start = slice[1] === '' ? undefined : Number(slice[1]);
    const single = slice[2] === undefined;
    return { type: 'index', start, end: single ? undefined : slice[2] === '' ? undefined : Number(slice[2]), single };
  }
  throw new JsonPathError(jsonpathErrors.invalidIndex(inner));
}

/** Splits a template into text and actions, nesting range ... end. */
export function parseTemplate(template: string): Node[] {
  const root: Node[] = [];
  const stack: Node[][] = [root];
  let i = 0;
  while (i < template.length) {
    const open = template.indexOf('{', i);
    if (open === -1) {
      stack[stack.length - 1].push({ type: 'text', text: template.slice(i) });
      break;
    }
    if (open > i) stack[stack.length - 1].push({ type: 'text', text: template.slice(i, open) });
    let close = open + 1;
    let quote: string | undefined;
    for (; close < template.length; close++) {
      const char = template[close];
      if (quote) {
        if (char === '\\') close++;
        else if (char === quote) quote = undefined;
      } else if (char === '"' || char === "'") quote = char;
      else if (char === '}') break;
    }
    if (close >= template.length) throw new JsonPathError(jsonpathErrors.unclosedAction());
    const action = template.slice(open + 1, close).trim();
    i = close + 1;
    const current = stack[stack.length - 1];
    if (action === 'end') {
      if (stack.length === 1) throw new JsonPathError(jsonpathErrors.nothingToEnd());
      stack.pop();
    } else if (action.startsWith('range ')) {
      const node: Node = { type: 'range', segments: parsePath(action.slice(6).trim()), body: [] };
      current.push(node);
      stack.push(node.body);
    } else if (/^"(.*)"$/s.test(action)) {
      current.push({ type: 'text', text: JSON.parse(action) as string });
    } else current.push({ type: 'path', segments: parsePath(action) });
  }
  if (stack.length > 1) throw new JsonPathError(jsonpathErrors.unclosedRange());
  return root;
}

function recursive(value: Json, name: string, out: Json[]): void {
  if (isJsonObject(value)) {
    if (name in value) out.push(value[name]);
    for (const child of Object.values(value)) recursive(child, name, out);
  } else if (Array.isArray(value)) for (const child of value) recursive(child, name, out);
}

const compare = (left: Json, operator: string, right: Json): boolean => {
  switch (operator) {
    case '==':
      return left === right;
    case '!=':
      return left !== right;
    case '<':
      return typeof left === 'number' && typeof right === 'number' && left < right;
    case '>':
      return typeof left === 'number' && typeof right === 'number' && left > right;
    case '<=':
      return typeof left === 'number' && typeof right === 'number' && left <= right;
    default:
      return typeof left === 'number' && typeof right === 'number' && left >= right;
  }
};

export function evaluate(segments: Segment[], values: Json[], root: Json): Json[] {
  let current = values;
  for (const segment of segments) {
    const next: Json[] = [];
    for (const value of current) {
      if (segment.type === 'field') {
        if (isJsonObject(value) && segment.name in value) next.push(value[segment.name]);
      } else if (segment.type === 'wildcard') {
        if (Array.isArray(value)) next.push(...value);
        else if (isJsonObject(value)) next.push(...Object.values(value));
      } else if (segment.type === 'index') {
        if (!Array.isArray(value)) continue;
        const length = value.length;
        const resolve = (n: number) => (n < 0 ? n + length : n);
        if (segment.single) {
          const index = resolve(segment.start ?? 0);
          if (index < 0 || index >= length) throw new JsonPathError(jsonpathErrors.outOfBounds(segment.start, length));
          next.push(value[index]);
        } else next.push(...value.slice(resolve(segment.start ?? 0), segment.end === undefined ? length : resolve(segment.end)));
      } else if (segment.type === 'recursive') recursive(value, segment.name, next);
      else {
        const items = Array.isArray(value) ? value : [value];
        for (const item of items) {
          const left = evaluate(segment.left, [item], root);
          if (segment.operator === undefined) {
            if (left.length > 0) next.push(item);
            continue;
          }
          const right = Array.isArray(segment.right) ? evaluate(segment.right as Segment[], [item], root) : [segment.right as Json];
          if (left.length > 0 && right.length > 0 && compare(left[0], segment.operator, right[0])) next.push(item);
        }
      }
    }
    current = next;
  }
  return current;
}

const text = (value: Json) => (typeof value === 'string' ? value : JSON.stringify(value));

function run(nodes: Node[], current: Json, root: Json): string {
  let out = '';
  for (const node of nodes) {
    if (node.type === 'text') out += node.text;
    else if (node.type === 'path') out += evaluate(node.segments, [current], root).map(text).join(' ');
    else {
      const results = evaluate(node.segments, [current], root);
      const items = results.length === 1 && Array.isArray(results[0]) ? results[0] : results;
      for (const item of items) out += run(node.body, item, root);
    }
  }
  return out;
}

/** Prints the template over one object (or a List); throws JsonPathError on a bad template. */
export function jsonpath(template: string, data: Json): string {
  return run(parseTemplate(template), data, data);
}

/** kubectl's relaxed form for custom-columns and --sort-by: ".a.b", "a.b" or "{.a.b}". */
export function relaxedPath(expression: string): Segment[] {
  let text = expression.trim();
  if (text.startsWith('{') && text.endsWith('}')) text = text.slice(1, -1);
  if (!text.startsWith('.') && !text.startsWith('$') && !text.startsWith('[')) text = `.${text}`;
  return parsePath(text);
}
