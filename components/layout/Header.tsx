import { Link } from '@/components/Link';
import type { ReactNode } from 'react';
import { ThemeToggle } from './ThemeToggle';
import { MobileNav } from './MobileNav';
import { HeaderLinks } from './HeaderLinks';
import { Logo } from './Logo';
import { ReviewLink } from '../progress/ReviewLink';

/** The site header. `nav` is the outline shown in the mobile drawer; `tools` holds header actions such as search. */
export function Header({ nav, tools }: { nav: ReactNode; tools?: ReactNode }) {
  return (
    <header className="site-header">
      <div className="site-header-inner">
        <MobileNav>{nav}</MobileNav>
        <Link href="/" className="brand" aria-label="Clusterbook home">
          <Logo />
          <span className="brand-name">Clusterbook</span>
        </Link>
        <HeaderLinks />
        <div className="header-tools">
          <ReviewLink />
          {tools}
          <ThemeToggle />
        </div>
      </div>
    </header>
  );
}
