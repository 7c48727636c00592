import { Link } from '@/components/Link';
import type { ChapterSummary } from '@/lib/content';

/** Links to the chapters before and after this one in reading order. */
export function PrevNext({ previous, next }: { previous?: ChapterSummary; next?: ChapterSummary }) {
  if (!previous && !next) return null;
  return (
    <nav className="prev-next" aria-label="Previous and next chapter">
      {previous ? (
        <Link href={previous.href} className="prev-next-link prev" rel="prev">
          <span className="prev-next-label">
            <span aria-hidden="true">← </span>Previous
          </span>
          <span className="prev-next-title">{previous.title}</span>
        </Link>
      ) : (
        <span />
      )}
      {next && (
        <Link href={next.href} className="prev-next-link next" rel="next">
          <span className="prev-next-label">
            Next<span aria-hidden="true"> →</span>
          </span>
          <span className="prev-next-title">{next.title}</span>
        </Link>
      )}
    </nav>
  );
}
