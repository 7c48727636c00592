import type { ComponentProps } from 'react';
import { CopyButton } from './CopyButton';

type PreProps = ComponentProps<'pre'> & { 'data-language'?: string; 'data-title'?: string };

/** A highlighted code block (colours come from the build) with its language or title and a copy button. */
export function CodeBlock({ children, 'data-language': language, 'data-title': title, ...pre }: PreProps) {
  return (
    <div className="code-block">
      <div className="code-block-head">
        <span className="code-block-label">{title ?? language ?? 'Code'}</span>
        <CopyButton console={language === 'Terminal'} />
      </div>
      <pre {...pre} tabIndex={0}>
        {children}
      </pre>
    </div>
  );
}
