/** Small pure matchers the check predicates share: counts, name globs, taints and templates. */

export type CountOp = '==' | '!=' | '>=' | '<=' | '>' | '<';

/** "3", ">= 3", "< 2": how many of something a check wants. */
export interface Count {
  op: CountOp;
  value: number;
}

const countPattern = /^\s*(>=|<=|==|!=|=|>|<)?\s*(\d+)\s*$/;

export function parseCount(input: number | string): Count | undefined {
  if (typeof input === 'number') return Number.isInteger(input) && input >= 0 ? { op: '==', value: input } : undefined;
  const match = countPattern.exec(input);
  if (!match) return undefined;
  const op = (match[1] === '=' || !match[1] ? '==' : match[1]) as CountOp;
  return { op, value: Number(match[2]) };
}

export function countHolds(count: Count, actual: number): boolean {
  switch (count.op) {
    case '==':
      return actual === count.value;
    case '!=':
      return actual !== count.value;
    case '>=':
      return actual >= count.value;
    case '<=':
      return actual <= count.value;
    case '>':
      return actual > count.value;
    case '<':
      return actual < count.value;
  }
}

/** `*` matches any run of characters; everything else is literal. */
export function globMatches(glob: string, text: string): boolean {
  if (!glob.includes('*')) return glob === text;
  const source = glob
    .split('*')
    .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
    .join('.*');
  return new RegExp(`^${source}$`).test(text);
}

/**
 * Commands compare with their spacing normalised, so "kubectl  get nodes" is "kubectl get nodes".
 * Spacing inside quotes is the command's own (echo '  replicas: 3' > web.yaml keeps its indent).
 */
export function normaliseCommand(line: string): string {
  let out = '';
  let quote: string | undefined;
  let space = false;
  const text = line.trim();
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (quote) {
      out += char;
      if (quote === '"' && char === '\\' && i + 1 < text.length) out += text[++i];
      else if (char === quote) quote = undefined;
      continue;
    }
    if (/\s/.test(char)) {
      space = true;
      continue;
    }
    if (space) out += ' ';
    space = false;
    if (char === '\\' && i + 1 < text.length) {
      out += char + text[++i];
      continue;
    }
    if (char === '"' || char === "'") quote = char;
    out += char;
  }
  return out;
}

export interface TaintLike {
  key: string;
  value?: string;
  effect: string;
}

/** `key:Effect` matches any value; `key=value:Effect` matches that value only. */
export function taintMatches(spec: string, taint: TaintLike): boolean {
  const match = /^([^=:]+)(?:=([^:]*))?:(\w+)$/.exec(spec);
  if (!match) return false;
  const [, key, value, effect] = match;
  return taint.key === key && taint.effect === effect && (value === undefined || (taint.value ?? '') === value);
}

export const taintSpecPattern = /^[^=:\s]+(?:=[^:\s]*)?:(NoSchedule|PreferNoSchedule|NoExecute)$/;

const placeholderPattern = /\{([a-zA-Z]+)\}/g;

export function placeholdersIn(template: string): string[] {
  return [...template.matchAll(placeholderPattern)].map((m) => m[1]);
}

/** Fills `{name}` placeholders; unknown ones stay as written (the build rejects them anyway). */
export function fillTemplate(template: string, values: Record<string, string | number>): string {
  return template.replace(placeholderPattern, (whole, name: string) => (name in values ? String(values[name]) : whole));
}
