import type { ClusterView, EventView } from '@/lib/cluster';
import { formatGoDuration } from '@/lib/cluster/util/duration';

/**
 * Why an event happened: which component acted, the rule it followed, the facts in
 * docs/kubernetes-behaviour.md behind it, and the chapter section that teaches it. One template
 * per event reason, as data; tests/labs/why.test.ts fails when a reason the model emits has none.
 */
export interface Explanation {
  /** The component that records the event, as the events' SOURCE column names it. */
  by: string;
  /** The rule, in a sentence or two. */
  rule: string;
  /** Rows of docs/kubernetes-behaviour.md. */
  facts: readonly number[];
  /** "chapter#heading-id": where the site teaches it. */
  section?: string;
}

const kubelet = 'kubelet';
const nodeController = 'node-controller (node lifecycle controller)';

export const eventExplanations: Readonly<Record<string, Explanation>> = Object.freeze({
  // The scheduler
  Scheduled: {
    by: 'default-scheduler',
    rule: 'The scheduler filtered the nodes, scored the ones left, and bound the pod to the best: the kubelet there starts it.',
    facts: [23],
    section: 'control-plane#kube-scheduler-choosing-a-node',
  },
  FailedScheduling: {
    by: 'default-scheduler',
    rule: 'No node passed every filter. The message counts, per reason, the nodes each filter turned away; the pod stays Pending and is tried again when the cluster changes.',
    facts: [23, 24],
    section: 'control-plane#kube-scheduler-choosing-a-node',
  },
  Preempted: {
    by: 'default-scheduler',
    rule: 'A pending pod of higher priority fitted nowhere, so the scheduler picked this lower-priority pod to remove and make room.',
    facts: [],
    section: 'placing-pods#priority-and-preemption',
  },
  // The kubelet: images, containers, probes
  Pulling: {
    by: kubelet,
    rule: 'The container needs its image on the node: the kubelet asks the runtime to pull it (always for :latest, else only when it is missing).',
    facts: [43],
    section: 'running-an-app#step-5-the-kubelet-has-the-runtime-pull-the-images',
  },
  Pulled: {
    by: kubelet,
    rule: 'The image is on the node (just pulled, or already cached), so the container can be created.',
    facts: [43],
    section: 'running-an-app#step-5-the-kubelet-has-the-runtime-pull-the-images',
  },
  Failed: {
    by: kubelet,
    rule: 'A step of starting the container failed: most often the image could not be pulled (ErrImagePull), or the container could not be created.',
    facts: [44],
    section: 'rolling-updates#a-rollout-stuck-on-a-bad-image',
  },
  ErrImageNeverPull: {
    by: kubelet,
    rule: 'The pod says imagePullPolicy: Never and the image is not on the node, so the kubelet will not start it.',
    facts: [43],
  },
  InspectFailed: {
    by: kubelet,
    rule: 'The kubelet could not read the image name or its details, so the container cannot start.',
    facts: [44],
  },
  BackOff: {
    by: kubelet,
    rule: 'After a failure (the container exited, or its image would not pull) the kubelet waits before trying again: 10 s, doubling each time up to 5 minutes. That wait is CrashLoopBackOff or ImagePullBackOff.',
    facts: [38, 44, 45],
    section: 'probes-and-termination#restarts-and-crashloopbackoff',
  },
  Created: {
    by: kubelet,
    rule: 'The runtime created the container from its image.',
    facts: [],
    section: 'running-an-app#step-6-the-kubelet-has-the-runtime-start-the-containers',
  },
  Started: {
    by: kubelet,
    rule: 'The runtime started the container process.',
    facts: [],
    section: 'running-an-app#step-6-the-kubelet-has-the-runtime-start-the-containers',
  },
  Killing: {
    by: kubelet,
    rule: 'The kubelet stops the container: the pod was deleted, or a liveness or startup probe failed too often. It sends the stop signal, then kills it when the grace period runs out.',
    facts: [37, 51],
    section: 'probes-and-termination#how-a-pod-stops',
  },
  Unhealthy: {
    by: kubelet,
    rule: 'A probe failed. Readiness failures only take the pod out of its Services; liveness failures, failureThreshold times in a row, restart the container.',
    facts: [35, 36, 37],
    section: 'probes-and-termination#three-probes',
  },
  ProbeWarning: { by: kubelet, rule: 'A probe passed but with a warning (a redirect, say): it counts as success.', facts: [35] },
  ExceededGracePeriod: {
    by: kubelet,
    rule: 'The container did not stop within its grace period after the stop signal, so it was killed.',
    facts: [51],
    section: 'probes-and-termination#how-a-pod-stops',
  },
  FailedKillPod: { by: kubelet, rule: 'The kubelet could not stop the pod’s containers; it keeps trying.', facts: [] },
  FailedPreStopHook: { by: kubelet, rule: 'The preStop hook failed; the container is stopped anyway.', facts: [51] },
  FailedPostStartHook: { by: kubelet, rule: 'The postStart hook failed, so the kubelet killed the container.', facts: [] },
  OOMKilled: {
    by: kubelet,
    rule: 'The container went over its memory limit and the kernel’s OOM killer ended it (exit code 137).',
    facts: [41],
    section: 'probes-and-termination#oomkilled-the-memory-limit-at-work',
  },
  Evicted: { by: kubelet, rule: 'The node ran short of a resource and the kubelet evicted this pod to reclaim it.', facts: [] },
  SandboxChanged: {
    by: kubelet,
    rule: 'The pod’s sandbox changed (the node rebooted, say), so its containers are created again.',
    facts: [],
  },
  // The kubelet: its node
  Starting: {
    by: kubelet,
    rule: 'The kubelet service started on the node and begins to post its status.',
    facts: [1],
    section: 'worker-nodes#the-kubelet',
  },
  NodeReady: {
    by: kubelet,
    rule: 'The kubelet found the node healthy again and posted Ready.',
    facts: [1, 2],
    section: 'node-failure#when-the-node-comes-back',
  },
  NodeNotReady: {
    by: `${kubelet} or ${nodeController}`,
    rule: 'The node stopped being Ready: its kubelet reported a problem (a stopped runtime), or the node lifecycle controller heard nothing for the grace period and set Ready to Unknown. Its pods lose Ready at once.',
    facts: [6, 7, 9],
    section: 'node-failure#the-node-lifecycle-controller-notices-the-silence',
  },
  NodeHasSufficientMemory: {
    by: kubelet,
    rule: 'The kubelet reports the node has enough memory (the MemoryPressure condition is False).',
    facts: [1],
  },
  NodeHasNoDiskPressure: {
    by: kubelet,
    rule: 'The kubelet reports the node has enough disk (the DiskPressure condition is False).',
    facts: [1],
  },
  NodeHasSufficientPID: {
    by: kubelet,
    rule: 'The kubelet reports the node has enough process IDs (the PIDPressure condition is False).',
    facts: [1],
  },
  NodeAllocatableEnforced: {
    by: kubelet,
    rule: 'The kubelet set up the cgroups that hold pods to the node’s allocatable resources.',
    facts: [],
  },
  NodeSchedulable: {
    by: kubelet,
    rule: 'The node was uncordoned: the scheduler may place new pods on it again.',
    facts: [26],
    section: 'maintenance#uncordon',
  },
  NodeNotSchedulable: {
    by: kubelet,
    rule: 'The node was cordoned: its pods stay, but the scheduler places no new pods on it.',
    facts: [26],
    section: 'maintenance#cordon-no-new-pods',
  },
  Rebooted: { by: kubelet, rule: 'The kubelet noticed the machine restarted since it last ran.', facts: [] },
  // The control plane's controllers
  RegisteredNode: { by: nodeController, rule: 'The node lifecycle controller started watching a new node.', facts: [5] },
  RemovingNode: { by: nodeController, rule: 'The node object was deleted, so the controller stops watching it.', facts: [] },
  DeletingNode: { by: nodeController, rule: 'The cloud reports the machine gone, so its node object is deleted.', facts: [] },
  TaintManagerEviction: {
    by: 'taint-eviction-controller',
    rule: 'The node carries a NoExecute taint the pod does not tolerate, or tolerates only for a while (300 s by default for not-ready and unreachable): when that time is up the pod is deleted.',
    facts: [12, 13, 15],
    section: 'node-failure#why-pods-wait-five-minutes',
  },
  SuccessfulCreate: {
    by: 'replicaset, statefulset or daemonset controller',
    rule: 'The controller counted fewer pods than it wants (pods being deleted do not count) and created one.',
    facts: [16, 19],
    section: 'control-plane#kube-controller-manager-reconcile-loops',
  },
  FailedCreate: {
    by: 'replicaset, statefulset or daemonset controller',
    rule: 'The controller tried to create a pod and the API server refused it; it tries again later.',
    facts: [],
    section: 'control-plane#kube-controller-manager-reconcile-loops',
  },
  SuccessfulDelete: {
    by: 'replicaset, statefulset or daemonset controller',
    rule: 'The controller counted more pods than it wants (a scale-down, a rollout) and deleted one.',
    facts: [],
    section: 'control-plane#kube-controller-manager-reconcile-loops',
  },
  FailedDelete: {
    by: 'replicaset, statefulset or daemonset controller',
    rule: 'The controller could not delete a pod it no longer wants.',
    facts: [],
  },
  RecreatingFailedPod: {
    by: 'statefulset-controller',
    rule: 'A StatefulSet pod failed, so the controller deletes it and makes it again under the same name.',
    facts: [19],
  },
  ScalingReplicaSet: {
    by: 'deployment-controller',
    rule: 'The Deployment controller resized a ReplicaSet: to follow a new replica count, or step by step during a rollout (maxSurge and maxUnavailable).',
    facts: [],
    section: 'rolling-updates#maxsurge-and-maxunavailable',
  },
  DeploymentRollback: {
    by: 'deployment-controller',
    rule: 'The Deployment went back to an earlier template.',
    facts: [],
    section: 'rolling-updates#history-and-undo',
  },
  FailedToUpdateEndpoint: {
    by: 'endpoint-controller',
    rule: 'The Endpoints object of a Service could not be written; the controller retries.',
    facts: [29],
  },
  FailedToUpdateEndpointSlices: {
    by: 'endpoint-slice-controller',
    rule: 'The EndpointSlices of a Service could not be written; the controller retries.',
    facts: [30],
  },
  NoPods: { by: 'controllermanager (disruption controller)', rule: 'A PodDisruptionBudget selects no pods.', facts: [] },
});

