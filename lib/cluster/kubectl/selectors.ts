// Label selectors as kubectl -l takes them (labels.Parse): a=b, a==b, a!=b, a, !a, and the
// set-based a in (x,y) and a notin (x,y), comma-separated and ANDed. Labels are read as own
// properties only: a key named "constructor" matches only that label.
export type Requirement = (labels: Record<string, string>) => boolean;

/** The selector's requirements, split at the commas outside parentheses; undefined if one is malformed. */
function requirementTexts(text: string): string[] | undefined {
  const parts: string[] = [];
  let depth = 0;
  let current = '';
  for (const char of text) {
    if (char === '(') depth++;
    else if (char === ')' && --depth < 0) return undefined;
    if (char === ',' && depth === 0) {
      parts.push(current.trim());
      current = '';
    } else current += char;
  }
  if (depth !== 0) return undefined;
  parts.push(current.trim());
  return parts;
}

const key = '[A-Za-z0-9./_-]+';
const value = '[A-Za-z0-9._-]*';
const setBased = new RegExp(`^(${key})\\s+(in|notin)\\s*\\(([^()]*)\\)$`);
const equalityBased = new RegExp(`^(!?)(${key})(?:\\s*(==|=|!=)\\s*(${value}))?$`);
const setValue = new RegExp(`^${value}$`);

export function parseLabelSelector(text: string): Requirement[] | undefined {
  const requirements: Requirement[] = [];
  for (const part of requirementTexts(text) ?? ['']) {
    if (!part) return undefined;
    const set = setBased.exec(part);
    if (set) {
      const [, name, operator, list] = set;
      const values = list.split(',').map((each) => each.trim());
      // An empty set is refused, as labels.Parse does ("values set can't be empty").
      if (list.trim() === '' || values.some((each) => !setValue.test(each))) return undefined;
      const wanted = new Set(values);
      requirements.push(
        operator === 'in'
          ? (labels) => Object.hasOwn(labels, name) && wanted.has(labels[name])
          : (labels) => !Object.hasOwn(labels, name) || !wanted.has(labels[name]),
      );
      continue;
    }
    const match = equalityBased.exec(part);
    if (!match) return undefined;
    const [, negate, name, operator, expected] = match;
    if (negate && operator) return undefined;
    if (!operator) requirements.push(negate ? (labels) => !Object.hasOwn(labels, name) : (labels) => Object.hasOwn(labels, name));
    else if (operator === '!=') requirements.push((labels) => !Object.hasOwn(labels, name) || labels[name] !== expected);
    else requirements.push((labels) => Object.hasOwn(labels, name) && labels[name] === expected);
  }
  return requirements;
}

export function matchesAll(requirements: Requirement[], labels: Record<string, string>): boolean {
  return requirements.every((requirement) => requirement(labels));
}
