'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import type { ReactNode } from 'react';
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
}: {
  href: string;
  children: ReactNode;
  className?: string;
  progressOf?: string;
}) {
  const pathname = usePathname();
  const current = pathname === href || pathname === `${href}/`;
  return (
    <Link href={href} className={className} aria-current={current ? 'page' : undefined}>
      {children}
      {progressOf && <ProgressMark slug={progressOf} />}
    </Link>
  );
}
