import type { Metadata } from 'next';

export const siteName = 'Clusterbook';

/**
 * One page's metadata with everything sharing needs: canonical URL, Open Graph and Twitter card.
 * `path` is the page's own clean URL; relative URLs resolve against the layout's metadataBase.
 */
export function pageMetadata({
  title,
  description,
  path,
  image,
  type = 'website',
}: {
  title: string;
  description: string;
  path: string;
  image?: string;
  type?: 'website' | 'article';
}): Metadata {
  const images = image ? [{ url: image, width: 1200, height: 630, alt: title }] : undefined;
  return {
    title,
    description,
    alternates: { canonical: path },
    openGraph: { title, description, url: path, siteName, type, images },
    twitter: { card: images ? 'summary_large_image' : 'summary', title, description, images: images?.map((i) => i.url) },
  };
}
