import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

const chaptersDir = path.join(process.cwd(), 'content/chapters');
const chapters = readdirSync(chaptersDir)
  .filter((f) => f.endsWith('.mdx'))
  .map((f) => ({ slug: f.replace(/\.mdx$/, ''), text: readFileSync(path.join(chaptersDir, f), 'utf8') }));
const partOf = (text: string) => /^part:\s*(\S+)/m.exec(text)?.[1];
const labsIn = (text: string) => [...text.matchAll(/<ClusterLab scenario="([^"]+)"/g)].map((m) => m[1]);

describe('labs in the curriculum', () => {
  it.each(chapters.filter((c) => ['architecture', 'resilience'].includes(partOf(c.text) ?? '')).map((c) => [c.slug, c.text]))(
    'the %s chapter embeds at least one lab',
    (_slug, text) => {
      expect(labsIn(text).length).toBeGreaterThan(0);
    },
  );

  it('every scenario in content/labs is embedded in some chapter', () => {
    const embedded = new Set(chapters.flatMap((c) => labsIn(c.text)));
    const scenarios = readdirSync(path.join(process.cwd(), 'content/labs')).map((f) => f.replace(/\.yaml$/, ''));
    expect(scenarios.filter((id) => !embedded.has(id))).toEqual([]);
  });
});
