import { createCluster } from '@/lib/cluster';

/** A DaemonSet of one fluent-bit container, optionally only on nodes with the given label. */
const daemonSet = (name: string, nodeSelector?: string) => `
apiVersion: apps/v1
kind: DaemonSet
metadata: { name: ${name} }
spec:
  selector: { matchLabels: { app: ${name} } }
  template:
    metadata: { labels: { app: ${name} } }
    spec:
${nodeSelector ? `      nodeSelector: { ${nodeSelector} }\n` : ''}      containers: [{ name: agent, image: "fluent/fluent-bit:3.1" }]
`;

const agent = daemonSet('log-agent');

describe('DaemonSet pods on a node that stops answering', () => {
  // Reference #18: the controller keeps a scheduled pod that tolerates the NoExecute taints
  // (NodeShouldRunDaemonPod's shouldContinueRunning), even though the node's unreachable:NoSchedule
  // taint would stop a new pod from being placed there.
  it('#18 a DaemonSet without tolerations of its own keeps its pod on an unreachable node', () => {
    const cluster = createCluster({ seed: 5, workers: 3, files: { 'agent.yaml': agent } });
    for (const line of ['kubectl apply -f agent.yaml', 'sim advance 30s', 'sim node fail worker-3', 'sim advance 7m']) {
      expect(cluster.exec(line).exitCode).toBe(0);
    }
    const onNode = cluster.view().pods.filter((p) => p.ownerName === 'log-agent' && p.node === 'worker-3');
    expect(onNode.map((p) => p.status)).toEqual(['Running']);
  });
});

describe('DaemonSet counts as nodes change one by one', () => {
  const onSsd = daemonSet('ssd-agent', 'disk: ssd');
  // The taints a daemon pod tolerates without tolerations of its own (#18).
  const tolerated = new Set([
    'node.kubernetes.io/not-ready:NoExecute',
    'node.kubernetes.io/unreachable:NoExecute',
    'node.kubernetes.io/disk-pressure:NoSchedule',
    'node.kubernetes.io/memory-pressure:NoSchedule',
    'node.kubernetes.io/pid-pressure:NoSchedule',
    'node.kubernetes.io/unschedulable:NoSchedule',
  ]);
  type Stored = { kind: string; metadata: { name: string; labels: Record<string, string> } };
  type StoredNode = Stored & { spec: { taints: { key: string; effect: string }[] } };
  type StoredSet = Stored & { status: { desiredNumberScheduled: number } };

  /** DESIRED counted afresh from the stored nodes: the selector matches and every taint is tolerated. */
  function freshDesired(cluster: ReturnType<typeof createCluster>): number {
    const nodes = cluster.snapshot().objects.filter((object) => object.kind === 'Node') as unknown as StoredNode[];
    return nodes.filter(
      (node) =>
        node.metadata.labels.disk === 'ssd' &&
        node.spec.taints.every((taint) => taint.effect === 'PreferNoSchedule' || tolerated.has(`${taint.key}:${taint.effect}`)),
    ).length;
  }
  const desired = (cluster: ReturnType<typeof createCluster>) =>
    (
      cluster
        .snapshot()
        .objects.find((object) => object.kind === 'DaemonSet' && object.metadata.name === 'ssd-agent') as unknown as StoredSet
    ).status.desiredNumberScheduled;

  it('#75 DESIRED kept per node matches a fresh count after labels, taints, cordons and failures', () => {
    const cluster = createCluster({ seed: 3, workers: 5, files: { 'ssd.yaml': onSsd } });
    const steps = [
      'kubectl apply -f ssd.yaml',
      'kubectl label node worker-1 worker-2 worker-3 disk=ssd',
      'kubectl taint node worker-2 dedicated=db:NoSchedule',
      'sim node fail worker-3',
      'kubectl cordon worker-1',
      'kubectl label node worker-4 disk=ssd',
      'kubectl taint node worker-2 dedicated-',
      'sim node recover worker-3',
      'kubectl label node worker-1 disk-',
    ];
    const seen: number[] = [];
    for (const line of steps) {
      expect(cluster.exec(line).exitCode, line).toBe(0);
      expect(cluster.exec('sim advance 2m').exitCode).toBe(0);
      expect(desired(cluster), line).toBe(freshDesired(cluster));
      seen.push(desired(cluster));
    }
    // The steps move the count both ways, so a count that never changed would not pass.
    expect(seen).toEqual([0, 3, 2, 1, 1, 2, 3, 4, 3]);
  });
});
