// What every rollout strategy shares, after pkg/controller/deployment/sync.go: finding (or
// creating) the new ReplicaSet and syncing revisions, scaling a ReplicaSet with its annotations
// and event, proportional scaling when only the replica count changed (or the Deployment is
// paused), the cleanup of old ReplicaSets past revisionHistoryLimit, and the status.
import { involved } from '../apiserver/apiserver';
import { objectKey } from '../apiserver/store';
import type { SimContext } from '../engine/context';
import type { Condition, Deployment, ReplicaSet } from '../api/types';
import { templateHash } from '../util/rng';
import {
  annotations,
  annotationsToSkip,
  byCreation,
  conditionMessages,
  conditionOf,
  deploymentComplete,
  deploymentDefaults,
  findNewReplicaSet,
  hasProgressDeadline,
  maxRevision,
  maxSurgeOf,
  maxUnavailableOf,
  newCondition,
  reasons,
  revisionOf,
  scalingMessage,
  setDeploymentCondition,
  strategyOf,
  sumAvailable,
  sumReady,
  sumSpecReplicas,
  sumStatusReplicas,
  templateHashLabel,
} from './deployment.util';
import { ownerRef } from './podutil';

const source = 'deployment-controller';

/** The ReplicaSets a sync works with: the new one (if any) and the others, oldest first. */
export interface RolloutSets {
  newRS: ReplicaSet | undefined;
  oldRSs: ReplicaSet[];
}

export const allOf = ({ newRS, oldRSs }: RolloutSets): ReplicaSet[] => (newRS ? [...oldRSs, newRS] : oldRSs);
export const activeOf = (replicaSets: readonly ReplicaSet[]) => replicaSets.filter((rs) => rs.spec.replicas > 0);

/** copyDeploymentAnnotationsToReplicaSet: the Deployment's own annotations (change-cause...) onto the RS. */
function copyAnnotations(deployment: Deployment, target: Record<string, string>): boolean {
  let changed = false;
  for (const [key, value] of Object.entries(deployment.metadata.annotations)) {
    if (annotationsToSkip.has(key) || target[key] === value) continue;
    target[key] = value;
    changed = true;
  }
  return changed;
}

/** SetReplicasAnnotations: desired-replicas and max-replicas (replicas + maxSurge), read back by proportional scaling. */
function setReplicasAnnotations(target: Record<string, string>, desired: number, max: number): boolean {
  const [d, m] = [String(desired), String(max)];
  if (target[annotations.desiredReplicas] === d && target[annotations.maxReplicas] === m) return false;
  target[annotations.desiredReplicas] = d;
  target[annotations.maxReplicas] = m;
  return true;
}

/**
 * SetNewReplicaSetAnnotations: change-cause and friends, the revision (keeping the old one in
 * revision-history), and for a ReplicaSet about to be created its replica annotations.
 */
function setNewReplicaSetAnnotations(deployment: Deployment, target: Record<string, string>, revision: number, creating: boolean): boolean {
  let changed = copyAnnotations(deployment, target);
  const old = target[annotations.revision];
  const oldNumber = old === undefined ? 0 : Number(old);
  if (oldNumber < revision) {
    target[annotations.revision] = String(revision);
    if (old !== undefined) {
      const history = target[annotations.revisionHistory];
      target[annotations.revisionHistory] = history ? `${history},${old}` : old;
    }
    changed = true;
  }
  if (!creating) return changed;
  return setReplicasAnnotations(target, deployment.spec.replicas, deployment.spec.replicas + maxSurgeOf(deployment)) || changed;
}

/** Writes the Deployment's status when it differs (conditions compared field by field). */
const sameConditions = (a: readonly Condition[] = [], b: readonly Condition[] = []) =>
  a.length === b.length &&
  a.every((c, i) => {
    const d = b[i];
    return (
      c.type === d.type &&
      c.status === d.status &&
      c.reason === d.reason &&
      c.message === d.message &&
      c.lastTransitionTime === d.lastTransitionTime &&
      c.lastUpdateTime === d.lastUpdateTime
    );
  });

export function sameStatus(a: Deployment['status'], b: Deployment['status']): boolean {
  return (
    a.replicas === b.replicas &&
    a.updatedReplicas === b.updatedReplicas &&
    a.readyReplicas === b.readyReplicas &&
    a.availableReplicas === b.availableReplicas &&
    a.unavailableReplicas === b.unavailableReplicas &&
    a.observedGeneration === b.observedGeneration &&
    sameConditions(a.conditions, b.conditions)
  );
}

