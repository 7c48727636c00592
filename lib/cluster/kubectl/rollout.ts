// kubectl rollout status | history | undo | restart | pause | resume, for Deployments
// (kubectl/pkg/cmd/rollout and the polymorphichelpers they call). `status` blocks like the real
// command: simulated time runs on, one line printed per change of the Deployment's status, until
// the rollout is done, fails its progress deadline or --timeout runs out.
import { contextNamespace } from './kubeconfig';
import { objectKey } from '../apiserver/store';
import { formatApiError, kubectlErrors, rolloutErrors } from '../api/errors';
import { limits } from '../api/limits';
import type { Deployment } from '../api/types';
import { planRollback, revisionTemplates } from '../controllers/deployment.rollback';
import { annotations, conditionOf, reasons, revisionOf } from '../controllers/deployment.util';
import { parseDuration } from '../util/duration';
import { namedTuples, notFound, planSelection, readBlocked, visitPlan, type Tuple } from './builder';
import { podTemplateLines } from './deployment.describe';
import type { KubectlEnv } from './env';
import { parseArgs } from './flags';
import { helpFor } from './help/help';
import { isoTime } from './output/objects';
import { fail, ok, type CommandResult } from './result';

export const rolloutSubcommands = ['history', 'pause', 'restart', 'resume', 'status', 'undo'] as const;
type Subcommand = (typeof rolloutSubcommands)[number];

/**
 * How often `rollout status` looks again while it waits (the watch would wake it on each change):
 * every second after a change, backing off to every 30s while nothing changes, so a rollout that
 * never ends (a paused one) costs few steps before the timeout.
 */
const statusPoll = Object.freeze({ minMs: 1_000, maxMs: 30_000, graceMs: 5 * 60_000 });

/**
 * The Deployments a subcommand acts on: TYPE NAME... or TYPE/NAME... (ResourceTypeOrNameArgs(true, ...)),
 * or a bare type, which lists every object of it; other kinds are refused with the verb's text.
 */
function targets(env: KubectlEnv, verb: Subcommand, namespace: string, positional: string[]): Tuple[] | CommandResult {
  if (positional.length === 0) return fail(rolloutErrors.required(verb));
  const plan = planSelection(positional, { namespace, requireSelection: false, singleResourceType: verb === 'status' });
  if ('error' in plan) return fail(plan.error);
  const named = namedTuples(plan.target);
  const other = named.find((tuple) => tuple.type.kind !== 'Deployment');
  if (other) return fail(rolloutErrors.unsupported(verb, other.type.kind, other.name));
  const blocked = readBlocked(env);
  if (blocked) return blocked;
  if (named.length > 0) return named;
  const listed = visitPlan(env, plan).found.map(({ type, object }) => ({ type, name: object.metadata.name }));
  const listedOther = listed.find((tuple) => tuple.type.kind !== 'Deployment');
  if (listedOther) return fail(rolloutErrors.unsupported(verb, listedOther.type.kind, listedOther.name));
  return listed;
}

function find(env: KubectlEnv, namespace: string, tuple: Tuple): Deployment | string {
  return env.engine.store.get('Deployment', objectKey(namespace, tuple.name)) ?? notFound(tuple.type, tuple.name);
}

/** DeploymentStatusViewer.Status: the line to print and whether the rollout is done (or an error). */
export function deploymentStatus(deployment: Deployment): { text: string; done: boolean } | { error: string } {
  const name = deployment.metadata.name;
  const { status, spec } = deployment;
  if (deployment.metadata.generation > (status.observedGeneration ?? 0)) return { text: rolloutErrors.waitingForSpec(), done: false };
  if (conditionOf(status.conditions, 'Progressing')?.reason === reasons.timedOut) return { error: rolloutErrors.deadlineExceeded(name) };
  if (status.updatedReplicas < spec.replicas)
    return { text: rolloutErrors.waitingUpdated(name, status.updatedReplicas, spec.replicas), done: false };
  if (status.replicas > status.updatedReplicas)
    return { text: rolloutErrors.waitingOldPods(name, status.replicas - status.updatedReplicas), done: false };
  if (status.availableReplicas < status.updatedReplicas)
    return { text: rolloutErrors.waitingAvailable(name, status.availableReplicas, status.updatedReplicas), done: false };
  return { text: rolloutErrors.rolledOut(name), done: true };
}

function timeoutOf(text: string | undefined): number | string {
  if (text === undefined || /^0+$/.test(text)) return 0;
  const ms = parseDuration(text);
  if (ms === undefined) return kubectlErrors.invalidDuration(text, '--timeout');
  if (ms > limits.maxAdvanceMs) return kubectlErrors.waitTooLong('--timeout', ms);
  return ms;
}

