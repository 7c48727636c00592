'use client';

import { useRef, useState } from 'react';
import { consoleCommands } from '@/lib/cluster/shell/console';

/**
 * Copies the text of the code block it sits in; a terminal (console) block copies only its
 * commands, without prompts or output. The result is announced politely.
 */
export function CopyButton({ console: isConsole = false }: { console?: boolean }) {
  const button = useRef<HTMLButtonElement>(null);
  const [status, setStatus] = useState<'idle' | 'copied' | 'failed'>('idle');

  const copy = async () => {
    const code = button.current?.closest('.code-block')?.querySelector('pre code');
    const text = code?.textContent ?? '';
    try {
      await navigator.clipboard.writeText(isConsole ? consoleCommands(text) : text.replace(/\n$/, ''));
      setStatus('copied');
    } catch {
      setStatus('failed');
    }
    setTimeout(() => setStatus('idle'), 2000);
  };

  return (
    <>
      <button ref={button} type="button" className="copy-button" onClick={copy} data-status={status}>
        {status === 'copied' ? 'Copied' : status === 'failed' ? 'Copy failed' : 'Copy'}
      </button>
      <span className="sr-only" aria-live="polite">
        {status === 'copied' ? 'Code copied to clipboard' : status === 'failed' ? 'Could not copy the code' : ''}
      </span>
    </>
  );
}
