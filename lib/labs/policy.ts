/**
 * Every number the labs run on, in one frozen table: speeds, jumps, how time is cut into frames,
 * and how much history is kept for rewinding.
 */
export const labPolicy = Object.freeze({
  /** Simulated seconds per real second the reader can choose while playing. */
  speeds: [1, 10, 60] as const,
  /** The clock buttons, as the `sim advance` durations they stand for. */
  jumps: ['10s', '1m', '5m'] as const,
  /** The model moves in steps no longer than this, so timers fire in order within a frame. */
  stepMs: 1_000,
  /** A frame longer than this (a background tab, a debugger) counts as this long. */
  maxFrameMs: 50,
  /** A jump is spread over about this many frames so the reader sees it happen... */
  jumpFrames: 45,
  /** ...but each frame moves at least this much and at most this much simulated time. */
  jumpMinPerFrameMs: 1_000,
  jumpMaxPerFrameMs: 10_000,
  /** Changes closer together than this (simulated) share one timeline entry. */
  timelineMergeMs: 2_000,
  /** Timeline entries kept, each with its snapshot; the oldest go first, the start stays. */
  timelineMaxEntries: 120,
  /** Terminal blocks kept in the scrollback. */
  scrollbackMaxBlocks: 400,
  /** Commands kept for up/down history. */
  historyMax: 100,
  /** A lab log keeps at most this many events (a long session); past it the reader is asked to reset. */
  logMaxEvents: 20_000,
  /** The longest command line a log keeps. */
  logCommandMaxChars: 2_000,
  /** A restore point is kept after this many events, or this much simulated time, whichever comes first... */
  checkpointEveryEvents: 25,
  checkpointEveryMs: 10 * 60_000,
  /** ...and at most this many are kept (older ones are thinned out), so memory stays bounded. */
  checkpointsMax: 12,
  /** A worker runs a jump in slices of about this much real time, posting and reading a cancel between them... */
  workerSliceMs: 40,
  /** ...and, while the clock plays, takes a frame about this often. */
  workerFrameMs: 16,
  /** A jump at least this long shows its progress and a Cancel button (shorter ones are over in a blink). */
  progressFromMs: 10 * 60_000,
  /** How far below the viewport a lab starts loading its code. */
  preloadMargin: '600px 0px',
});

export type LabSpeed = (typeof labPolicy.speeds)[number];
