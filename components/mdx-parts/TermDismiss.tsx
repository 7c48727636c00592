'use client';

import { useEffect } from 'react';

/** Escape hides an open glossary tooltip without moving focus (WCAG 1.4.13), until focus or hover leaves. */
export function TermDismiss() {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return;
      for (const t of document.querySelectorAll('.term:hover, .term:focus-within')) t.classList.add('term-dismissed');
    };
    const reset = (e: Event) => {
      const term = (e.target as Element | null)?.closest?.('.term');
      term?.classList.remove('term-dismissed');
    };
    document.addEventListener('keydown', onKey);
    document.addEventListener('focusout', reset);
    document.addEventListener('mouseout', reset);
    return () => {
      document.removeEventListener('keydown', onKey);
      document.removeEventListener('focusout', reset);
      document.removeEventListener('mouseout', reset);
    };
  }, []);
  return null;
}
