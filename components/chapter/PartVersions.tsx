import type { PartWithChapters } from '@/lib/content';

/** The part's version line: which release the sample outputs show, and what the text was checked against. */
export function PartVersions({ versions }: { versions: NonNullable<PartWithChapters['versions']> }) {
  return (
    <p className="part-versions">
      Sample output: {versions.samples}. Behaviour checked against {versions.checked}.
    </p>
  );
}
