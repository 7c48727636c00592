import type { ComponentProps } from 'react';
import type { MDXComponents } from 'mdx/types';
import type { CoreComponentName } from '@/lib/content/components';
import type { GlossaryTerm } from '@/lib/content';
import * as diagrams from './diagrams';
import { Callout } from './mdx-parts/Callout';
import { Term, type TermProps } from './mdx-parts/Term';
import { CodeBlock } from './mdx-parts/CodeBlock';
import { ClusterLab } from './lab/ClusterLab';

/**
 * Tables scroll sideways on small screens instead of stretching the page. The box is focusable so
 * the keyboard can scroll it, but no landmark: every table was a region named "Table".
 */
function Table(props: ComponentProps<'table'>) {
  return (
    <div className="table-scroll" tabIndex={0}>
      <table {...props} />
    </div>
  );
}

/**
 * Diagrams keep a readable minimum width on phones and scroll sideways inside a focusable box,
 * rather than shrinking their labels to a few pixels (the figure inside names itself).
 */
const scrollableDiagrams = Object.fromEntries(
  Object.entries(diagrams).map(([name, Diagram]) => [
    name,
    function ScrollableDiagram() {
      return (
        <div className="diagram-scroll" tabIndex={0}>
          <Diagram />
        </div>
      );
    },
  ]),
);

export interface MdxContext {
  glossary: GlossaryTerm[];
}

/** The one registry of what MDX content may render. */
export function getMdxComponents({ glossary }: MdxContext): MDXComponents {
  const terms = new Map(glossary.map((t) => [t.id, t]));
  const core = {
    Callout,
    Term: (props: TermProps) => {
      const term = terms.get(props.id);
      // The build rejects unknown ids; this guards against a registry used without validation.
      if (!term) throw new Error(`unknown glossary term "${props.id}"`);
      return <Term {...props} term={term} />;
    },
    ClusterLab,
  } satisfies Record<CoreComponentName, unknown>;
  return { ...core, ...scrollableDiagrams, pre: CodeBlock, table: Table };
}
