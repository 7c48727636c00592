import type { Site } from '@/lib/content';
import { searchConfig } from '../config';
import type { SearchIndexFile } from '../types';
import type { CodeBlock } from './codeBlocks';
import { chapterRecords, glossaryRecord } from './records';

/** The index file for a site: every chapter section in reading order, then the glossary. */
export function buildSearchIndex(
  site: Pick<Site, 'chapters' | 'glossary'>,
  codeBlocksBySlug: ReadonlyMap<string, readonly CodeBlock[]> = new Map(),
): SearchIndexFile {
  return {
    version: searchConfig.indexVersion,
    records: [
      ...site.chapters.flatMap((chapter) => chapterRecords(chapter, codeBlocksBySlug.get(chapter.slug))),
      ...site.glossary.map(glossaryRecord),
    ],
  };
}
