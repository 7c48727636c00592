import type { Site } from '@/lib/content';

/**
 * What /review and /exam need to know about the content without fetching every quiz: the parts,
 * their chapters, and each chapter's question ids and types. Built at build time, passed as props.
 */
export interface DeckChapter {
  slug: string;
  title: string;
  questions: { id: string; type: string }[];
}
export interface DeckPart {
  id: string;
  title: string;
  chapters: DeckChapter[];
}
export type Deck = DeckPart[];

export function deckOf(site: Pick<Site, 'parts' | 'quizzes'>): Deck {
  const quizzes = new Map(site.quizzes.map((q) => [q.slug, q]));
  return site.parts
    .map((part) => ({
      id: part.id,
      title: part.title,
      chapters: part.chapters.flatMap((c) => {
        const quiz = quizzes.get(c.slug);
        return quiz ? [{ slug: c.slug, title: c.title, questions: quiz.questions.map((q) => ({ id: q.id, type: q.type })) }] : [];
      }),
    }))
    .filter((part) => part.chapters.length > 0);
}
