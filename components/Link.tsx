import NextLink from 'next/link';
import type { ComponentProps } from 'react';

/**
 * next/link without viewport prefetching. Prefetching fetched and parsed every chapter in view at
 * load (20 chapter payloads and the 227 kB glossary on a wide screen), main-thread work that delayed
 * a chapter's interactivity; the service worker precaches every page's payload after the first
 * visit anyway, so a click is served from the cache.
 */
export function Link({ prefetch = false, ...props }: ComponentProps<typeof NextLink>) {
  return <NextLink prefetch={prefetch} {...props} />;
}
