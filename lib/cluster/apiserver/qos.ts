// The pod's QoS class, as the API server computes status.qosClass (pkg/apis/core/helper/qos):
// BestEffort without any cpu or memory request or limit; Guaranteed when every container has cpu
// and memory limits and the pod's requests equal its limits (requests default to limits when
// only limits are set); Burstable otherwise.
import type { Container, Resources } from '../api/types';

export type QosClass = 'Guaranteed' | 'Burstable' | 'BestEffort';

const resources = ['cpu', 'memory'] as const;

export function podQosClass(containers: readonly Container[]): QosClass {
  const requests = new Map<keyof Resources, number>();
  const limits = new Map<keyof Resources, number>();
  let guaranteed = true;
  for (const container of containers) {
    for (const name of resources) {
      const request = container.requests[name];
      if (request > 0) requests.set(name, (requests.get(name) ?? 0) + request);
      const limit = container.limits?.[name];
      if (limit !== undefined && limit > 0) limits.set(name, (limits.get(name) ?? 0) + limit);
    }
    if (!((container.limits?.cpu ?? 0) > 0 && (container.limits?.memory ?? 0) > 0)) guaranteed = false;
  }
  if (requests.size === 0 && limits.size === 0) return 'BestEffort';
  if (guaranteed) {
    for (const [name, request] of requests) {
      if (limits.get(name) !== request) guaranteed = false;
    }
  }
  return guaranteed && requests.size === limits.size ? 'Guaranteed' : 'Burstable';
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
