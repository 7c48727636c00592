import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Sidebar } from '@/components/layout/Sidebar';
import { Breadcrumbs } from '@/components/layout/Breadcrumbs';
import { PrevNext } from '@/components/layout/PrevNext';
import { TableOfContents } from '@/components/layout/TableOfContents';
import { MobileNav } from '@/components/layout/MobileNav';
import type { PartWithChapters } from '@/lib/content';
import { progressKey } from '@/lib/progress/keys';

const pathname = vi.hoisted(() => ({ current: '/chapters/beta' }));
vi.mock('next/navigation', () => ({ usePathname: () => pathname.current }));

const chapter = (slug: string, part: string, order: number) => ({
  slug,
  href: `/chapters/${slug}`,
  title: `${slug[0].toUpperCase()}${slug.slice(1)} chapter`,
  description: 'A chapter used in a component test.',
  part,
  order,
  minutes: 3,
});

const parts: PartWithChapters[] = [
  { id: 'basics', title: 'Basics', description: 'First part.', chapters: [chapter('alpha', 'basics', 1), chapter('beta', 'basics', 2)] },
  { id: 'more', title: 'More', description: 'Second part.', chapters: [chapter('gamma', 'more', 1)] },
  { id: 'empty', title: 'Empty', description: 'No chapters yet.', chapters: [] },
];

describe('Sidebar', () => {
  it('groups chapters under their part headings and leaves out empty parts', () => {
    render(<Sidebar parts={parts} />);
    const nav = screen.getByRole('navigation', { name: 'Chapters' });
    const basics = within(nav).getByRole('group', { name: /Basics/ });
    expect(
      within(basics)
        .getAllByRole('link')
        .map((a) => a.textContent),
    ).toEqual(['Alpha chapter', 'Beta chapter']);
    expect(within(nav).queryByText('Empty')).toBeNull();
  });

  it('marks a chapter whose labs are completed, in words for screen readers', () => {
    window.localStorage.setItem(
      progressKey,
      JSON.stringify({ version: 3, chapters: {}, quizzes: {}, cards: {}, labs: { 'lab-a': { completedAt: 1 } } }),
    );
    const withLabs = parts.map((p) => ({
      ...p,
      chapters: p.chapters.map((c) =>
        c.slug === 'alpha' ? { ...c, labs: ['lab-a'] } : c.slug === 'gamma' ? { ...c, labs: ['lab-a', 'lab-b'] } : c,
      ),
    }));
    render(<Sidebar parts={withLabs} />);
    expect(screen.getByRole('link', { name: /^Alpha chapter ?\(lab completed\)$/ })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: /^Gamma chapter ?\(1 of 2 labs completed\)$/ })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Beta chapter' })).toBeInTheDocument();
    window.localStorage.removeItem(progressKey);
  });

  it('marks the current chapter with aria-current="page" and no other', () => {
    pathname.current = '/chapters/beta';
    render(<Sidebar parts={parts} />);
    expect(screen.getByRole('link', { name: 'Beta chapter' })).toHaveAttribute('aria-current', 'page');
    expect(screen.getByRole('link', { name: 'Alpha chapter' })).not.toHaveAttribute('aria-current');
  });
});

describe('Breadcrumbs', () => {
  it('links every crumb but the last, which is the current page', () => {
    render(<Breadcrumbs items={[{ label: 'Home', href: '/' }, { label: 'Part 1', href: '/#part-1' }, { label: 'Alpha' }]} />);
    const nav = screen.getByRole('navigation', { name: 'Breadcrumb' });
    expect(
      within(nav)
        .getAllByRole('link')
        .map((a) => a.getAttribute('href')),
    ).toEqual(['/', '/#part-1']);
    expect(within(nav).getByText('Alpha')).toHaveAttribute('aria-current', 'page');
  });
});

describe('PrevNext', () => {
  it('links to the previous and next chapters with rel attributes', () => {
    render(<PrevNext previous={parts[0].chapters[0]} next={parts[1].chapters[0]} />);
    expect(screen.getByRole('link', { name: /Previous\s*Alpha chapter/ })).toHaveAttribute('rel', 'prev');
    expect(screen.getByRole('link', { name: /Next\s*Gamma chapter/ })).toHaveAttribute('href', '/chapters/gamma');
  });

  it('renders nothing on a chapter with no neighbours', () => {
    const { container } = render(<PrevNext />);
    expect(container).toBeEmptyDOMElement();
  });
});

describe('TableOfContents', () => {
  it('lists h2 and h3 entries as links to their anchors, h3 indented', () => {
    render(
      <TableOfContents
        items={[
          { depth: 2, id: 'one', text: 'One' },
          { depth: 3, id: 'one-a', text: 'One A' },
          { depth: 2, id: 'two', text: 'Two' },
        ]}
      />,
    );
    const nav = screen.getByRole('navigation', { name: 'On this page' });
    const links = within(nav).getAllByRole('link');
    expect(links.map((a) => a.getAttribute('href'))).toEqual(['#one', '#one-a', '#two']);
    expect(links[1].closest('li')).toHaveClass('toc-sub');
  });

  it('marks the heading scrolled past as the current location', () => {
    document.body.innerHTML = '<h2 id="one">One</h2><h2 id="two">Two</h2>';
    const [one, two] = ['one', 'two'].map((id) => document.getElementById(id)!);
    one.getBoundingClientRect = () => ({ top: -200 }) as DOMRect;
    two.getBoundingClientRect = () => ({ top: 50 }) as DOMRect;
    render(
      <TableOfContents
        items={[
          { depth: 2, id: 'one', text: 'One' },
          { depth: 2, id: 'two', text: 'Two' },
        ]}
      />,
    );
    expect(screen.getByRole('link', { name: 'Two' })).toHaveAttribute('aria-current', 'location');
    expect(screen.getByRole('link', { name: 'One' })).not.toHaveAttribute('aria-current');
  });
});

describe('MobileNav', () => {
  it('opens the menu from its button and closes it from the close button', async () => {
    const user = userEvent.setup();
    render(
      <MobileNav>
        <a href="/x">Inside the menu</a>
      </MobileNav>,
    );
    const open = screen.getByRole('button', { name: 'Open menu' });
    expect(open).toHaveAttribute('aria-expanded', 'false');
    expect(screen.queryByText('Inside the menu')).toBeNull();
    await user.click(open);
    expect(open).toHaveAttribute('aria-expanded', 'true');
    expect(document.getElementById('mobile-nav')).toHaveAttribute('open');
    expect(screen.getByText('Inside the menu')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Close menu', hidden: true }));
    expect(document.getElementById('mobile-nav')).not.toHaveAttribute('open');
    expect(open).toHaveAttribute('aria-expanded', 'false');
  });
});

describe('HeaderLinks', () => {
  it('marks the current page, and the section a chapter is in, for screen readers too', async () => {
    const { HeaderLinks } = await import('@/components/layout/HeaderLinks');
    pathname.current = '/quiz';
    const { unmount } = render(<HeaderLinks />);
    expect(screen.getByRole('link', { name: 'Quizzes' })).toHaveAttribute('aria-current', 'page');
    expect(screen.getByRole('link', { name: 'Chapters' })).not.toHaveAttribute('aria-current');
    unmount();
    pathname.current = '/chapters/node-failure/';
    render(<HeaderLinks />);
    expect(screen.getByRole('link', { name: 'Chapters' })).toHaveAttribute('aria-current', 'true');
    expect(screen.getByRole('link', { name: 'Quizzes' })).not.toHaveAttribute('aria-current');
    pathname.current = '/chapters/beta';
  });
});
