import type { Chapter, GlossaryTerm } from '@/lib/content';
import { searchConfig } from '../config';
import type { SearchIndexFile } from '../types';
import type { CodeBlock } from './codeBlocks';
import { chapterRecords, glossaryRecord, quizRecords } from './records';
import type { Quiz } from '@/lib/quiz';

/** The parts of the loaded site that the index is made of. */
export interface IndexedContent {
  chapters: readonly Pick<Chapter, 'slug' | 'title' | 'href' | 'sections'>[];
  glossary: readonly Pick<GlossaryTerm, 'id' | 'title' | 'short' | 'aliases'>[];
  quizzes?: readonly Pick<Quiz, 'slug' | 'chapterTitle' | 'questions'>[];
}

/** The index file for a site: every chapter section in reading order, the glossary, then quiz questions. */
export function buildSearchIndex(
  content: IndexedContent,
  codeBlocksBySlug: ReadonlyMap<string, readonly CodeBlock[]> = new Map(),
): SearchIndexFile {
  return {
    version: searchConfig.indexVersion,
    records: [
      ...content.chapters.flatMap((chapter) => chapterRecords(chapter, codeBlocksBySlug.get(chapter.slug))),
      ...content.glossary.map(glossaryRecord),
      ...(content.quizzes ?? []).flatMap(quizRecords),
    ],
  };
}