export function writeStatus(ctx: SimContext, deployment: Deployment, status: Deployment['status']): void {
  if (sameStatus(status, deployment.status)) return;
  const written = ctx.client.update(deployment, 'status', (target) => {
    target.status = status;
  });
  // The informer's update event brings the Deployment back, and a rollout that is now complete
  // cleans up its old ReplicaSets then. The watch here skips status writes, so the controller
  // queues it itself, only when that next sync has something to do.
  if (written.ok && deploymentComplete(deployment, status))
    ctx.queues.deployment.add(objectKey(deployment.metadata.namespace, deployment.metadata.name));
}

/**
 * Whether a copy of the conditions still holds the very same condition objects: then the status
 * serialises exactly as before, and the JSON comparison (costly on every sync) can be skipped.
 */
function sameElements(copy: readonly Condition[], original: readonly Condition[] | undefined): boolean {
  if (!Array.isArray(original) || copy.length !== original.length) return false;
  for (let i = 0; i < copy.length; i++) if (copy[i] !== original[i]) return false;
  return true;
}

/**
 * getAllReplicaSetsAndSyncRevision / getNewReplicaSet: the new ReplicaSet gets revision max(old)+1
 * and the Deployment's annotations; with `create`, a missing one is made (replicas from the strategy).
 */
export function replicaSetsAndSyncRevision(ctx: SimContext, deployment: Deployment, owned: ReplicaSet[], create: boolean): RolloutSets {
  const existing = findNewReplicaSet(deployment, owned);
  const oldRSs = owned.filter((rs) => rs !== existing).sort(byCreation);
  const revision = maxRevision(oldRSs) + 1;
  const conditions = [...(deployment.status.conditions ?? [])];
  const now = ctx.clock.now();
  let newRS = existing;
  if (existing) {
    const draft = { ...existing.metadata.annotations };
    const annotated = setNewReplicaSetAnnotations(deployment, draft, revision, false);
    const minReady = deployment.spec.minReadySeconds ?? 0;
    if (annotated || (existing.spec.minReadySeconds ?? 0) !== minReady) {
      // Like upstream, the ReplicaSet's update ends this step: the Deployment syncs again on its event.
      ctx.client.update(existing, 'metadata', (target) => {
        target.metadata.annotations = draft;
        target.spec.minReadySeconds = minReady;
      });
    }
    if (hasProgressDeadline(deployment) && !conditionOf(conditions, 'Progressing'))
      setDeploymentCondition(
        conditions,
        newCondition('Progressing', 'True', reasons.foundNewReplicaSet, conditionMessages.found(existing.metadata.name), now),
      );
  } else if (create) {
    newRS = createReplicaSet(ctx, deployment, owned, revision);
    if (!newRS) return { newRS: undefined, oldRSs };
    if (hasProgressDeadline(deployment))
      setDeploymentCondition(
        conditions,
        newCondition('Progressing', 'True', reasons.newReplicaSetCreated, conditionMessages.created(newRS.metadata.name), now),
      );
  }
  if (newRS) {
    const revisionText = newRS.metadata.annotations[annotations.revision] ?? String(revision);
    const status = { ...deployment.status, conditions };
    if (
      deployment.metadata.annotations[annotations.revision] !== revisionText ||
      (!sameElements(conditions, deployment.status.conditions) && JSON.stringify(status) !== JSON.stringify(deployment.status))
    ) {
      // The revision annotation goes with the status write (UpdateStatus keeps annotations): no new generation.
      ctx.client.update(deployment, 'status', (target) => {
        target.metadata.annotations = { ...target.metadata.annotations, [annotations.revision]: revisionText };
        target.status = status;
      });
    }
  }
  return { newRS, oldRSs };
}

function createReplicaSet(ctx: SimContext, deployment: Deployment, owned: ReplicaSet[], revision: number): ReplicaSet | undefined {
  const template = structuredClone(deployment.spec.template);
  const hash = templateHash(deployment.spec.template);
  template.metadata.labels[templateHashLabel] = hash;
  const rsAnnotations: Record<string, string> = {};
  setNewReplicaSetAnnotations(deployment, rsAnnotations, revision, true);
  const replicas = newReplicaSetReplicas(deployment, owned, 0);
  const created = ctx.client.create<'ReplicaSet'>({
    kind: 'ReplicaSet',
    metadata: {
      name: `${deployment.metadata.name}-${hash}`,
      namespace: deployment.metadata.namespace,
      labels: { ...deployment.spec.template.metadata.labels, [templateHashLabel]: hash },
      annotations: rsAnnotations,
      ownerReferences: [ownerRef(deployment)],
    },
    spec: {
      replicas,
      selector: { ...deployment.spec.selector, [templateHashLabel]: hash },
      template,
      minReadySeconds: deployment.spec.minReadySeconds ?? 0,
    },
    status: { replicas: 0, readyReplicas: 0, availableReplicas: 0 },
  });
  if (!created.ok) return undefined;
  if (replicas > 0)
    ctx.client.record(
      involved(deployment),
      'Normal',
      'ScalingReplicaSet',
      scalingMessage('up', created.value.metadata.name, 0, replicas),
      source,
    );
  return created.value;
}