function status(env: KubectlEnv, namespace: string, positional: string[], flags: Flags): CommandResult {
  const found = targets(env, 'status', namespace, positional);
  if (!Array.isArray(found)) return found;
  if (found.length !== 1) return fail(rolloutErrors.statusOneResource());
  const timeout = timeoutOf(flags.timeout);
  if (typeof timeout === 'string') return fail(timeout);
  const { engine } = env;
  const first = find(env, namespace, found[0]);
  if (typeof first === 'string') return fail(first);
  const wanted = flags.revision ?? 0;
  const out: string[] = [];
  // --timeout 0 means forever. A rollout that is not paused ends by its progress deadline at the
  // latest; the simulator stops waiting a few minutes after that (a paused one never ends).
  const wait = timeout || Math.min(limits.maxAdvanceMs, (first.spec.progressDeadlineSeconds ?? 600) * 1000 + statusPoll.graceMs);
  const deadline = engine.clock.now() + wait;
  let seenVersion = -1;
  let pollMs: number = statusPoll.minMs;
  for (;;) {
    const deployment = engine.store.get('Deployment', objectKey(namespace, found[0].name));
    if (!deployment || deployment.metadata.uid !== first.metadata.uid) return fail(rolloutErrors.deleted(found[0].name), out.join(''));
    if (wanted > 0 && revisionOf(deployment) !== wanted)
      return fail(rolloutErrors.revisionMismatch(wanted, revisionOf(deployment)), out.join(''));
    if (deployment.metadata.resourceVersion === seenVersion) pollMs = Math.min(statusPoll.maxMs, pollMs * 2);
    else {
      pollMs = statusPoll.minMs;
      seenVersion = deployment.metadata.resourceVersion;
      const result = deploymentStatus(deployment);
      if ('error' in result) return fail(kubectlErrors.prefixed(result.error), out.join(''));
      out.push(result.text);
      if (result.done || flags.watch === false) return ok(out.join(''));
    }
    if (engine.clock.now() >= deadline) {
      return fail(timeout ? rolloutErrors.timedOut() : rolloutErrors.simulatorStopped(wait), out.join(''));
    }
    engine.advanceTo(Math.min(deadline, engine.clock.now() + pollMs));
  }
}

function history(env: KubectlEnv, namespace: string, positional: string[], flags: Flags): CommandResult {
  const found = targets(env, 'history', namespace, positional);
  if (!Array.isArray(found)) return found;
  const revision = flags.revision ?? 0;
  const lines: string[] = [];
  const errors: string[] = [];
  for (const tuple of found) {
    const deployment = find(env, namespace, tuple);
    if (typeof deployment === 'string') {
      errors.push(deployment);
      continue;
    }
    const replicaSets = env.engine.store.dependentsOf(deployment.metadata.uid, 'ReplicaSet');
    const templates = revisionTemplates(replicaSets);
    const header = `deployment.apps/${deployment.metadata.name}`;
    if (revision > 0) {
      const template = templates.get(revision);
      if (!template) {
        errors.push(kubectlErrors.prefixed(rolloutErrors.noRevision()));
        continue;
      }
      lines.push(`${header} with revision #${revision}`, ...podTemplateLines(template), '');
      continue;
    }
    if (templates.size === 0) {
      lines.push(`${header} `, rolloutErrors.noHistory(), '');
      continue;
    }
    const rows = [...templates].map(([number, template]) => [
      String(number),
      template.metadata.annotations[annotations.changeCause] || '<none>',
    ]);
    const width = Math.max('REVISION'.length, ...rows.map(([number]) => number.length)) + 2;
    lines.push(
      `${header} `,
      `${'REVISION'.padEnd(width)}CHANGE-CAUSE`,
      ...rows.map(([number, cause]) => `${number.padEnd(width)}${cause}`),
      '',
    );
  }
  const stdout = lines.map((line) => `${line}\n`).join('');
  return errors.length ? fail(errors.join('\n'), stdout) : ok(stdout);
}

function undo(env: KubectlEnv, namespace: string, positional: string[], flags: Flags): CommandResult {
  const found = targets(env, 'undo', namespace, positional);
  if (!Array.isArray(found)) return found;
  const toRevision = flags['to-revision'] ?? 0;
  if (toRevision < 0) return fail(rolloutErrors.negativeRevision());
  return eachDeployment(env, namespace, found, (deployment) => {
    const plan = planRollback(deployment, env.engine.store.dependentsOf(deployment.metadata.uid, 'ReplicaSet'), toRevision);
    if (plan.kind === 'error') return { error: kubectlErrors.prefixed(plan.message) };
    if (plan.kind === 'skipped') return { line: `deployment.apps/${deployment.metadata.name} ${rolloutErrors.skipped(plan.revision)}` };
    const updated = env.engine.api.update(deployment, 'spec', (target) => {
      target.spec.template = plan.template;
      target.metadata.annotations = plan.annotations;
    });
    return updated.ok ? { line: `deployment.apps/${deployment.metadata.name} rolled back` } : { error: formatApiError(updated.error) };
  });
}

