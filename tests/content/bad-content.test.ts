import { ContentError, loadSite } from '@/lib/content';
import { errorMessages, formatProblem } from '@/lib/content/errors';
import { fixtureSite } from './fixture-site';

async function problemsOf(overlay: string): Promise<string[]> {
  try {
    await loadSite(await fixtureSite(overlay));
  } catch (error) {
    if (error instanceof ContentError)
      return error.problems.map(formatProblem).map((p) => p.replace(/^.*?clusterbook-content-[^/]+\//, ''));
    throw error;
  }
  throw new Error(`fixture ${overlay} was accepted`);
}

describe('bad content is rejected with its file and line', () => {
  it('a chapter without frontmatter', async () => {
    expect(await problemsOf('missing-frontmatter')).toEqual([`chapters/gamma.mdx:1: ${errorMessages.missingFrontmatter}`]);
  });

  it('frontmatter that breaks the schema names each field and its line', async () => {
    const problems = await problemsOf('invalid-frontmatter');
    expect(problems).toHaveLength(2);
    expect(problems[0]).toMatch(/^chapters\/gamma\.mdx:3: frontmatter field "description": /);
    expect(problems[1]).toMatch(/^chapters\/gamma\.mdx:6: frontmatter field "objectives": list at least two learning objectives/);
  });

  it('an MDX syntax error', async () => {
    const [problem] = await problemsOf('mdx-syntax');
    expect(problem).toMatch(/^chapters\/gamma\.mdx:14: MDX syntax error: /);
    expect(problem).toMatch(/Callout/);
  });

  it('an unknown glossary term', async () => {
    expect(await problemsOf('unknown-term')).toEqual([`chapters/gamma.mdx:12: ${errorMessages.unknownTerm('gizmo')}`]);
  });

  it('a link to a chapter that does not exist', async () => {
    expect(await problemsOf('broken-chapter-link')).toEqual([
      `chapters/gamma.mdx:10: ${errorMessages.brokenChapterLink('/chapters/nowhere')}`,
    ]);
  });

  it('a link to a heading anchor that does not exist', async () => {
    expect(await problemsOf('broken-anchor')).toEqual([
      `chapters/gamma.mdx:12: ${errorMessages.brokenAnchor('/chapters/alpha#no-such-heading')}`,
    ]);
  });

  it('two chapters with the same slug', async () => {
    const problems = await problemsOf('duplicate-slug');
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^chapters\/alpha\.mdx:1: duplicate chapter slug "alpha" \(also .*chapters\/alpha\.md\)$/);
  });

  it('two chapters with the same order in one part', async () => {
    const problems = await problemsOf('duplicate-order');
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^chapters\/gamma\.mdx:5: duplicate order 1 in part "basics" \(also .*chapters\/alpha\.mdx\)$/);
  });

  it('a component that is not in the registry', async () => {
    const [problem] = await problemsOf('unknown-component');
    expect(problem).toMatch(/^chapters\/gamma\.mdx:12: unknown component <Blink>; MDX may use: Callout, Term/);
  });

  it('a glossary term with a too-short definition and a broken related link', async () => {
    const problems = await problemsOf('bad-glossary');
    expect(problems.some((p) => /^glossary\/gizmo\.mdx:3: frontmatter field "short"/.test(p))).toBe(true);
  });
});
