import type { Metadata } from 'next';
import { getSite } from '@/lib/content';
import { QuizIndexPage } from '@/components/quiz/QuizIndexPage';

export const metadata: Metadata = {
  title: 'Quizzes',
  description: 'Every chapter quiz with your best score, and your saved progress: export, import or reset it.',
};

export default async function Page() {
  return <QuizIndexPage site={await getSite()} />;
}
