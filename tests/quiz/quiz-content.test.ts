import { cp, mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ContentError, formatProblem, loadSite } from '@/lib/content';
import { errorMessages } from '@/lib/content/errors';
import { quizErrors } from '@/lib/quiz/errors';

const base = path.join(process.cwd(), 'tests/fixtures/content/base');
const validQuiz = path.join(process.cwd(), 'tests/quiz/fixtures/alpha.yaml');

/** The fixture site with one quiz file, optionally edited: `[from, to]` replaces the first match. */
async function siteWithQuiz(name = 'alpha.yaml', edit?: [string, string]): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'clusterbook-quiz-'));
  await cp(base, dir, { recursive: true });
  let text = await readFile(validQuiz, 'utf8');
  if (edit) {
    if (!text.includes(edit[0])) throw new Error(`fixture has no ${edit[0]}`);
    text = text.replace(edit[0], edit[1]);
  }
  await mkdir(path.join(dir, 'quizzes'));
  await writeFile(path.join(dir, 'quizzes', name), text);
  return dir;
}

async function problemsOf(dir: string): Promise<string[]> {
  try {
    await loadSite(dir);
  } catch (error) {
    if (error instanceof ContentError) return error.problems.map(formatProblem).map((p) => p.replace(/^.*?clusterbook-quiz-[^/]+\//, ''));
    throw error;
  }
  throw new Error('the quiz was accepted');
}

describe('quizzes are loaded and checked with the rest of the content', () => {
  it('loads a valid quiz with its section links made absolute', async () => {
    const site = await loadSite(await siteWithQuiz());
    expect(site.quizzes).toHaveLength(1);
    const [quiz] = site.quizzes;
    expect(quiz).toMatchObject({ slug: 'alpha', title: 'Alpha check', passRatio: 0.8 });
    expect(quiz.questions.map((q) => q.type)).toEqual([
      'single',
      'multiple',
      'ordering',
      'matching',
      'command',
      'prediction',
      'single',
      'single',
    ]);
    expect(quiz.questions[0].section).toBe('/chapters/alpha#getting-started');
    expect(quiz.questions[2].section).toBe('/chapters/beta#the-end');
  });

  it('fails the build, with file and line, when a wrong option does not explain itself', async () => {
    const dir = await siteWithQuiz('alpha.yaml', ['      - text: That one\n        feedback: Not that one.\n', '      - text: That one\n']);
    expect(await problemsOf(dir)).toEqual([`quizzes/alpha.yaml:10: ${quizErrors.missingFeedback('That one')}`]);
  });

  it('a site without a quizzes folder has no quizzes', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'clusterbook-quiz-'));
    await cp(base, dir, { recursive: true });
    expect((await loadSite(dir)).quizzes).toEqual([]);
  });

  it('names the file and line of a question that breaks a rule', async () => {
    const dir = await siteWithQuiz('alpha.yaml', ['        feedback: Not that one.', '        correct: true']);
    expect(await problemsOf(dir)).toEqual([`quizzes/alpha.yaml:7: field "questions.0.options": ${quizErrors.exactlyOneCorrect(2)}`]);
  });

  it('names the line of a section link to a heading that does not exist', async () => {
    const dir = await siteWithQuiz('alpha.yaml', ['section: /chapters/beta#the-end', 'section: /chapters/beta#the-middle']);
    expect(await problemsOf(dir)).toEqual([`quizzes/alpha.yaml:30: ${errorMessages.brokenAnchor('/chapters/beta#the-middle')}`]);
  });

  it('names the line of a section link to a chapter that does not exist', async () => {
    const dir = await siteWithQuiz('alpha.yaml', ['section: /chapters/beta#the-end', 'section: /chapters/gamma#the-end']);
    expect(await problemsOf(dir)).toEqual([`quizzes/alpha.yaml:30: ${errorMessages.brokenChapterLink('/chapters/gamma#the-end')}`]);
  });

  it('rejects a quiz for a chapter that does not exist', async () => {
    expect(await problemsOf(await siteWithQuiz('gamma.yaml'))).toEqual([`quizzes/gamma.yaml:1: ${quizErrors.noSuchChapter('gamma')}`]);
  });

  it('reports a YAML syntax error with its line', async () => {
    const [problem] = await problemsOf(await siteWithQuiz('alpha.yaml', ['    items: [one, two, three]', '    items: [one, two, three']));
    expect(problem).toMatch(/^quizzes\/alpha\.yaml:\d+: frontmatter is not valid YAML: /);
  });

  it('reports a placeholder that no param declares', async () => {
    const problems = await problemsOf(
      await siteWithQuiz('alpha.yaml', ['sample: kubectl cordon {{node}}', 'sample: kubectl cordon {{nodes}}']),
    );
    expect(problems).toEqual([`quizzes/alpha.yaml:49: field "questions.4.sample": ${quizErrors.unknownVariable('nodes')}`]);
  });
});
