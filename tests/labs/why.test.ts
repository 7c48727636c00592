import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import GithubSlugger from 'github-slugger';
import { createLabWorld, scriptLines } from '@/lib/labs/world';
import { eventExplanations, explainEvent } from '@/lib/labs/why';
import { labsDir, scenario } from './support/labs';

/** Every event reason written as a literal in lib/cluster: `record(obj, 'Warning', 'BackOff', ...)` and `word = x ? 'NodeA' : 'NodeB'`. */
async function reasonsInModel(): Promise<Set<string>> {
  const root = path.join(process.cwd(), 'lib/cluster');
  const reasons = new Set<string>();
  const entries = await readdir(root, { withFileTypes: true, recursive: true });
  for (const entry of entries.filter((e) => e.isFile() && e.name.endsWith('.ts'))) {
    const text = await readFile(path.join(entry.parentPath, entry.name), 'utf8');
    for (const m of text.matchAll(/'(?:Normal|Warning)',\s*'([A-Z][A-Za-z]+)'/g)) reasons.add(m[1]);
    // A reason chosen before the call: both words of the ternary that picks it.
    for (const m of text.matchAll(/\?\s*'(Node[A-Z][A-Za-z]+)'\s*:\s*'(Node[A-Z][A-Za-z]+)'/g)) {
      reasons.add(m[1]);
      reasons.add(m[2]);
    }
  }
  return reasons;
}

describe('every event says why', () => {
  it('has an explanation for every event reason the model writes', async () => {
    const reasons = await reasonsInModel();
    expect(reasons.size).toBeGreaterThan(10);
    const missing = [...reasons].filter((r) => !Object.hasOwn(eventExplanations, r));
    expect(missing).toEqual([]);
  });

  it('has one for every event that every lab’s set-up and solution produce', async () => {
    const files = (await readdir(labsDir)).filter((f) => f.endsWith('.yaml'));
    const seen = new Set<string>();
    for (const file of files) {
      const lab = await scenario(file.replace(/\.yaml$/, ''));
      const { cluster } = createLabWorld(lab);
      for (const line of scriptLines(lab.solution)) cluster.exec(line);
      cluster.advance('10m');
      for (const event of cluster.view().events) seen.add(event.reason);
    }
    expect(seen.size).toBeGreaterThan(5);
    expect([...seen].filter((r) => !Object.hasOwn(eventExplanations, r))).toEqual([]);
  });

  it('links only to chapter sections that exist', async () => {
    const sections = Object.values(eventExplanations).flatMap((e) => (e.section ? [e.section] : []));
    for (const section of new Set(sections)) {
      const [chapter, id] = section.split('#');
      const text = await readFile(path.join(process.cwd(), 'content/chapters', `${chapter}.mdx`), 'utf8');
      const slugger = new GithubSlugger();
      const ids = [...text.matchAll(/^#{2,3} (.+)$/gm)].map((m) => slugger.slug(m[1].replace(/`/g, '')));
      expect(ids, section).toContain(id);
    }
  });

  it('cites only facts docs/kubernetes-behaviour.md defines', async () => {
    const doc = await readFile(path.join(process.cwd(), 'docs/kubernetes-behaviour.md'), 'utf8');
    const defined = new Set([...doc.matchAll(/^\| (\d+) \|/gm)].map((m) => Number(m[1])));
    for (const [reason, e] of Object.entries(eventExplanations))
      for (const fact of e.facts) expect(defined.has(fact), `${reason} cites ${fact}`).toBe(true);
  });

  it('gives an event its timing and source, and says so plainly when no template exists', () => {
    const event = {
      reason: 'BackOff',
      message: 'Back-off restarting failed container web',
      firstTimestamp: 62_000,
      lastTimestamp: 122_000,
      count: 3,
      source: 'kubelet',
    };
    const why = explainEvent(event);
    expect(why.by).toBe('kubelet');
    expect(why.when).toBe('Seen 3 times from 1m2s to 2m2s, recorded by kubelet.');
    expect(explainEvent({ ...event, reason: 'SomethingNew', count: 1 }).rule).toMatch(/No explanation/);
  });
});