/** NewRSNewReplicas: Recreate goes straight to replicas; RollingUpdate adds up to replicas + maxSurge in all. */
export function newReplicaSetReplicas(deployment: Deployment, all: readonly ReplicaSet[], current: number): number {
  if (strategyOf(deployment).type === 'Recreate') return deployment.spec.replicas;
  const maxTotal = deployment.spec.replicas + maxSurgeOf(deployment);
  const currentPods = sumSpecReplicas(all);
  if (currentPods >= maxTotal) return current;
  return current + Math.min(maxTotal - currentPods, deployment.spec.replicas - current);
}

/** scaleReplicaSet: the new size with its annotations, and the ScalingReplicaSet event. Returns whether it scaled. */
export function scaleReplicaSet(ctx: SimContext, deployment: Deployment, rs: ReplicaSet, replicas: number): boolean {
  const from = rs.spec.replicas;
  const draft = { ...rs.metadata.annotations };
  const annotated = setReplicasAnnotations(draft, deployment.spec.replicas, deployment.spec.replicas + maxSurgeOf(deployment));
  if (from === replicas && !annotated) return false;
  const result = ctx.client.update(rs, 'spec', (target) => {
    target.spec.replicas = replicas;
    target.metadata.annotations = draft;
  });
  if (!result.ok || from === replicas) return false;
  const message = scalingMessage(replicas > from ? 'up' : 'down', rs.metadata.name, from, replicas);
  ctx.client.record(involved(deployment), 'Normal', 'ScalingReplicaSet', message, source);
  return true;
}

/** isScalingEvent: an active ReplicaSet was sized for another replica count (desired-replicas annotation). */
export function isScalingEvent(deployment: Deployment, sets: RolloutSets): boolean {
  return activeOf(allOf(sets)).some((rs) => {
    const desired = rs.metadata.annotations[annotations.desiredReplicas];
    return desired !== undefined && Number(desired) !== deployment.spec.replicas;
  });
}

/** getReplicaSetFraction: the RS's share of the new size, from the max-replicas it was sized for. */
function replicaSetFraction(deployment: Deployment, rs: ReplicaSet): number {
  if (deployment.spec.replicas === 0) return -rs.spec.replicas;
  const allowed = deployment.spec.replicas + maxSurgeOf(deployment);
  const annotated = Number(rs.metadata.annotations[annotations.maxReplicas] ?? deployment.status.replicas);
  if (!annotated) return 0;
  return Math.round((rs.spec.replicas * allowed) / annotated) - rs.spec.replicas;
}

/** scale: the one active ReplicaSet takes the new count; mid-rollout every active one scales in proportion. */
export function scale(ctx: SimContext, deployment: Deployment, sets: RolloutSets): void {
  const desired = deployment.spec.replicas;
  const active = activeOf(allOf(sets));
  const activeOrLatest =
    active.length === 1 ? active[0] : active.length === 0 ? (sets.newRS ?? sets.oldRSs[sets.oldRSs.length - 1]) : undefined;
  if (activeOrLatest) {
    if (activeOrLatest.spec.replicas !== desired) scaleReplicaSet(ctx, deployment, activeOrLatest, desired);
    return;
  }
  const { newRS } = sets;
  // IsSaturated: the new ReplicaSet has every replica available, so the old ones can go.
  if (newRS && newRS.spec.replicas === desired && newRS.status.availableReplicas === desired) {
    for (const rs of activeOf(sets.oldRSs)) scaleReplicaSet(ctx, deployment, rs, 0);
    return;
  }
  if (strategyOf(deployment).type !== 'RollingUpdate') return;
  const allowedSize = desired > 0 ? desired + maxSurgeOf(deployment) : 0;
  const toAdd = allowedSize - sumSpecReplicas(active);
  if (toAdd === 0) return;
  // ReplicaSetsBySizeNewer to grow (the largest, then the newest), BySizeOlder to shrink.
  const ordered = [...active].sort((a, b) => {
    if (a.spec.replicas !== b.spec.replicas) return b.spec.replicas - a.spec.replicas;
    return toAdd > 0 ? -byCreation(a, b) : byCreation(a, b);
  });
  const sizes = new Map<ReplicaSet, number>();
  let added = 0;
  for (const rs of ordered) {
    let proportion = 0;
    if (rs.spec.replicas !== 0 && toAdd !== added) {
      const fraction = replicaSetFraction(deployment, rs);
      const allowed = toAdd - added;
      proportion = toAdd > 0 ? Math.min(fraction, allowed) : Math.max(fraction, allowed);
    }
    sizes.set(rs, rs.spec.replicas + proportion);
    added += proportion;
  }
  const leftover = toAdd - added;
  if (leftover !== 0 && ordered.length > 0) {
    const first = ordered[0];
    sizes.set(first, Math.max(0, sizes.get(first)! + leftover));
  }
  for (const rs of ordered) scaleReplicaSet(ctx, deployment, rs, sizes.get(rs)!);
}

