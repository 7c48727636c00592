import type { MetadataRoute } from 'next';
import { getSite } from '@/lib/content';
import { siteConfig } from '@/lib/site/config';
import { lastUpdated } from '@/lib/site/last-updated';

export const dynamic = 'force-static';

export default async function sitemap(): Promise<MetadataRoute.Sitemap> {
  const site = await getSite();
  const { siteUrl } = siteConfig();
  const pages = ['/', '/chapters', '/glossary', '/quiz', '/playground'].map((p) => ({ url: `${siteUrl}${p === '/' ? '' : p}` }));
  const chapters = await Promise.all(
    site.chapters.map(async (c) => ({ url: `${siteUrl}${c.href}`, lastModified: await lastUpdated(c.file) })),
  );
  return [...pages, ...chapters];
}
