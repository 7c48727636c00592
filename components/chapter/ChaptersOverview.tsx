import { Link } from '@/components/Link';
import type { Site } from '@/lib/content';
import { Breadcrumbs } from '../layout/Breadcrumbs';
import { DocsShell } from '../layout/DocsShell';
import { ProgressMark } from '../progress/ProgressMark';
import { ContinueReading } from '../home/ContinueReading';
import { PartProgress } from '../home/PartProgress';

/** /chapters: every part with its chapters, and how far the reader is in each. */
export function ChaptersOverview({ site }: { site: Site }) {
  const quizSlugs = new Set(site.quizzes.map((q) => q.slug));
  return (
    <DocsShell parts={site.parts}>
      <article className="chapters-overview">
        <header className="chapter-header">
          <Breadcrumbs items={[{ label: 'Home', href: '/' }, { label: 'Chapters' }]} />
          <h1>Chapters</h1>
          <p className="chapter-lede">
            The course in reading order, part by part. Each chapter ends with a quiz; marks show what you have read (✓) and passed (★). To
            try things on a cluster of your own shape, with no lab's goal, open the{' '}
            <Link href="/playground" prefetch={false}>
              playground
            </Link>
            .
          </p>
          <ContinueReading chapters={site.chapters.map(({ slug, href, title }) => ({ slug, href, title }))} />
        </header>
        {site.parts.map((part, i) => (
          <section key={part.id} id={`part-${part.id}`} className="overview-part" aria-labelledby={`overview-part-${part.id}`}>
            <h2 id={`overview-part-${part.id}`}>
              <span className="overview-part-number">Part {i + 1}</span> {part.title}
            </h2>
            <p className="overview-part-description">{part.description}</p>
            <PartProgress
              slugs={part.chapters.map((c) => c.slug)}
              quizSlugs={part.chapters.filter((c) => quizSlugs.has(c.slug)).map((c) => c.slug)}
            />
            {part.chapters.length > 0 ? (
              <ol className="overview-chapters">
                {part.chapters.map((c) => (
                  <li key={c.slug}>
                    <Link href={c.href} className="overview-chapter-link">
                      {c.title}
                      <ProgressMark slug={c.slug} />
                    </Link>
                    <p className="overview-chapter-description">{c.description}</p>
                    <span className="overview-chapter-minutes">{c.minutes} min read</span>
                  </li>
                ))}
              </ol>
            ) : (
              <p className="part-empty">Chapters for this part are being written.</p>
            )}
          </section>
        ))}
      </article>
    </DocsShell>
  );
}
