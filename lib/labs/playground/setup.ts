import { defaults } from '@/lib/cluster/engine/config';
import type { LabScenario, LabScenarioFile } from '../schema';
import { playgroundErrors } from './errors';
import { playgroundSeedSchema, playgroundSetupSchema, type PlaygroundSeed, type PlaygroundSetup } from './schema';

/** Where a playground starts, and the playground as a lab scenario with no goal. */

/** The scenario id a playground's log carries (its saved key and its links use it). */
export const playgroundId = 'playground';

/** What a chapter lab lends the playground: its shape, its manifests and its set-up lines. */
export type PlaygroundLab = Pick<LabScenario, 'id' | 'title' | 'cluster' | 'files' | 'setup'>;

export const blankSetup: PlaygroundSetup = {
  workers: defaults.workers,
  cpu: defaults.cpu,
  memory: defaults.memory,
  etcdMembers: defaults.etcdMembers,
  from: 'blank',
};

/** A chapter lab's shape as a playground choice, to start from its set-up. */
export function setupFromLab(lab: PlaygroundLab): { setup: PlaygroundSetup; seed: PlaygroundSeed } {
  const { workers, cpu, memory, etcdMembers, zones, seed } = lab.cluster;
  return {
    setup: {
      workers,
      cpu: cpu ?? defaults.cpu,
      memory: memory ?? defaults.memory,
      etcdMembers,
      ...(zones ? { zones } : {}),
      from: lab.id,
    },
    seed,
  };
}

/** The form's fields as the reader typed them. */
export interface PlaygroundForm {
  workers: string;
  cpu: string;
  memory: string;
  etcdMembers: string;
  zones: string;
  seed: string;
  from: string;
}

export const formOf = (setup: PlaygroundSetup, seed: PlaygroundSeed): PlaygroundForm => ({
  workers: String(setup.workers),
  cpu: setup.cpu,
  memory: setup.memory,
  etcdMembers: String(setup.etcdMembers),
  zones: setup.zones ? String(setup.zones) : '',
  seed: String(seed),
  from: setup.from,
});

const numberField = (text: string) => (/^\s*-?\d+\s*$/.test(text) ? Number(text) : text.trim() === '' ? undefined : Number.NaN);

/** The form checked: a choice, or one message per field that is wrong (and nothing else changes). */
export function parsePlaygroundForm(
  form: PlaygroundForm,
  labs: readonly Pick<PlaygroundLab, 'id'>[],
): { setup: PlaygroundSetup; seed: PlaygroundSeed } | { errors: Partial<Record<keyof PlaygroundForm, string>> } {
  const errors: Partial<Record<keyof PlaygroundForm, string>> = {};
  const zones = numberField(form.zones);
  const parsed = playgroundSetupSchema.safeParse({
    workers: numberField(form.workers),
    cpu: form.cpu,
    memory: form.memory,
    etcdMembers: Number(form.etcdMembers),
    ...(zones === undefined ? {} : { zones }),
    from: form.from,
  });
  if (!parsed.success)
    for (const issue of parsed.error.issues) {
      const field = String(issue.path[0] ?? 'workers') as keyof PlaygroundForm;
      errors[field] ??= issue.message;
    }
  if (form.from !== 'blank' && !labs.some((lab) => lab.id === form.from)) errors.from = playgroundErrors.unknownLab(form.from);
  const seedText = form.seed.trim();
  const seed = playgroundSeedSchema.safeParse(
    /^-?\d+$/.test(seedText) && Number.isSafeInteger(Number(seedText)) ? Number(seedText) : seedText,
  );
  if (!seed.success || seedText === '') errors.seed = playgroundErrors.seed;
  if (Object.keys(errors).length > 0 || !parsed.success || !seed.success) return { errors };
  return { setup: parsed.data, seed: seed.data };
}

/** One sentence for the header: what this cluster is. */
export function describeSetup(setup: PlaygroundSetup, seed: PlaygroundSeed, labs: readonly PlaygroundLab[]): string {
  const lab = labs.find((l) => l.id === setup.from);
  const zones = setup.zones ? ` in ${setup.zones} zone${setup.zones === 1 ? '' : 's'}` : '';
  const start = lab ? `, starting from the set-up of the lab "${lab.title}"` : ', blank';
  return (
    `${setup.workers} worker${setup.workers === 1 ? '' : 's'}${zones} (cpu ${setup.cpu}, memory ${setup.memory} each), ` +
    `${setup.etcdMembers} etcd member${setup.etcdMembers === 1 ? '' : 's'}, seed ${seed}${start}.`
  );
}

/** The playground as a lab scenario with no goal: no checks, hints or solution, the chosen cluster and set-up. */
export function playgroundScenario(setup: PlaygroundSetup, seed: PlaygroundSeed, labs: readonly PlaygroundLab[]): LabScenario {
  const lab = labs.find((l) => l.id === setup.from);
  const cluster: LabScenarioFile['cluster'] = {
    seed,
    workers: setup.workers,
    cpu: setup.cpu,
    memory: setup.memory,
    etcdMembers: setup.etcdMembers,
    ...(setup.zones ? { zones: setup.zones } : {}),
  };
  return {
    id: playgroundId,
    title: 'Playground',
    summary: 'A cluster of your own shape, with no goal.',
    cluster,
    files: lab?.files ?? {},
    setup: lab?.setup ?? '',
    goal: describeSetup(setup, seed, labs),
    checks: [],
    hints: [],
    solution: '',
    debrief: '',
    playground: setup,
  };
}
