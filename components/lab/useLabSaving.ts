'use client';

import { useEffect } from 'react';
import { saveLab, type LabSessionRef } from '@/lib/labs';

/** How often, at most, a changing lab is written to storage. */
const saveEveryMs = 1_000;

/**
 * Keeps the lab's log in the browser while the reader works: at most once a second while it
 * changes, and at once when the page is hidden or the lab unmounts. A lab opened from someone
 * else's link is saved only once the reader changes it, so the reader's own saved lab is not
 * replaced by merely looking.
 */
export function useLabSaving(actor: LabSessionRef, storage: () => Storage | undefined, fromLink: boolean): void {
  useEffect(() => {
    const store = storage();
    if (!store) return;
    const first = actor.getSnapshot().context;
    let seen = { events: first.log.length, now: first.now, hints: first.hintsShown, solution: first.solutionShown };
    let dirty = false;
    let touched = !fromLink;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const save = () => {
      timer = undefined;
      if (dirty && touched) saveLab(store, actor.getSnapshot().context);
      dirty = false;
    };
    const subscription = actor.subscribe(({ context }) => {
      const now = { events: context.log.length, now: context.now, hints: context.hintsShown, solution: context.solutionShown };
      if (now.events !== seen.events || now.hints !== seen.hints || now.solution !== seen.solution) touched = true;
      if (now.events !== seen.events || now.now !== seen.now || now.hints !== seen.hints || now.solution !== seen.solution) dirty = true;
      seen = now;
      if (dirty && touched && timer === undefined) timer = setTimeout(save, saveEveryMs);
    });
    const onHidden = () => {
      if (document.visibilityState === 'hidden') save();
    };
    addEventListener('pagehide', save);
    document.addEventListener('visibilitychange', onHidden);
    return () => {
      subscription.unsubscribe();
      clearTimeout(timer);
      save();
      removeEventListener('pagehide', save);
      document.removeEventListener('visibilitychange', onHidden);
    };
  }, [actor, storage, fromLink]);
}
