'use client';

import { useId } from 'react';
import { formatGoDuration } from '@/lib/cluster/util/duration';
import { labPolicy, selectClockMs, selectIsJumping, selectIsPlaying, selectSpeed } from '@/lib/labs';
import { useLab, useLabSend } from './LabContext';

const jumpWords: Record<(typeof labPolicy.jumps)[number], string> = { '10s': '10 seconds', '1m': '1 minute', '5m': '5 minutes' };

/** Whole or tenth seconds: the model's steps can leave milliseconds no reader needs while it plays. */
const clockText = (ms: number) => formatGoDuration(Math.floor(ms / 100) * 100);

function Clock() {
  const time = clockText(useLab(selectClockMs));
  return (
    <span className="lab-clock">
      <span className="lab-clock-label">Cluster time</span>
      {/* A timer, not an <output>: that would be a live region, read out on every frame. */}
      <span className="lab-clock-time" role="timer" aria-label="Cluster time">
        {time}
      </span>
    </span>
  );
}

/** The clock: play or pause, speed, jumps forward, and reset. */
export function LabControls() {
  const playing = useLab(selectIsPlaying);
  const jumping = useLab(selectIsJumping);
  const speed = useLab(selectSpeed);
  const send = useLabSend();
  const speedName = useId();
  return (
    <div className="lab-controls" role="group" aria-label="Clock">
      <button
        type="button"
        className={`lab-button lab-play${playing ? ' is-playing' : ''}`}
        onClick={() => send({ type: playing ? 'PAUSE' : 'PLAY' })}
        aria-label={playing ? 'Pause' : 'Play'}
      >
        <svg width="14" height="14" viewBox="0 0 14 14" aria-hidden="true">
          {playing ? <path d="M3 2h3v10H3zM8 2h3v10H8z" /> : <path d="M3 1.5v11l9-5.5z" />}
        </svg>
        <span aria-hidden="true">{playing ? 'Pause' : 'Play'}</span>
      </button>
      <fieldset className="lab-speed">
        <legend className="sr-only">Speed</legend>
        {labPolicy.speeds.map((value) => (
          <label key={value} className={value === speed ? 'is-checked' : undefined}>
            <input
              type="radio"
              name={speedName}
              value={value}
              checked={value === speed}
              onChange={() => send({ type: 'SET_SPEED', speed: value })}
            />
            <span>{value}x</span>
          </label>
        ))}
      </fieldset>
      <span className="lab-jumps">
        {labPolicy.jumps.map((duration) => (
          <button
            key={duration}
            type="button"
            className="lab-button lab-jump"
            onClick={() => send({ type: 'JUMP', duration })}
            aria-label={`+${duration}: advance the clock ${jumpWords[duration]}`}
          >
            +{duration}
          </button>
        ))}
      </span>
      <Clock />
      {jumping && <span className="lab-jumping" aria-hidden="true" />}
      <button type="button" className="lab-button lab-reset" onClick={() => send({ type: 'RESET' })}>
        <svg width="14" height="14" viewBox="0 0 14 14" aria-hidden="true">
          <path
            d="M2.5 7a4.5 4.5 0 1 0 1.3-3.2M2.5 1.8v2.5H5"
            fill="none"
            stroke="currentColor"
            strokeWidth="1.6"
            strokeLinecap="round"
            strokeLinejoin="round"
          />
        </svg>
        Reset
      </button>
    </div>
  );
}
