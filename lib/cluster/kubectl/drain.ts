// kubectl drain (#26): cordon, refuse pods drain must not touch unless overridden, then evict
// through the Eviction API, retrying every 5s while a PodDisruptionBudget answers 429, and wait
// for the evicted pods to go. Like the real command it blocks, so simulated time passes.
import { isStaticPod } from '../engine/bootstrap';
import { defaults } from '../engine/config';
import { computeBudget } from '../controllers/disruption';
import { controllerOf, matchesSelector } from '../controllers/podutil';
import { apiErrors, formatApiError, kubectlErrors, type ApiError } from '../api/errors';
import type { Engine } from '../engine/engine';
import type { Pod } from '../api/types';
import { limits } from '../api/limits';
import { formatGoDuration, parseDuration } from '../util/duration';
import type { KubectlEnv } from './env';
import { parseArgs } from './flags';
import { setCondition } from '../controllers/podutil';
import { selectNodes, setUnschedulable } from './cordon';
import { fail, type CommandResult } from './result';
import { isDeleted, waitHorizon } from './wait';

const podName = (pod: Pod) => `${pod.metadata.namespace}/${pod.metadata.name}`;

/** The Eviction API: refuses with 429 while a matching budget allows no disruption. */
export function evict(engine: Engine, pod: Pod): ApiError | undefined {
  for (const pdb of engine.store.list('PodDisruptionBudget')) {
    if (pdb.metadata.namespace !== pod.metadata.namespace || !matchesSelector(pod.metadata.labels, pdb.spec.selector)) continue;
    if (computeBudget(engine, pdb).disruptionsAllowed <= 0) return apiErrors.disruptionBudget();
  }
  // #51 the eviction subresource marks the pod before its graceful delete (pkg/registry/core/pod/storage/eviction.go).
  const now = engine.clock.now();
  engine.api.update(pod, 'status', (target) => {
    setCondition(target.status.conditions, 'DisruptionTarget', 'True', now, 'EvictionByEvictionAPI', 'Eviction API: evicting');
  });
  const result = engine.api.delete('Pod', pod.metadata.namespace, pod.metadata.name);
  if (!result.ok) return result.error;
  engine.afterChange();
  return undefined;
}

interface Selection {
  evict: Pod[];
  warnings: string[];
  errors: string[];
}

function selectPods(engine: Engine, node: string, flags: { [flag: string]: unknown }): Selection {
  const groups = { daemonSet: [] as Pod[], unmanaged: [] as Pod[], localStorage: [] as Pod[] };
  const selection: Selection = { evict: [], warnings: [], errors: [] };
  for (const pod of engine.store.podsOnNode(node)) {
    if (pod.metadata.deletionTimestamp !== undefined || isStaticPod(pod)) continue;
    const finished = pod.status.phase === 'Succeeded' || pod.status.phase === 'Failed';
    const owner = controllerOf(pod);
    if (owner?.kind === 'DaemonSet' && !finished) {
      groups.daemonSet.push(pod);
      continue;
    }
    if (pod.spec.volumes.some((volume) => volume.emptyDir) && !finished) groups.localStorage.push(pod);
    if (!owner && !finished) groups.unmanaged.push(pod);
    selection.evict.push(pod);
  }
  const rule = (pods: Pod[], allowed: unknown, refusal: string, warning: string) => {
    if (pods.length === 0) return;
    const names = pods.map(podName).join(', ');
    if (allowed === true) selection.warnings.push(`${warning}: ${names}`);
    else selection.errors.push(`${refusal}: ${names}`);
  };
  rule(groups.daemonSet, flags['ignore-daemonsets'], kubectlErrors.drainDaemonSet, kubectlErrors.drainIgnoringDaemonSet);
  rule(groups.localStorage, flags['delete-emptydir-data'], kubectlErrors.drainLocalStorage, kubectlErrors.drainDeletingLocalStorage);
  rule(groups.unmanaged, flags.force, kubectlErrors.drainUnmanaged, kubectlErrors.drainDeletingUnmanaged);
  return selection;
}

