// The matching rules of the scheduler's selectors: apimachinery's label selectors (matchLabels
// and matchExpressions, ANDed) and component-helpers' node selector terms (ORed terms of ANDed
// requirements, with Gt/Lt and matchFields on metadata.name).
import type { LabelSelector, Node, NodeSelectorRequirement, NodeSelectorTerm } from '../api/types';

/** metav1.LabelSelectorAsSelector: an empty selector matches everything, none matches nothing. */
export function labelSelectorMatches(selector: LabelSelector | undefined, labels: Record<string, string>): boolean {
  if (!selector) return false;
  for (const key in selector.matchLabels) if (labels[key] !== selector.matchLabels[key]) return false;
  for (const requirement of selector.matchExpressions ?? []) {
    const value = labels[requirement.key];
    const values = requirement.values ?? [];
    switch (requirement.operator) {
      case 'In':
        if (value === undefined || !values.includes(value)) return false;
        break;
      case 'NotIn':
        if (value !== undefined && values.includes(value)) return false;
        break;
      case 'Exists':
        if (value === undefined) return false;
        break;
      case 'DoesNotExist':
        if (value !== undefined) return false;
        break;
    }
  }
  return true;
}

/** Go's strconv.ParseInt in base 10 (Gt/Lt compare integers; anything else never matches). */
function parseInteger(text: string | undefined): number | undefined {
  if (text === undefined || !/^[+-]?\d+$/.test(text)) return undefined;
  return Number(text);
}

function requirementMatches(requirement: NodeSelectorRequirement, value: string | undefined): boolean {
  const values = requirement.values ?? [];
  switch (requirement.operator) {
    case 'In':
      return value !== undefined && values.includes(value);
    case 'NotIn':
      return value === undefined || !values.includes(value);
    case 'Exists':
      return value !== undefined;
    case 'DoesNotExist':
      return value === undefined;
    case 'Gt':
    case 'Lt': {
      const have = parseInteger(value);
      const want = parseInteger(values[0]);
      if (have === undefined || want === undefined) return false;
      return requirement.operator === 'Gt' ? have > want : have < want;
    }
  }
}

/** One term: every expression on the labels and every field (metadata.name only) must match; an empty term matches nothing. */
export function nodeSelectorTermMatches(term: NodeSelectorTerm, node: Node): boolean {
  const expressions = term.matchExpressions ?? [];
  const fields = term.matchFields ?? [];
  if (expressions.length === 0 && fields.length === 0) return false;
  for (const requirement of expressions) if (!requirementMatches(requirement, node.metadata.labels[requirement.key])) return false;
  for (const requirement of fields) {
    const value = requirement.key === 'metadata.name' ? node.metadata.name : undefined;
    if (!requirementMatches(requirement, value)) return false;
  }
  return true;
}

/** A node selector: the node matches when any term does. */
export function nodeSelectorMatches(terms: readonly NodeSelectorTerm[], node: Node): boolean {
  for (const term of terms) if (nodeSelectorTermMatches(term, node)) return true;
  return false;
}
