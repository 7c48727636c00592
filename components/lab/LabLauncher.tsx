'use client';

import { useCallback, useEffect, useRef, useState, type ComponentType } from 'react';
import type { LabScenario } from '@/lib/labs';
import { ErrorBoundary } from '../errors/ErrorBoundary';
import type { LabPanelProps } from './LabPanel';
import { warmLabWorker } from './labWorker';

/** How far below the viewport a lab starts loading (kept here, not imported, to keep this shell tiny). */
const preloadMargin = '600px 0px';

/**
 * The part of a lab that ships with the chapter: a card with the lab's title and summary. Its
 * code (the cluster, xstate, the panel) loads only when the card comes near the viewport or the
 * reader presses "Start lab", so a chapter pays nothing for a lab it never reaches.
 */
export function LabLauncher({ scenario }: { scenario: LabScenario }) {
  const [Panel, setPanel] = useState<ComponentType<LabPanelProps> | null>(null);
  const [focusOnStart, setFocusOnStart] = useState(false);
  const [status, setStatus] = useState<'idle' | 'loading' | 'failed'>('idle');
  const card = useRef<HTMLElement>(null);
  // A ref as well as state: the observer and a click can both ask in the same tick.
  const loading = useRef(false);

  // Only refs and state setters inside, so one function serves every render.
  const load = useCallback((focus: boolean) => {
    if (focus) setFocusOnStart(true);
    if (loading.current) return;
    loading.current = true;
    setStatus('loading');
    warmLabWorker();
    import('./LabPanel').then(
      (module) => setPanel(() => module.LabPanel),
      () => {
        loading.current = false;
        setStatus('failed');
      },
    );
  }, []);

  // A shared link to this lab (?lab=<id>.<log>, see lib/labs/log/share.ts) opens it at once.
  useEffect(() => {
    if (new URLSearchParams(location.search).get('lab')?.startsWith(`${scenario.id}.`)) load(true);
  }, [scenario.id, load]);

  useEffect(() => {
    const element = card.current;
    if (!element || typeof IntersectionObserver === 'undefined') return;
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((entry) => entry.isIntersecting)) {
          observer.disconnect();
          load(false);
        }
      },
      { rootMargin: preloadMargin },
    );
    observer.observe(element);
    return () => observer.disconnect();
  }, [load]);

  if (Panel)
    return (
      <ErrorBoundary what="lab">
        <Panel scenario={scenario} focusOnStart={focusOnStart} />
      </ErrorBoundary>
    );
  return (
    <section
      id={`lab-${scenario.id}`}
      className="lab lab-card"
      ref={card}
      aria-labelledby={`lab-${scenario.id}-title`}
      data-lab={scenario.id}
    >
      <p className="lab-eyebrow">Cluster lab</p>
      <h3 id={`lab-${scenario.id}-title`} className="lab-title">
        {scenario.title}
      </h3>
      <p className="lab-goal">{scenario.summary}</p>
      <button type="button" className="lab-button lab-button-primary" onClick={() => load(true)} aria-busy={status === 'loading'}>
        {status === 'loading' ? 'Loading the lab...' : 'Start lab'}
      </button>
      {status === 'failed' && <p className="lab-error">The lab could not load. Check your connection and press Start lab again.</p>}
    </section>
  );
}
