'use client';

import { createContext, useContext } from 'react';
import { useSelector } from '@xstate/react';
import type { ActorRefFrom, SnapshotFrom } from 'xstate';
import type { labSessionMachine } from '@/lib/labs';

export type LabActor = ActorRefFrom<typeof labSessionMachine>;

/** The running lab session, for the panel's pieces: they read through selectors and send events. */
export const LabActorContext = createContext<LabActor | null>(null);

function useLabActor(): LabActor {
  const actor = useContext(LabActorContext);
  if (!actor) throw new Error('lab pieces must be rendered inside a LabPanel');
  return actor;
}

export function useLab<T>(selector: (snapshot: SnapshotFrom<typeof labSessionMachine>) => T): T {
  return useSelector(useLabActor(), selector);
}

export function useLabSend(): LabActor['send'] {
  return useLabActor().send;
}

/** For values read on demand (tab completion reads the view at the moment Tab is pressed). */
export function useLabSnapshot(): () => SnapshotFrom<typeof labSessionMachine> {
  const actor = useLabActor();
  return () => actor.getSnapshot();
}
