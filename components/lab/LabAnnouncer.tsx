'use client';

import { selectAnnouncement } from '@/lib/labs';
import { useLab } from './LabContext';

/** Says node, control-plane and check changes politely, without moving focus. */
export function LabAnnouncer() {
  const announcement = useLab(selectAnnouncement);
  return (
    <div className="sr-only" role="status" aria-live="polite">
      {announcement}
    </div>
  );
}
