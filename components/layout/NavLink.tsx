'use client';

import { Link } from '@/components/Link';
import { usePathname } from 'next/navigation';
import { useEffect, useRef, type ReactNode } from 'react';
import { ProgressMark } from '../progress/ProgressMark';

/**
 * A link that marks itself as the current page (aria-current), for the sidebar. With
 * `progressOf` (a chapter slug) it also shows whether that chapter was read and its quiz passed.
 */
export function NavLink({
  href,
  children,
  className,
  progressOf,
  labs,
  prefetch,
}: {
  href: string;
  /** false for a page whose code is heavy (the playground carries the whole lab): Next would fetch it on every page. */
  prefetch?: false;
  children: ReactNode;
  className?: string;
  progressOf?: string;
  /** Lab ids of that chapter, whose completion the mark also shows. */
  labs?: readonly string[];
}) {
  const pathname = usePathname();
  const current = pathname === href || pathname === `${href}/`;
  const link = useRef<HTMLAnchorElement>(null);

  // The current chapter is scrolled into its outline's view (only the outline scrolls, not the page).
  useEffect(() => {
    const el = link.current;
    const box = el?.closest('.docs-sidebar');
    if (!current || !el || !box) return;
    const linkRect = el.getBoundingClientRect();
    const boxRect = box.getBoundingClientRect();
    if (linkRect.top < boxRect.top || linkRect.bottom > boxRect.bottom) {
      box.scrollTop += linkRect.top - boxRect.top - (boxRect.height - linkRect.height) / 2;
    }
  }, [current]);

  return (
    <Link ref={link} href={href} className={className} aria-current={current ? 'page' : undefined} prefetch={prefetch}>
      {children}
      {progressOf && <ProgressMark slug={progressOf} labs={labs} />}
    </Link>
  );
}
