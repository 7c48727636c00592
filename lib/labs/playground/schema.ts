import { z } from 'zod';
import { defaults } from '@/lib/cluster/engine/config';
import { parseCpu, parseMemory } from '@/lib/cluster/util/quantity';
import { playgroundErrors } from './errors';
import { playgroundLimits } from './limits';

/**
 * A playground has no scenario: the reader picks the cluster's shape and where it starts (a blank
 * cluster or a chapter lab's set-up). That choice travels in the lab's log (saved and shared), so a
 * replay builds the same cluster; the seed is the log's own. Light on imports: the log's schema
 * (lib/labs/log/events.ts) includes this one.
 */

const kubelet = defaults.evictionHardMemoryBytes;

const cpu = z
  .string()
  .trim()
  .refine((text) => {
    const milli = parseCpu(text);
    return milli !== undefined && milli > 0 && milli <= playgroundLimits.cpuMaxCores * 1000;
  }, playgroundErrors.cpu);

const memory = z
  .string()
  .trim()
  .refine((text) => {
    const bytes = parseMemory(text);
    return bytes !== undefined && bytes > kubelet && bytes <= playgroundLimits.memoryMaxBytes;
  }, playgroundErrors.memory);

const whole = (field: string) => z.number({ error: playgroundErrors.wholeNumber(field) }).int(playgroundErrors.wholeNumber(field));

/** The choice a playground log carries. */
export const playgroundSetupSchema = z
  .strictObject({
    workers: whole('workers')
      .min(playgroundLimits.workers.min, playgroundErrors.workers)
      .max(playgroundLimits.workers.max, playgroundErrors.workers),
    cpu,
    memory,
    etcdMembers: z.union([z.literal(1), z.literal(3), z.literal(5)], { error: playgroundErrors.etcdMembers }),
    zones: whole('zones').min(1).optional(),
    /** "blank", or the id of the chapter lab whose files and set-up run first. */
    from: z.string().regex(/^[a-z0-9-]+$/),
  })
  .superRefine((setup, ctx) => {
    if (setup.zones !== undefined && (setup.zones < 1 || setup.zones > Math.min(playgroundLimits.maxZones, setup.workers)))
      ctx.addIssue({ code: 'custom', path: ['zones'], message: playgroundErrors.zones(setup.workers) });
  });
export type PlaygroundSetup = z.infer<typeof playgroundSetupSchema>;

export const playgroundSeedSchema = z.union([
  z.number().int(),
  z
    .string()
    .max(playgroundLimits.seedMaxChars, playgroundErrors.seed)
    .regex(/^[A-Za-z0-9._-]+$/, playgroundErrors.seed),
]);
export type PlaygroundSeed = z.infer<typeof playgroundSeedSchema>;
