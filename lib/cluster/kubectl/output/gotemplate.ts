// -o go-template=... (and -o template=...): the part of Go's text/template that kubectl one-liners
// use, over the object as JSON. Text and {{actions}} with {{- -}} trimming; fields (.a.b, $.a,
// $var.a), string and number literals; `index X KEY...` and `len X`; {{range X}} (with
// {{range $i, $e := X}}) and {{if X}}, each with an optional {{else}}. As in Go, a missing map key
// prints <no value>, maps print as map[k:v] and lists as [a b].
import type { Json, JsonObject } from './objects';

export class GoTemplateError extends Error {}

type Node =
  | { type: 'text'; text: string }
  | { type: 'print'; pipe: string }
  | { type: 'range'; pipe: string; vars: string[]; body: Node[]; otherwise: Node[] }
  | { type: 'if'; pipe: string; body: Node[]; otherwise: Node[] };

/** What a field lookup found: a value, or nothing (a missing map key, which prints <no value>). */
type Value = Json | undefined;

interface Scope {
  dot: Value;
  vars: Map<string, Value>;
}

/** Splits into text and actions, applying the trim markers. */
function tokens(template: string): { text?: string; action?: string }[] {
  const out: { text?: string; action?: string }[] = [];
  let rest = template;
  for (;;) {
    const open = rest.indexOf('{{');
    if (open === -1) {
      out.push({ text: rest });
      return out;
    }
    let text = rest.slice(0, open);
    const close = rest.indexOf('}}', open + 2);
    if (close === -1) throw new GoTemplateError('unclosed action');
    let action = rest.slice(open + 2, close);
    if (action.startsWith('- ')) {
      text = text.replace(/\s+$/, '');
      action = action.slice(2);
    }
    let after = rest.slice(close + 2);
    if (action.endsWith(' -')) {
      action = action.slice(0, -2);
      after = after.replace(/^\s+/, '');
    }
    out.push({ text }, { action: action.trim() });
    rest = after;
  }
}

function parse(template: string): Node[] {
  const list = tokens(template);
  let at = 0;
  const block = (ends: readonly string[]): { nodes: Node[]; end: string } => {
    const nodes: Node[] = [];
    while (at < list.length) {
      const { text, action } = list[at++];
      if (text !== undefined) {
        if (text) nodes.push({ type: 'text', text });
        continue;
      }
      const word = action!.split(/\s+/)[0];
      if (ends.includes(word)) return { nodes, end: word };
      if (word === 'range' || word === 'if') {
        let pipe = action!.slice(word.length).trim();
        let vars: string[] = [];
        const declared = /^(\$\w*)(?:\s*,\s*(\$\w*))?\s*:=\s*(.+)$/.exec(pipe);
        if (word === 'range' && declared) {
          vars = declared[2] ? [declared[1], declared[2]] : [declared[1]];
          pipe = declared[3];
        }
        const body = block(['else', 'end']);
        const otherwise = body.end === 'else' ? block(['end']).nodes : [];
        nodes.push(
          word === 'range' ? { type: 'range', pipe, vars, body: body.nodes, otherwise } : { type: 'if', pipe, body: body.nodes, otherwise },
        );
      } else if (word === 'end' || word === 'else') throw new GoTemplateError(`unexpected {{${word}}}`);
      else if (action!.startsWith('/*')) continue;
      else nodes.push({ type: 'print', pipe: action! });
    }
    if (ends.length > 0) throw new GoTemplateError('unexpected EOF');
    return { nodes, end: '' };
  };
  return block([]).nodes;
}

/** The words of a pipeline: quoted strings stay whole. */
function words(pipe: string): string[] {
  return pipe.match(/"(?:[^"\\]|\\.)*"|`[^`]*`|\S+/g) ?? [];
}

const isObject = (value: Value): value is JsonObject => typeof value === 'object' && value !== null && !Array.isArray(value);

function field(value: Value, names: string[]): Value {
  let current = value;
  for (const name of names) {
    if (!isObject(current)) throw new GoTemplateError(`can't evaluate field ${name}`);
    current = Object.hasOwn(current, name) ? current[name] : undefined;
  }
  return current;
}

