/**
 * Where progress lives in the browser and how changes are announced. Kept apart from everything
 * else so the tiny first-load reader (./peek) can import it without pulling in zod.
 */
export const progressKey = 'clusterbook.progress';

/** Unreadable data is copied here (with a timestamp) before a fresh start, never deleted. */
export const setAsidePrefix = 'clusterbook.progress.set-aside.';

/** Which key the last set-aside went to, so the same unreadable data is copied once, not on every load. */
export const setAsideLastKey = 'clusterbook.progress.set-aside-last';

/** A notice the reader has not dismissed yet (data set aside), so it survives page loads. */
export const noticeKey = 'clusterbook.progress.notice';

/** Fired on window after every save, so marks and counts update in the same tab. */
export const progressChangedEvent = 'clusterbook:progress-changed';

/** The schema version this build writes. */
export const currentVersion = 3;

/** Rolling daily copies of good progress (the key ends with the UTC date), and the list of them. */
export const backupPrefix = 'clusterbook.progress.backup.';
export const backupIndexKey = 'clusterbook.progress.backups';
