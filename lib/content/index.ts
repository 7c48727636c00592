import { loadSite, type Site } from './site';

export type { Site, Chapter, ChapterSummary, GlossaryTerm, PartWithChapters } from './site';
export type { TocItem, Section } from './mdx/headings';
export { ContentError, formatProblem } from './errors';
export { loadSite } from './site';

let cached: Promise<Site> | undefined;

/**
 * The site's content, loaded once per process. In development it is reloaded on every call so
 * that an author's edit shows on the next request.
 */
export function getSite(): Promise<Site> {
  if (process.env.NODE_ENV === 'development') return loadSite();
  cached ??= loadSite();
  return cached;
}

export async function getChapter(slug: string) {
  const site = await getSite();
  const index = site.chapters.findIndex((c) => c.slug === slug);
  if (index < 0) return undefined;
  const chapter = site.chapters[index];
  return {
    chapter,
    part: site.parts.find((p) => p.id === chapter.part)!,
    previous: site.chapters[index - 1],
    next: site.chapters[index + 1],
    quiz: site.quizzes.find((q) => q.slug === slug),
  };
}
