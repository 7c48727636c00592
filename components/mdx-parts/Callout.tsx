import type { ReactNode } from 'react';

export type CalloutType = 'note' | 'tip' | 'warning';

const defaults: Record<CalloutType, string> = { note: 'Note', tip: 'Tip', warning: 'Warning' };

const icons: Record<CalloutType, ReactNode> = {
  note: <path d="M12 8h.01M11 12h1v5h1" strokeLinecap="round" strokeLinejoin="round" />,
  tip: <path d="M9 18h6M10 21h4M12 3a6 6 0 0 0-3.5 10.9c.6.5 1 1.2 1 2.1h5c0-.9.4-1.6 1-2.1A6 6 0 0 0 12 3Z" strokeLinejoin="round" />,
  warning: (
    <path
      d="M12 9v4M12 17h.01M10.3 3.9 2.4 18a2 2 0 0 0 1.7 3h15.8a2 2 0 0 0 1.7-3L13.7 3.9a2 2 0 0 0-3.4 0Z"
      strokeLinecap="round"
      strokeLinejoin="round"
    />
  ),
};

/** A highlighted aside. The title is always text, so the kind never depends on colour alone. */
export function Callout({ type = 'note', title, children }: { type?: CalloutType; title?: string; children: ReactNode }) {
  const kind = type in defaults ? type : 'note';
  return (
    // A note, not an <aside>: a landmark per callout crowded the landmark list with repeated names.
    <div className={`callout callout-${kind}`} role="note" aria-label={title ?? defaults[kind]}>
      <p className="callout-title">
        <svg
          viewBox="0 0 24 24"
          width="18"
          height="18"
          aria-hidden="true"
          focusable="false"
          fill="none"
          stroke="currentColor"
          strokeWidth="1.8"
        >
          {kind === 'note' && <circle cx="12" cy="12" r="9" />}
          {icons[kind]}
        </svg>
        {title ?? defaults[kind]}
      </p>
      <div className="callout-body">{children}</div>
    </div>
  );
}
