/** Every message the progress store shows, defined once; tests import these. */
export const progressErrors = {
  setAside: (key: string) =>
    `Your saved progress could not be read, so Clusterbook started fresh. The old data was kept in this browser under "${key}"; nothing was deleted.`,
  setAsideFailed:
    'Your saved progress could not be read, and there was no room to keep a copy aside; it was left untouched and progress is not being saved.',
  newerVersionKept: (found: number, current: number) =>
    `Your progress was saved by a newer version of Clusterbook (version ${found}; this page reads up to version ${current}). It was kept as it is and this tab will not change it: reload to get the newer version.`,
  migrated: (from: number) => `Your progress was upgraded from an older format (version ${from}).`,
  quota: "Your browser's storage is full, so your latest progress is kept only until you close this tab. Export it to a file to keep it.",
  quotaTrimmed: "Your browser's storage was nearly full, so only your latest quiz attempts were kept (best scores are unchanged).",
  storageUnavailable:
    'This browser does not let Clusterbook save anything (private mode or blocked storage); progress lasts until you close the tab.',

  importNotJson: 'That file is not valid JSON, so it is not a Clusterbook progress export. Nothing was changed.',
  importNotProgress: 'That file is not a Clusterbook progress export. Nothing was changed.',
  importNewer: (found: number, current: number) =>
    `That file was exported by a newer version of Clusterbook (version ${found}; this one reads up to version ${current}). Nothing was changed.`,
  importDamaged: (where: string, reason: string) => `That progress file is damaged (${where}: ${reason}). Nothing was changed.`,
  importTooLarge: 'That file is too large to be a Clusterbook progress export. Nothing was changed.',
  transferTooLarge: 'That link is too long to hold Clusterbook progress. Nothing was changed.',
  transferDamaged: 'That progress link is damaged or cut short (copy the whole link). Nothing was changed.',
} as const;
