import { readFile } from 'node:fs/promises';
import type { Chapter, Site } from '@/lib/content';
import { siteConfig } from './config';
import { chapterMarkdown } from './markdown';

/** A chapter as Markdown, read from its source file at build time. */
export async function markdownOfChapter(site: Site, chapter: Chapter): Promise<string> {
  const titles = new Map(site.glossary.map((t) => [t.id, t.title]));
  return chapterMarkdown({
    title: chapter.title,
    description: chapter.description,
    url: `${siteConfig().siteUrl}${chapter.href}`,
    source: await readFile(chapter.file, 'utf8'),
    termTitle: (id) => titles.get(id) ?? id,
  });
}