function operand(word: string, scope: Scope): Value {
  if (word.startsWith('"')) return JSON.parse(word) as string;
  if (word.startsWith('`')) return word.slice(1, -1);
  if (/^-?\d+(\.\d+)?$/.test(word)) return Number(word);
  if (word === 'true' || word === 'false') return word === 'true';
  if (word === '.') return scope.dot;
  if (word.startsWith('.')) return field(scope.dot, word.slice(1).split('.'));
  if (word.startsWith('$')) {
    const [name, ...path] = word.split('.');
    if (!scope.vars.has(name)) throw new GoTemplateError(`undefined variable: ${name}`);
    return field(scope.vars.get(name), path);
  }
  throw new GoTemplateError(`function ${JSON.stringify(word)} not defined`);
}

function evaluate(pipe: string, scope: Scope): Value {
  const [head, ...args] = words(pipe);
  if (head === undefined) throw new GoTemplateError('missing value for command');
  if (head === 'index') {
    let value = operand(args[0] ?? '.', scope);
    for (const key of args.slice(1).map((arg) => operand(arg, scope))) {
      if (Array.isArray(value) && typeof key === 'number') value = value[key];
      else if (isObject(value) && typeof key === 'string') value = Object.hasOwn(value, key) ? value[key] : undefined;
      else throw new GoTemplateError("error calling index: can't index item");
    }
    return value;
  }
  if (head === 'len') {
    const value = operand(args[0] ?? '.', scope);
    if (Array.isArray(value)) return value.length;
    if (isObject(value)) return Object.keys(value).length;
    if (typeof value === 'string') return value.length;
    throw new GoTemplateError('error calling len: len of type');
  }
  if (args.length > 0 && /^[A-Za-z_]\w*$/.test(head)) throw new GoTemplateError(`function ${JSON.stringify(head)} not defined`);
  if (args.length > 0) throw new GoTemplateError(`can't give argument to non-function ${head}`);
  return operand(head, scope);
}

/** fmt's %v of a JSON value, as Go prints map[string]interface{} and []interface{}. */
function show(value: Value): string {
  if (value === undefined) return '<no value>';
  if (value === null) return '<nil>';
  if (Array.isArray(value)) return `[${value.map(show).join(' ')}]`;
  if (typeof value === 'object')
    return `map[${Object.keys(value)
      .sort()
      .map((key) => `${key}:${show(value[key])}`)
      .join(' ')}]`;
  return String(value);
}

/** text/template's truth: false, 0, nil, empty strings, lists and maps are false. */
function truthy(value: Value): boolean {
  if (value === undefined || value === null || value === false || value === 0 || value === '') return false;
  if (Array.isArray(value)) return value.length > 0;
  if (typeof value === 'object') return Object.keys(value).length > 0;
  return true;
}

function run(nodes: readonly Node[], scope: Scope, out: string[]): void {
  for (const node of nodes) {
    if (node.type === 'text') out.push(node.text);
    else if (node.type === 'print') out.push(show(evaluate(node.pipe, scope)));
    else if (node.type === 'if') run(truthy(evaluate(node.pipe, scope)) ? node.body : node.otherwise, scope, out);
    else {
      const value = evaluate(node.pipe, scope);
      const entries: [Json, Json][] = Array.isArray(value)
        ? value.map((item, i) => [i, item])
        : isObject(value)
          ? Object.keys(value)
              .sort()
              .map((key) => [key, value[key]])
          : [];
      if (value !== undefined && value !== null && !Array.isArray(value) && !isObject(value))
        throw new GoTemplateError(`range can't iterate over ${show(value)}`);
      if (entries.length === 0) run(node.otherwise, scope, out);
      for (const [key, item] of entries) {
        const vars = new Map(scope.vars);
        if (node.vars.length === 1) vars.set(node.vars[0], item);
        else if (node.vars.length === 2) vars.set(node.vars[0], key).set(node.vars[1], item);
        run(node.body, { dot: item, vars }, out);
      }
    }
  }
}

/** Checks a template's syntax (kubectl parses it before it fetches anything). */
export function parseGoTemplate(template: string): void {
  parse(template);
}

export function goTemplate(template: string, data: Json): string {
  const out: string[] = [];
  run(parse(template), { dot: data, vars: new Map([['$', data]]) }, out);
  return out.join('');
}
