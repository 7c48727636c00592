import type { Metadata } from 'next';
import { pageMetadata } from '@/lib/site/metadata';
import { Suspense } from 'react';
import { SearchPage } from '@/components/search/SearchPage';

export const metadata: Metadata = pageMetadata({
  title: 'Search',
  description: 'Search every chapter and the glossary of Clusterbook.',
  path: '/search',
});

// The query is read in the browser (?q=), so the exported page is the same for every search.
export default function Page() {
  return (
    <main id="main" className="page-narrow search-page" tabIndex={-1}>
      <h1>Search</h1>
      <Suspense fallback={<p className="search-status">Loading search…</p>}>
        <SearchPage />
      </Suspense>
    </main>
  );
}
