import { playgroundLimits } from './limits';

/** Every message the playground shows about a shape or an imported script, defined once. */
export const playgroundErrors = {
  workers: `workers: a playground cluster has ${playgroundLimits.workers.min} to ${playgroundLimits.workers.max} workers`,
  wholeNumber: (field: string) => `${field}: must be a whole number`,
  cpu: `cpu: a number of cores such as 2, 1.5 or 500m, more than 0 and at most ${playgroundLimits.cpuMaxCores}`,
  memory: `memory: a size such as 4Gi or 512Mi, more than 100Mi (the kubelet keeps 100Mi back) and at most ${playgroundLimits.memoryMaxText}`,
  etcdMembers: 'etcd members: etcd runs 1, 3 or 5 members here',
  zones: (workers: number) =>
    `zones: 1 to ${Math.min(playgroundLimits.maxZones, workers)} zones for ${workers} worker(s) (each zone needs a worker)`,
  seed: `seed: a whole number, or up to ${playgroundLimits.seedMaxChars} letters, digits, dots, dashes or underscores`,
  unknownLab: (id: string) => `there is no lab "${id}" to start from`,
  // Imported scripts.
  tooBig: (bytes: number) =>
    `this file is ${(bytes / 1024 / 1024).toFixed(1)} MB: a playground script is at most ${playgroundLimits.scriptMaxBytes / 1024} KB`,
  notText: 'this file is not a text script (it contains binary data)',
  tooManyLines: `a playground script has at most ${playgroundLimits.scriptMaxCommands} commands`,
  lineTooLong: (line: number) => `line ${line}: longer than ${playgroundLimits.commandMaxChars} characters`,
  lateInit: (line: number) => `line ${line}: sim init can only be the script's first command (the playground builds its cluster from it)`,
  initFlag: (line: number, detail: string) => `line ${line}: ${detail}`,
  initUnknown: (line: number, flag: string) =>
    `line ${line}: sim init takes --workers, --cpu, --memory, --etcd-members, --zones and --seed, not ${flag}`,
  advance: (line: number, detail: string) => `line ${line}: ${detail}`,
  tooLong: `the script's sim advance lines add up to more than ${playgroundLimits.scriptMaxMs / 3_600_000}h, more than the playground replays`,
  empty: 'this script has no commands',
} as const;
