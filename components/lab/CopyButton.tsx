'use client';

import { useEffect, useState } from 'react';

/** How long "Copied" shows before the button reads "Copy" again (real ms: feedback, not model time). */
const copiedForMs = 1_600;

/**
 * Copies text to the clipboard; the button itself says whether that worked ("Copied", or
 * "Copy failed" where the browser refuses), and its name says what it copies.
 */
export function CopyButton({ text, label, className = '' }: { text: () => string; label: string; className?: string }) {
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  useEffect(() => {
    if (state === 'idle') return;
    const timer = setTimeout(() => setState('idle'), copiedForMs);
    return () => clearTimeout(timer);
  }, [state]);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text());
      setState('copied');
    } catch {
      setState('failed');
    }
  };
  return (
    <button type="button" className={`lab-copy ${className}`} aria-label={label} onClick={copy}>
      <span aria-live="polite">{state === 'copied' ? 'Copied' : state === 'failed' ? 'Copy failed' : 'Copy'}</span>
    </button>
  );
}
