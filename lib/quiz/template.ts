/**
 * Question text and scenario scripts may contain `{{name}}` placeholders filled from a variant's
 * params, so one question can draw a different node or replica count on every attempt.
 */
const placeholder = /\{\{\s*([a-zA-Z][a-zA-Z0-9]*)\s*\}\}/g;

export type Variables = Readonly<Record<string, string | number>>;

/** Names of the placeholders a text uses. */
export function placeholdersIn(text: string): string[] {
  return [...text.matchAll(placeholder)].map((m) => m[1]);
}

/** Replaces every known placeholder; unknown ones stay visible so a mistake is easy to spot. */
export function fill(text: string, variables: Variables): string {
  return text.replace(placeholder, (whole, name: string) => (name in variables ? String(variables[name]) : whole));
}

/** Every string inside a plain JSON value, for checking placeholders in nested data (goals, queries). */
export function stringsIn(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(stringsIn);
  if (value && typeof value === 'object') return Object.values(value).flatMap(stringsIn);
  return [];
}

/** Fills placeholders in every string of a plain JSON value, keeping its shape. */
export function fillDeep<T>(value: T, variables: Variables): T {
  if (typeof value === 'string') return fill(value, variables) as T;
  if (Array.isArray(value)) return value.map((v) => fillDeep(v, variables)) as T;
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, fillDeep(v, variables)])) as T;
  }
  return value;
}
