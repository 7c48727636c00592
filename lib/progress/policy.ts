/** The tunable rules of the progress store and the review scheduler, in one frozen table. */
export const progressPolicy = Object.freeze({
  /** Attempts kept per quiz; older ones only feed the best score, which is kept separately. */
  attemptsKept: 20,
  /** When storage is full, history is trimmed to this many attempts per quiz before giving up. */
  attemptsKeptWhenFull: 3,
  /**
   * ts-fsrs parameters. Short-term learning steps are on: a new or missed card comes back after
   * 1 and then 10 minutes (a lapsed one after 10), so it is relearned in the same sitting before
   * FSRS spaces it over days. No fuzz, so tests and readers see the same dates.
   */
  fsrs: {
    request_retention: 0.9,
    maximum_interval: 365,
    enable_fuzz: false,
    enable_short_term: true,
    learning_steps: ['1m'] as const,
    relearning_steps: ['10m'] as const,
  },
  /**
   * As in Anki's "learn ahead limit": when nothing else is left in a sitting, a card due within
   * this many minutes is served at once rather than making the reader wait.
   */
  learnAheadMinutes: 20,
  /** Session sizes offered on /review; `all` has no limit. */
  sessionLimits: [10, 20, 'all'] as const,
  /** Daily automatic copies kept for "restore an earlier copy". */
  backupsKept: 3,
  /** The default session size. */
  reviewBatch: 20,
  /** Days shown in the study calendar (whole weeks). */
  calendarDays: 84,
  /** Days of the due forecast. */
  forecastDays: 7,
});
