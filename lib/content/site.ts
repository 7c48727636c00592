import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { ContentError, type ContentProblem } from './errors';
import { parseYamlWith } from './frontmatter';
import { listMdxFiles, loadMdxFile, type LoadedMdx } from './load';
import { defaultContentRoot, displayPath } from './paths';
import { chapterFrontmatterSchema, glossaryFrontmatterSchema, partsFileSchema, type Part } from './schemas';
import type { Section, TocItem } from './mdx/headings';
import { validateSite, type SiteFiles } from './validate';
import { loadQuizzes } from '@/lib/quiz/server';
import { labReferenceProblems, loadLabs } from '@/lib/labs/server';
import type { Quiz } from '@/lib/quiz';

export interface ChapterSummary {
  slug: string;
  href: string;
  title: string;
  description: string;
  part: string;
  order: number;
  minutes: number;
  /** Lab scenario ids the chapter embeds (`<ClusterLab scenario="...">`), for completion marks. */
  labs?: string[];
}

export interface Chapter extends ChapterSummary {
  file: string;
  objectives: string[];
  code: string;
  codeCss: string;
  toc: TocItem[];
  sections: Section[];
}

export interface GlossaryTerm {
  id: string;
  title: string;
  short: string;
  aliases: string[];
  related: string[];
  /** The Korean name, other Korean spellings and short definition, when written. */
  ko?: { title: string; aliases: string[]; short: string };
  code: string;
  codeCss: string;
  text: string;
}

export interface PartWithChapters extends Part {
  chapters: ChapterSummary[];
}

export interface Site {
  parts: PartWithChapters[];
  /** In reading order: by part, then by order within the part. */
  chapters: Chapter[];
  glossary: GlossaryTerm[];
  /** One per chapter that has content/quizzes/<slug>.yaml, in file-name order. */
  quizzes: Quiz[];
}

const wordsPerMinute = 220;

async function loadAll<T>(files: string[], load: (f: string) => Promise<{ loaded: T } | { problems: ContentProblem[] }>) {
  const results = await Promise.all(files.map(load));
  const loaded: T[] = [];
  const problems: ContentProblem[] = [];
  for (const r of results) {
    if ('loaded' in r) loaded.push(r.loaded);
    else problems.push(...r.problems);
  }
  return { loaded, problems };
}

async function loadParts(root: string): Promise<{ parts: Part[]; problems: ContentProblem[] }> {
  const file = path.join(root, 'parts.yaml');
  const text = await readFile(file, 'utf8').catch(() => null);
  if (text === null) return { parts: [], problems: [{ file: displayPath(file), message: 'missing parts file' }] };
  const parsed = parseYamlWith(displayPath(file), text, partsFileSchema);
  return 'data' in parsed ? { parts: parsed.data, problems: [] } : { parts: [], problems: parsed.problems };
}

/** Reads, compiles and cross-checks all content under `root`. Throws ContentError listing every problem. */
export async function loadSite(root = defaultContentRoot()): Promise<Site> {
  const [partsResult, chapterFiles, glossaryFiles] = await Promise.all([
    loadParts(root),
    listMdxFiles(path.join(root, 'chapters')),
    listMdxFiles(path.join(root, 'glossary')),
  ]);
  const chapters = await loadAll(chapterFiles, (f) => loadMdxFile(f, chapterFrontmatterSchema));
  const glossary = await loadAll(glossaryFiles, (f) => loadMdxFile(f, glossaryFrontmatterSchema));
  const problems = [...partsResult.problems, ...chapters.problems, ...glossary.problems];
  const files: SiteFiles = { parts: partsResult.parts, chapters: chapters.loaded, glossary: glossary.loaded };
  problems.push(...validateSite(files));
  const quizzes = await loadQuizzes(root, files);
  problems.push(...quizzes.problems);
  const labs = await loadLabs(root);
  problems.push(...labs.problems, ...labReferenceProblems(files.chapters, labs.ids));
  if (problems.length) throw new ContentError(problems);
  return assemble(files, quizzes.quizzes);
}

function assemble(files: SiteFiles, quizzes: Quiz[]): Site {
  const partIndex = new Map(files.parts.map((p, i) => [p.id, i]));
  const chapters = files.chapters.map(toChapter).sort((a, b) => partIndex.get(a.part)! - partIndex.get(b.part)! || a.order - b.order);
  const summary = ({ slug, href, title, description, part, order, minutes, labs }: Chapter): ChapterSummary => ({
    slug,
    href,
    title,
    description,
    part,
    order,
    minutes,
    labs,
  });
  return {
    parts: files.parts.map((p) => ({ ...p, chapters: chapters.filter((c) => c.part === p.id).map(summary) })),
    chapters,
    glossary: files.glossary
      .map((g) => ({
        id: g.name,
        title: g.data.title,
        short: g.data.short,
        aliases: g.data.aliases,
        related: g.data.related,
        ko: g.data.ko,
        code: g.mdx.code,
        codeCss: g.mdx.codeCss,
        text: g.mdx.sections.map((s) => s.text).join(' '),
      }))
      .sort((a, b) => a.title.localeCompare(b.title, 'en', { sensitivity: 'base' })),
    quizzes,
  };
}

function toChapter(c: LoadedMdx<import('./schemas').ChapterFrontmatter>): Chapter {
  return {
    slug: c.name,
    href: `/chapters/${c.name}`,
    file: c.file,
    title: c.data.title,
    description: c.data.description,
    part: c.data.part,
    order: c.data.order,
    objectives: c.data.objectives,
    minutes: c.data.minutes ?? Math.max(1, Math.round(c.mdx.words / wordsPerMinute)),
    labs: c.mdx.components.flatMap((m) => (m.name === 'ClusterLab' && m.attributes.scenario ? [m.attributes.scenario] : [])),
    code: c.mdx.code,
    codeCss: c.mdx.codeCss,
    toc: c.mdx.toc,
    sections: c.mdx.sections,
  };
}