export interface EventWhy extends Explanation {
  reason: string;
  /** When it was seen, and how often: the inputs a reader compares with the clock. */
  when: string;
  message: string;
  /** This event's own causes, read from the cluster: the taint and its clock, the node's state, the restart count. */
  inputs: string[];
}

type EventInputs = (event: Pick<EventView, 'object' | 'namespace' | 'message' | 'firstTimestamp'>, view: ClusterView) => string[];

const podOf = (event: Pick<EventView, 'object' | 'namespace'>, view: ClusterView) => {
  const [kind, name] = event.object.split('/');
  return kind === 'pod' ? view.pods.find((p) => p.name === name && p.namespace === event.namespace) : undefined;
};

/** What the simulation knows about a node that kubectl cannot show: why it went silent. */
function nodeCause(node: ClusterView['nodes'][number]): string | undefined {
  if (node.machine === 'poweredOff') return `${node.name}'s machine is powered off, so its kubelet posts nothing.`;
  if (node.network === 'partitioned')
    return `${node.name} is cut off from the API server: its pods still run, but nothing it posts arrives.`;
  if (node.kubelet === 'stopped' || node.kubelet === 'off')
    return `The kubelet on ${node.name} is stopped, so nobody posts the node's status.`;
  if (!node.runtimeUp) return `The container runtime on ${node.name} is down: the kubelet reports the node not ready itself.`;
  return undefined;
}

