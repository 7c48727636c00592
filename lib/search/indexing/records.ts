import type { Chapter, GlossaryTerm } from '@/lib/content';
import type { Quiz } from '@/lib/quiz';
import type { SearchRecord } from '../types';
import { shortenCodeBlocks, type CodeBlock } from './codeBlocks';

// One small function per kind of content. Another kind is one more such function, its name in
// recordKinds, and a line in buildSearchIndex; the file check and the UI take it from there.

/** Every kind of record the index holds; the index file is checked against this list. */
export const recordKinds = ['section', 'glossary', 'quiz'] as const;

/** One record per h2/h3 section of a chapter, plus its introduction (the text before the first heading). */
export function chapterRecords(
  chapter: Pick<Chapter, 'title' | 'href' | 'sections'>,
  codeBlocks: readonly CodeBlock[] = [],
  partTitle?: string,
): SearchRecord[] {
  return chapter.sections.map((section) => ({
    kind: 'section',
    title: chapter.title,
    section: section.heading,
    url: section.id ? `${chapter.href}#${section.id}` : chapter.href,
    text: shortenCodeBlocks(section.text, codeBlocks),
    keywords: [],
    ...(partTitle && { part: partTitle }),
  }));
}

/**
 * One record per glossary term: its name, aliases and one-line definition. The longer text of an
 * entry sums up chapter sections that are indexed already; leaving it out keeps the index file
 * about 12 kB (gzip) smaller, and the definition is the best snippet for a term anyway.
 */
export function glossaryRecord(
  term: Pick<GlossaryTerm, 'id' | 'title' | 'short' | 'aliases'> & Partial<Pick<GlossaryTerm, 'ko'>>,
): SearchRecord {
  return {
    kind: 'glossary',
    title: term.title,
    section: null,
    url: `/glossary#${term.id}`,
    text: term.short,
    keywords: term.aliases,
    ...(term.ko && { koNames: [term.ko.title, ...term.ko.aliases], koText: term.ko.short }),
  };
}

/**
 * One record per quiz question: its prompt only, so a search finds the question that practises a
 * topic without showing its answer. Simulation prompts name their variables ({{node}}); those
 * are dropped, since every attempt fills them in differently.
 */
export function quizRecords(quiz: Pick<Quiz, 'slug' | 'chapterTitle' | 'questions'>): SearchRecord[] {
  return quiz.questions.map((question) => ({
    kind: 'quiz',
    title: quiz.chapterTitle,
    section: 'Quiz',
    // The chapter's quiz opens this question from the hash (see the quiz's deep-link handling).
    url: `/chapters/${quiz.slug}#quiz-${question.id}`,
    text: question.prompt
      .replace(/\{\{\s*\w+\s*\}\}/g, '…')
      .replace(/\s+/g, ' ')
      .trim(),
    keywords: [],
  }));
}
