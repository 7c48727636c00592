// kubectl's client-side manifest validation messages (ValidationError(Kind.path): ...), made
// from a schema problem and the value it is about: the learner sees which field is wrong, what
// it holds and what it should hold, never a schema library's wording.
import type { z } from 'zod';
import { manifestErrors } from '../api/errors';

type Issue = z.core.$ZodIssue;

/** The value at an issue's path, to say what the manifest actually holds. */
function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let value = root;
  for (const key of path) {
    if (value === null || typeof value !== 'object' || !Object.hasOwn(value, key)) return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

/** The OpenAPI type names kubectl's messages use. */
function openApiType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  if (typeof value === 'object') return 'object';
  return typeof value;
}

const expectedType: Record<string, string> = {
  int: 'integer',
  number: 'number',
  string: 'string',
  boolean: 'boolean',
  object: 'object',
  array: 'array',
  record: 'object',
};

function detail(issue: Issue, value: unknown, field: string): string {
  switch (issue.code) {
    case 'invalid_type':
      if (value === undefined) return manifestErrors.missingField(field);
      return manifestErrors.invalidType(field, openApiType(value), expectedType[issue.expected] ?? issue.expected);
    case 'invalid_value':
      return manifestErrors.unsupportedValue(field, value, issue.values);
    case 'too_small':
      if (issue.origin === 'array') return manifestErrors.tooFewItems(field, String(issue.minimum));
      if (issue.origin === 'string') return manifestErrors.empty(field);
      return manifestErrors.invalidValue(field, `${JSON.stringify(value)}: must be greater than or equal to ${String(issue.minimum)}`);
    case 'too_big':
      if (issue.origin === 'string') return manifestErrors.invalidValue(field, `must be no more than ${String(issue.maximum)} characters`);
      return manifestErrors.invalidValue(field, `${JSON.stringify(value)}: must be less than or equal to ${String(issue.maximum)}`);
    case 'invalid_union':
      return manifestErrors.invalidValue(field, JSON.stringify(value));
    default:
      // Our own refinements and formats carry a message written for the learner.
      return field ? manifestErrors.invalidValue(field, issue.message) : issue.message;
  }
}

/** The message for a manifest the schema refused, as kubectl's validation prints it. */
/** The ValidationError(Kind.path): ... part, for a problem met outside a file (a patched object). */
export function validationDetail(kind: string, manifest: unknown, issue: Issue): string {
  // containers.0 prints as containers[0], as in kubectl's messages.
  const path = issue.path
    .slice(0, -1)
    .reduce<string>((text, key) => (typeof key === 'number' ? `${text}[${key}]` : `${text}.${String(key)}`), kind);
  const field = String(issue.path[issue.path.length - 1] ?? '');
  return `ValidationError(${path}): ${detail(issue, valueAt(manifest, issue.path), field)}`;
}

export function validationError(file: string, kind: string, manifest: unknown, issue: Issue): string {
  return manifestErrors.validating(file, validationDetail(kind, manifest, issue));
}
