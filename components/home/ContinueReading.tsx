'use client';

import { Link } from '@/components/Link';
import type { ChapterSummary } from '@/lib/content';
import { useProgressPeek } from '../progress/useProgressPeek';

/**
 * "Continue where you left off": the first unread chapter after the one read last, in reading
 * order. Shows nothing before the first chapter is read (the page's "Start reading" covers that).
 */
export function ContinueReading({ chapters }: { chapters: readonly Pick<ChapterSummary, 'slug' | 'href' | 'title'>[] }) {
  const { read, lastRead } = useProgressPeek();
  if (!lastRead) return null;
  const from = chapters.findIndex((c) => c.slug === lastRead);
  const next = [...chapters.slice(from + 1), ...chapters.slice(0, from + 1)].find((c) => !read.includes(c.slug));
  if (!next) return <p className="continue-reading">You have read every chapter. The review queue keeps it fresh.</p>;
  return (
    <p className="continue-reading">
      <span className="continue-reading-label">Continue where you left off:</span>{' '}
      <Link href={next.href} className="continue-reading-link">
        {next.title}
      </Link>
    </p>
  );
}
