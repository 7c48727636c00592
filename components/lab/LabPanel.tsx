'use client';

import { useEffect, useId, useRef, useState, type ReactNode, type RefObject } from 'react';
import { labErrors, progressCompletions, type LabCompletions, selectCompleted, selectSetupFailed } from '@/lib/labs';
import type { LabScenario, LabSessionRef } from '@/lib/labs';
import { ClusterDiagram } from './diagram/ClusterDiagram';
import { ClusterTable } from './diagram/ClusterTable';
import { Legend } from './diagram/Legend';
import { LabActorContext, useLab } from './LabContext';
import { LabAnnouncer } from './LabAnnouncer';
import { LabChecks, LabDebrief } from './LabChecks';
import { LabControls } from './LabControls';
import { LabHelp } from './LabHelp';
import { LabTerminal } from './LabTerminal';
import { LabTimeline } from './LabTimeline';
import { PendingPods } from './PendingPods';
import { LabShare, LabStartNotice, LinkCheck, labAnchor } from './LabShare';
import { useLabSaving } from './useLabSaving';
import { useBootTurn } from './labBoots';
import { useRunningLab } from './useRunningLab';
import { browserStorage, useLabStart, type LabStart } from './useLabStart';
import { RichText } from './RichText';
import './lab-panel.css';

export interface LabPanelProps {
  scenario: LabScenario;
  /** Move focus into the lab once it is ready (the reader pressed "Start lab"). */
  focusOnStart?: boolean;
  /** Where completion is saved; the reader's progress store unless a test says otherwise. */
  completions?: () => LabCompletions;
  /** Where the lab's log is kept between visits; the browser's localStorage unless a test says otherwise. */
  storage?: () => Storage | undefined;
  /** Run the cluster on the page's thread rather than in a Web Worker (where there is no Worker this is what happens anyway). */
  inThread?: boolean;
  /** More buttons beside Share, rendered inside the session (the playground's Export script). */
  actions?: ReactNode;
}

function Header({
  scenario,
  titleId,
  titleRef,
  full,
  onFull,
  actions,
}: {
  scenario: LabScenario;
  titleId: string;
  titleRef: RefObject<HTMLHeadingElement | null>;
  full: boolean;
  onFull: () => void;
  actions?: ReactNode;
}) {
  const completed = useLab(selectCompleted);
  const setupFailed = useLab(selectSetupFailed);
  return (
    <header className="lab-header">
      <div className="lab-header-row">
        <p className="lab-eyebrow">Cluster lab</p>
        <div className="lab-header-actions">
          {completed && <span className="lab-badge">Completed</span>}
          <LabShare />
          {actions}
          <button type="button" className="lab-button lab-full-toggle" aria-pressed={full} onClick={onFull}>
            {full ? 'Exit full screen' : 'Full screen'}
          </button>
        </div>
      </div>
      <h3 id={titleId} ref={titleRef} className="lab-title" tabIndex={-1}>
        {scenario.title}
      </h3>
      <p className="lab-goal">
        <RichText text={scenario.goal} />
      </p>
      {setupFailed && <p className="lab-error">This lab could not set up its cluster. The terminal below shows what failed.</p>}
    </header>
  );
}

/**
 * Full screen covers the page with the lab (not the Fullscreen API, which phones and embedded
 * frames refuse): the page behind stops scrolling, and Escape leaves unless something inside the
 * lab (a menu, the terminal) has used it.
 */
function useFullScreen(full: boolean, exit: () => void) {
  const exitRef = useRef(exit);
  exitRef.current = exit;
  useEffect(() => {
    if (!full) return;
    const root = document.documentElement;
    root.classList.add('has-full-lab');
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape' && !event.defaultPrevented) exitRef.current();
    };
    document.addEventListener('keydown', onKey);
    return () => {
      root.classList.remove('has-full-lab');
      document.removeEventListener('keydown', onKey);
    };
  }, [full]);
}

