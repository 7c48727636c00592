import { z } from 'zod';
import { labErrors } from './errors';
import type { PlaygroundSetup } from './playground/schema';
import { parseCount, placeholdersIn, taintSpecPattern, type Count } from './match';

/**
 * One place for every lab schema: content/labs/<id>.yaml is checked with these at build time
 * (problems carry the YAML line); the panel receives the parsed result. Types are inferred.
 */

const text = z.string().trim().min(1);
const name = z.string().regex(/^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$/, 'must be a Kubernetes name such as web or worker-2');
const script = z.string().trim().min(1, 'write at least one command');
const count = z.union([z.number(), z.string()]).transform((input, ctx): Count => {
  const parsed = parseCount(input);
  if (!parsed) {
    ctx.addIssue({ code: 'custom', message: labErrors.badCount });
    return z.NEVER;
  }
  return parsed;
});
const oneOrMany = z.union([text, z.array(text).min(1)]).transform((value) => (Array.isArray(value) ? value : [value]));
const taint = z.string().regex(taintSpecPattern, labErrors.badTaint);
const owner = z.string().regex(/^((deployment|statefulset|daemonset|replicaset)\/[a-z0-9]([-a-z0-9]*[a-z0-9])?|none)$/, labErrors.badOwner);
const workloadRef = z.string().regex(/^(deployment|statefulset|daemonset|replicaset)\/[a-z0-9]([-a-z0-9]*[a-z0-9])?$/, labErrors.badOwner);

/** What every check says: the goal in words (always shown) and the reason it fails (with live numbers). */
const wording = {
  label: text,
  failure: text,
  /** The check passes at the start on purpose (something the reader must not break); the build rejects it otherwise. */
  initially: z.boolean().optional(),
  /** Counts only once the check with this index (from 0) has passed: "Ready again" after "NotReady". */
  after: z.number().int().min(0).optional(),
};

/**
 * The placeholders each kind of check fills in its failure message, e.g.
 * "web has {available} of {desired} replicas available". Policy as data: the build rejects others.
 */
export const checkPlaceholders = {
  // pods: {count} and {pods} are the pods that pass every filter; {statuses} and {nodes} describe
  // all pods of the owner or name, so a message can say what they are doing instead.
  node: ['name', 'status', 'taints', 'machine', 'kubelet'],
  pods: ['count', 'pods', 'nodes', 'statuses'],
  workload: ['name', 'desired', 'current', 'ready', 'available', 'updated'],
  etcd: ['healthy', 'members', 'quorumSize'],
  component: ['name', 'state'],
  api: ['api'],
  event: ['count', 'last'],
  command: ['count'],
} as const satisfies Record<string, readonly string[]>;

export type CheckKind = keyof typeof checkPlaceholders;

const nodeCheck = z.strictObject({
  check: z.literal('node'),
  node: name,
  /** The STATUS word of `kubectl get nodes`: Ready, NotReady, Ready,SchedulingDisabled. */
  status: text.optional(),
  schedulable: z.boolean().optional(),
  taint: taint.optional(),
  noTaint: taint.optional(),
  /** What the simulation knows about the machine, which kubectl cannot see. */
  machine: z.enum(['running', 'poweredOff', 'booting']).optional(),
  kubelet: z.enum(['running', 'stopped', 'off']).optional(),
  ...wording,
});

const podsCheck = z.strictObject({
  check: z.literal('pods'),
  /** Pods of a controller (deployment/web counts the pods of its ReplicaSets) or "none" for bare pods. */
  owner: owner.optional(),
  /** Pod name; `*` matches any characters ("web-*"). */
  name: text.optional(),
  namespace: name.default('default'),
  node: name.optional(),
  notOnNode: name.optional(),
  /** kubectl's STATUS word, or a list of them. */
  status: oneOrMany.optional(),
  notStatus: oneOrMany.optional(),
  count,
  ...wording,
});

const workloadCheck = z.strictObject({
  check: z.literal('workload'),
  workload: workloadRef,
  namespace: name.default('default'),
  desired: count.optional(),
  current: count.optional(),
  ready: count.optional(),
  available: count.optional(),
  updated: count.optional(),
  ...wording,
});

const etcdCheck = z.strictObject({
  check: z.literal('etcd'),
  quorum: z.boolean().optional(),
  healthyMembers: count.optional(),
  ...wording,
});

const componentCheck = z.strictObject({
  check: z.literal('component'),
  component: z.enum(['etcd', 'kube-apiserver', 'kube-controller-manager', 'kube-scheduler']),
  healthy: z.boolean(),
  ...wording,
});

