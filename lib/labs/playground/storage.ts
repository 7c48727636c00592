import { z } from 'zod';
import { labModelVersion, type LabLog } from '../log/events';
import { readSavedLab, savedLabKey, type SavedLab } from '../log/storage';
import type { ImportedScript } from './script';
import { playgroundSeedSchema, playgroundSetupSchema, type PlaygroundSeed, type PlaygroundSetup } from './schema';
import { playgroundId } from './setup';

/**
 * The playground is kept like a chapter lab (one saved log under its own key), but its scenario
 * comes from that log: the shape and start are read first, then the panel resumes the log.
 */
export function readSavedPlayground(storage: Storage): SavedLab | undefined {
  try {
    const text = storage.getItem(savedLabKey(playgroundId));
    const seed: unknown = text ? JSON.parse(text)?.seed : undefined;
    if (typeof seed !== 'number' && typeof seed !== 'string') return undefined;
    const saved = readSavedLab(storage, playgroundId, seed);
    return saved?.setup ? saved : undefined;
  } catch {
    return undefined;
  }
}

/** An imported script becomes the saved playground, which the panel then replays. */
export function savePlaygroundLog(storage: Storage, imported: ImportedScript): boolean {
  const log: LabLog = {
    v: 1,
    model: labModelVersion,
    lab: playgroundId,
    seed: imported.seed,
    events: imported.events,
    now: imported.now,
    setup: imported.setup,
  };
  const record: SavedLab = { ...log, hints: 0, solution: false };
  try {
    storage.setItem(savedLabKey(playgroundId), JSON.stringify(record));
    return true;
  } catch {
    return false;
  }
}

/** A new shape starts a new session: the old one's log goes. */
export function forgetPlayground(storage: Storage): void {
  try {
    storage.removeItem(savedLabKey(playgroundId));
  } catch {
    // Storage that cannot be written has nothing saved to forget.
  }
}

const choiceKey = 'clusterbook:playground:choice';
const choiceSchema = z.strictObject({ setup: playgroundSetupSchema, seed: playgroundSeedSchema });

/** The shape last built, kept apart from the log: a cluster nobody has touched yet has no log to save. */
export function savePlaygroundChoice(storage: Storage, choice: { setup: PlaygroundSetup; seed: PlaygroundSeed }): void {
  try {
    storage.setItem(choiceKey, JSON.stringify(choice));
  } catch {
    // Full or refused storage: the playground still runs, it just opens blank next time.
  }
}

export function readPlaygroundChoice(storage: Storage): { setup: PlaygroundSetup; seed: PlaygroundSeed } | undefined {
  try {
    const parsed = choiceSchema.safeParse(JSON.parse(storage.getItem(choiceKey) ?? 'null'));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}
