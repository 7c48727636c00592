'use client';

import { useEffect, useState } from 'react';
import type { LabLog } from '@/lib/labs';
import { shareUrl } from '@/lib/labs';
import type { LabScenario } from '@/lib/labs';
import { useLabSession } from './LabContext';
import type { LabStartQuestion } from './useLabStart';

export const labAnchor = (labId: string) => `lab-${labId}`;

/** "Share": a link that replays this lab to exactly this moment, copied to the clipboard. */
export function LabShare() {
  const session = useLabSession();
  const [status, setStatus] = useState<{ text: string; url?: string } | null>(null);
  const share = async () => {
    const log = await session.log(true);
    const url = await shareUrl(location, log, labAnchor(log.lab));
    try {
      await navigator.clipboard.writeText(url);
      setStatus({ text: 'Link copied: it opens this lab at this very moment.' });
      // The note covers the title: it goes once read (the link with it stays until dismissed).
      setTimeout(() => setStatus((current) => (current?.url ? current : null)), 4000);
    } catch {
      setStatus({ text: 'Copy this link:', url });
    }
  };
  return (
    <div className="lab-share">
      <button type="button" className="lab-button" onClick={() => void share()}>
        Share
      </button>
      <p className="lab-share-status" aria-live="polite">
        {status?.text}
        {status?.url && (
          <input className="lab-share-url" readOnly value={status.url} aria-label="Link to this lab" onFocus={(e) => e.target.select()} />
        )}
      </p>
    </div>
  );
}

/** After replaying a link: did it reach the cluster that was shared? */
export function LinkCheck({ log }: { log: LabLog }) {
  const session = useLabSession();
  const [same, setSame] = useState<boolean | null>(null);
  // Once, right after the replay: later changes are the reader's own.
  useEffect(() => {
    if (!log.hash) return;
    let live = true;
    void session.log(true).then((now) => {
      if (live) setSame(now.hash === log.hash);
    });
    return () => {
      live = false;
    };
  }, [log, session]);
  if (same === null) return null;
  return (
    <p className={`lab-notice${same ? '' : ' is-warning'}`}>
      {same
        ? 'Opened from a shared link: this is the cluster exactly as it was shared. Your own saved lab stays as it was until you change this one.'
        : 'Opened from a shared link, but the replay reached a different cluster than the one shared: the simulator has changed since the link was made.'}
    </p>
  );
}

/** A saved lab or a link from another simulator version, or a link that could not be read. */
export function LabStartNotice({
  scenario,
  question,
  onReplay,
  onFresh,
}: {
  scenario: LabScenario;
  question: LabStartQuestion;
  onReplay: () => void;
  onFresh: () => void;
}) {
  const what = question.from === 'link' ? 'This link' : 'Your saved lab';
  return (
    <section className="lab lab-card" aria-labelledby={`${labAnchor(scenario.id)}-notice`} data-lab={scenario.id}>
      <p className="lab-eyebrow">Cluster lab</p>
      <h3 id={`${labAnchor(scenario.id)}-notice`} className="lab-title">
        {scenario.title}
      </h3>
      <p className="lab-goal">
        {question.kind === 'badLink'
          ? 'The lab in this link could not be read: it may have been cut short when it was copied.'
          : `${what} was made with another version of the simulator (${question.model}). Replaying it here may not reach the same cluster.`}
      </p>
      <div className="lab-notice-actions">
        {question.replay && (
          <button type="button" className="lab-button lab-button-primary" onClick={onReplay}>
            Replay anyway
          </button>
        )}
        <button type="button" className="lab-button" onClick={onFresh}>
          Start fresh
        </button>
      </div>
    </section>
  );
}
