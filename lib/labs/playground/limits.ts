import { labPolicy } from '../policy';

/**
 * What the playground accepts, as data. The etcd sizes and zones are the simulator's own (sim
 * init refuses the rest); workers stop well below the simulator's 5,000 because every node is
 * drawn, and the time an imported script may move the clock is bounded so its replay stays quick.
 */
export const playgroundLimits = Object.freeze({
  workers: { min: 1, max: 50 },
  cpuMaxCores: 256,
  memoryMaxBytes: 1024 ** 4,
  memoryMaxText: '1Ti',
  etcdMembers: [1, 3, 5] as const,
  /** The simulator names zones zone-a to zone-z. */
  maxZones: 26,
  seedMaxChars: 80,
  /** An imported script is refused by its size before it is read. */
  scriptMaxBytes: 256 * 1024,
  /** Each command becomes an event or three of the lab's log (a sim advance is three). */
  scriptMaxCommands: Math.floor(labPolicy.logMaxEvents / 3),
  commandMaxChars: labPolicy.logCommandMaxChars,
  /** The most simulated time a script's sim advance lines may add up to: a day, the longest single sim advance. */
  scriptMaxMs: 24 * 60 * 60_000,
});
