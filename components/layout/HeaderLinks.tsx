'use client';

import { Link } from '@/components/Link';
import { usePathname } from 'next/navigation';

const links = [
  { href: '/chapters', label: 'Chapters' },
  { href: '/quiz', label: 'Quizzes' },
  { href: '/glossary', label: 'Glossary' },
  // The playground's page carries the whole lab: prefetching it would load the lab on every page.
  { href: '/playground', label: 'Playground', prefetch: false },
] as const;

/**
 * The header's site links, with the reader's place marked: aria-current="page" on the page itself,
 * "true" on the section a page is in (a chapter is in Chapters), so it is said and not only seen.
 */
export function HeaderLinks() {
  const pathname = usePathname() ?? '';
  const path = pathname.replace(/\/$/, '') || '/';
  return (
    <nav className="header-links" aria-label="Site">
      {links.map((link) => {
        const { href, label } = link;
        const current = path === href ? 'page' : path.startsWith(`${href}/`) ? 'true' : undefined;
        return (
          <Link key={href} href={href} aria-current={current} prefetch={'prefetch' in link ? link.prefetch : undefined}>
            {label}
          </Link>
        );
      })}
    </nav>
  );
}
