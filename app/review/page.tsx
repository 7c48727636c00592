import type { Metadata } from 'next';
import { pageMetadata } from '@/lib/site/metadata';
import { getSite } from '@/lib/content';
import { ReviewPage } from '@/components/progress/ReviewPage';

export const metadata: Metadata = pageMetadata({
  title: 'Review',
  description: 'The quiz questions due for review today, across every chapter, scheduled by spaced repetition.',
  path: '/review',
});

export default async function Page() {
  return <ReviewPage site={await getSite()} />;
}