/** Per reason, the inputs behind one event, as the cluster holds them now. */
const eventInputs: Readonly<Record<string, EventInputs>> = {
  TaintManagerEviction: (event, view) => {
    const pod = podOf(event, view);
    const node = pod?.node ? view.nodes.find((n) => n.name === pod.node) : undefined;
    if (!pod || !node) return [];
    const lines: string[] = [];
    for (const taint of node.taints.filter((t) => t.effect === 'NoExecute')) {
      const since = taint.timeAdded === null ? '' : ` since ${formatGoDuration(taint.timeAdded)}`;
      const limits = pod.timedTolerations.filter((t) => t.key === '' || t.key === taint.key).map((t) => t.seconds);
      if (limits.length === 0) {
        lines.push(`${node.name} has carried ${taint.text}${since}; ${pod.name} has no toleration for it, so it goes at once.`);
        continue;
      }
      const seconds = Math.min(...limits);
      const due = taint.timeAdded === null ? '' : `, so its time was up at ${formatGoDuration(taint.timeAdded + seconds * 1000)}`;
      lines.push(`${node.name} has carried ${taint.text}${since}; ${pod.name} tolerates it for ${seconds}s${due}.`);
    }
    const cause = nodeCause(node);
    return cause ? [cause, ...lines] : lines;
  },
  NodeNotReady: (event, view) => {
    // Recorded on the node, and on each of its pods as they lose Ready.
    const [kind, name] = event.object.split('/');
    const nodeName = kind === 'pod' ? podOf(event, view)?.node : name;
    const node = view.nodes.find((n) => n.name === nodeName);
    const cause = node && nodeCause(node);
    return cause ? [cause] : [];
  },
  BackOff: (event, view) => {
    const pod = podOf(event, view);
    if (!pod) return [];
    if (/pull/i.test(event.message))
      return [`${pod.name} waits for ${pod.waitingImage ?? 'its image'}: each failed pull doubles the wait, from 10s up to 300s.`];
    const exit = pod.lastTermination ? ` Its last exit: ${pod.lastTermination.reason}, code ${pod.lastTermination.exitCode}.` : '';
    return [
      `${pod.name} has restarted ${pod.restarts} times; each wait doubles from 10s up to 300s, and the count resets after 10 minutes without a failure.${exit}`,
    ];
  },
  OOMKilled: (event, view) => {
    const end = podOf(event, view)?.lastTermination;
    return end
      ? [`The container ${end.container} ended with ${end.reason}, exit code ${end.exitCode}, at ${formatGoDuration(end.finishedAt)}.`]
      : [];
  },
};

