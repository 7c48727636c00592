// kubectl describe for PodDisruptionBudgets (describePodDisruptionBudgetV1) and, for kinds kubectl
// has no describer of its own for (Leases), its genericDescriber: name, namespace, labels and
// annotations, then every other field of the object as served, sorted, with smartLabelFor's
// labels ("leaseDurationSeconds" reads "Lease Duration Seconds").
import type { Engine } from '../engine/engine';
import type { AnyObject, PodDisruptionBudget } from '../api/types';
import { annotations as annotationNames } from '../controllers/deployment.util';
import { eventsSection } from './describers';
import { isJsonObject, type JsonObject } from './output/json';
import type { Json } from './output/objects';
import { apiObject } from './output/objects';

/**
 * describe's tabwriter (padding 2) over lines whose label and value a tab separates: consecutive
 * lines with a tab line up, and a line without one ends the block.
 */
function tabbed(lines: readonly string[]): string {
  const out: string[] = [];
  let start = 0;
  const flush = (end: number) => {
    const block = lines.slice(start, end);
    const width = Math.max(...block.map((line) => line.indexOf('\t'))) + 2;
    for (const line of block) {
      const tab = line.indexOf('\t');
      out.push(line.slice(0, tab).padEnd(width) + line.slice(tab + 1));
    }
  };
  for (let i = 0; i <= lines.length; i++) {
    if (i < lines.length && lines[i].includes('\t')) continue;
    if (i > start) flush(i);
    if (i < lines.length) out.push(lines[i]);
    start = i + 1;
  }
  return out.join('\n');
}

/** Events last: "Events:\t<none>" joins the block above it; a table of events stands alone. */
function withEvents(engine: Engine, lines: string[], object: AnyObject): string {
  const { kind, metadata } = object;
  const events = eventsSection(engine, kind, metadata.namespace ?? '', metadata.name);
  if (events === 'Events:  <none>') return `${tabbed([...lines, 'Events:\t<none>'])}\n`;
  return `${tabbed(lines)}\n${events}\n`;
}

/** printLabelsMultiline and printAnnotationsMultiline: sorted, one a line, <none> when empty. */
function mapLines(label: string, map: Record<string, string>, separator: string): string[] {
  const entries = Object.entries(map)
    .filter(([key]) => key !== annotationNames.lastApplied)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  if (entries.length === 0) return [`${label}:\t<none>`];
  return entries.map(([key, value], i) => `${i === 0 ? `${label}:` : ''}\t${key}${separator}${value}`);
}

export function describePodDisruptionBudget(engine: Engine, pdb: PodDisruptionBudget): string {
  const { spec, status } = pdb;
  const selector = Object.entries(spec.selector)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([key, value]) => `${key}=${value}`)
    .join(',');
  const lines = [`Name:\t${pdb.metadata.name}`, `Namespace:\t${pdb.metadata.namespace}`];
  if (spec.minAvailable !== undefined) lines.push(`Min available:\t${spec.minAvailable}`);
  else if (spec.maxUnavailable !== undefined) lines.push(`Max unavailable:\t${spec.maxUnavailable}`);
  lines.push(
    `Selector:\t${selector || '<none>'}`,
    'Status:',
    `    Allowed disruptions:\t${status.disruptionsAllowed}`,
    `    Current:\t${status.currentHealthy}`,
    `    Desired:\t${status.desiredHealthy}`,
    `    Total:\t${status.expectedPods}`,
  );
  return withEvents(engine, lines, pdb);
}

const acronyms = new Set(['API', 'URL', 'UID', 'OSB', 'GUID']);

/** smartLabelFor: camelCase split into title-cased words, common acronyms in capitals; other characters leave the name as it is. */
export function smartLabelFor(field: string): string {
  if (/[^\p{L}-]/u.test(field)) return field;
  const parts = field.match(/\p{Lu}+(?!\p{Ll})|\p{Lu}?[\p{Ll}-]+|\p{Lu}/gu) ?? [field];
  return parts
    .map((part) => (acronyms.has(part.toUpperCase()) ? part.toUpperCase() : part.charAt(0).toUpperCase() + part.slice(1).toLowerCase()))
    .join(' ');
}

const skipped = new Set(['.metadata.managedFields', '.metadata.name', '.metadata.namespace', '.metadata.labels', '.metadata.annotations']);

/** printUnstructuredContent: fields sorted; maps and lists open a level, scalars print as Go's %v. */
function contentLines(content: JsonObject, level: number, prefix: string, out: string[]): void {
  const pad = '  '.repeat(level);
  for (const field of Object.keys(content).sort()) {
    const value: Json = content[field];
    const path = `${prefix}.${field}`;
    if (isJsonObject(value)) {
      if (skipped.has(path)) continue;
      out.push(`${pad}${smartLabelFor(field)}:`);
      contentLines(value, level + 1, path, out);
    } else if (Array.isArray(value)) {
      if (skipped.has(path)) continue;
      out.push(`${pad}${smartLabelFor(field)}:`);
      for (const item of value) {
        if (isJsonObject(item)) contentLines(item, level + 1, path, out);
        else out.push(`${pad}  ${String(item)}`);
      }
    } else if (!skipped.has(path)) out.push(`${pad}${smartLabelFor(field)}:\t${String(value)}`);
  }
}

/** genericDescriber, for kinds without a describer of their own. */
export function describeGeneric(engine: Engine, object: AnyObject): string {
  const { metadata } = object;
  const lines = [
    `Name:\t${metadata.name}`,
    `Namespace:\t${metadata.namespace ?? ''}`,
    ...mapLines('Labels', metadata.labels, '='),
    ...mapLines('Annotations', metadata.annotations, ': '),
  ];
  contentLines(apiObject(object, engine), 0, '', lines);
  return withEvents(engine, lines, object);
}
