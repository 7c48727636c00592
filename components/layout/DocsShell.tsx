import type { ReactNode } from 'react';
import type { PartWithChapters } from '@/lib/content';
import { Sidebar } from './Sidebar';

/** The three-column reading layout: outline, content, and an optional aside (the table of contents). */
export function DocsShell({ parts, aside, children }: { parts: PartWithChapters[]; aside?: ReactNode; children: ReactNode }) {
  return (
    <div className="docs-shell">
      {/* Plain boxes, not <aside>: the navs inside are the landmarks, and two unnamed asides were not unique. */}
      <div className="docs-sidebar">
        <Sidebar parts={parts} />
      </div>
      <main id="main" className="docs-main" tabIndex={-1}>
        {children}
      </main>
      <div className="docs-aside">{aside}</div>
    </div>
  );
}
