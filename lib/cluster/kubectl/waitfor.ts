// kubectl wait --for=delete | condition=TYPE[=VALUE] | jsonpath='{PATH}'[=VALUE] (kubectl/pkg/cmd/wait):
// the objects are found once, then each in turn gets up to --timeout (30s by default) of
// simulated time to meet the condition; each that does prints "TYPE/NAME condition met", and the
// first that does not ends the command. For delete, objects already gone count as deleted.
import { contextNamespace } from './kubeconfig';
import { apiErrors, formatApiError, kubectlErrors, waitErrors } from '../api/errors';
import { limits } from '../api/limits';
import type { AnyObject } from '../api/types';
import { objectKey } from '../apiserver/store';
import { type Found, notFound, planSelection, readBlocked, visitPlan } from './builder';
import { argumentsWithFiles, liveFromFiles } from './fromfiles';
import type { KubectlEnv } from './env';
import { namespaceFlags, parseArgs } from './flags';
import { apiObject, type Json, type JsonObject } from './output/objects';
import { isJsonObject } from './output/json';
import { jsonpath } from './output/jsonpath';
import { fail, ok, type CommandResult } from './result';
import { advanceUntil } from './wait';
import { formatGoDuration, parseDuration } from '../util/duration';

type Condition =
  | { kind: 'delete' }
  | { kind: 'create' }
  | { kind: 'condition'; type: string; value: string }
  | { kind: 'jsonpath'; template: string; value: string | undefined };

