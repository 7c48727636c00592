// The leader-election Leases in kube-system: kube-controller-manager and kube-scheduler each hold
// one and renew it every retryPeriod (2s). The model runs one replica of each, so the holder
// never changes; the objects are derived on read rather than written every two seconds.
import type { Lease } from '../../api/types';
import type { Engine } from '../../engine/engine';
import { digest } from '../../node/containers';

const renewPeriodMs = 2000;
const components = ['kube-controller-manager', 'kube-scheduler'] as const;

const uuid = (hex: string) => `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;

export function leaderElectionLeases(engine: Engine, kind: string): Lease[] {
  if (kind !== 'Lease') return [];
  const node = engine.controlPlaneNode;
  const now = engine.clock.now();
  const renewed = Math.floor(now / renewPeriodMs) * renewPeriodMs;
  return components.map((component) => ({
    kind: 'Lease',
    metadata: {
      name: component,
      namespace: 'kube-system',
      uid: uuid(digest(`lease/${component}`)),
      resourceVersion: 400 + Math.floor(now / renewPeriodMs),
      generation: 0,
      creationTimestamp: 0,
      labels: {},
      annotations: {},
      ownerReferences: [],
    },
    spec: {
      holderIdentity: `${node}_${uuid(digest(`holder/${component}`))}`,
      leaseDurationSeconds: 15,
      renewTime: renewed,
    },
  }));
}
