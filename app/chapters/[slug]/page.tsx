import path from 'node:path';
import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getChapter, getSite } from '@/lib/content';
import { ChapterPage } from '@/components/chapter/ChapterPage';
import { siteConfig } from '@/lib/site/config';
import { lastUpdated } from '@/lib/site/last-updated';
import { pageMetadata } from '@/lib/site/metadata';

type Params = { params: Promise<{ slug: string }> };

export const dynamicParams = false;

export async function generateStaticParams() {
  return (await getSite()).chapters.map((c) => ({ slug: c.slug }));
}

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const found = await getChapter((await params).slug);
  if (!found) return {};
  const { chapter } = found;
  return pageMetadata({
    title: chapter.title,
    description: chapter.description,
    path: chapter.href,
    image: `/social/${chapter.slug}.png`,
    type: 'article',
  });
}

export default async function Page({ params }: Params) {
  const [found, site] = await Promise.all([getChapter((await params).slug), getSite()]);
  if (!found) notFound();
  const updated = await lastUpdated(found.chapter.file);
  const edit = siteConfig().editUrl?.(path.relative(process.cwd(), found.chapter.file));
  return (
    <ChapterPage
      {...found}
      parts={site.parts}
      glossary={site.glossary}
      updated={updated?.toISOString()}
      editUrl={edit}
      markdownUrl={`/markdown/${found.chapter.slug}.md`}
    />
  );
}
