'use client';

import { memo } from 'react';
import type { DiagramNode, DiagramPod, DiagramService } from '@/lib/labs';
import { selectDiagram, machineNote, podWords } from '@/lib/labs';
import { useLab } from '../LabContext';

const podList = (pods: readonly DiagramPod[]) => (pods.length ? pods.map((p) => `${p.name} (${podWords(p)})`).join(', ') : 'none');

const NodeRow = memo(function NodeRow({ node, zones }: { node: DiagramNode; zones: boolean }) {
  return (
    <tr>
      <th scope="row">{node.name}</th>
      {zones && <td>{node.zone ?? 'none'}</td>}
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
  const zoned = model.zones.length > 0;
  return (
    <div className={visible ? 'lab-table' : 'sr-only'}>
      <table>
        <caption>Nodes and pods</caption>
        <thead>
          <tr>
            <th scope="col">Node</th>
            {zoned && <th scope="col">Zone</th>}
            <th scope="col">Status</th>
            <th scope="col">Machine</th>
            <th scope="col">Taints</th>
            <th scope="col">Pods</th>
          </tr>
        </thead>
        <tbody>
          {[...model.controlPlane, ...model.workers].map((node) => (
            <NodeRow key={node.name} node={node} zones={zoned} />
          ))}
        </tbody>
      </table>
      <p>
        {`Control plane: ${model.components.map((c) => `${c.name} ${c.state}`).join(', ')}. etcd: ${healthy} of ${model.etcd.members.length} members healthy (${model.etcd.members.map((m) => `${m.name} ${m.healthy ? 'healthy' : 'failed'}`).join(', ')}).`}
      </p>
      <p>{`Pods waiting for a node: ${podList(model.unscheduled)}.`}</p>
      {model.services.length > 0 && <ServiceTable services={model.services} />}
    </div>
  );
}

const names = (endpoints: DiagramService['ready']) => (endpoints.length ? endpoints.map((e) => e.label).join(', ') : 'none');

function ServiceTable({ services }: { services: readonly DiagramService[] }) {
  return (
    <table>
      <caption>Services and their endpoints</caption>
      <thead>
        <tr>
          <th scope="col">Service</th>
          <th scope="col">Type and ports</th>
          <th scope="col">Ready (receive traffic)</th>
          <th scope="col">Not ready</th>
        </tr>
      </thead>
      <tbody>
        {services.map((s) => (
          <tr key={s.key}>
            <th scope="row">{s.namespace === 'default' ? s.name : `${s.namespace}/${s.name}`}</th>
            <td>{`${s.type} ${s.ports.join(', ')}`}</td>
            <td>{names(s.ready)}</td>
            <td>{names(s.notReady)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
