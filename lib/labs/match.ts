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

/** Commands compare with their spacing normalised, so "kubectl  get nodes" is "kubectl get nodes". */
export const normaliseCommand = (line: string) => line.trim().replace(/\s+/g, ' ');

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