const fallback: Explanation = { by: 'the cluster', rule: 'No explanation is written for this event yet.', facts: [] };

/** The explanation for one event, with its own timing and, given the cluster, its own causes. */
export function explainEvent(
  event: Pick<EventView, 'reason' | 'message' | 'firstTimestamp' | 'lastTimestamp' | 'count' | 'source' | 'object' | 'namespace'>,
  view?: ClusterView,
): EventWhy {
  const template = Object.hasOwn(eventExplanations, event.reason) ? eventExplanations[event.reason] : fallback;
  const first = formatGoDuration(event.firstTimestamp);
  const when =
    event.count > 1
      ? `Seen ${event.count} times from ${first} to ${formatGoDuration(event.lastTimestamp)}, recorded by ${event.source}.`
      : `Seen at ${first}, recorded by ${event.source}.`;
  const inputs = view && Object.hasOwn(eventInputs, event.reason) ? eventInputs[event.reason](event, view) : [];
  return { ...template, reason: event.reason, when, message: event.message, inputs };
}

/** Events every healthy pod and node produces: explained last, when room is left. */
const routine = new Set([
  'Scheduled',
  'Pulling',
  'Pulled',
  'Created',
  'Started',
  'SuccessfulCreate',
  'RegisteredNode',
  'NodeReady',
  'Starting',
]);

const reasonColumn = /^(\s*)(.*?\b)(REASON|Reason)\b/;

/**
 * The explanations for the events a command printed: the rows of `kubectl get events` (or
 * `kubectl events`) and the Events: table of `kubectl describe`, one per reason, each with the
 * newest such event's timing and causes.
 */
export function explainOutput(stdout: string, view: ClusterView, limit = 8): EventWhy[] {
  const reasons: string[] = [];
  let column = -1;
  for (const line of stdout.split('\n')) {
    const header = reasonColumn.exec(line);
    if (header && /\b(TYPE|Type)\b/.test(line)) {
      column = header[1].length + header[2].length;
      continue;
    }
    if (column < 0) continue;
    if (line.trim() === '' || (line.length > 0 && !/^\s/.test(line) && /:$/.test(line))) {
      column = -1;
      continue;
    }
    const word = /^[A-Z][A-Za-z]+/.exec(line.slice(column))?.[0];
    if (word && Object.hasOwn(eventExplanations, word) && !reasons.includes(word)) reasons.push(word);
  }
  const whys: EventWhy[] = [];
  for (const reason of reasons) {
    const newest = view.events.filter((e) => e.reason === reason).at(-1);
    if (newest) whys.push(explainEvent(newest, view));
  }
  // Warnings first, then what changed the cluster, then the routine steps every pod goes through.
  const rank = (why: EventWhy) =>
    view.events.some((e) => e.reason === why.reason && e.type === 'Warning') ? 0 : routine.has(why.reason) ? 2 : 1;
  return whys.sort((a, b) => rank(a) - rank(b)).slice(0, limit);
}
