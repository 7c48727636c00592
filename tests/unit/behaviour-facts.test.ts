import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';

// The mini-cluster's code and tests cite facts as `#N`; docs/kubernetes-behaviour.md defines them.
// These checks keep the two in step: no citation of a fact that is not written down, and no
// fact marked implemented that no test exercises.
const doc = path.join(process.cwd(), 'docs/kubernetes-behaviour.md');
const citingRoots = ['lib/cluster', 'tests/cluster'];

interface Row {
  id: number;
  status: string;
}

async function rows(): Promise<Row[]> {
  const text = await readFile(doc, 'utf8');
  return [...text.matchAll(/^\| (\d+) \|.*\| ([a-z][^|]*) \|$/gm)].map((m) => ({ id: Number(m[1]), status: m[2].trim() }));
}

/** Every `#N` in the given roots, with the file that cites it. */
async function citations(roots: string[]): Promise<{ id: number; file: string }[]> {
  const found: { id: number; file: string }[] = [];
  for (const root of roots) {
    const entries = await readdir(path.join(process.cwd(), root), { withFileTypes: true, recursive: true });
    for (const entry of entries.filter((e) => e.isFile() && /\.tsx?$/.test(e.name))) {
      const file = path.join(entry.parentPath, entry.name);
      const text = await readFile(file, 'utf8');
      // "#51-Ubuntu" in a kernel version string is not a citation, hence the (?!-).
      for (const m of text.matchAll(/(?<![\w&])#(\d+)\b(?!-)/g)) found.push({ id: Number(m[1]), file: path.relative(process.cwd(), file) });
    }
  }
  return found;
}

describe('docs/kubernetes-behaviour.md and the #N citations', () => {
  // Numbers are handed out in ranges (one per piece of work), so a range may end with unused numbers.
  it('numbers its facts once each, in increasing order from 1, each implemented or planned', async () => {
    const all = await rows();
    expect(all.length).toBeGreaterThan(0);
    expect(all[0].id).toBe(1);
    for (const [i, row] of all.entries()) if (i > 0) expect(row.id, `#${row.id} after #${all[i - 1].id}`).toBeGreaterThan(all[i - 1].id);
    for (const row of all) expect(row.status, `#${row.id}`).toMatch(/^(implemented|planned)\b/);
  });

  it('defines every fact that code or tests of lib/cluster cite', async () => {
    const known = new Map((await rows()).map((r) => [r.id, r.status]));
    const cited = await citations(citingRoots);
    expect(cited.length).toBeGreaterThan(0);
    const undefinedFacts = cited.filter((c) => !known.has(c.id)).map((c) => `${c.file} cites #${c.id}`);
    expect(undefinedFacts, 'add the fact to docs/kubernetes-behaviour.md').toEqual([]);
    const stillPlanned = cited.filter((c) => known.get(c.id)?.startsWith('planned')).map((c) => `${c.file} cites #${c.id}`);
    expect(stillPlanned, 'mark the fact implemented (with where the model does it) in docs/kubernetes-behaviour.md').toEqual([]);
  });

  it('has a test in tests/cluster citing every fact marked implemented', async () => {
    const tested = new Set((await citations(['tests/cluster'])).map((c) => c.id));
    const untested = (await rows()).filter((r) => r.status.startsWith('implemented') && !tested.has(r.id)).map((r) => `#${r.id}`);
    expect(untested).toEqual([]);
  });
});
