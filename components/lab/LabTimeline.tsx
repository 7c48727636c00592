'use client';

import { Fragment, memo, useCallback, useLayoutEffect, useRef } from 'react';
import { formatGoDuration } from '@/lib/cluster/util/duration';
import type { EventWhy, TimelineEntry } from '@/lib/labs';
import { selectFutureTimeline, selectHasOtherBranch, selectTimeline } from '@/lib/labs';
import { useLab, useLabSend } from './LabContext';
import { EventWhys } from './EventWhys';
import './lab-timeline.css';

// The panel never opens a restore point: it only names the entry to rewind to.
type Entry = TimelineEntry<unknown>;

/** One explanation per reason in an entry (five pods backing off share one). */
function whysOf(entry: Entry): EventWhy[] {
  const byReason = new Map<string, EventWhy>();
  for (const mark of entry.marks) for (const why of mark.whys ?? []) if (!byReason.has(why.reason)) byReason.set(why.reason, why);
  return [...byReason.values()];
}

/** Whole seconds are precise enough to find a moment again. */
const clockText = (ms: number) => formatGoDuration(Math.round(ms / 1000) * 1000);

const EntryButton = memo(function EntryButton({
  entry,
  latest,
  future = false,
  onChoose,
}: {
  entry: Entry;
  latest: boolean;
  /** Undone by a rewind: choosing it redoes up to it. */
  future?: boolean;
  onChoose: (id: number) => void;
}) {
  const whys = whysOf(entry);
  return (
    <li className={future ? 'is-future' : latest ? 'is-latest' : undefined}>
      {/* The name is the visible text, "Rewind to" (or "Redo to") first for screen readers. */}
      <button type="button" className="lab-tl-entry" onClick={() => onChoose(entry.id)}>
        <span className="sr-only">{future ? 'Redo to' : 'Rewind to'}</span> <time className="lab-tl-time">{clockText(entry.at)}</time>{' '}
        <span className="lab-tl-marks">
          {entry.marks.map((mark, i) => (
            <Fragment key={i}>
              {i > 0 && ' '}
              <span className={`lab-tl-mark lab-tone--${mark.tone}${mark.kind === 'action' ? ' is-action' : ''}`}>{mark.text}</span>
            </Fragment>
          ))}
        </span>
      </button>
      <span className="lab-tl-rewind" aria-hidden="true">
        {future ? 'Redo' : latest ? 'now' : 'Rewind'}
      </span>
      {whys.length > 0 && <EventWhys whys={whys} className="lab-tl-why" />}
    </li>
  );
});

/** Marks along the time axis, coloured by tone; decoration for the list below it. */
const Track = memo(function Track({ entries }: { entries: readonly Entry[] }) {
  const start = entries[0]?.at ?? 0;
  const end = Math.max(entries.at(-1)?.at ?? 0, start + 60_000);
  return (
    <div className="lab-tl-track" aria-hidden="true">
      {entries.map((entry) => {
        const tone =
          entry.marks.find((m) => m.tone === 'bad')?.tone ??
          entry.marks.find((m) => m.tone === 'warn')?.tone ??
          entry.marks[0]?.tone ??
          'neutral';
        return (
          <span
            key={entry.id}
            className={`lab-tl-tick lab-tone--${tone}`}
            style={{ left: `${((entry.at - start) / (end - start)) * 100}%` }}
          />
        );
      })}
      <span className="lab-tl-axis-start">{clockText(start)}</span>
      <span className="lab-tl-axis-end">{clockText(end)}</span>
    </div>
  );
});

/** What happened, in order; any entry rewinds the cluster to just after it. */
export function LabTimeline({ headingId }: { headingId: string }) {
  const timeline = useLab(selectTimeline);
  const future = useLab(selectFutureTimeline);
  const otherBranch = useLab(selectHasOtherBranch);
  const send = useLabSend();
  const list = useRef<HTMLOListElement>(null);
  // Follow the newest entry; only when one is added, since reading the height forces a layout.
  useLayoutEffect(() => {
    const element = list.current;
    if (element) element.scrollTop = element.scrollHeight;
  }, [timeline.length]);
  const rewind = useCallback((id: number) => send({ type: 'REWIND', entryId: id }), [send]);
  const redo = useCallback((id: number) => send({ type: 'REDO', entryId: id }), [send]);
  return (
    <div role="group" className="lab-timeline" aria-labelledby={headingId}>
      <div className="lab-section-head">
        <h4 id={headingId}>Timeline</h4>
        <span className="lab-section-note">Choose a moment to rewind to it</span>
      </div>
      <Track entries={timeline} />
      <ol className="lab-tl-list" ref={list}>
        {timeline.map((entry, i) => (
          <EntryButton key={entry.id} entry={entry} latest={i === timeline.length - 1} onChoose={rewind} />
        ))}
        {future.map((entry) => (
          <EntryButton key={entry.id} entry={entry} latest={false} future onChoose={redo} />
        ))}
      </ol>
      {otherBranch && (
        <button type="button" className="lab-link-button" onClick={() => send({ type: 'SWITCH_BRANCH' })}>
          Go back to the branch you left
        </button>
      )}
    </div>
  );
}
