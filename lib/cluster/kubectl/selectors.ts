// Label selectors as kubectl -l takes them: a=b, a==b, a!=b, a, !a (comma-separated, ANDed).
// Labels are read as own properties only: a key named "constructor" matches only that label.
export type Requirement = (labels: Record<string, string>) => boolean;

export function parseLabelSelector(text: string): Requirement[] | undefined {
  const requirements: Requirement[] = [];
  for (const part of text.split(',').map((piece) => piece.trim())) {
    if (!part) return undefined;
    const match = /^(!?)([A-Za-z0-9./_-]+)(?:\s*(==|=|!=)\s*([A-Za-z0-9._-]*))?$/.exec(part);
    if (!match) return undefined;
    const [, negate, key, operator, value] = match;
    if (negate && operator) return undefined;
    if (!operator) requirements.push(negate ? (labels) => !Object.hasOwn(labels, key) : (labels) => Object.hasOwn(labels, key));
    else if (operator === '!=') requirements.push((labels) => !Object.hasOwn(labels, key) || labels[key] !== value);
    else requirements.push((labels) => Object.hasOwn(labels, key) && labels[key] === value);
  }
  return requirements;
}

export function matchesAll(requirements: Requirement[], labels: Record<string, string>): boolean {
  return requirements.every((requirement) => requirement(labels));
}
