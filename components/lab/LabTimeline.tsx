'use client';

import { Fragment, memo, useCallback, useLayoutEffect, useRef } from 'react';
import { formatGoDuration, type ClusterSnapshot } from '@/lib/cluster';
import type { TimelineEntry } from '@/lib/labs/timeline';
import { selectTimeline } from '@/lib/labs/session/selectors';
import { useLab, useLabSend } from './LabContext';
import './lab-timeline.css';

type Entry = TimelineEntry<ClusterSnapshot>;

/** Whole seconds are precise enough to find a moment again. */
const clockText = (ms: number) => formatGoDuration(Math.round(ms / 1000) * 1000);

const EntryButton = memo(function EntryButton({
  entry,
  latest,
  onRewind,
}: {
  entry: Entry;
  latest: boolean;
  onRewind: (id: number) => void;
}) {
  return (
    <li className={latest ? 'is-latest' : undefined}>
      {/* The name is the visible text, "Rewind to" first for screen readers. */}
      <button type="button" className="lab-tl-entry" onClick={() => onRewind(entry.id)}>
        <span className="sr-only">Rewind to</span> <time className="lab-tl-time">{clockText(entry.at)}</time>{' '}
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
        {latest ? 'latest' : 'Rewind'}
      </span>
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
  const send = useLabSend();
  const list = useRef<HTMLOListElement>(null);
  // Follow the newest entry; only when one is added, since reading the height forces a layout.
  useLayoutEffect(() => {
    const element = list.current;
    if (element) element.scrollTop = element.scrollHeight;
  }, [timeline.length]);
  const rewind = useCallback((id: number) => send({ type: 'REWIND', entryId: id }), [send]);
  return (
    <div role="group" className="lab-timeline" aria-labelledby={headingId}>
      <div className="lab-section-head">
        <h4 id={headingId}>Timeline</h4>
        <span className="lab-section-note">Choose a moment to rewind to it</span>
      </div>
      <Track entries={timeline} />
      <ol className="lab-tl-list" ref={list}>
        {timeline.map((entry, i) => (
          <EntryButton key={entry.id} entry={entry} latest={i === timeline.length - 1} onRewind={rewind} />
        ))}
      </ol>
    </div>
  );
}
