'use client';

import { useEffect, useState, type ComponentType } from 'react';

/**
 * Renders a component whose code loads after the page: pages use it for features that need the
 * progress store (zod, ts-fsrs), so those never weigh on the first load.
 */
export function Lazy({ load, label }: { load: () => Promise<ComponentType>; label: string }) {
  const [Component, setComponent] = useState<ComponentType>();
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    load().then(
      (c) => setComponent(() => c),
      () => setFailed(true),
    );
  }, [load]);
  if (Component) return <Component />;
  if (failed)
    return (
      <p className="quiz-problem" role="alert">
        {label} could not be loaded. Reload the page to try again.
      </p>
    );
  return (
    <p className="quiz-hint" role="status">
      Loading {label.toLowerCase()}…
    </p>
  );
}
