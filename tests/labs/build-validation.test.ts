import { appendFile, mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { ContentError, loadSite } from '@/lib/content';
import { formatProblem } from '@/lib/content/errors';
import { labErrors } from '@/lib/labs/errors';
import { labReferenceProblems } from '@/lib/labs/load';
import { fixtureSite } from '../content/fixture-site';

const lab = `title: T
summary: S
goal: G
checks:
  - check: command
    command: kubectl get nodes
    label: l
    failure: f
hints: [h]
solution: kubectl get nodes
debrief: D
`;

async function siteWith(chapterLine: string, labs: Record<string, string>): Promise<string> {
  const root = await fixtureSite();
  await appendFile(path.join(root, 'chapters/alpha.mdx'), `\n${chapterLine}\n`);
  await mkdir(path.join(root, 'labs'));
  for (const [name, text] of Object.entries(labs)) await writeFile(path.join(root, 'labs', name), text);
  return root;
}

async function problemsOf(root: string): Promise<string[]> {
  try {
    await loadSite(root);
  } catch (error) {
    if (error instanceof ContentError)
      return error.problems.map(formatProblem).map((p) => p.replace(/^.*?clusterbook-content-[^/]+\//, ''));
    throw error;
  }
  return [];
}

describe('labs are checked when the site is built', () => {
  it('a chapter may embed a lab that exists', async () => {
    expect(await problemsOf(await siteWith('<ClusterLab scenario="look" />', { 'look.yaml': lab }))).toEqual([]);
  });

  it('an unknown scenario id fails with the chapter path and line', async () => {
    const problems = await problemsOf(await siteWith('<ClusterLab scenario="missing" />', { 'look.yaml': lab }));
    expect(problems).toEqual([
      expect.stringMatching(
        new RegExp(`^chapters/alpha\\.mdx:\\d+: ${labErrors.unknownScenario('missing').replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`),
      ),
    ]);
  });

  it('an invalid scenario file fails with its own path and line, and only there', async () => {
    const broken = lab.replace('hints: [h]\n', 'hints: []\n');
    const problems = await problemsOf(await siteWith('<ClusterLab scenario="look" />', { 'look.yaml': broken }));
    expect(problems).toEqual([expect.stringMatching(/^labs\/look\.yaml:9: field "hints": /)]);
  });

  it('a ClusterLab without a scenario attribute is reported', () => {
    const chapters = [{ file: 'chapters/x.mdx', mdx: { components: [{ name: 'ClusterLab', line: 7, attributes: {} }] } }];
    expect(labReferenceProblems(chapters, [])).toEqual([{ file: 'chapters/x.mdx', line: 7, message: labErrors.scenarioWithoutId }]);
  });
});
