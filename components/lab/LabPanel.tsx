'use client';

import { useEffect, useId, useRef, useState, type RefObject } from 'react';
import { useActorRef } from '@xstate/react';
import {
  progressCompletions,
  type LabCompletions,
  labSessionMachine,
  selectCompleted,
  selectSetupFailed,
  createLabWorld,
} from '@/lib/labs';
import type { LabScenario } from '@/lib/labs';
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
}

function Header({
  scenario,
  titleId,
  titleRef,
}: {
  scenario: LabScenario;
  titleId: string;
  titleRef: RefObject<HTMLHeadingElement | null>;
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

/** A whole lab: where it starts (fresh, saved, or a shared link), then the running session. */
export function LabPanel({ scenario, focusOnStart = false, completions = progressCompletions, storage = browserStorage }: LabPanelProps) {
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
  return <LabSession scenario={scenario} focusOnStart={focusOnStart} completions={completions} storage={storage} start={start} />;
}

function LabSession({ scenario, focusOnStart, completions, storage, start }: Required<LabPanelProps> & { start: LabStart }) {
  const [input] = useState(() => ({ scenario, world: createLabWorld(scenario), completions: completions(), resume: start.resume }));
  const actor = useActorRef(labSessionMachine, { input });
  const id = useId();
  const [showTable, setShowTable] = useState(false);
  const title = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    if (focusOnStart) title.current?.focus();
  }, [focusOnStart]);

  useLabSaving(actor, storage, start.from === 'link');

  return (
    <LabActorContext.Provider value={actor}>
      <section id={labAnchor(scenario.id)} className="lab" aria-labelledby={`${id}title`} data-lab={scenario.id}>
        <Header scenario={scenario} titleId={`${id}title`} titleRef={title} />
        {start.link && <LinkCheck log={start.link} />}
        <LabChecks headingId={`${id}checks`} debriefId={`${id}debrief`} />
        <div className="lab-stage">
          <LabControls />
          <p id={`${id}diagram`} className="lab-stage-hint">
            <span className="sr-only">Cluster diagram. </span>
            Click a node to power it off or on, or an etcd member to fail or recover it. A pod, and the dots on a node or zone, open a menu
            of more actions.
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
        <LabTimeline headingId={`${id}timeline`} />
        <LabTerminal headingId={`${id}terminal`} />
        <LabHelp headingId={`${id}help`} />
        <LabDebrief id={`${id}debrief`} />
        <LabAnnouncer />
      </section>
    </LabActorContext.Provider>
  );
}
