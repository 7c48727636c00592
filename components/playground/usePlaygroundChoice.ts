'use client';

import { useEffect, useState } from 'react';
import {
  decodeLabLog,
  playgroundId,
  readPlaygroundChoice,
  readSavedPlayground,
  shareParam,
  type PlaygroundSeed,
  type PlaygroundSetup,
} from '@/lib/labs';

export interface PlaygroundChoice {
  setup: PlaygroundSetup;
  seed: PlaygroundSeed;
}

/**
 * Which cluster the playground opens with: the one in a shared link, else the reader's saved
 * session, else the shape they last built, else none yet (the picker's defaults). Read once, in
 * the browser, before the panel mounts: the panel then replays the link or the saved log itself.
 */
export function usePlaygroundChoice(storage: () => Storage | undefined) {
  const [choice, setChoice] = useState<PlaygroundChoice | null | undefined>(undefined);
  useEffect(() => {
    let live = true;
    const value = new URLSearchParams(location.search).get(shareParam);
    const fromStorage = (): PlaygroundChoice | null => {
      const store = storage();
      if (!store) return null;
      const saved = readSavedPlayground(store);
      if (saved?.setup) return { setup: saved.setup, seed: saved.seed };
      return readPlaygroundChoice(store) ?? null;
    };
    if (!value?.startsWith(`${playgroundId}.`)) {
      setChoice(fromStorage());
      return;
    }
    void decodeLabLog(value.slice(playgroundId.length + 1)).then((log) => {
      if (!live) return;
      // A link that cannot be read still opens the panel, which says so and offers a fresh start.
      setChoice(log?.setup ? { setup: log.setup, seed: log.seed } : fromStorage());
    });
    return () => {
      live = false;
    };
  }, [storage]);
  return [choice, setChoice] as const;
}