/** cleanupDeployment: the oldest ReplicaSets with no pods beyond revisionHistoryLimit are deleted. */
export function cleanupDeployment(ctx: SimContext, deployment: Deployment, oldRSs: readonly ReplicaSet[]): void {
  const limit = deployment.spec.revisionHistoryLimit ?? deploymentDefaults.revisionHistoryLimit;
  const alive = oldRSs.filter((rs) => rs.metadata.deletionTimestamp === undefined);
  const diff = alive.length - limit;
  if (diff <= 0) return;
  const byRevision = [...alive].sort((a, b) => revisionOf(a) - revisionOf(b) || byCreation(a, b));
  for (const rs of byRevision.slice(0, diff)) {
    if (rs.status.replicas !== 0 || rs.spec.replicas !== 0) continue;
    ctx.client.delete('ReplicaSet', rs.metadata.namespace, rs.metadata.name);
  }
}

/** calculateStatus: counts from the ReplicaSets, and Available from maxUnavailable. */
export function calculateStatus(ctx: SimContext, deployment: Deployment, sets: RolloutSets): Deployment['status'] {
  const all = allOf(sets);
  const availableReplicas = sumAvailable(all);
  const conditions = (deployment.status.conditions ?? []).map((condition) => ({ ...condition }));
  const available = availableReplicas >= deployment.spec.replicas - maxUnavailableOf(deployment);
  const now = ctx.clock.now();
  setDeploymentCondition(
    conditions,
    available
      ? newCondition('Available', 'True', reasons.minimumReplicasAvailable, conditionMessages.available, now)
      : newCondition('Available', 'False', reasons.minimumReplicasUnavailable, conditionMessages.unavailable, now),
  );
  return {
    replicas: sumStatusReplicas(all),
    updatedReplicas: sets.newRS ? sets.newRS.status.replicas : 0,
    readyReplicas: sumReady(all),
    availableReplicas,
    unavailableReplicas: Math.max(0, sumSpecReplicas(all) - availableReplicas),
    observedGeneration: deployment.metadata.generation,
    conditions,
  };
}

/** sync: scaling only (a scaling event, or a paused Deployment), then the status without progress. */
export function syncScaleOnly(ctx: SimContext, deployment: Deployment, owned: ReplicaSet[]): void {
  const sets = replicaSetsAndSyncRevision(ctx, deployment, owned, false);
  scale(ctx, deployment, sets);
  if (deployment.spec.paused) cleanupDeployment(ctx, deployment, sets.oldRSs);
  writeStatus(ctx, deployment, calculateStatus(ctx, deployment, sets));
}

/** checkPausedConditions: Progressing Unknown with DeploymentPaused / DeploymentResumed (a timed-out rollout keeps its condition). */
export function checkPausedConditions(ctx: SimContext, deployment: Deployment): void {
  if (!hasProgressDeadline(deployment)) return;
  const current = conditionOf(deployment.status.conditions, 'Progressing');
  if (current?.reason === reasons.timedOut) return;
  const pausedShown = current?.reason === reasons.paused;
  const now = ctx.clock.now();
  let condition: Condition | undefined;
  if (deployment.spec.paused && !pausedShown)
    condition = newCondition('Progressing', 'Unknown', reasons.paused, conditionMessages.paused, now);
  else if (!deployment.spec.paused && pausedShown)
    condition = newCondition('Progressing', 'Unknown', reasons.resumed, conditionMessages.resumed, now);
  if (!condition) return;
  const conditions = (deployment.status.conditions ?? []).map((condition) => ({ ...condition }));
  setDeploymentCondition(conditions, condition);
  writeStatus(ctx, deployment, { ...deployment.status, conditions });
}
