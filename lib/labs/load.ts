import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { ContentProblem } from '@/lib/content/errors';
import { parseYamlWith, yamlLines } from '@/lib/content/frontmatter';
import { defaultContentRoot, displayPath } from '@/lib/content/paths';
import { labErrors } from './errors';
import { lintLab } from './lint';
import { labScenarioSchema, type LabScenario } from './schema';
import { scriptLines } from './lines';
import { createLabWorld } from './world';

/** The chapter fields the reference check reads (a LoadedMdx fits). */
export interface ChapterWithComponents {
  file: string;
  mdx: { components: { name: string; line?: number; attributes: Record<string, string | null> }[] };
}

const labsDir = (root: string) => path.join(root, 'labs');

/**
 * Reads and checks one scenario file: the schema (problems carry the YAML line), then the setup
 * is run on a real mini-cluster so a typo in a command fails the build, not the reader's lab.
 */
export async function loadLabFile(absolute: string): Promise<{ lab: LabScenario } | { problems: ContentProblem[] }> {
  const file = displayPath(absolute);
  const text = (await readFile(absolute, 'utf8')).replace(/\r\n/g, '\n');
  const parsed = parseYamlWith(file, text, labScenarioSchema);
  if ('problems' in parsed) return { problems: parsed.problems };
  const lab: LabScenario = { id: path.basename(absolute).replace(/\.ya?ml$/, ''), ...parsed.data };
  const problems: ContentProblem[] = [];
  const lineOf = yamlLines(text);
  const world = createLabWorld(lab);
  const setupLine = parsed.keyLines.setup ?? 1;
  for (const failure of world.failures) {
    problems.push({ file, line: lineOfText(text, failure.line, setupLine), message: labErrors.setupFailed(failure.line, failure.output) });
  }
  const nodes = [
    ...world.cluster.view().nodes.map((n) => n.name),
    ...scriptLines(lab.solution).flatMap((line) => /^sim node add (\S+)/.exec(line)?.[1] ?? []),
  ];
  lab.checks.forEach((check, i) => {
    for (const key of ['node', 'notOnNode'] as const) {
      const value = (check as Partial<Record<typeof key, string>>)[key];
      if (value !== undefined && !nodes.includes(value)) {
        problems.push({ file, line: lineOf(['checks', i, key]), message: labErrors.unknownNode(value, nodes) });
      }
    }
  });
  if (problems.length === 0 && world.failures.length === 0) {
    for (const problem of lintLab(lab)) {
      const line = problem.at === 'solution' ? (parsed.keyLines.solution ?? 1) : lineOf(['checks', problem.at.check, 'label']);
      problems.push({ file, line, message: problem.message });
    }
  }
  return problems.length ? { problems } : { lab };
}

/**
 * Every scenario under content/labs, in file-name order. `ids` names every file, valid or not, so a
 * chapter that embeds a broken scenario is reported once, at the scenario.
 */
export async function loadLabs(root = defaultContentRoot()): Promise<{ labs: LabScenario[]; ids: string[]; problems: ContentProblem[] }> {
  const dir = labsDir(root);
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  const files = entries
    .filter((e) => e.isFile() && /\.ya?ml$/.test(e.name))
    .map((e) => path.join(dir, e.name))
    .sort();
  const results = await Promise.all(files.map(loadLabFile));
  return {
    labs: results.flatMap((r) => ('lab' in r ? [r.lab] : [])),
    ids: files.map((f) => path.basename(f).replace(/\.ya?ml$/, '')),
    problems: results.flatMap((r) => ('problems' in r ? r.problems : [])),
  };
}

/** Every `<ClusterLab scenario="...">` must name a scenario that exists. */
export function labReferenceProblems(chapters: readonly ChapterWithComponents[], labIds: readonly string[]): ContentProblem[] {
  const known = new Set(labIds);
  const problems: ContentProblem[] = [];
  for (const chapter of chapters) {
    for (const component of chapter.mdx.components) {
      if (component.name !== 'ClusterLab') continue;
      const id = component.attributes.scenario;
      if (!id) problems.push({ file: chapter.file, line: component.line, message: labErrors.scenarioWithoutId });
      else if (!known.has(id)) problems.push({ file: chapter.file, line: component.line, message: labErrors.unknownScenario(id) });
    }
  }
  return problems;
}

const cache = new Map<string, Promise<LabScenario>>();

/**
 * One scenario for a page. The build has validated every file already; in development each call
 * rereads the file so an author's edit shows on the next request.
 */
export function getLabScenario(id: string, root = defaultContentRoot()): Promise<LabScenario> {
  const load = async () => {
    const result = await loadLabFile(path.join(labsDir(root), `${id}.yaml`)).catch(() => undefined);
    if (!result) throw new Error(labErrors.unknownScenario(id));
    if ('problems' in result) throw new Error(result.problems.map((p) => `${p.file}:${p.line ?? 1}: ${p.message}`).join('\n'));
    return result.lab;
  };
  if (process.env.NODE_ENV === 'development') return load();
  let found = cache.get(`${root}\u0000${id}`);
  if (!found) {
    found = load();
    cache.set(`${root}\u0000${id}`, found);
  }
  return found;
}

/** The first line at or after `from` whose text is `wanted` (a script line inside a block). */
function lineOfText(text: string, wanted: string, from: number): number {
  const lines = text.split('\n');
  for (let i = Math.max(0, from - 1); i < lines.length; i++) if (lines[i].trim() === wanted) return i + 1;
  return from;
}