function restart(env: KubectlEnv, namespace: string, positional: string[]): CommandResult {
  const found = targets(env, 'restart', namespace, positional);
  if (!Array.isArray(found)) return found;
  const at = isoTime(env.engine.clock.now());
  return eachDeployment(env, namespace, found, (deployment) => {
    if (deployment.spec.paused) return { error: kubectlErrors.prefixed(rolloutErrors.restartPaused()) };
    if (deployment.spec.template.metadata.annotations[annotations.restartedAt] === at)
      return { error: kubectlErrors.prefixed(rolloutErrors.restartTooSoon(deployment.metadata.name)) };
    const template = structuredClone(deployment.spec.template);
    template.metadata.annotations[annotations.restartedAt] = at;
    const updated = env.engine.api.update(deployment, 'spec', (target) => {
      target.spec.template = template;
    });
    return updated.ok ? { line: `deployment.apps/${deployment.metadata.name} restarted` } : { error: formatApiError(updated.error) };
  });
}

function pauseOrResume(env: KubectlEnv, namespace: string, positional: string[], pause: boolean): CommandResult {
  const found = targets(env, pause ? 'pause' : 'resume', namespace, positional);
  if (!Array.isArray(found)) return found;
  return eachDeployment(env, namespace, found, (deployment) => {
    if (Boolean(deployment.spec.paused) === pause)
      return {
        error: kubectlErrors.prefixed(
          pause ? rolloutErrors.alreadyPaused(deployment.metadata.name) : rolloutErrors.notPaused(deployment.metadata.name),
        ),
      };
    const updated = env.engine.api.update(deployment, 'spec', (target) => {
      if (pause) target.spec.paused = true;
      else delete target.spec.paused;
    });
    return updated.ok
      ? { line: `deployment.apps/${deployment.metadata.name} ${pause ? 'paused' : 'resumed'}` }
      : { error: formatApiError(updated.error) };
  });
}

/** Runs `act` on each named Deployment, printing its line or collecting its error, like the real commands' loops. */
function eachDeployment(
  env: KubectlEnv,
  namespace: string,
  tuples: Tuple[],
  act: (deployment: Deployment) => { line: string } | { error: string },
): CommandResult {
  const lines: string[] = [];
  const errors: string[] = [];
  for (const tuple of tuples) {
    const deployment = find(env, namespace, tuple);
    if (typeof deployment === 'string') {
      errors.push(deployment);
      continue;
    }
    const result = act(deployment);
    if ('line' in result) lines.push(result.line);
    else errors.push(result.error);
    env.engine.afterChange();
  }
  const stdout = lines.map((line) => `${line}\n`).join('');
  return errors.length ? fail(errors.join('\n'), stdout) : ok(stdout);
}

const flagSpecs = [
  { name: 'namespace', short: 'n', type: 'string' },
  { name: 'watch', short: 'w', type: 'bool' },
  { name: 'timeout', type: 'string' },
  { name: 'revision', type: 'int' },
  { name: 'to-revision', type: 'int' },
] as const;
type Flags = { timeout?: string; watch?: boolean; revision?: number; 'to-revision'?: number };

/** Which flags each subcommand takes (the rest are unknown to it, as cobra says). */
const subcommandFlags: Record<Subcommand, readonly string[]> = {
  status: ['namespace', 'watch', 'timeout', 'revision'],
  history: ['namespace', 'revision'],
  undo: ['namespace', 'to-revision'],
  restart: ['namespace'],
  pause: ['namespace'],
  resume: ['namespace'],
};

export function kubectlRollout(env: KubectlEnv, args: string[]): CommandResult {
  const [sub, ...rest] = args;
  // Bare, or asked for help before any subcommand: the command's own help, as kubectl does.
  if (!sub || sub === '--help' || sub === '-h') return ok(helpFor('rollout') ?? '');
  if (!(rolloutSubcommands as readonly string[]).includes(sub)) return fail(rolloutErrors.unknownSubcommand(sub));
  const verb = sub as Subcommand;
  if (rest.includes('--help') || rest.includes('-h')) return ok(helpFor(`rollout ${verb}`) ?? '');
  const specs = flagSpecs.filter((spec) => subcommandFlags[verb].includes(spec.name));
  const parsed = parseArgs(rest, specs);
  if ('error' in parsed) return fail(parsed.error);
  const flags = parsed.flags as Flags & { namespace?: string };
  const namespace = flags.namespace ?? contextNamespace(env.engine);
  switch (verb) {
    case 'status':
      return status(env, namespace, parsed.positional, flags);
    case 'history':
      return history(env, namespace, parsed.positional, flags);
    case 'undo':
      return undo(env, namespace, parsed.positional, flags);
    case 'restart':
      return restart(env, namespace, parsed.positional);
    case 'pause':
    case 'resume':
      return pauseOrResume(env, namespace, parsed.positional, verb === 'pause');
  }
}
