import { Link } from '@/components/Link';

export default function NotFound() {
  return (
    <main id="main" className="page-narrow" tabIndex={-1}>
      <p className="eyebrow">404</p>
      <h1>This page is not in the book</h1>
      <p>
        The link may be old, or the chapter may have moved. Start from the <Link href="/">home page</Link> or look a word up in the{' '}
        <Link href="/glossary">glossary</Link>.
      </p>
    </main>
  );
}
