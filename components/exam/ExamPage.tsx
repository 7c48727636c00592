import { Link } from '@/components/Link';
import type { Site } from '@/lib/content';
import { Breadcrumbs } from '../layout/Breadcrumbs';
import { DocsShell } from '../layout/DocsShell';
import { deckOf } from '../progress/reviewDeck';
import { ExamLoader } from './ExamLoader';

/** /exam: a timed exam built in the browser from a seed; the page itself is static. */
export function ExamPage({ site }: { site: Site }) {
  return (
    <DocsShell parts={site.parts}>
      <article className="review exam">
        <header className="chapter-header">
          <Breadcrumbs items={[{ label: 'Home', href: '/' }, { label: 'Exam' }]} />
          <h1>Exam</h1>
          <p className="chapter-lede">
            A timed test across the parts you choose: recall questions, predictions on a simulated cluster, and hands-on tasks graded on the
            cluster's final state. Results come at the end, with the sections to reread. For daily practice, use{' '}
            <Link href="/review">review</Link>.
          </p>
        </header>
        <ExamLoader deck={deckOf(site)} />
      </article>
    </DocsShell>
  );
}
