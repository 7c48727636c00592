import { loadSite, type Site } from './site';
import { contentRevision } from './revision';

export type { Site, Chapter, ChapterSummary, GlossaryTerm, PartWithChapters } from './site';
export type { TocItem, Section } from './mdx/headings';
export { ContentError, formatProblem } from './errors';
export { loadSite } from './site';

let cached: { site: Promise<Site>; revision?: string } | undefined;

/**
 * The site's content, loaded once per process. In development it is reloaded when a content file
 * changes (and loadMdxFile recompiles only the files that changed), so an edit shows at once.
 */
export async function getSite(): Promise<Site> {
  if (process.env.NODE_ENV !== 'development') {
    cached ??= { site: loadSite() };
    return cached.site;
  }
  const revision = await contentRevision();
  if (!cached || cached.revision !== revision) {
    cached = { site: loadSite(), revision };
    cached.site.catch(() => (cached = undefined));
  }
  return cached.site;
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
