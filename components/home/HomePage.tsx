import Link from 'next/link';
import type { Site } from '@/lib/content';
import { PartVersions } from '@/components/chapter/PartVersions';
import { HeroCluster } from './HeroCluster';

/** The landing page: what Clusterbook is, and the course outline by part. */
export function HomePage({ site }: { site: Site }) {
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
          </div>
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
