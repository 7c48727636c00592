// Rolling back a Deployment in apps/v1: the controller's old spec.rollbackTo (rollback.go) is gone,
// and kubectl does it instead (polymorphichelpers rollback.go, history.go): find the ReplicaSet of
// the wanted revision and copy its template (without pod-template-hash) and its annotations into
// the Deployment. The controller then sees that ReplicaSet as the new one and gives it the next
// revision. Pure functions over the Deployment's ReplicaSets; the kubectl side writes the result.
import type { Deployment, PodTemplate, ReplicaSet } from '../api/types';
import { annotations, annotationsToSkip, equalIgnoreHash, revisionOf, templateWithoutHash } from './deployment.util';

export const rollbackErrors = Object.freeze({
  paused: "you cannot rollback a paused deployment; resume it first with 'kubectl rollout resume' and try again",
  noHistory: (name: string) => `no rollout history found for deployment "${name}"`,
  noRevision: (revision: number) => `unable to find specified revision ${revision} in history`,
});

/** Each revision's template as `rollout history` shows it: the ReplicaSet's change-cause joins its annotations. */
export function revisionTemplates(replicaSets: readonly ReplicaSet[]): Map<number, PodTemplate> {
  const history = new Map<number, PodTemplate>();
  for (const rs of replicaSets) {
    const revision = revisionOf(rs);
    if (revision === 0) continue;
    const template = structuredClone(rs.spec.template);
    const cause = rs.metadata.annotations[annotations.changeCause];
    if (cause) template.metadata.annotations[annotations.changeCause] = cause;
    history.set(revision, template);
  }
  return new Map([...history].sort(([a], [b]) => a - b));
}

export type RollbackPlan =
  | { kind: 'error'; message: string }
  | { kind: 'skipped'; revision: number }
  | { kind: 'rollback'; template: PodTemplate; annotations: Record<string, string> };

/** rsForRevision plus DeploymentRollbacker.Rollback: what `rollout undo --to-revision` would write. */
export function planRollback(deployment: Deployment, replicaSets: readonly ReplicaSet[], toRevision: number): RollbackPlan {
  if (deployment.spec.paused) return { kind: 'error', message: rollbackErrors.paused };
  const byRevision = new Map<number, ReplicaSet>();
  for (const rs of replicaSets) if (revisionOf(rs) > 0) byRevision.set(revisionOf(rs), rs);
  const revisions = [...byRevision.keys()].sort((a, b) => a - b);
  let target: ReplicaSet | undefined;
  if (toRevision === 0) {
    if (revisions.length <= 1) return { kind: 'error', message: rollbackErrors.noHistory(deployment.metadata.name) };
    target = byRevision.get(revisions[revisions.length - 2]);
  } else target = byRevision.get(toRevision);
  if (!target) return { kind: 'error', message: rollbackErrors.noRevision(toRevision) };
  if (equalIgnoreHash(target.spec.template, deployment.spec.template)) return { kind: 'skipped', revision: revisionOf(target) };
  const next: Record<string, string> = {};
  for (const [key, value] of Object.entries(deployment.metadata.annotations)) if (annotationsToSkip.has(key)) next[key] = value;
  for (const [key, value] of Object.entries(target.metadata.annotations)) if (!annotationsToSkip.has(key)) next[key] = value;
  return { kind: 'rollback', template: templateWithoutHash(target.spec.template), annotations: next };
}
