/** The tunable rules of the progress store and the review scheduler, in one frozen table. */
export const progressPolicy = Object.freeze({
  /** Attempts kept per quiz; older ones only feed the best score, which is kept separately. */
  attemptsKept: 20,
  /** When storage is full, history is trimmed to this many attempts per quiz before giving up. */
  attemptsKeptWhenFull: 3,
  /**
   * ts-fsrs parameters. Short-term learning steps are off so a wrong answer comes back the next
   * day rather than in one minute (readers study in sessions, not drills); no fuzz, so tests and
   * readers see the same dates.
   */
  fsrs: { request_retention: 0.9, maximum_interval: 365, enable_fuzz: false, enable_short_term: false },
  /** Daily automatic copies kept for "restore an earlier copy". */
  backupsKept: 3,
  /** A review session serves at most this many cards. */
  reviewBatch: 20,
});
