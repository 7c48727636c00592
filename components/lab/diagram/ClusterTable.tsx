'use client';

import { memo } from 'react';
import type { DiagramNode, DiagramPod } from '@/lib/labs';
import { selectDiagram, machineNote } from '@/lib/labs';
import { useLab } from '../LabContext';

const podList = (pods: readonly DiagramPod[]) => (pods.length ? pods.map((p) => `${p.name} (${p.status})`).join(', ') : 'none');

const NodeRow = memo(function NodeRow({ node }: { node: DiagramNode }) {
  return (
    <tr>
      <th scope="row">{node.name}</th>
      <td>{node.status}</td>
      <td>{machineNote(node) || 'running'}</td>
      <td>{node.taints.length ? node.taints.join(', ') : 'none'}</td>
      <td>{podList(node.pods)}</td>
    </tr>
  );
});

/** The diagram as a table: what screen readers get, and what anyone can switch to. */
export function ClusterTable({ visible }: { visible: boolean }) {
  // No clock in the caption: it would change every frame while playing (the clock shows the time).
  const model = useLab(selectDiagram);
  const healthy = model.etcd.members.filter((m) => m.healthy).length;
  return (
    <div className={visible ? 'lab-table' : 'sr-only'}>
      <table>
        <caption>Nodes and pods</caption>
        <thead>
          <tr>
            <th scope="col">Node</th>
            <th scope="col">Status</th>
            <th scope="col">Machine</th>
            <th scope="col">Taints</th>
            <th scope="col">Pods</th>
          </tr>
        </thead>
        <tbody>
          {[...model.controlPlane, ...model.workers].map((node) => (
            <NodeRow key={node.name} node={node} />
          ))}
        </tbody>
      </table>
      <p>
        {`Control plane: ${model.components.map((c) => `${c.name} ${c.state}`).join(', ')}. etcd: ${healthy} of ${model.etcd.members.length} members healthy (${model.etcd.members.map((m) => `${m.name} ${m.healthy ? 'healthy' : 'failed'}`).join(', ')}).`}
      </p>
      <p>{`Pods waiting for a node: ${podList(model.unscheduled)}.`}</p>
    </div>
  );
}
