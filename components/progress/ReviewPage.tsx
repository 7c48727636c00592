import { Link } from '@/components/Link';
import type { Site } from '@/lib/content';
import { Breadcrumbs } from '../layout/Breadcrumbs';
import { DocsShell } from '../layout/DocsShell';
import { deckOf } from './reviewDeck';
import { ReviewSessionLoader } from './ReviewSessionLoader';

/** /review: what you know and the questions due, across chapters. The session itself loads in the browser. */
export function ReviewPage({ site }: { site: Site }) {
  return (
    <DocsShell parts={site.parts}>
      <article className="review">
        <header className="chapter-header">
          <Breadcrumbs items={[{ label: 'Home', href: '/' }, { label: 'Review' }]} />
          <h1>Review</h1>
          <p className="chapter-lede">
            Questions you answered in the <Link href="/quiz">chapter quizzes</Link> come back here when they are due: minutes after a
            mistake, then later and later as you keep getting them right. Ready to test yourself under time? Take an{' '}
            <Link href="/exam">exam</Link>.
          </p>
        </header>
        <ReviewSessionLoader deck={deckOf(site)} />
      </article>
    </DocsShell>
  );
}
