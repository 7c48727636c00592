import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseYamlWith, yamlLines } from '@/lib/content/frontmatter';
import type { ContentProblem } from '@/lib/content/errors';
import { displayPath } from '@/lib/content/paths';
import { linkChecker, type SiteFiles } from '@/lib/content/validate';
import { quizErrors } from './errors';
import { quizFileSchema, type Question, type Quiz } from './schema';

/**
 * Reads content/quizzes/<chapter-slug>.yaml, checks each file with the quiz schema (problems
 * carry the YAML line) and each question's section link like any other link in the site.
 * Section links come back absolute (/chapters/slug#id) so the UI can use them as they are.
 */
export async function loadQuizzes(
  root: string,
  site: Pick<SiteFiles, 'chapters' | 'glossary'>,
): Promise<{ quizzes: Quiz[]; problems: ContentProblem[] }> {
  const dir = path.join(root, 'quizzes');
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  const files = entries
    .filter((e) => e.isFile() && /\.ya?ml$/.test(e.name))
    .map((e) => path.join(dir, e.name))
    .sort();
  const checkLink = linkChecker(site);
  const chapterTitles = new Map(site.chapters.map((c) => [c.name, c.data.title]));
  const quizzes: Quiz[] = [];
  const problems: ContentProblem[] = [];

  for (const absolute of files) {
    const file = displayPath(absolute);
    const slug = path.basename(absolute).replace(/\.ya?ml$/, '');
    const text = (await readFile(absolute, 'utf8')).replace(/\r\n/g, '\n');
    const parsed = parseYamlWith(file, text, quizFileSchema);
    if ('problems' in parsed) {
      problems.push(...parsed.problems);
      continue;
    }
    const chapterTitle = chapterTitles.get(slug);
    if (chapterTitle === undefined) {
      problems.push({ file, line: 1, message: quizErrors.noSuchChapter(slug) });
      continue;
    }
    const lineOf = yamlLines(text);
    problems.push(...missingFeedback(file, parsed.data.questions, lineOf));
    const questions = parsed.data.questions.map((q, i) => {
      const section = q.section.startsWith('#') ? `/chapters/${slug}${q.section}` : q.section;
      problems.push(...checkLink(file, lineOf(['questions', i, 'section']), section));
      return { ...q, section };
    });
    quizzes.push({ ...parsed.data, questions, slug, chapterTitle });
  }
  return { quizzes, problems };
}

/**
 * Every wrong option of a choice question explains itself when chosen: an authoring rule of the
 * site's content (the schema itself allows options without feedback, so tests can build them).
 */
function missingFeedback(file: string, questions: Question[], lineOf: (path: (string | number)[]) => number | undefined): ContentProblem[] {
  return questions.flatMap((q, i) =>
    q.type === 'single' || q.type === 'multiple'
      ? q.options.flatMap((o, j) =>
          !o.correct && !o.feedback
            ? [{ file, line: lineOf(['questions', i, 'options', j]), message: quizErrors.missingFeedback(o.text) }]
            : [],
        )
      : [],
  );
}
