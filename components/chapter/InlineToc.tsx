'use client';

import { useRef } from 'react';
import type { TocItem } from '@/lib/content';

/**
 * "On this page" for screens without the side column. It sticks under the header for the whole
 * chapter, so the outline is one tap away from anywhere, and closes once a section is chosen.
 */
export function InlineToc({ items }: { items: TocItem[] }) {
  const details = useRef<HTMLDetailsElement>(null);
  const close = () => {
    if (details.current) details.current.open = false;
  };
  if (items.length === 0) return null;
  return (
    <details className="toc-inline" ref={details}>
      <summary>On this page</summary>
      <ol>
        {items.map((t) => (
          <li key={t.id} className={t.depth === 3 ? 'toc-sub' : undefined}>
            <a href={`#${t.id}`} onClick={close}>
              {t.text}
            </a>
          </li>
        ))}
      </ol>
    </details>
  );
}
