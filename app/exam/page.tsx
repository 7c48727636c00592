import type { Metadata } from 'next';
import { ExamPage } from '@/components/exam/ExamPage';
import { getSite } from '@/lib/content';

export const metadata: Metadata = {
  title: 'Exam',
  description: 'A timed, seeded exam across the chapters you choose, with simulation questions and hands-on cluster tasks.',
};

export default async function Page() {
  return <ExamPage site={await getSite()} />;
}