/** A whole lab: where it starts (fresh, saved, or a shared link), then the running session. */
export function LabPanel({
  scenario,
  focusOnStart = false,
  completions = progressCompletions,
  storage = browserStorage,
  inThread = false,
  actions,
}: LabPanelProps) {
  const [start, setStart] = useLabStart(scenario, storage);
  const fresh = () => setStart({ from: 'fresh' });
  if (start === null)
    return (
      <section className="lab lab-card" aria-busy="true" data-lab={scenario.id}>
        <p className="lab-goal">Replaying the shared lab...</p>
      </section>
    );
  if ('kind' in start)
    return <LabStartNotice scenario={scenario} question={start} onReplay={() => setStart(start.replay!)} onFresh={fresh} />;
  return (
    <LabStarting
      scenario={scenario}
      focusOnStart={focusOnStart}
      completions={completions}
      storage={storage}
      inThread={inThread}
      start={start}
      actions={actions}
    />
  );
}

type SessionProps = Required<Omit<LabPanelProps, 'actions'>> & { start: LabStart; actions?: ReactNode };

/** Until the session posts its first view (a worker loads its code and replays the log), the card says so. */
function LabStarting(props: SessionProps) {
  const { scenario, completions, start, inThread, focusOnStart } = props;
  const [input] = useState(() => ({ scenario, completions: completions(), resume: start.resume, inThread }));
  const card = useRef<HTMLElement>(null);
  const turn = useBootTurn(card, focusOnStart || start.from === 'link');
  const { session, failure } = useRunningLab(input, turn.allowed);
  const booted = session !== null || failure !== undefined;
  // biome-ignore lint/correctness/useExhaustiveDependencies: done is the same ticket's each render
  useEffect(() => {
    if (booted) turn.done();
  }, [booted]);
  if (!session)
    return (
      <section ref={card} className="lab lab-card" aria-busy={failure ? undefined : 'true'} data-lab={scenario.id}>
        <p className={failure ? 'lab-error' : 'lab-goal'}>{failure ? labErrors.workerFailed : 'Starting the lab...'}</p>
      </section>
    );
  return <LabSession {...props} session={session} />;
}

function LabSession({ scenario, focusOnStart, storage, start, session, actions }: SessionProps & { session: LabSessionRef }) {
  const id = useId();
  const [showTable, setShowTable] = useState(false);
  const [full, setFull] = useState(false);
  const title = useRef<HTMLHeadingElement>(null);
  useFullScreen(full, () => setFull(false));

  useEffect(() => {
    if (focusOnStart) title.current?.focus();
  }, [focusOnStart]);

  useLabSaving(session, storage, start.from === 'link');

  return (
    <LabActorContext.Provider value={session}>
      <section
        id={labAnchor(scenario.id)}
        className={`lab${full ? ' is-full' : ''}`}
        aria-labelledby={`${id}title`}
        data-lab={scenario.id}
        data-runs={session.runs}
      >
        <Header
          scenario={scenario}
          titleId={`${id}title`}
          titleRef={title}
          full={full}
          onFull={() => setFull((v) => !v)}
          actions={actions}
        />
        {start.link && <LinkCheck log={start.link} />}
        <div className="lab-body">
          <div className="lab-main">
            {!full && <LabChecks headingId={`${id}checks`} debriefId={`${id}debrief`} />}
            <div className="lab-stage">
              <LabControls />
              <p id={`${id}diagram`} className="lab-stage-hint">
                <span className="sr-only">Cluster diagram. </span>
                Click a node to power it off or on, or an etcd member to fail or recover it. A pod, and the dots on a node or zone, open a
                menu of more actions.
              </p>
              {!showTable && <ClusterDiagram labelledBy={`${id}diagram`} />}
              <ClusterTable visible={showTable} />
              <PendingPods />
              <div className="lab-stage-foot">
                {!showTable && <Legend />}
                <button type="button" className="lab-link-button" aria-pressed={showTable} onClick={() => setShowTable((v) => !v)}>
                  {showTable ? 'Show the diagram' : 'Show as a table'}
                </button>
              </div>
            </div>
          </div>
          <div className="lab-side">
            {/* Full screen puts the checks beside the diagram, so clock, diagram and prompt fit in one screen. */}
            {full && <LabChecks headingId={`${id}checks`} debriefId={`${id}debrief`} />}
            <LabTimeline headingId={`${id}timeline`} />
            <LabTerminal headingId={`${id}terminal`} />
            <LabHelp headingId={`${id}help`} />
          </div>
        </div>
        <LabDebrief id={`${id}debrief`} />
        <LabAnnouncer />
      </section>
    </LabActorContext.Provider>
  );
}
