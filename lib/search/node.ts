// Build-time entry of lib/search: turns the loaded site into the index file. Node only (it reads
// the chapters' MDX for their code blocks); the browser uses lib/search/index.ts.
import { readFile } from 'node:fs/promises';
import type { Chapter } from '@/lib/content';
import { findCodeBlocks, type CodeBlock } from './indexing/codeBlocks';
import { buildSearchIndex, type IndexedContent } from './indexing/buildSearchIndex';
import type { SearchIndexFile } from './types';

export * from './index';
export { buildSearchIndex, splitSearchIndex, type IndexedContent } from './indexing/buildSearchIndex';

/** The search index of a loaded site, with console output trimmed from code blocks. */
export async function searchIndexOfSite(site: {
  chapters: readonly (IndexedContent['chapters'][number] & Pick<Chapter, 'file'>)[];
  glossary: IndexedContent['glossary'];
  quizzes?: IndexedContent['quizzes'];
  parts?: IndexedContent['parts'];
}): Promise<SearchIndexFile> {
  const blocks = await Promise.all(
    site.chapters.map(async (chapter): Promise<[string, CodeBlock[]]> => {
      // Chapter files were read moments ago by loadSite; if one is gone now, index it untrimmed.
      const mdx = await readFile(chapter.file, 'utf8').catch(() => '');
      return [chapter.slug, findCodeBlocks(mdx)];
    }),
  );
  return buildSearchIndex(site, new Map(blocks));
}
