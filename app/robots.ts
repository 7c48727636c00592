import type { MetadataRoute } from 'next';
import { siteConfig } from '@/lib/site/config';

export const dynamic = 'force-static';

export default function robots(): MetadataRoute.Robots {
  const { siteUrl } = siteConfig();
  // Review and search pages hold nothing of their own: they are the reader's queue and a query box.
  return { rules: [{ userAgent: '*', allow: '/', disallow: ['/review', '/search'] }], sitemap: `${siteUrl}/sitemap.xml` };
}
