// Pure helpers of the deployment controller, after pkg/controller/deployment/util/deployment_util.go:
// the rollout annotations, the surge / unavailable fenceposts, revisions, which ReplicaSet is the
// new one, the Deployment conditions and pod availability. No store access here.
import type { Condition, ConditionStatus, Deployment, DeploymentStrategy, IntOrPercent, Pod, PodTemplate, ReplicaSet } from '../api/types';

export const templateHashLabel = 'pod-template-hash';

/** The annotations the controller and kubectl keep on Deployments and ReplicaSets. */
export const annotations = Object.freeze({
  revision: 'deployment.kubernetes.io/revision',
  revisionHistory: 'deployment.kubernetes.io/revision-history',
  desiredReplicas: 'deployment.kubernetes.io/desired-replicas',
  maxReplicas: 'deployment.kubernetes.io/max-replicas',
  changeCause: 'kubernetes.io/change-cause',
  lastApplied: 'kubectl.kubernetes.io/last-applied-configuration',
  restartedAt: 'kubectl.kubernetes.io/restartedAt',
});

/** annotationsToSkip: never copied between a Deployment and its ReplicaSets (either way). */
export const annotationsToSkip: ReadonlySet<string> = new Set([
  annotations.lastApplied,
  annotations.revision,
  annotations.revisionHistory,
  annotations.desiredReplicas,
  annotations.maxReplicas,
  'deprecated.deployment.rollback.to',
]);

/** SetDefaults_Deployment (apps/v1): the values a Deployment gets for the fields it leaves out. */
export const deploymentDefaults = Object.freeze({
  maxSurge: '25%' as IntOrPercent,
  maxUnavailable: '25%' as IntOrPercent,
  revisionHistoryLimit: 10,
  progressDeadlineSeconds: 600,
  minReadySeconds: 0,
});

/** The Progressing and Available condition reasons (deployment_util.go), and their messages. */
export const reasons = Object.freeze({
  newReplicaSetCreated: 'NewReplicaSetCreated',
  foundNewReplicaSet: 'FoundNewReplicaSet',
  replicaSetUpdated: 'ReplicaSetUpdated',
  newReplicaSetAvailable: 'NewReplicaSetAvailable',
  timedOut: 'ProgressDeadlineExceeded',
  paused: 'DeploymentPaused',
  resumed: 'DeploymentResumed',
  minimumReplicasAvailable: 'MinimumReplicasAvailable',
  minimumReplicasUnavailable: 'MinimumReplicasUnavailable',
});

export const conditionMessages = Object.freeze({
  created: (rs: string) => `Created new replica set "${rs}"`,
  found: (rs: string) => `Found new replica set "${rs}"`,
  progressing: (rs: string) => `ReplicaSet "${rs}" is progressing.`,
  complete: (rs: string) => `ReplicaSet "${rs}" has successfully progressed.`,
  timedOut: (rs: string) => `ReplicaSet "${rs}" has timed out progressing.`,
  paused: 'Deployment is paused',
  resumed: 'Deployment is resumed',
  available: 'Deployment has minimum availability.',
  unavailable: 'Deployment does not have minimum availability.',
});

export const scalingMessage = (direction: 'up' | 'down', rs: string, from: number, to: number) =>
  `Scaled ${direction} replica set ${rs} from ${from} to ${to}`;

export function strategyOf(deployment: Deployment): DeploymentStrategy {
  return deployment.spec.strategy ?? { type: 'RollingUpdate' };
}

/** intstr.GetScaledValueFromIntOrPercent: a count as is, a percentage of `total` rounded up or down. */
export function scaledValue(value: IntOrPercent, total: number, roundUp: boolean): number | undefined {
  if (typeof value === 'number') return value;
  const match = /^(\d+)%$/.exec(value);
  if (!match) return undefined;
  const exact = (Number(match[1]) * total) / 100;
  return roundUp ? Math.ceil(exact) : Math.floor(exact);
}

/** ResolveFenceposts: maxSurge rounds up, maxUnavailable down; both 0 would stall, so unavailable becomes 1. */
export function resolveFenceposts(deployment: Deployment): { maxSurge: number; maxUnavailable: number } {
  const rolling = strategyOf(deployment).rollingUpdate;
  const desired = deployment.spec.replicas;
  const maxSurge = scaledValue(rolling?.maxSurge ?? deploymentDefaults.maxSurge, desired, true) ?? 0;
  const maxUnavailable = scaledValue(rolling?.maxUnavailable ?? deploymentDefaults.maxUnavailable, desired, false) ?? 0;
  return maxSurge === 0 && maxUnavailable === 0 ? { maxSurge, maxUnavailable: 1 } : { maxSurge, maxUnavailable };
}

/** MaxSurge: 0 for Recreate. */
export function maxSurgeOf(deployment: Deployment): number {
  return strategyOf(deployment).type === 'RollingUpdate' ? resolveFenceposts(deployment).maxSurge : 0;
}

