import type { Metadata } from 'next';
import { pageMetadata } from '@/lib/site/metadata';
import { getSite } from '@/lib/content';
import { QuizIndexPage } from '@/components/quiz/QuizIndexPage';

export const metadata: Metadata = pageMetadata({
  title: 'Quizzes',
  description: 'Every chapter quiz with your best score, and your saved progress: export, import or reset it.',
  path: '/quiz',
});

export default async function Page() {
  return <QuizIndexPage site={await getSite()} />;
}
