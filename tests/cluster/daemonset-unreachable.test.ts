import { createCluster } from '@/lib/cluster';

const agent = `
apiVersion: apps/v1
kind: DaemonSet
metadata: { name: log-agent }
spec:
  selector: { matchLabels: { app: log-agent } }
  template:
    metadata: { labels: { app: log-agent } }
    spec:
      containers: [{ name: agent, image: "fluent/fluent-bit:3.1" }]
`;

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
