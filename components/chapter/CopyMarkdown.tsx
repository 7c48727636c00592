'use client';

import { useState } from 'react';

type Status = 'idle' | 'copied' | 'failed';

const words: Record<Status, { label: string; spoken: string }> = {
  idle: { label: 'Copy page as Markdown', spoken: '' },
  copied: { label: 'Copied as Markdown', spoken: 'The page was copied as Markdown' },
  failed: { label: 'Copy failed', spoken: 'Could not copy the page; open it as Markdown instead' },
};

/**
 * Copies the chapter's Markdown (a static file next to the page). The fetch is handed to the
 * clipboard as a promise so Safari still counts the click as the gesture that allows writing.
 */
export function CopyMarkdown({ href }: { href: string }) {
  const [status, setStatus] = useState<Status>('idle');
  const copy = async () => {
    const text = fetch(href).then((r) => {
      if (!r.ok) throw new Error(`HTTP ${r.status}`);
      return r.text();
    });
    try {
      if (typeof ClipboardItem !== 'undefined' && navigator.clipboard.write) {
        await navigator.clipboard.write([new ClipboardItem({ 'text/plain': text.then((t) => new Blob([t], { type: 'text/plain' })) })]);
      } else {
        await navigator.clipboard.writeText(await text);
      }
      setStatus('copied');
    } catch {
      setStatus('failed');
    }
    window.setTimeout(() => setStatus('idle'), 2500);
  };
  return (
    <>
      <button type="button" className="page-action" onClick={copy} data-status={status}>
        {words[status].label}
      </button>
      <a className="page-action" href={href}>
        View as Markdown
      </a>
      <span className="sr-only" aria-live="polite">
        {words[status].spoken}
      </span>
    </>
  );
}