const apiCheck = z.strictObject({
  check: z.literal('api'),
  api: z.enum(['available', 'no-quorum', 'unreachable']),
  ...wording,
});

const eventCheck = z.strictObject({
  check: z.literal('event'),
  reason: text,
  /** kind/name as `kubectl get events` prints it; `*` globs ("pod/web-*"). */
  object: text.optional(),
  type: z.enum(['Normal', 'Warning']).optional(),
  /** Text the event message must contain. */
  message: text.optional(),
  count: count.default({ op: '>=', value: 1 }),
  ...wording,
});

/** Something the reader typed (or a control ran for them), judged by the session's transcript. */
const commandCheck = z.strictObject({
  check: z.literal('command'),
  /** The command line; `*` globs ("kubectl scale deployment web *"). */
  command: text,
  outcome: z.enum(['succeeded', 'failed', 'any']).default('any'),
  /** Only runs made while the API server was in this state ("no-quorum": a write refused during an etcd outage). */
  whenApi: z.enum(['available', 'no-quorum', 'unreachable']).optional(),
  count: count.default({ op: '>=', value: 1 }),
  ...wording,
});

const conditionKeys: Record<CheckKind, string[]> = {
  node: ['status', 'schedulable', 'taint', 'noTaint', 'machine', 'kubelet'],
  pods: ['count'],
  workload: ['desired', 'current', 'ready', 'available', 'updated'],
  etcd: ['quorum', 'healthyMembers'],
  component: ['healthy'],
  api: ['api'],
  event: ['reason'],
  command: ['command'],
};

export const labCheckSchema = z
  .discriminatedUnion('check', [nodeCheck, podsCheck, workloadCheck, etcdCheck, componentCheck, apiCheck, eventCheck, commandCheck])
  .superRefine((check, ctx) => {
    const record = check as Record<string, unknown>;
    if (!conditionKeys[check.check].some((key) => record[key] !== undefined))
      ctx.addIssue({ code: 'custom', message: labErrors.noCondition });
    const known: readonly string[] = checkPlaceholders[check.check];
    for (const placeholder of placeholdersIn(check.failure)) {
      if (!known.includes(placeholder))
        ctx.addIssue({ code: 'custom', path: ['failure'], message: labErrors.unknownPlaceholder(placeholder, known) });
    }
  });

export type LabCheck = z.infer<typeof labCheckSchema>;

const clusterShape = z.strictObject({
  seed: z.union([z.number().int(), z.string()]).default(1),
  workers: z.number().int().min(1).max(12).default(3),
  cpu: z.string().optional(),
  memory: z.string().optional(),
  etcdMembers: z.union([z.literal(1), z.literal(3), z.literal(5)]).default(1),
  /** Spread the workers over this many zones (zone-a, zone-b, ...), as sim init --zones does. */
  zones: z.number().int().min(1).max(12).optional(),
});

export const labScenarioSchema = z.strictObject({
  title: text,
  /** One sentence on the card shown before the lab's code has loaded. */
  summary: text,
  cluster: clusterShape.default({ seed: 1, workers: 3, etcdMembers: 1 }),
  /** Manifests for `kubectl apply -f NAME`, available to the setup and to the reader. */
  files: z.record(z.string().regex(/^[a-z0-9][-a-z0-9_.]*$/, labErrors.badFileName), z.string()).default({}),
  /** sim/kubectl lines run before the reader starts; every line must succeed. */
  setup: z.string().default(''),
  goal: text,
  checks: z
    .array(labCheckSchema)
    .min(1)
    .superRefine((checks, ctx) =>
      checks.forEach((check, i) => {
        if (check.after !== undefined && check.after >= i)
          ctx.addIssue({ code: 'custom', path: [i, 'after'], message: labErrors.afterItself(check.after) });
      }),
    ),
  /** Revealed one at a time. */
  hints: z.array(text).min(1),
  /** Lines that reach the goal from the setup; shown on demand, and run by the tests. */
  solution: script,
  /** Shown once every check passes: what the reader just saw, and why. */
  debrief: text,
});

export type LabScenarioFile = z.infer<typeof labScenarioSchema>;

/** A scenario as the page receives it: the file's content plus its id. */
export interface LabScenario extends LabScenarioFile {
  id: string;
  /** Set on the playground's scenario: the shape and start its log carries (lib/labs/playground). */
  playground?: PlaygroundSetup;
}
