import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import GithubSlugger from 'github-slugger';
import { scriptLines } from '@/lib/labs/lines';
import { createLabWorld } from '@/lib/labs/world';
import { createCluster, formatGoDuration } from '@/lib/cluster';
import { eventExplanations, explainEvent, explainOutput } from '@/lib/labs/why';
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
      object: 'pod/web-1',
      namespace: 'default',
    };
    const why = explainEvent(event);
    expect(why.by).toBe('kubelet');
    expect(why.when).toBe('Seen 3 times from 1m2s to 2m2s, recorded by kubelet.');
    expect(explainEvent({ ...event, reason: 'SomethingNew', count: 1 }).rule).toMatch(/No explanation/);
  });
});

describe('an event’s own causes, read from the cluster', () => {
  function failedNode() {
    const cluster = createCluster({ seed: 11, workers: 3 });
    cluster.exec('kubectl create deployment web --image=nginx:1.27 --replicas=3');
    cluster.advance('30s');
    const victim = cluster.view().pods.find((p) => p.name.startsWith('web-'))!.node!;
    cluster.exec(`sim node fail ${victim}`);
    cluster.advance('7m');
    return { cluster, victim };
  }

  it('a taint eviction names the taint, when it appeared, the toleration and when it ran out', () => {
    const { cluster, victim } = failedNode();
    const view = cluster.view();
    const eviction = view.events.find((e) => e.reason === 'TaintManagerEviction')!;
    expect(eviction).toBeDefined();
    const taint = view.nodes.find((n) => n.name === victim)!.taints.find((t) => t.effect === 'NoExecute')!;
    expect(taint.timeAdded).not.toBeNull();
    const why = explainEvent(eviction, view);
    expect(why.inputs[0]).toBe(`${victim}'s machine is powered off, so its kubelet posts nothing.`);
    const due = formatGoDuration(taint.timeAdded! + 300_000);
    expect(why.inputs[1]).toContain(`${victim} has carried ${taint.text} since ${formatGoDuration(taint.timeAdded!)}`);
    expect(why.inputs[1]).toContain(`tolerates it for 300s, so its time was up at ${due}`);
    // The controller acts when the toleration runs out, not before.
    expect(eviction.firstTimestamp).toBeGreaterThanOrEqual(taint.timeAdded! + 300_000);
  });

  it('explains the reasons a `kubectl get events` or `describe` printed, and no others', () => {
    const { cluster, victim } = failedNode();
    const view = cluster.view();
    const events = cluster.exec('kubectl get events').stdout;
    const reasons = explainOutput(events, view).map((w) => w.reason);
    expect(reasons).toEqual(expect.arrayContaining(['NodeNotReady', 'TaintManagerEviction']));
    // Warnings and the rarer events come before the routine ones.
    expect(reasons.indexOf('TaintManagerEviction')).toBeLessThan(Math.max(0, reasons.indexOf('Scheduled')) || reasons.length);
    for (const reason of reasons) expect(events).toContain(reason);
    const notReady = explainOutput(events, view).find((w) => w.reason === 'NodeNotReady')!;
    expect(notReady.inputs).toEqual([`${victim}'s machine is powered off, so its kubelet posts nothing.`]);

    const evicted = view.pods.find((p) => p.node === victim && p.status === 'Terminating')!;
    const described = cluster.exec(`kubectl describe pod ${evicted.name}`).stdout;
    const fromDescribe = explainOutput(described, view).map((w) => w.reason);
    expect(fromDescribe).toContain('TaintManagerEviction');
    expect(fromDescribe.every((r) => described.includes(r))).toBe(true);
    // A table with no Reason column explains nothing.
    expect(explainOutput(cluster.exec('kubectl get pods').stdout, view)).toEqual([]);
  });

  it('a restart back-off counts the restarts and gives the last exit', () => {
    const cluster = createCluster({ seed: 3, workers: 2 });
    cluster.exec('kubectl run web --image=nginx:1.27');
    cluster.advance('20s');
    cluster.exec('sim app crash web');
    cluster.advance('5s');
    // The first restart is immediate; the second crash waits in back-off.
    cluster.exec('sim app crash web');
    cluster.advance('3s');
    const view = cluster.view();
    const backOff = view.events.filter((e) => e.reason === 'BackOff').at(-1)!;
    expect(backOff).toBeDefined();
    const pod = view.pods.find((p) => p.name === 'web')!;
    const [line] = explainEvent(backOff, view).inputs;
    expect(line).toContain(`web has restarted ${pod.restarts} times`);
    expect(line).toContain(`Its last exit: ${pod.lastTermination!.reason}, code ${pod.lastTermination!.exitCode}.`);
  });
});
