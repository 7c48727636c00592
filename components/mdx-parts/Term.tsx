import { Link } from '@/components/Link';
import { useId, type ReactNode } from 'react';
import type { GlossaryTerm } from '@/lib/content';

export interface TermProps {
  id: string;
  children?: ReactNode;
}

/**
 * A glossary word: a link to /glossary#id whose short definition (in Korean, for readers who chose
 * it: html[data-glossary-language]) shows on hover and on keyboard
 * focus (CSS), and is placed, opened by touch and hidden on Escape by TermTips. Unknown ids never get here: the build rejects them.
 */
export function Term({ id, children, term }: TermProps & { term: Pick<GlossaryTerm, 'title' | 'short' | 'ko'> }) {
  const tipId = `term-${useId().replace(/[^a-zA-Z0-9_-]/g, '')}`;
  return (
    <span className="term">
      <Link href={`/glossary#${id}`} className="term-link" aria-describedby={tipId}>
        {children ?? term.title}
      </Link>
      <span role="tooltip" id={tipId} className="term-tip">
        <strong className="term-tip-title">
          {term.title}
          {term.ko && (
            <span className="ko-only" lang="ko">
              {' '}
              · {term.ko.title}
            </span>
          )}
        </strong>
        {term.ko ? (
          <>
            <span className="en-when-ko"> {term.short}</span>
            <span className="ko-only" lang="ko">
              {' '}
              {term.ko.short}
            </span>
          </>
        ) : (
          <> {term.short}</>
        )}
      </span>
    </span>
  );
}
