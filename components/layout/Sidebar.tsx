import type { PartWithChapters } from '@/lib/content';
import { NavLink } from './NavLink';

/** The course outline, grouped by part; the current chapter is marked by NavLink. */
export function Sidebar({ parts, label = 'Chapters' }: { parts: PartWithChapters[]; label?: string }) {
  return (
    <nav className="sidebar-nav" aria-label={label}>
      {parts
        .filter((p) => p.chapters.length > 0)
        .map((part, i) => (
          // A group, not a <section>: as regions, the parts repeated the names of the page's own part sections.
          <div role="group" key={part.id} className="sidebar-part" aria-labelledby={`${label}-part-${part.id}`}>
            <h2 id={`${label}-part-${part.id}`} className="sidebar-part-title">
              <span className="sidebar-part-number" aria-hidden="true">
                {String(i + 1).padStart(2, '0')}
              </span>
              {part.title}
            </h2>
            <ol className="sidebar-chapters">
              {part.chapters.map((c) => (
                <li key={c.slug}>
                  <NavLink href={c.href} className="sidebar-link" progressOf={c.slug} labs={c.labs}>
                    {c.title}
                  </NavLink>
                </li>
              ))}
            </ol>
          </div>
        ))}
      <ul className="sidebar-extra">
        <li>
          <NavLink href="/glossary" className="sidebar-link">
            Glossary
          </NavLink>
        </li>
        <li>
          <NavLink href="/quiz" className="sidebar-link">
            Quizzes
          </NavLink>
        </li>
        <li>
          <NavLink href="/playground" className="sidebar-link" prefetch={false}>
            Playground
          </NavLink>
        </li>
      </ul>
    </nav>
  );
}
