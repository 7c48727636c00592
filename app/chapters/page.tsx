import type { Metadata } from 'next';
import { pageMetadata } from '@/lib/site/metadata';
import { getSite } from '@/lib/content';
import { ChaptersOverview } from '@/components/chapter/ChaptersOverview';

export const metadata: Metadata = pageMetadata({
  title: 'Chapters',
  description: 'Every part and chapter of Clusterbook in reading order, with what you have read and which quizzes you passed.',
  path: '/chapters',
});

export default async function Page() {
  return <ChaptersOverview site={await getSite()} />;
}
