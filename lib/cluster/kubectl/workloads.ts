// kubectl create (its generators are in create.ts), scale and delete.
import { createGenerated } from './create';
import { argumentsWithFiles, createFromFiles, deletionsFromFiles } from './fromfiles';
import { contextNamespace } from './kubeconfig';
import { formatApiError, kubectlErrors } from '../api/errors';
import type { KubectlEnv } from './env';
import { parseArgs } from './flags';
import { checkErr, type Found, planSelection, readBlocked, visitPlan, visited } from './builder';
import { fail, ok, type CommandResult } from './result';
import type { ResourceType } from './resources';
import { advanceUntil, isDeleted, waitHorizon, type Awaited } from './wait';
import { formatGoDuration, parseDuration } from '../util/duration';

/** create's own flags that take a value, so the subcommand can be found after them (cobra's stripFlags). */
const createValueFlags = new Set(['-n', '--namespace', '-f', '--filename']);

export function kubectlCreate(env: KubectlEnv, args: string[]): CommandResult {
  // A generator parses its own flags, wherever they are: find its name past create's leading flags.
  let at = 0;
  while (at < args.length && args[at].startsWith('-')) at += createValueFlags.has(args[at]) ? 2 : 1;
  if (at < args.length) {
    const generated = createGenerated(env, [args[at], ...args.slice(0, at), ...args.slice(at + 1)]);
    if (generated) return generated;
  }
  const parsed = parseArgs(args, [
    { name: 'namespace', short: 'n', type: 'string' },
    { name: 'filename', short: 'f', type: 'strings' },
    { name: 'save-config', type: 'bool' },
  ]);
  if ('error' in parsed) return fail(parsed.error);
  const files = parsed.flags.filename ?? [];
  if (files.length > 0) {
    if (parsed.positional.length > 0) return fail(kubectlErrors.unexpectedArgs(parsed.positional));
    return readBlocked(env) ?? createFromFiles(env, files, parsed.flags.namespace, parsed.flags['save-config'] === true);
  }
  const [what] = parsed.positional;
  if (what === 'namespace' || what === 'ns') return createNamespace(env, parsed.positional.slice(1));
  return fail(what ? kubectlErrors.unknownCreateSubcommand(what) : kubectlErrors.filenameRequired());
}

/** kubectl create namespace NAME: the API server validates the name (a DNS label) and labels it. */
function createNamespace(env: KubectlEnv, names: string[]): CommandResult {
  if (names.length !== 1) return fail(kubectlErrors.exactlyOneName(names.length));
  const [name] = names;
  const created = env.engine.api.create<'Namespace'>({ kind: 'Namespace', metadata: { name } });
  return created.ok ? ok(`namespace/${name} created\n`) : fail(formatApiError(created.error));
}

export function kubectlScale(env: KubectlEnv, args: string[]): CommandResult {
  const parsed = parseArgs(args, [
    { name: 'namespace', short: 'n', type: 'string' },
    { name: 'replicas', type: 'int' },
    { name: 'current-replicas', type: 'int' },
    { name: 'selector', short: 'l', type: 'string' },
    { name: 'all', type: 'bool' },
  ]);
  if ('error' in parsed) return fail(parsed.error);
  const replicas = parsed.flags.replicas;
  // --current-replicas: a precondition each object must meet before it is scaled (-1: none).
  const current = parsed.flags['current-replicas'] ?? -1;
  if (replicas === undefined) return fail(kubectlErrors.requiredFlag('replicas'));
  if (replicas < 0) return fail(kubectlErrors.negativeScale());
  if (parsed.positional.length === 0) return fail(kubectlErrors.requiredResourceNotSpecified());
  const plan = planSelection(parsed.positional, {
    namespace: parsed.flags.namespace ?? contextNamespace(env.engine),
    selector: parsed.flags.selector,
    all: parsed.flags.all,
    requireSelection: true,
  });
  if ('error' in plan) return fail(plan.error);
  const blocked = readBlocked(env);
  if (blocked) return blocked;
  const lines: string[] = [];
  const { found, errors } = visitPlan(env, plan);
  if (found.length === 0) return fail(errors.length > 0 ? checkErr(errors) : kubectlErrors.noObjectsToScale());
  for (const { type, object } of found) {
    const name = object.metadata.name;
    // The builder found the object; the scale subresource it then patches exists only for the
    // replicated kinds, and kubectl stops at the first failed scale (#76).
    if (object.kind !== 'Deployment' && object.kind !== 'ReplicaSet' && object.kind !== 'StatefulSet')
      return fail([...errors, kubectlErrors.noScaleSubresource()].join('\n'), lines.map((line) => `${line}\n`).join(''));
    if (current >= 0 && object.spec.replicas !== current) {
      errors.push(kubectlErrors.scalePrecondition(current, object.spec.replicas));
      continue;
    }
    const updated = env.engine.api.update(object, 'spec', (target) => {
      target.spec.replicas = replicas;
    });
    if (updated.ok) lines.push(`${type.qualified}/${name} scaled`);
    else errors.push(formatApiError(updated.error));
  }
  return visited(lines, errors);
}

/** kubectl delete's own default: --timeout=0 means wait "forever", which it caps at a week. */
const deleteForeverMs = 168 * 3_600_000;

/**
 * Waits for deleted objects to be gone (kubectl wait's IsDeleted). Undefined when they all went;
 * kubectl's timeout error when an explicit --timeout ran out; the simulator's interruption when
 * the wait would outlast what one command simulates.
 */
