import type { Chapter, GlossaryTerm } from '@/lib/content';
import type { Part } from '@/lib/content/schemas';
import { searchConfig } from '../config';
import type { SearchIndexFile } from '../types';
import type { CodeBlock } from './codeBlocks';
import { chapterRecords, glossaryRecord, quizRecords } from './records';
import type { Quiz } from '@/lib/quiz';

/** The parts of the loaded site that the index is made of. */
export interface IndexedContent {
  chapters: readonly (Pick<Chapter, 'slug' | 'title' | 'href' | 'sections'> & Partial<Pick<Chapter, 'part'>>)[];
  glossary: readonly (Pick<GlossaryTerm, 'id' | 'title' | 'short' | 'aliases'> & Partial<Pick<GlossaryTerm, 'related' | 'ko'>>)[];
  /** Part titles by id; a chapter's sections are found by its part's title too. */
  parts?: readonly Pick<Part, 'id' | 'title'>[];
  quizzes?: readonly Pick<Quiz, 'slug' | 'chapterTitle' | 'questions'>[];
}

/** Korean names by the URL of each section a glossary term links to, so a Korean query finds the teaching too. */
function koreanNamesByUrl(glossary: IndexedContent['glossary']): Map<string, string[]> {
  const byUrl = new Map<string, string[]>();
  for (const term of glossary) {
    if (!term.ko) continue;
    for (const url of term.related ?? []) byUrl.set(url, [...(byUrl.get(url) ?? []), term.ko.title]);
  }
  return byUrl;
}

/** The index file for a site: every chapter section in reading order, the glossary, then quiz questions. */
export function buildSearchIndex(
  content: IndexedContent,
  codeBlocksBySlug: ReadonlyMap<string, readonly CodeBlock[]> = new Map(),
): SearchIndexFile {
  const partTitles = new Map((content.parts ?? []).map((p) => [p.id, p.title]));
  const korean = koreanNamesByUrl(content.glossary);
  const sections = content.chapters.flatMap((chapter) =>
    chapterRecords(chapter, codeBlocksBySlug.get(chapter.slug), chapter.part && partTitles.get(chapter.part)),
  );
  return {
    version: searchConfig.indexVersion,
    records: [
      ...sections.map((r) => (korean.has(r.url) ? { ...r, koNames: korean.get(r.url) } : r)),
      ...content.glossary.map(glossaryRecord),
      ...(content.quizzes ?? []).flatMap(quizRecords),
    ],
  };
}

/** The index as the browser fetches it: sections and glossary in one file, quiz questions in another. */
export function splitSearchIndex(file: SearchIndexFile): { main: SearchIndexFile; glossary: SearchIndexFile; quiz: SearchIndexFile } {
  const of = (keep: (kind: string) => boolean) => ({ version: file.version, records: file.records.filter((r) => keep(r.kind)) });
  return { main: of((k) => k !== 'quiz' && k !== 'glossary'), glossary: of((k) => k === 'glossary'), quiz: of((k) => k === 'quiz') };
}
