'use client';

import { useEffect, useState } from 'react';
import { labModelVersion, type LabLog } from '@/lib/labs';
import { sharedLogIn, urlNamesLab } from '@/lib/labs';
import { readSavedLab, resumeOf } from '@/lib/labs';
import type { LabScenario } from '@/lib/labs';
import type { LabResume } from '@/lib/labs';

/** Where a session starts: fresh, or replaying a saved or shared log. */
export interface LabStart {
  resume?: LabResume;
  from: 'fresh' | 'saved' | 'link';
  /** The log behind `resume`, when it came from a link: its hash is checked after the replay. */
  link?: LabLog;
}

/** A log from another simulator version, or a link that could not be read: the reader decides. */
export interface LabStartQuestion {
  kind: 'olderModel' | 'badLink';
  from: 'saved' | 'link';
  model?: string;
  replay?: LabStart;
}

export const browserStorage = (): Storage | undefined => {
  try {
    return typeof localStorage === 'undefined' ? undefined : localStorage;
  } catch {
    return undefined;
  }
};

function fromSaved(scenario: LabScenario, storage: Storage | undefined): LabStart | LabStartQuestion {
  const saved = storage && readSavedLab(storage, scenario.id, scenario.cluster.seed);
  if (!saved) return { from: 'fresh' };
  const start: LabStart = { from: 'saved', resume: resumeOf(saved, saved.hints, saved.solution) };
  return saved.model === labModelVersion ? start : { kind: 'olderModel', from: 'saved', model: saved.model, replay: start };
}

/**
 * Decides how a lab opens: a link in the URL for this lab first, then the reader's saved log,
 * else fresh. Reading storage is synchronous, so a saved lab appears at once; a link needs an
 * asynchronous inflate, during which the panel says it is restoring.
 */
export function useLabStart(scenario: LabScenario, storage: () => Storage | undefined) {
  const search = typeof location === 'undefined' ? '' : location.search;
  const [answer, setAnswer] = useState<LabStart | LabStartQuestion | null>(() =>
    urlNamesLab(search, scenario.id) ? null : fromSaved(scenario, storage()),
  );
  useEffect(() => {
    if (answer !== null) return;
    let live = true;
    void sharedLogIn(search, scenario.id).then((log) => {
      if (!live) return;
      if (!log) return setAnswer({ kind: 'badLink', from: 'link' });
      const start: LabStart = { from: 'link', resume: resumeOf(log), link: log };
      setAnswer(log.model === labModelVersion ? start : { kind: 'olderModel', from: 'link', model: log.model, replay: start });
    });
    return () => {
      live = false;
    };
  }, [answer, search, scenario.id]);
  return [answer, setAnswer] as const;
}