function waitForDeletion(
  env: KubectlEnv,
  awaited: readonly (Awaited & { type: ResourceType; grace: number })[],
  timeout: number,
): { message: string; exitCode: number } | undefined {
  const { engine } = env;
  const limit = timeout === 0 ? deleteForeverMs : timeout;
  const horizon = waitHorizon(awaited.map((target) => target.grace));
  const start = engine.clock.now();
  const deadline = start + Math.min(limit, horizon);
  if (advanceUntil(engine, deadline, () => awaited.every((target) => isDeleted(engine, target)))) return undefined;
  const left = awaited.find((target) => !isDeleted(engine, target))!;
  if (limit <= horizon) return { message: kubectlErrors.waitTimedOut(left.type.plural, left.name), exitCode: 1 };
  const promised =
    timeout === 0 ? `up to ${formatGoDuration(deleteForeverMs)} when --timeout is 0` : `up to --timeout=${formatGoDuration(timeout)}`;
  return { message: kubectlErrors.waitInterrupted('kubectl delete', engine.clock.now() - start, promised), exitCode: 130 };
}

export function kubectlDelete(env: KubectlEnv, args: string[]): CommandResult {
  const parsed = parseArgs(args, [
    { name: 'namespace', short: 'n', type: 'string' },
    { name: 'force', type: 'bool' },
    { name: 'grace-period', type: 'int' },
    { name: 'wait', type: 'bool' },
    { name: 'timeout', type: 'string' },
    { name: 'now', type: 'bool' },
    { name: 'selector', short: 'l', type: 'string' },
    { name: 'field-selector', type: 'string' },
    { name: 'all', type: 'bool' },
    { name: 'all-namespaces', short: 'A', type: 'bool' },
    { name: 'filename', short: 'f', type: 'strings' },
  ]);
  if ('error' in parsed) return fail(parsed.error);
  const force = parsed.flags.force === true;
  // kubectl: --grace-period=0 without --force means 1s; --force alone means 0.
  let grace = parsed.flags['grace-period'] ?? (parsed.flags.now ? 1 : -1);
  if (grace === 0 && !force) grace = 1;
  if (force && grace < 0) grace = 0;
  const timeoutText = parsed.flags.timeout;
  const timeout = timeoutText === undefined ? 0 : parseDuration(timeoutText);
  if (timeout === undefined) return fail(kubectlErrors.invalidDuration(timeoutText ?? '', '--timeout'));
  const files = parsed.flags.filename ?? [];
  let selection: { found: Found[]; errors: string[] };
  if (files.length > 0) {
    const refused = argumentsWithFiles(parsed.positional);
    if (refused) return fail(refused);
    const blocked = readBlocked(env);
    if (blocked) return blocked;
    const fromFiles = deletionsFromFiles(env, files, parsed.flags.namespace, parsed.flags.selector);
    if ('error' in fromFiles) return fail(fromFiles.error);
    selection = fromFiles;
  } else {
    if (parsed.positional.length === 0) return fail(kubectlErrors.noArgumentsForDelete());
    const plan = planSelection(parsed.positional, {
      namespace: parsed.flags.namespace ?? contextNamespace(env.engine),
      allNamespaces: parsed.flags['all-namespaces'] === true,
      selector: parsed.flags.selector,
      fieldSelector: parsed.flags['field-selector'],
      all: parsed.flags.all,
      requireSelection: true,
    });
    if ('error' in plan) return fail(plan.error);
    const types = 'tuples' in plan.target ? plan.target.tuples.map((tuple) => tuple.type) : plan.target.types;
    if (types.some((type) => type.kind === 'Event')) return fail(kubectlErrors.eventsNotDeleted());
    const blocked = readBlocked(env);
    if (blocked) return blocked;
    selection = visitPlan(env, plan);
  }
  const lines: string[] = [];
  const { found, errors } = selection;
  // A selection that matched nothing is not an error: kubectl says so on stdout.
  if (found.length === 0 && errors.length === 0) return ok('No resources found\n');
  let warned = false;
  const awaited: (Awaited & { type: ResourceType; grace: number })[] = [];
  for (const { type, object: before } of found) {
    const kind = before.kind;
    const objectNamespace = type.namespaced ? before.metadata.namespace : '';
    const name = before.metadata.name;
    const result = env.engine.api.delete(kind, objectNamespace, name, grace >= 0 ? grace : undefined);
    if (!result.ok) {
      errors.push(formatApiError(result.error));
      continue;
    }
    if (grace === 0 && force && !warned) {
      warned = true;
      errors.unshift(kubectlErrors.forceDeleteWarning());
    }
    lines.push(`${type.qualified} "${name}" ${grace === 0 && force ? 'force deleted' : 'deleted'}`);
    const podGrace = before.kind === 'Pod' ? before.spec.terminationGracePeriodSeconds : 0;
    awaited.push({ kind, namespace: objectNamespace, name, uid: before.metadata.uid, type, grace: grace >= 0 ? grace : podGrace });
  }
  // --wait (the default): kubectl prints "deleted" first, then waits until every object is gone.
  if (parsed.flags.wait !== false && awaited.length > 0) {
    const waited = waitForDeletion(env, awaited, timeout);
    if (waited) errors.push(waited.message);
    if (waited) return { stdout: lines.map((line) => `${line}\n`).join(''), stderr: `${errors.join('\n')}\n`, exitCode: waited.exitCode };
  }
  const stdout = lines.map((line) => `${line}\n`).join('');
  const failed = errors.some((line) => !line.startsWith('Warning:'));
  return { stdout, stderr: errors.join('\n') + (errors.length ? '\n' : ''), exitCode: failed ? 1 : 0 };
}
