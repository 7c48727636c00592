// The words kubectl prints for an object's state (pkg/printers/internalversion).
import type { Namespace, Node, Pod } from '../api/types';
import { humanDuration } from '../util/duration';

/** #11: NotReady for Ready=False and Ready=Unknown; ",SchedulingDisabled" when cordoned. */
/** A namespace's phase: Terminating from its deletion until the namespace controller has emptied it. */
export const namespacePhase = (ns: Namespace) => (ns.metadata.deletionTimestamp === undefined ? 'Active' : 'Terminating');

export function nodeStatusWord(node: Node): string {
  const ready = node.status.conditions.find((condition) => condition.type === 'Ready');
  const word = !ready ? 'Unknown' : ready.status === 'True' ? 'Ready' : 'NotReady';
  return node.spec.unschedulable ? `${word},SchedulingDisabled` : word;
}

export function nodeRoles(node: Node): string[] {
  const prefix = 'node-role.kubernetes.io/';
  return Object.keys(node.metadata.labels)
    .filter((key) => key.startsWith(prefix))
    .map((key) => key.slice(prefix.length))
    .sort();
}

/** printPod's STATUS column. */
export function podStatusWord(pod: Pod): string {
  let reason: string = pod.status.reason ?? pod.status.phase;
  // printPod walks the containers from the last, so the first container's reason wins.
  const statuses = pod.status.containerStatuses;
  for (let i = statuses.length - 1; i >= 0; i--) {
    const status = statuses[i];
    if (status.state === 'waiting' && status.reason) reason = status.reason;
    else if (status.state === 'terminated' && status.reason) reason = status.reason;
  }
  // A deleted pod shows Terminating until the kubelet gives it a terminal phase (then its reason shows).
  const terminal = pod.status.phase === 'Succeeded' || pod.status.phase === 'Failed';
  if (pod.metadata.deletionTimestamp !== undefined && pod.status.reason === 'NodeLost') return 'Unknown';
  if (pod.metadata.deletionTimestamp !== undefined && !terminal) return 'Terminating';
  return reason;
}

export function podReadyColumn(pod: Pod): string {
  const ready = pod.status.containerStatuses.filter((status) => status.ready).length;
  return `${ready}/${pod.spec.containers.length}`;
}

export function podRestartsColumn(pod: Pod, now: number): string {
  const restarts = pod.status.containerStatuses.reduce((sum, status) => sum + status.restartCount, 0);
  // printPod: the latest lastState.terminated.finishedAt (a restart after the node lost its containers has only its time).
  const last = Math.max(
    -Infinity,
    ...pod.status.containerStatuses.map((status) => status.lastState?.finishedAt ?? status.lastRestartAt ?? -Infinity),
  );
  return restarts > 0 && Number.isFinite(last) ? `${restarts} (${humanDuration(now - last)} ago)` : String(restarts);
}

export function age(now: number, since: number): string {
  return humanDuration(now - since);
}