/** conditionFuncFor: what --for names, or why it names nothing kubectl knows. */
function parseFor(text: string): Condition | { error: string } {
  if (text.toLowerCase() === 'delete') return { kind: 'delete' };
  if (text.toLowerCase() === 'create') return { kind: 'create' };
  const condition = /^condition=([^=]+)(?:=(.*))?$/i.exec(text);
  if (condition) return { kind: 'condition', type: condition[1], value: condition[2] ?? 'True' };
  if (text.startsWith('jsonpath=')) {
    // The expression, then optionally `=VALUE` after its closing brace; quotes around the value go.
    const rest = text.slice('jsonpath='.length);
    const end = rest.startsWith('{') ? rest.indexOf('}') + 1 : rest.indexOf('=') === -1 ? rest.length : rest.indexOf('=');
    const expression = rest.slice(0, end);
    const after = rest.slice(end);
    if (!expression || (after && !after.startsWith('='))) return { error: waitErrors.jsonpathFormat() };
    const template = expression.startsWith('{') ? expression : `{${expression.startsWith('.') ? '' : '.'}${expression}}`;
    const value = after ? after.slice(1).replace(/^['"]+|['"]+$/g, '') : undefined;
    if (value === '') return { error: waitErrors.jsonpathEmptyValue() };
    return { kind: 'jsonpath', template, value };
  }
  return { error: waitErrors.unrecognizedCondition(text) };
}

const objectOf = (value: Json | undefined): JsonObject | undefined => (isJsonObject(value) ? value : undefined);

/** The condition checked on the object as the API serves it (names and statuses compared case-insensitively). */
function met(condition: Exclude<Condition, { kind: 'delete' } | { kind: 'create' }>, served: JsonObject): boolean {
  if (condition.kind === 'jsonpath') {
    let text: string;
    try {
      text = jsonpath(condition.template, served);
    } catch {
      return false;
    }
    return condition.value === undefined ? text !== '' : text === condition.value;
  }
  const status = objectOf(served.status);
  const generation = objectOf(served.metadata)?.generation;
  // A status that has not yet seen the latest spec says nothing about it.
  if (typeof status?.observedGeneration === 'number' && typeof generation === 'number' && status.observedGeneration < generation)
    return false;
  const conditions = Array.isArray(status?.conditions) ? status.conditions : [];
  return conditions.some((entry) => {
    const { type, status: value } = objectOf(entry) ?? {};
    return (
      typeof type === 'string' &&
      typeof value === 'string' &&
      type.toLowerCase() === condition.type.toLowerCase() &&
      value.toLowerCase() === condition.value.toLowerCase()
    );
  });
}

/** --timeout: Go's duration; 0 checks once, a negative one means a week (kubectl's "forever"). */
function timeoutMs(text: string | undefined): number | undefined {
  if (text === undefined) return 30_000;
  if (text.startsWith('-')) return parseDuration(text.slice(1)) === undefined ? undefined : 7 * 24 * 3_600_000;
  return text === '0' ? 0 : parseDuration(text);
}

/**
 * The objects to wait for, found afresh on each call: the files' objects as the API has them
 * (-f), or the resource arguments' selection; or why the arguments name nothing.
 */
function selection(
  env: KubectlEnv,
  positional: readonly string[],
  flags: { namespace?: string; 'all-namespaces'?: boolean; selector?: string; all?: boolean; filename?: string[] },
): (() => { found: Found[]; errors: string[] }) | { error: string } {
  const files = flags.filename ?? [];
  if (files.length > 0) {
    const refused = argumentsWithFiles(positional);
    if (refused) return { error: refused };
    const read = liveFromFiles(env, files, flags.namespace, flags.selector);
    if ('error' in read) return read;
    return () => {
      const named = liveFromFiles(env, files, flags.namespace, flags.selector);
      if ('error' in named) return { found: [], errors: [named.error] };
      return {
        found: named.flatMap(({ type, live }) => (live ? [{ type, object: live }] : [])),
        errors: named.flatMap(({ type, name, live }) => (live ? [] : [notFound(type, name)])),
      };
    };
  }
  if (positional.length === 0) return { error: kubectlErrors.resourcesRequired() };
  const plan = planSelection(positional, {
    namespace: flags.namespace ?? contextNamespace(env.engine),
    allNamespaces: flags['all-namespaces'] === true,
    selector: flags.selector,
    all: flags.all,
    requireSelection: true,
  });
  if ('error' in plan) return plan;
  return () => visitPlan(env, plan);
}

export function kubectlWait(env: KubectlEnv, args: string[]): CommandResult {
  const parsed = parseArgs(args, [
    ...namespaceFlags,
    { name: 'for', type: 'string' },
    { name: 'timeout', type: 'string' },
    { name: 'selector', short: 'l', type: 'string' },
    { name: 'all', type: 'bool' },
    { name: 'filename', short: 'f', type: 'strings' },
  ]);
  if ('error' in parsed) return fail(parsed.error);
  const forText = parsed.flags.for;
  if (forText === undefined) return fail(waitErrors.forRequired());
  const condition = parseFor(forText);
  if ('error' in condition) return fail(condition.error);
  const timeout = timeoutMs(parsed.flags.timeout);
  if (timeout === undefined) return fail(kubectlErrors.invalidDuration(parsed.flags.timeout ?? '', '--timeout'));
  const select = selection(env, parsed.positional, parsed.flags);
  if ('error' in select) return fail(select.error);
  const blocked = readBlocked(env);
  if (blocked) return blocked;
  const { engine } = env;
  if (condition.kind === 'create') {
    // Upstream polls the finder until it finds something; every object found then counts as created.
    const start = engine.clock.now();
    const horizon = limits.kubectlWaitHorizonMs;
    const exists = () => {
      const { found, errors } = select();
      return found.length > 0 && errors.length === 0;
    };
    if (!advanceUntil(engine, start + Math.min(timeout, horizon), exists)) {
      if (timeout <= horizon) return fail(waitErrors.createTimedOut());
      return fail(
        kubectlErrors.waitInterrupted('kubectl wait', engine.clock.now() - start, `up to --timeout=${formatGoDuration(timeout)}`),
        '',
        130,
      );
    }
    return ok(
      select()
        .found.map(({ type, object }) => `${type.qualified}/${object.metadata.name} condition met\n`)
        .join(''),
    );
  }
  const { found, errors } = select();
  const deleting = condition.kind === 'delete';
  // Waiting for deletion, an object already gone is deleted (the finder ignores NotFound).
  if (errors.length > 0 && !deleting) return fail(errors[0]);
  if (found.length === 0) return deleting ? ok() : fail(waitErrors.noMatchingResources());
  let stdout = '';
  for (const { type, object } of found) {
    const key = objectKey(type.namespaced ? object.metadata.namespace : '', object.metadata.name);
    const current = (): AnyObject | undefined => {
      const stored = engine.store.get(object.kind, key);
      return stored?.metadata.uid === object.metadata.uid ? stored : undefined;
    };
    const done = () => {
      const now = current();
      if (deleting) return now === undefined;
      return now !== undefined && met(condition, apiObject(now, engine));
    };
    const start = engine.clock.now();
    // One command simulates at most this long: a longer wait is interrupted, like a learner's Ctrl+C.
    const horizon = limits.kubectlWaitHorizonMs;
    if (advanceUntil(engine, start + Math.min(timeout, horizon), done)) {
      stdout += `${type.qualified}/${object.metadata.name} condition met\n`;
      continue;
    }
    if (!deleting && current() === undefined)
      return fail(formatApiError(apiErrors.notFound(type.groupResource, object.metadata.name)), stdout);
    if (timeout <= horizon) return fail(kubectlErrors.waitTimedOut(type.plural, object.metadata.name), stdout);
    return fail(
      kubectlErrors.waitInterrupted('kubectl wait', engine.clock.now() - start, `up to --timeout=${formatGoDuration(timeout)}`),
      stdout,
      130,
    );
  }
  return ok(stdout);
}
