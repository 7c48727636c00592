'use client';

import { createContext, useCallback, useContext, useSyncExternalStore } from 'react';
import type { ActorRefFrom } from 'xstate';
import type { LabSessionRef, LabSessionSnapshot, labSessionMachine } from '@/lib/labs';

/** A session actor on the page's thread (what `localLabSession` wraps). */
export type LabActor = ActorRefFrom<typeof labSessionMachine>;

/**
 * The running lab session, for the panel's pieces: they read through selectors and send events.
 * It runs in a Web Worker in the browser, or on this thread where there is none (see useLabSession).
 */
export const LabActorContext = createContext<LabSessionRef | null>(null);

function useLabRef(): LabSessionRef {
  const session = useContext(LabActorContext);
  if (!session) throw new Error('lab pieces must be rendered inside a LabPanel');
  return session;
}

/** One value of the session's view; the component renders again only when that value changes. */
export function useLab<T>(selector: (snapshot: LabSessionSnapshot) => T): T {
  const session = useLabRef();
  const subscribe = useCallback(
    (onChange: () => void) => {
      const subscription = session.subscribe(onChange);
      return () => subscription.unsubscribe();
    },
    [session],
  );
  const read = () => selector(session.getSnapshot());
  return useSyncExternalStore(subscribe, read, read);
}

export function useLabSend(): LabSessionRef['send'] {
  return useLabRef().send;
}

/** For values read on demand (tab completion reads the view at the moment Tab is pressed). */
export function useLabSnapshot(): () => LabSessionSnapshot {
  const session = useLabRef();
  return () => session.getSnapshot();
}

/** The session itself, for questions that need the cluster (answered asynchronously). */
export function useLabSession(): LabSessionRef {
  return useLabRef();
}
