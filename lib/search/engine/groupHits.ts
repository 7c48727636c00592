import type { HitGroup, SearchHit } from '../types';

export const glossaryGroupLabel = 'Glossary';

/** Groups hits by chapter (glossary entries together), keeping groups in the order of their best hit. */
export function groupHits(hits: readonly SearchHit[]): HitGroup[] {
  const groups = new Map<string, HitGroup>();
  for (const hit of hits) {
    const label = hit.record.kind === 'glossary' ? glossaryGroupLabel : hit.record.title;
    const group = groups.get(label) ?? { label, hits: [] };
    group.hits.push(hit);
    groups.set(label, group);
  }
  return [...groups.values()];
}
