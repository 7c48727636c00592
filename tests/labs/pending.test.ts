import { createCluster } from '@/lib/cluster';
import { buildDiagram } from '@/lib/labs/diagram/model';
import { diagnoseNodes, diagnosePending, parseFailedScheduling } from '@/lib/labs/pending';

describe("a Pending pod's reasons, node by node", () => {
  it('reads the counts out of the scheduler’s message, without its preemption note', () => {
    const parsed = parseFailedScheduling(
      '0/4 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 3 Insufficient cpu. preemption: 0/4 nodes are available: 1 Preemption is not helpful for scheduling, 3 No preemption victims found for incoming pod.',
    );
    expect(parsed).toEqual({
      total: 4,
      reasons: [
        { count: 1, text: 'node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }' },
        { count: 3, text: 'Insufficient cpu' },
      ],
    });
    expect(parseFailedScheduling('something else')).toBeUndefined();
  });

  it('puts each node under the first filter that turns it away: cordon, then taints, then the rest', () => {
    const nodes = [
      { name: 'control-plane', taints: ['node-role.kubernetes.io/control-plane:NoSchedule'], unschedulable: false },
      { name: 'worker-1', taints: ['node.kubernetes.io/unschedulable:NoSchedule'], unschedulable: true },
      { name: 'worker-2', taints: [], unschedulable: false },
    ];
    const { reasons } = parseFailedScheduling(
      '0/3 nodes are available: 1 Insufficient memory, 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 1 node(s) were unschedulable, 1 Insufficient cpu.',
    )!;
    expect(diagnoseNodes(reasons, nodes)).toEqual([
      {
        node: 'control-plane',
        filter: 'TaintToleration',
        reason: 'node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }',
      },
      { node: 'worker-1', filter: 'NodeUnschedulable', reason: 'node(s) were unschedulable' },
      { node: 'worker-2', filter: 'NodeResourcesFit', reason: 'Insufficient memory; Insufficient cpu' },
    ]);
  });

  it('diagnoses a real cluster’s pending pods, one table for pods with the same message', () => {
    const manifest = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: big
spec:
  replicas: 2
  selector:
    matchLabels: { app: big }
  template:
    metadata:
      labels: { app: big }
    spec:
      containers:
        - name: app
          image: nginx:1.27
          resources:
            requests: { cpu: "3" }
`;
    const cluster = createCluster({ seed: 3, workers: 2, cpu: '2', files: { 'big.yaml': manifest } });
    expect(cluster.exec('kubectl apply -f big.yaml').exitCode).toBe(0);
    cluster.advance('30s');
    const view = cluster.view();
    const model = buildDiagram(view);
    const diagnoses = diagnosePending(model.unscheduled, view.events, [...model.controlPlane, ...model.workers]);
    const pending = model.unscheduled.filter((p) => p.name.startsWith('big-'));
    expect(pending.length).toBeGreaterThan(0);
    expect(diagnoses.flatMap((d) => d.pods).sort()).toEqual(pending.map((p) => p.name).sort());
    const verdicts = new Map(diagnoses[0].nodes.map((v) => [v.node, v]));
    expect(verdicts.get('control-plane')?.filter).toBe('TaintToleration');
    expect(verdicts.get('worker-1')?.reason).toContain('Insufficient cpu');
  });
});
