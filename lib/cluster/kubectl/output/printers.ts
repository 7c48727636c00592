// kubectl get's object printers: -o yaml, -o json, -o jsonpath=..., -o go-template=..., -o custom-columns=..., and
// --sort-by, all over the API shapes in objects.ts.
import type { AnyObject, KubeEvent } from '../../api/types';
import type { Engine } from '../../engine/engine';
import { formatTable } from '../table';
import { GoTemplateError, goTemplate, parseGoTemplate } from './gotemplate';
import { evaluate, JsonPathError, jsonpath, relaxedPath } from './jsonpath';
import { apiObject, listObject, type Json, type JsonObject } from './objects';
import { toYaml } from './yaml';

export type StructuredFormat =
  | { kind: 'yaml' }
  | { kind: 'json' }
  | { kind: 'jsonpath'; template: string }
  | { kind: 'go-template'; template: string }
  | { kind: 'custom-columns'; columns: { header: string; path: string }[] };

/** The formats kubectl lists when it cannot match one. */
export const allowedFormats =
  'custom-columns,custom-columns-file,go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,wide,yaml';

export const outputErrors = {
  noPrinter: (format: string) =>
    `error: unable to match a printer suitable for the output format "${format}", allowed formats are: ${allowedFormats}`,
  jsonpathParse: (template: string, detail: string) => `error: error parsing jsonpath ${template}, ${detail}`,
  templateParse: (template: string, detail: string) => `error: error parsing template ${template}, template: output:1: ${detail}`,
  templateExecute: (template: string, detail: string) => `error: error executing template "${template}": template: output:1: ${detail}`,
  jsonpathExecute: (template: string, detail: string) =>
    `error: error executing jsonpath "${template}": Error executing template: ${detail}.`,
  customColumns: (spec: string) => `error: unexpected custom-columns spec: ${spec}, expected <header>:<json-path-expr>`,
  sortBy: (expression: string, detail: string) =>
    `error: couldn't find any field with path "${expression}" in the list of objects${detail ? `: ${detail}` : ''}`,
};

/** Runs a template step, turning its own error type (a user's mistake) into kubectl's message; anything else is a bug and throws. */
function attempt<T>(
  run: () => T,
  kind: typeof JsonPathError | typeof GoTemplateError,
  message: (detail: string) => string,
): T | { error: string } {
  try {
    return run();
  } catch (error) {
    if (error instanceof kind) return { error: message(error.message) };
    throw error;
  }
}

/** The -o value as a structured printer; undefined for the table printers (default, wide, name). */
export function structuredFormat(output: string): StructuredFormat | undefined | { error: string } {
  if (output === '' || output === 'wide' || output === 'name') return undefined;
  if (output === 'yaml') return { kind: 'yaml' };
  if (output === 'json') return { kind: 'json' };
  const [name, argument] = output.split(/=(.*)/s, 2) as [string, string | undefined];
  if (name === 'jsonpath' && argument !== undefined) {
    const parsed = attempt(
      () => jsonpath(argument, {}),
      JsonPathError,
      (detail) => outputErrors.jsonpathParse(argument, detail),
    );
    return typeof parsed === 'object' ? parsed : { kind: 'jsonpath', template: argument };
  }
  if ((name === 'go-template' || name === 'template') && argument !== undefined) {
    const parsed = attempt(
      () => parseGoTemplate(argument),
      GoTemplateError,
      (detail) => outputErrors.templateParse(argument, detail),
    );
    return parsed ? parsed : { kind: 'go-template', template: argument };
  }
  if (name === 'custom-columns' && argument !== undefined) {
    const columns: { header: string; path: string }[] = [];
    for (const part of argument.split(',')) {
      const colon = part.indexOf(':');
      if (colon <= 0) return { error: outputErrors.customColumns(argument) };
      const path = part.slice(colon + 1);
      const parsed = attempt(
        () => relaxedPath(path),
        JsonPathError,
        (detail) => outputErrors.jsonpathParse(path, detail),
      );
      if ('error' in parsed) return parsed;
      columns.push({ header: part.slice(0, colon), path });
    }
    return { kind: 'custom-columns', columns };
  }
  return { error: outputErrors.noPrinter(output) };
}

/** JSON with sorted keys and four-space indentation, as kubectl marshals unstructured objects. */
function sortedJson(value: Json): Json {
  if (Array.isArray(value)) return value.map(sortedJson);
  if (value !== null && typeof value === 'object') {
    const out: JsonObject = {};
    for (const key of Object.keys(value).sort()) out[key] = sortedJson(value[key]);
    return out;
  }
  return value;
}

const cell = (values: Json[]) =>
  values.length === 0 ? '<none>' : values.map((value) => (typeof value === 'string' ? value : JSON.stringify(value))).join(',');

/**
 * Prints objects with a structured format. `single` is true when one object was asked for by
 * name: it prints bare, otherwise the objects print inside a List.
 */
export function printStructured(
  format: StructuredFormat,
  objects: (AnyObject | KubeEvent)[],
  engine: Engine,
  single: boolean,
  noHeaders = false,
): { stdout: string } | { error: string } {
  const items = objects.map((object) => apiObject(object, engine));
  const data = single && items.length === 1 ? items[0] : listObject(items);
  switch (format.kind) {
    case 'yaml':
      return { stdout: toYaml(data) };
    case 'json':
      return { stdout: `${JSON.stringify(sortedJson(data), null, 4)}\n` };
    case 'jsonpath':
      return attempt(
        () => ({ stdout: jsonpath(format.template, data) }),
        JsonPathError,
        (detail) => outputErrors.jsonpathExecute(format.template, detail),
      );
    case 'go-template':
      return attempt(
        () => ({ stdout: goTemplate(format.template, data) }),
        GoTemplateError,
        (detail) => outputErrors.templateExecute(format.template, detail),
      );
    case 'custom-columns': {
      const paths = format.columns.map((column) => relaxedPath(column.path));
      const rows = items.map((item) => paths.map((path) => cell(evaluate(path, [item], item))));
      return {
        stdout: formatTable(
          format.columns.map((column) => column.header),
          rows,
          noHeaders,
        ),
      };
    }
  }
}

/** --sort-by: orders objects by a field, numbers numerically and text lexically, as kubectl does. */
export function sortObjects<T extends AnyObject | KubeEvent>(objects: T[], expression: string, engine: Engine): T[] | { error: string } {
  const path = attempt(
    () => relaxedPath(expression),
    JsonPathError,
    (detail) => outputErrors.jsonpathParse(expression, detail),
  );
  if ('error' in path) return path;
  const keyed = objects.map((object) => {
    const item = apiObject(object, engine);
    return { object, key: evaluate(path, [item], item)[0] };
  });
  if (keyed.length > 1 && keyed.every(({ key }) => key === undefined)) return { error: outputErrors.sortBy(expression, '') };
  const rank = (key: Json | undefined) => (key === undefined || key === null ? '' : key);
  keyed.sort((a, b) => {
    const [x, y] = [rank(a.key), rank(b.key)];
    if (typeof x === 'number' && typeof y === 'number') return x - y;
    const [sx, sy] = [typeof x === 'string' ? x : JSON.stringify(x), typeof y === 'string' ? y : JSON.stringify(y)];
    return sx < sy ? -1 : sx > sy ? 1 : 0;
  });
  return keyed.map(({ object }) => object);
}
