import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getChapter, getSite } from '@/lib/content';
import { ChapterPage } from '@/components/chapter/ChapterPage';

type Params = { params: Promise<{ slug: string }> };

export const dynamicParams = false;

export async function generateStaticParams() {
  return (await getSite()).chapters.map((c) => ({ slug: c.slug }));
}

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const found = await getChapter((await params).slug);
  return found ? { title: found.chapter.title, description: found.chapter.description } : {};
}

export default async function Page({ params }: Params) {
  const [found, site] = await Promise.all([getChapter((await params).slug), getSite()]);
  if (!found) notFound();
  return <ChapterPage {...found} parts={site.parts} glossary={site.glossary} />;
}
