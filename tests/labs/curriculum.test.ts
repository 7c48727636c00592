import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

const chaptersDir = path.join(process.cwd(), 'content/chapters');
const chapters = readdirSync(chaptersDir)
  .filter((f) => f.endsWith('.mdx'))
  .map((f) => ({ slug: f.replace(/\.mdx$/, ''), text: readFileSync(path.join(chaptersDir, f), 'utf8') }));
const partOf = (text: string) => /^part:\s*(\S+)/m.exec(text)?.[1];
const labsIn = (text: string) => [...text.matchAll(/<ClusterLab scenario="([^"]+)"/g)].map((m) => m[1]);

/** Parts whose every chapter has hands-on labs. */
const labParts = ['architecture', 'workloads', 'resilience'];

/**
 * Chapters of those parts whose labs wait for a model feature that is being built elsewhere
 * (issue 19). Remove a chapter from this list in the change that gives it its lab.
 */
const labsAwaitingModel: Record<string, string> = {};

describe('labs in the curriculum', () => {
  it.each(chapters.filter((c) => labParts.includes(partOf(c.text) ?? '') && !(c.slug in labsAwaitingModel)).map((c) => [c.slug, c.text]))(
    'the %s chapter embeds at least one lab',
    (_slug, text) => {
      expect(labsIn(text).length).toBeGreaterThan(0);
    },
  );

  it.each(Object.keys(labsAwaitingModel))('%s is still waiting for its lab (drop it from the list once it has one)', (slug) => {
    const chapter = chapters.find((c) => c.slug === slug);
    expect(chapter, `chapter ${slug}`).toBeDefined();
    expect(labParts).toContain(partOf(chapter!.text));
    expect(labsIn(chapter!.text)).toEqual([]);
  });

  it('every scenario in content/labs is embedded in some chapter', () => {
    const embedded = new Set(chapters.flatMap((c) => labsIn(c.text)));
    const scenarios = readdirSync(path.join(process.cwd(), 'content/labs')).map((f) => f.replace(/\.yaml$/, ''));
    expect(scenarios.filter((id) => !embedded.has(id))).toEqual([]);
  });
});
