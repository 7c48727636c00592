'use client';

import { useSyncExternalStore } from 'react';
import type { ProgressStore } from '@/lib/progress';

/** Tells the reader about their saved progress: set aside, upgraded, or not being saved. */
export function ProgressNotices({ store }: { store: ProgressStore }) {
  const notices = useSyncExternalStore(
    (listener) => store.subscribe(listener),
    () => store.getNotices(),
    () => store.getNotices(),
  );
  if (notices.length === 0) return null;
  return (
    <div className="progress-notices" role="alert">
      {notices.map((notice) => (
        <div key={notice.kind} className={`progress-notice progress-notice-${notice.kind}`}>
          <p>{notice.message}</p>
          <button type="button" className="button" onClick={() => store.dismissNotice(notice)}>
            Dismiss
          </button>
        </div>
      ))}
    </div>
  );
}
