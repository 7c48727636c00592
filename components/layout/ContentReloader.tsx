'use client';

import { useRouter } from 'next/navigation';
import { useEffect } from 'react';

/** Development only: re-renders the page when a content file changes (live reload for authors). */
export function ContentReloader() {
  const router = useRouter();
  useEffect(() => {
    let last: string | undefined;
    const timer = setInterval(async () => {
      const response = await fetch('/dev-content-revision', { cache: 'no-store' }).catch(() => null);
      const revision = ((await response?.json().catch(() => null)) as { revision?: string } | null)?.revision;
      if (last && revision && revision !== last) router.refresh();
      last = revision ?? last;
    }, 1000);
    return () => clearInterval(timer);
  }, [router]);
  return null;
}
