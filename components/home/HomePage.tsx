import { Link } from '@/components/Link';
import type { Site } from '@/lib/content';
import { PartVersions } from '@/components/chapter/PartVersions';
import { HeroCluster } from './HeroCluster';
import { ContinueReading } from './ContinueReading';
import { PartProgress } from './PartProgress';

/** The landing page: what Clusterbook is, and the course outline by part. */
export function HomePage({ site }: { site: Site }) {
  const quizSlugs = new Set(site.quizzes.map((q) => q.slug));
  const first = site.chapters[0];
  const minutes = site.chapters.reduce((n, c) => n + c.minutes, 0);
  return (
    <main id="main" className="home" tabIndex={-1}>
      <section className="hero">
        <div className="hero-text">
          <p className="eyebrow">Study notes you can run</p>
          <h1>Containers and Kubernetes, from the kernel up.</h1>
          <p className="hero-lede">
            Clusterbook explains what a container really is, which Linux features make it work, and how Kubernetes keeps your workloads
            running when machines fail, with the real timings and the real command output.
          </p>
          <div className="hero-actions">
            {first && (
              <Link href={first.href} className="button button-primary">
                Start reading
              </Link>
            )}
            <Link href="/glossary" className="button">
              Browse the glossary
            </Link>
            <Link href="/playground" className="button" prefetch={false}>
              Open the playground
            </Link>
          </div>
          <ContinueReading chapters={site.chapters.map(({ slug, href, title }) => ({ slug, href, title }))} />
          <dl className="hero-stats">
            <div>
              <dt>Chapters</dt>
              <dd>{site.chapters.length}</dd>
            </div>
            <div>
              <dt>Glossary terms</dt>
              <dd>{site.glossary.length}</dd>
            </div>
            <div>
              <dt>Reading time</dt>
              <dd>{minutes} min</dd>
            </div>
          </dl>
        </div>
        <HeroCluster />
      </section>

      <section className="home-features" aria-labelledby="features-title">
        <h2 id="features-title">What makes it different</h2>
        <ul className="feature-list">
          <li>
            <h3>Labs that answer back</h3>
            <p>
              A simulated cluster runs in the page. Break a node, delete a pod or cut the API server off, then watch the controllers react
              on a timeline, with the commands and output a real cluster would give.
            </p>
          </li>
          <li>
            <h3>Quizzes computed from the model</h3>
            <p>
              Many answers are worked out by the same cluster model the labs use, so a question about timeouts or scheduling is checked
              against what the model does, not a hand-typed key.
            </p>
          </li>
          <li>
            <h3>Spaced review</h3>
            <p>
              Every answer becomes a <Link href="/review">review card</Link>. The ones you miss come back sooner, so the ideas stay after
              the chapter ends. Everything is kept in your browser, with no account, and works offline.
            </p>
          </li>
        </ul>
      </section>

      <section className="home-parts" aria-labelledby="parts-title">
        <h2 id="parts-title">The course</h2>
        <ol className="part-list">
          {site.parts.map((part, i) => (
            <li key={part.id} id={`part-${part.id}`} className="part-card">
              <div className="part-card-head">
                <span className="part-number" aria-hidden="true">
                  {String(i + 1).padStart(2, '0')}
                </span>
                <h3>
                  <span className="sr-only">Part {i + 1}: </span>
                  {part.title}
                </h3>
              </div>
              <p className="part-description">{part.description}</p>
              <PartProgress
                slugs={part.chapters.map((c) => c.slug)}
                quizSlugs={part.chapters.filter((c) => quizSlugs.has(c.slug)).map((c) => c.slug)}
              />
              {part.versions && <PartVersions versions={part.versions} />}
              {part.chapters.length > 0 ? (
                <ol className="part-chapters">
                  {part.chapters.map((c) => (
                    <li key={c.slug}>
                      <Link href={c.href}>{c.title}</Link>
                      <span className="part-chapter-minutes">{c.minutes} min</span>
                    </li>
                  ))}
                </ol>
              ) : (
                <p className="part-empty">Chapters for this part are being written.</p>
              )}
            </li>
          ))}
        </ol>
      </section>
    </main>
  );
}
