import { Link } from '@/components/Link';
import type { Site } from '@/lib/content';
import { Breadcrumbs } from '../layout/Breadcrumbs';
import { DocsShell } from '../layout/DocsShell';
import { MdxContent } from '../MdxContent';
import { GlossaryLanguageToggle } from './GlossaryLanguageToggle';

function firstLetter(title: string) {
  const c = title[0]?.toUpperCase() ?? '#';
  return /[A-Z]/.test(c) ? c : '#';
}

/** Every term A to Z, each with an anchor that <Term> links to, and where the chapters teach it. */
export function GlossaryPage({ site }: { site: Site }) {
  const groups = new Map<string, Site['glossary']>();
  for (const term of site.glossary) {
    const letter = firstLetter(term.title);
    groups.set(letter, [...(groups.get(letter) ?? []), term]);
  }
  const chapterTitle = new Map(site.chapters.map((c) => [c.slug, c.title]));
  const sectionTitle = new Map<string, string>(site.chapters.flatMap((c) => c.toc.map((t) => [`${c.slug}#${t.id}`, t.text] as const)));

  return (
    <DocsShell parts={site.parts}>
      <article className="glossary">
        <header className="chapter-header">
          <Breadcrumbs items={[{ label: 'Home', href: '/' }, { label: 'Glossary' }]} />
          <h1>Glossary</h1>
          <p className="chapter-lede">
            {site.glossary.length} terms used across the chapters, each with a short definition, a longer explanation and the chapters that
            teach it.
          </p>
          <p className="page-actions">
            <GlossaryLanguageToggle />
          </p>
          <nav className="letter-nav" aria-label="Glossary letters">
            <ul>
              {[...groups.keys()].map((letter) => (
                <li key={letter}>
                  <a href={`#letter-${letter}`}>{letter}</a>
                </li>
              ))}
            </ul>
          </nav>
        </header>
        {[...groups.entries()].map(([letter, terms]) => (
          <section key={letter} aria-labelledby={`letter-${letter}`} className="glossary-group">
            <h2 id={`letter-${letter}`} className="glossary-letter">
              {letter}
            </h2>
            <dl className="glossary-list">
              {terms.map((term) => (
                <div key={term.id} className="glossary-entry" id={term.id} tabIndex={-1}>
                  <dt>
                    <a href={`#${term.id}`} className="heading-link">
                      {term.title}
                    </a>
                    {term.ko && (
                      <span className="glossary-ko-title ko-only" lang="ko">
                        {term.ko.title}
                      </span>
                    )}
                  </dt>
                  <dd>
                    <p className="glossary-short">{term.short}</p>
                    {term.ko && (
                      <p className="glossary-ko-short ko-only" lang="ko">
                        {term.ko.short}
                        {term.ko.aliases.length > 0 && <span className="glossary-ko-aliases"> ({term.ko.aliases.join(', ')})</span>}
                      </p>
                    )}
                    <div className="prose prose-compact">
                      <MdxContent code={term.code} css={term.codeCss} context={{ glossary: site.glossary }} />
                    </div>
                    {term.aliases.length > 0 && (
                      <p className="glossary-aliases">
                        <span className="glossary-meta-label">Also called</span> {term.aliases.join(', ')}
                      </p>
                    )}
                    {term.related.length > 0 && (
                      <p className="glossary-related">
                        <span className="glossary-meta-label">Taught in</span>{' '}
                        {term.related.map((href, i) => {
                          const key = href.replace('/chapters/', '');
                          const slug = key.split('#')[0];
                          const label = sectionTitle.get(key)
                            ? `${chapterTitle.get(slug)}: ${sectionTitle.get(key)}`
                            : chapterTitle.get(slug);
                          return (
                            <span key={href}>
                              {i > 0 && ', '}
                              <Link href={href}>{label ?? href}</Link>
                            </span>
                          );
                        })}
                      </p>
                    )}
                  </dd>
                </div>
              ))}
            </dl>
          </section>
        ))}
      </article>
    </DocsShell>
  );
}
