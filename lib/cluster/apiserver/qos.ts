// The pod's QoS class, as the API server computes status.qosClass (pkg/apis/core/helper/qos):
// BestEffort without any cpu or memory request or limit; Guaranteed when every container has cpu
// and memory limits and the pod's requests equal its limits (requests default to limits when
// only limits are set); Burstable otherwise.
import type { Container, Resources } from '../api/types';

export type QosClass = 'Guaranteed' | 'Burstable' | 'BestEffort';

export function podQosClass(containers: readonly Container[]): QosClass {
  // Sums per resource in locals: this runs at every pod's admission.
  let requestCpu = 0;
  let requestMemory = 0;
  let limitCpu = 0;
  let limitMemory = 0;
  let guaranteed = true;
  for (const container of containers) {
    const { requests, limits } = container;
    if (requests.cpu > 0) requestCpu += requests.cpu;
    if (requests.memory > 0) requestMemory += requests.memory;
    const cpu = limits?.cpu ?? 0;
    const memory = limits?.memory ?? 0;
    if (cpu > 0) limitCpu += cpu;
    if (memory > 0) limitMemory += memory;
    if (!(cpu > 0 && memory > 0)) guaranteed = false;
  }
  if (requestCpu === 0 && requestMemory === 0 && limitCpu === 0 && limitMemory === 0) return 'BestEffort';
  // Guaranteed: both limits on every container, and the summed requests equal to the limits.
  if (guaranteed && requestCpu === limitCpu && requestMemory === limitMemory) return 'Guaranteed';
  return 'Burstable';
}

/** A pod's limits as `kubectl describe node` sums them: containers without a limit add nothing. */
export function podLimits(containers: readonly Container[]): Resources {
  const out = { cpu: 0, memory: 0 };
  for (const container of containers) {
    out.cpu += container.limits?.cpu ?? 0;
    out.memory += container.limits?.memory ?? 0;
  }
  return out;
}

export function podRequests(containers: readonly Container[]): Resources {
  const out = { cpu: 0, memory: 0 };
  for (const container of containers) {
    out.cpu += container.requests.cpu;
    out.memory += container.requests.memory;
  }
  return out;
}
