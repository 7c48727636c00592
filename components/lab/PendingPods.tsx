'use client';

import { useMemo } from 'react';
import { diagnosePending, selectDiagram, selectEvents } from '@/lib/labs';
import { useLab } from './LabContext';

const others = (count: number) => (count === 0 ? '' : count === 1 ? ' and 1 more pod' : ` and ${count} more pods`);

/** For each group of Pending pods, the node-by-node reason no node took them. */
export function PendingPods() {
  const model = useLab(selectDiagram);
  const events = useLab(selectEvents);
  const diagnoses = useMemo(
    () => diagnosePending(model.unscheduled, events, [...model.controlPlane, ...model.workers]),
    [model.unscheduled, model.controlPlane, model.workers, events],
  );
  if (diagnoses.length === 0) return null;
  return (
    <div className="lab-pending">
      {diagnoses.map((d) => (
        <details key={d.message} className="lab-pending-group">
          <summary>{`Why is ${d.pods[0]}${others(d.pods.length - 1)} Pending?`}</summary>
          <p className="lab-pending-message">
            The scheduler says: <code>{d.message}</code>
          </p>
          <table>
            <caption>{`Each node and the first filter that turned ${d.pods[0]} away`}</caption>
            <thead>
              <tr>
                <th scope="col">Node</th>
                <th scope="col">Filter</th>
                <th scope="col">Reason</th>
              </tr>
            </thead>
            <tbody>
              {d.nodes.map((v) => (
                <tr key={v.node}>
                  <th scope="row">{v.node}</th>
                  <td>
                    <code>{v.filter}</code>
                  </td>
                  <td>{v.reason}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <p className="lab-pending-note">
            Worked out from the message and what the diagram shows of each node (cordon, taints), in the scheduler's filter order.
          </p>
        </details>
      ))}
    </div>
  );
}
