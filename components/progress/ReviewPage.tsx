import Link from 'next/link';
import type { PartWithChapters } from '@/lib/content';
import { Breadcrumbs } from '../layout/Breadcrumbs';
import { DocsShell } from '../layout/DocsShell';
import { ReviewSessionLoader } from './ReviewSessionLoader';

/** /review: the questions due today, across chapters. The session itself loads in the browser. */
export function ReviewPage({ parts }: { parts: PartWithChapters[] }) {
  return (
    <DocsShell parts={parts}>
      <article className="review">
        <header className="chapter-header">
          <Breadcrumbs items={[{ label: 'Home', href: '/' }, { label: 'Review' }]} />
          <h1>Review</h1>
          <p className="chapter-lede">
            Questions you answered in the <Link href="/quiz">chapter quizzes</Link> come back here when they are due: soon after a mistake,
            later and later as you keep getting them right.
          </p>
        </header>
        <ReviewSessionLoader />
      </article>
    </DocsShell>
  );
}