/** MaxUnavailable: 0 for Recreate or no replicas, never more than the replicas. */
export function maxUnavailableOf(deployment: Deployment): number {
  if (strategyOf(deployment).type !== 'RollingUpdate' || deployment.spec.replicas === 0) return 0;
  return Math.min(resolveFenceposts(deployment).maxUnavailable, deployment.spec.replicas);
}

export function revisionOf(object: { metadata: { annotations: Record<string, string> } }): number {
  const text = object.metadata.annotations[annotations.revision];
  const value = text === undefined ? 0 : Number(text);
  return Number.isInteger(value) ? value : 0;
}

export function maxRevision(replicaSets: readonly ReplicaSet[]): number {
  return replicaSets.reduce((max, rs) => Math.max(max, revisionOf(rs)), 0);
}

/** The template with the pod-template-hash label left out, as EqualIgnoreHash compares. */
export function templateWithoutHash(template: PodTemplate): PodTemplate {
  const copy = structuredClone(template);
  delete copy.metadata.labels[templateHashLabel];
  return copy;
}

function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
    return `{${entries
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`)
      .join(',')}}`;
  }
  return JSON.stringify(value);
}

/**
 * Each template's canonical text without the hash, by identity: like templateHash, this relies on
 * templates being replaced, never changed in place (every writer assigns a new template).
 */
const canonicalTemplates = new WeakMap<PodTemplate, string>();

function canonicalWithoutHash(template: PodTemplate): string {
  let text = canonicalTemplates.get(template);
  if (text === undefined) canonicalTemplates.set(template, (text = canonical(templateWithoutHash(template))));
  return text;
}

/** EqualIgnoreHash: two templates equal but for the pod-template-hash label. */
export function equalIgnoreHash(a: PodTemplate, b: PodTemplate): boolean {
  return a === b || canonicalWithoutHash(a) === canonicalWithoutHash(b);
}

/** ReplicaSetsByCreationTimestamp: oldest first, name breaking ties. */
export function byCreation(a: ReplicaSet, b: ReplicaSet): number {
  return a.metadata.creationTimestamp - b.metadata.creationTimestamp || (a.metadata.name < b.metadata.name ? -1 : 1);
}

/** FindNewReplicaSet: the oldest ReplicaSet whose template equals the Deployment's. */
export function findNewReplicaSet(deployment: Deployment, replicaSets: readonly ReplicaSet[]): ReplicaSet | undefined {
  return [...replicaSets].sort(byCreation).find((rs) => equalIgnoreHash(rs.spec.template, deployment.spec.template));
}

export const sumSpecReplicas = (replicaSets: readonly ReplicaSet[]) => replicaSets.reduce((sum, rs) => sum + rs.spec.replicas, 0);
export const sumStatusReplicas = (replicaSets: readonly ReplicaSet[]) => replicaSets.reduce((sum, rs) => sum + rs.status.replicas, 0);
export const sumReady = (replicaSets: readonly ReplicaSet[]) => replicaSets.reduce((sum, rs) => sum + rs.status.readyReplicas, 0);
export const sumAvailable = (replicaSets: readonly ReplicaSet[]) => replicaSets.reduce((sum, rs) => sum + rs.status.availableReplicas, 0);

export function conditionOf(conditions: readonly Condition[] | undefined, type: string): Condition | undefined {
  return conditions?.find((condition) => condition.type === type);
}

export function newCondition(type: string, status: ConditionStatus, reason: string, message: string, now: number): Condition {
  return { type, status, reason, message, lastUpdateTime: now, lastTransitionTime: now };
}

/** SetDeploymentCondition: same status and reason changes nothing; same status keeps the transition time. */
export function setDeploymentCondition(conditions: Condition[], condition: Condition): void {
  const index = conditions.findIndex((existing) => existing.type === condition.type);
  const current = conditions[index];
  if (current && current.status === condition.status && current.reason === condition.reason) return;
  if (current && current.status === condition.status) condition.lastTransitionTime = current.lastTransitionTime;
  if (index === -1) conditions.push(condition);
  else conditions.splice(index, 1, condition);
}

export const hasProgressDeadline = (deployment: Deployment) =>
  deployment.spec.progressDeadlineSeconds !== undefined && deployment.spec.progressDeadlineSeconds < 2147483647;

/** DeploymentComplete: every replica updated and available, and the newest spec observed. */
export function deploymentComplete(deployment: Deployment, status: Deployment['status']): boolean {
  const replicas = deployment.spec.replicas;
  return (
    status.updatedReplicas === replicas &&
    status.replicas === replicas &&
    status.availableReplicas === replicas &&
    (status.observedGeneration ?? 0) >= deployment.metadata.generation
  );
}

/** When the pod's Ready condition last turned True, or undefined when it is not ready. */
export function readySince(pod: Pod): number | undefined {
  const ready = pod.status.conditions.find((condition) => condition.type === 'Ready');
  return ready?.status === 'True' ? ready.lastTransitionTime : undefined;
}

/** IsPodAvailable: ready for at least minReadySeconds (strictly before now, as upstream compares). */
export function podAvailable(pod: Pod, minReadySeconds: number, now: number): boolean {
  const since = readySince(pod);
  if (since === undefined) return false;
  return minReadySeconds === 0 || since + minReadySeconds * 1000 < now;
}
