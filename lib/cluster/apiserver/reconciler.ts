// The API server's endpoint reconciler (pkg/controlplane/reconcilers, the default "lease" type,
// through EndpointsAdapter): the `kubernetes` Service in default has no selector, so no endpoint
// controller writes its endpoints; the API server does, with its own address and secure port
// (#101). It and the kubernetes Service controller (pkg/controlplane/controller/kubernetesservice)
// run every 10s, so a deleted `kubernetes` Service, Endpoints or slice comes back: here 10s after
// the deletion, the round that follows it at the latest. The Endpoints object is labelled to keep the mirroring controller away; the slice,
// named like the Service, carries only the service-name label, no owner, and sets only `ready`.
import type { EndpointPort } from '../api/types';
import type { Engine } from '../engine/engine';
import { nodeAddress } from '../kubelet/runtime';
import { serviceNameLabel } from '../controllers/endpointslice';

export const apiServerService = { namespace: 'default', name: 'kubernetes' } as const;

/** kube-apiserver --secure-port (the kubeadm default), the target port of the kubernetes Service. */
const securePort = 6443;

/** discovery.LabelSkipMirror: the EndpointSlice mirroring controller leaves these Endpoints alone. */
const skipMirrorLabel = 'endpointslice.kubernetes.io/skip-mirror';

/** The API server's advertise address: the control-plane node's address. */
function advertiseAddress(engine: Engine): string {
  return nodeAddress(engine.state, engine.controlPlaneNode);
}

/** CreateOrUpdateMasterServiceIfNeeded: the Service itself, at the first address of the service range. */
function reconcileApiServerService(engine: Engine): void {
  const { namespace, name } = apiServerService;
  if (engine.store.get('Service', `${namespace}/${name}`)) return;
  engine.api.create<'Service'>({
    kind: 'Service',
    metadata: { name, namespace, labels: { component: 'apiserver', provider: 'kubernetes' } },
    spec: {
      type: 'ClusterIP',
      clusterIP: '10.96.0.1',
      ports: [{ name: 'https', port: 443, targetPort: securePort, protocol: 'TCP' }],
      selector: {},
    },
  });
}

/** The round after one of the three objects went: the Service, then its endpoints, created when missing. */
export function reconcileApiServer(engine: Engine): void {
  reconcileApiServerService(engine);
  reconcileApiServerEndpoints(engine);
}

/** How long after a deletion the next round of the API server's reconcilers comes (their 10s interval). */
export const apiServerReconcileIntervalMs = 10_000;

/** Sync: the Endpoints and the EndpointSlice with the API server's address, created when missing. */
export function reconcileApiServerEndpoints(engine: Engine): void {
  const { namespace, name } = apiServerService;
  const ip = advertiseAddress(engine);
  const ports: EndpointPort[] = [{ name: 'https', port: securePort, protocol: 'TCP' }];
  if (!engine.store.get('Endpoints', `${namespace}/${name}`))
    engine.api.create<'Endpoints'>({
      kind: 'Endpoints',
      metadata: { name, namespace, labels: { [skipMirrorLabel]: 'true' } },
      subsets: [{ addresses: [{ ip }], notReadyAddresses: [], ports }],
    });
  if (!engine.store.get('EndpointSlice', `${namespace}/${name}`))
    engine.api.create<'EndpointSlice'>({
      kind: 'EndpointSlice',
      metadata: { name, namespace, labels: { [serviceNameLabel]: name } },
      addressType: 'IPv4',
      endpoints: [{ addresses: [ip], conditions: { ready: true } }],
      ports,
    });
}
