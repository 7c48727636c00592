// The StatefulSet controller (OrderedReady): pods name-0, name-1, ... created one at a time.
// #19 at most one pod per identity: while a pod object exists, even Terminating, no replacement.
import { involved } from '../apiserver/apiserver';
import type { SimContext } from '../engine/context';
import type { Pod, StatefulSet } from '../api/types';
import { createPod, mayCreatePods } from './podcontrol';
import { isPodActive, isPodReady, podFromTemplate } from './podutil';

const ordinalOf = (sts: StatefulSet, pod: Pod) => Number(pod.metadata.name.slice(sts.metadata.name.length + 1));

export function syncStatefulSet(ctx: SimContext, key: string): void {
  const sts = ctx.listers.get('StatefulSet', key);
  if (!sts || sts.metadata.deletionTimestamp !== undefined) return;
  const { namespace, name } = sts.metadata;
  const owned = ctx.listers.dependentsOf(sts.metadata.uid, 'Pod');
  const byOrdinal = new Map(owned.map((pod) => [ordinalOf(sts, pod), pod]));
  for (let ordinal = 0; ordinal < sts.spec.replicas; ordinal++) {
    const pod = byOrdinal.get(ordinal);
    if (!pod) {
      const podName = `${name}-${ordinal}`;
      if (ctx.listers.get('Pod', `${namespace}/${podName}`)) return;
      const draft = podFromTemplate(sts.spec.template, {
        name: podName,
        namespace,
        owner: sts,
        labels: { 'statefulset.kubernetes.io/pod-name': podName, 'apps.kubernetes.io/pod-index': String(ordinal) },
      });
      // updateIdentity: the pod's stable network identity, PODNAME.SERVICENAME in DNS (#119).
      draft.spec.hostname = podName;
      draft.spec.subdomain = sts.spec.serviceName || undefined;
      if (mayCreatePods(ctx, sts)) {
        createPod(ctx, sts, draft, {
          source: 'statefulset-controller',
          created: `create Pod ${podName} in StatefulSet ${name} successful`,
          failed: (error) => `create Pod ${podName} in StatefulSet ${name} failed error: ${error}`,
        });
      }
      break;
    }
    if (pod.status.phase === 'Failed' && isPodActive(pod)) {
      ctx.client.delete('Pod', namespace, pod.metadata.name);
      break;
    }
    // Wait for each pod to be Running and Ready before the next (and for Terminating ones to go).
    if (!isPodActive(pod) || !isPodReady(pod)) break;
  }
  const condemned = owned.filter((pod) => ordinalOf(sts, pod) >= sts.spec.replicas).sort((a, b) => ordinalOf(sts, b) - ordinalOf(sts, a));
  const victim = condemned[0];
  if (victim && isPodActive(victim)) {
    if (ctx.client.delete('Pod', namespace, victim.metadata.name).ok) {
      ctx.client.record(
        involved(sts),
        'Normal',
        'SuccessfulDelete',
        `delete Pod ${victim.metadata.name} in StatefulSet ${name} successful`,
        'statefulset-controller',
      );
    }
  }
  updateStatus(ctx, sts);
}

function updateStatus(ctx: SimContext, sts: StatefulSet): void {
  const counts = ctx.podCounts(sts.metadata.uid);
  const ready = counts.activeReady;
  const status = { replicas: counts.total, readyReplicas: ready, availableReplicas: ready, currentReplicas: counts.total };
  const current = sts.status;
  if (
    current.replicas === status.replicas &&
    current.readyReplicas === ready &&
    current.availableReplicas === ready &&
    current.currentReplicas === status.currentReplicas
  )
    return;
  ctx.client.update(sts, 'status', (target) => {
    target.status = status;
  });
}
