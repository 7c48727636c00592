import type { Metadata } from 'next';
import { getSite } from '@/lib/content';
import { ReviewPage } from '@/components/progress/ReviewPage';

export const metadata: Metadata = {
  title: 'Review',
  description: 'The quiz questions due for review today, across every chapter, scheduled by spaced repetition.',
};

export default async function Page() {
  return <ReviewPage site={await getSite()} />;
}