export function kubectlDrain(env: KubectlEnv, args: string[]): CommandResult {
  const parsed = parseArgs(args, [
    { name: 'ignore-daemonsets', type: 'bool' },
    { name: 'force', type: 'bool' },
    { name: 'delete-emptydir-data', type: 'bool' },
    { name: 'timeout', type: 'string' },
    { name: 'grace-period', type: 'int' },
  ]);
  if ('error' in parsed) return fail(parsed.error);
  // One node at a time here (real kubectl drains several in turn); NAME or node/NAME.
  if (parsed.positional.length !== 1) return fail(kubectlErrors.usage('drain NODE [flags]'));
  const timeoutText = parsed.flags.timeout;
  // --timeout=0 (the default) means no timeout: the simulator stops at its horizon instead.
  const timeout = timeoutText === undefined ? 0 : parseDuration(timeoutText);
  if (timeout === undefined) return fail(kubectlErrors.invalidDuration(timeoutText ?? '', '--timeout'));
  // drain blocks while simulated time passes: no longer than one `sim advance` may.
  if (timeout > limits.maxAdvanceMs) return fail(kubectlErrors.waitTooLong('--timeout', timeout));
  const nodes = selectNodes(env, 'drain', parsed.positional, undefined);
  if (!Array.isArray(nodes)) return nodes;
  const [name] = nodes;
  const { engine } = env;
  const cordoned = setUnschedulable(env, name, true);
  if (cordoned.exitCode !== 0) return cordoned;
  engine.afterChange();
  const out: string[] = [cordoned.stdout.trimEnd()];
  const err: string[] = [];
  const selection = selectPods(engine, name, parsed.flags);
  if (selection.errors.length > 0) {
    const summary = selection.errors.length === 1 ? selection.errors[0] : `[${selection.errors.join(', ')}]`;
    // RunDrain returns the aggregate, which CheckErr prints as one "error: ..." line.
    err.push(...kubectlErrors.drainFailed(name, summary));
    return { stdout: out.join('\n') + '\n', stderr: err.join('\n') + '\n', exitCode: 1 };
  }
  for (const warning of selection.warnings) err.push(kubectlErrors.warning(warning));
  const start = engine.clock.now();
  const horizon = waitHorizon(selection.evict.map((pod) => pod.spec.terminationGracePeriodSeconds));
  const deadline = start + (timeout === 0 ? horizon : timeout);
  const done = (stdout: string[], stderr: string[], exitCode: number): CommandResult => ({
    stdout: stdout.length ? `${stdout.join('\n')}\n` : '',
    stderr: stderr.length ? `${stderr.join('\n')}\n` : '',
    exitCode,
  });
  // What kubectl prints when a pod's eviction or wait failed: per node, then the aggregate error.
  const failed = (problems: string[]) => {
    const aggregate = problems.length === 1 ? problems[0] : `[${problems.join(', ')}]`;
    err.push(...kubectlErrors.drainFailed(name, aggregate));
    return done(out, err, 1);
  };
  const interrupted = () => {
    err.push(kubectlErrors.waitInterrupted('kubectl drain', engine.clock.now() - start, 'forever when --timeout is 0'));
    return done(out, err, 130);
  };
  const gone = (pod: Pod) =>
    isDeleted(engine, { kind: 'Pod', namespace: pod.metadata.namespace, name: pod.metadata.name, uid: pod.metadata.uid });
  let pending = selection.evict;
  const evicted: Pod[] = [];
  while (pending.length > 0) {
    const blocked: Pod[] = [];
    for (const pod of pending) {
      out.push(`evicting pod ${podName(pod)}`);
      const error = evict(engine, pod);
      if (!error) evicted.push(pod);
      else if (error.code === 429) {
        err.push(kubectlErrors.drainEvictRetry(pod.metadata.name, pod.metadata.namespace, error.message));
        blocked.push(pod);
      } else return done(out, [...err, formatApiError(error)], 1);
    }
    pending = blocked;
    if (pending.length === 0) break;
    if (engine.clock.now() + defaults.drainRetryIntervalMs > deadline) {
      // Pods already evicted and gone were reported as they went, before the timeout.
      for (const pod of evicted) if (gone(pod)) out.push(`pod/${pod.metadata.name} evicted`);
      if (timeout === 0) return interrupted();
      return failed(
        pending.map((pod) => kubectlErrors.drainEvictTimeout(pod.metadata.name, pod.metadata.namespace, formatGoDuration(timeout))),
      );
    }
    engine.advanceTo(engine.clock.now() + defaults.drainRetryIntervalMs);
  }
  for (const pod of evicted) {
    // waitForDelete polls every second.
    while (!gone(pod) && engine.clock.now() < deadline) engine.advanceTo(Math.min(deadline, engine.clock.now() + 1000));
    if (!gone(pod)) {
      if (timeout === 0) return interrupted();
      return failed(
        evicted
          .filter((other) => !gone(other))
          .map((other) => kubectlErrors.drainWaitTimeout(other.metadata.name, other.metadata.namespace)),
      );
    }
    out.push(`pod/${pod.metadata.name} evicted`);
  }
  out.push(`node/${name} drained`);
  return done(out, err, 0);
}
