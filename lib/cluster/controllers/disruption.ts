// The disruption controller: keeps each PodDisruptionBudget's status (how many pods may go).
import { objectKey } from '../apiserver/store';
import type { SimContext } from '../engine/context';
import type { Pod, PodDisruptionBudget } from '../api/types';
import { controllerOf, isPodActive, isPodReady, matchesSelector } from './podutil';

function scaled(value: number | string, total: number, roundUp: boolean): number {
  if (typeof value === 'number') return value;
  const fraction = (Number(value.replace('%', '')) / 100) * total;
  return roundUp ? Math.ceil(fraction) : Math.floor(fraction);
}

/** The pods' desired count, read from their controllers' scale (a Deployment via its ReplicaSet). */
function expectedCount(ctx: SimContext, pods: Pod[]): number {
  const scales = new Map<string, number>();
  let bare = 0;
  for (const pod of pods) {
    const ref = controllerOf(pod);
    if (!ref) {
      bare++;
      continue;
    }
    const key = objectKey(pod.metadata.namespace, ref.name);
    if (ref.kind === 'StatefulSet') scales.set(`sts/${key}`, ctx.listers.get('StatefulSet', key)?.spec.replicas ?? 0);
    else if (ref.kind === 'ReplicaSet') {
      const rs = ctx.listers.get('ReplicaSet', key);
      const deploymentRef = rs && controllerOf(rs);
      const deployment = deploymentRef && ctx.listers.get('Deployment', objectKey(pod.metadata.namespace, deploymentRef.name));
      if (deployment) scales.set(`deploy/${deployment.metadata.name}`, deployment.spec.replicas);
      else scales.set(`rs/${key}`, rs?.spec.replicas ?? 0);
    } else bare++;
  }
  return [...scales.values()].reduce((sum, value) => sum + value, bare);
}

export function podsCoveredBy(ctx: SimContext, pdb: PodDisruptionBudget): Pod[] {
  const out: Pod[] = [];
  for (const pod of ctx.listers.list('Pod')) {
    if (pod.metadata.namespace === pdb.metadata.namespace && matchesSelector(pod.metadata.labels, pdb.spec.selector)) out.push(pod);
  }
  return out;
}

export function computeBudget(ctx: SimContext, pdb: PodDisruptionBudget): PodDisruptionBudget['status'] {
  const pods = podsCoveredBy(ctx, pdb).filter(isPodActive);
  const currentHealthy = pods.filter(isPodReady).length;
  let expectedPods: number;
  let desiredHealthy: number;
  if (pdb.spec.maxUnavailable !== undefined) {
    expectedPods = expectedCount(ctx, pods);
    desiredHealthy = Math.max(0, expectedPods - scaled(pdb.spec.maxUnavailable, expectedPods, true));
  } else if (typeof pdb.spec.minAvailable === 'string') {
    expectedPods = expectedCount(ctx, pods);
    desiredHealthy = scaled(pdb.spec.minAvailable, expectedPods, true);
  } else {
    expectedPods = pods.length;
    desiredHealthy = pdb.spec.minAvailable ?? 0;
  }
  return { currentHealthy, desiredHealthy, expectedPods, disruptionsAllowed: Math.max(0, currentHealthy - desiredHealthy) };
}

export function syncDisruptionBudget(ctx: SimContext, key: string): void {
  const pdb = ctx.listers.get('PodDisruptionBudget', key);
  if (!pdb) return;
  const status = computeBudget(ctx, pdb);
  if (JSON.stringify(status) === JSON.stringify(pdb.status)) return;
  ctx.client.update(pdb, 'status', (target) => {
    target.status = status;
  });
}

export function budgetsForPod(ctx: SimContext, pod: Pod): string[] {
  const keys: string[] = [];
  for (const pdb of ctx.listers.list('PodDisruptionBudget')) {
    if (pdb.metadata.namespace === pod.metadata.namespace && matchesSelector(pod.metadata.labels, pdb.spec.selector)) {
      keys.push(objectKey(pdb.metadata.namespace, pdb.metadata.name));
    }
  }
  return keys;
}
