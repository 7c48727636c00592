'use client';

import { useEffect, useState } from 'react';

/**
 * Registers the service worker (production builds only) and, when a new deployment has been
 * downloaded, says so quietly. The new version takes over only when the reader reloads, so the
 * open page never runs half old, half new code.
 */
export function UpdateNotice() {
  const [reload, setReload] = useState<(() => void) | undefined>();

  useEffect(() => {
    if (process.env.NODE_ENV !== 'production' || !('serviceWorker' in navigator)) return;
    let cancelled = false;
    // workbox-window loads after the page, so it costs the first load nothing.
    const start = () =>
      import('workbox-window').then(({ Workbox }) => {
        if (cancelled) return;
        const wb = new Workbox('/sw.js');
        wb.addEventListener('waiting', () => {
          setReload(() => () => {
            wb.addEventListener('controlling', () => window.location.reload());
            wb.messageSkipWaiting();
          });
        });
        wb.register().catch(() => undefined);
      });
    if (document.readyState === 'complete') start();
    else window.addEventListener('load', start, { once: true });
    return () => {
      cancelled = true;
      window.removeEventListener('load', start);
    };
  }, []);

  if (!reload) return null;
  return (
    <div className="update-notice" role="status">
      <span>A new version of Clusterbook is available.</span>
      <button type="button" className="button" onClick={reload}>
        Reload
      </button>
    </div>
  );
}
